import { adminOnly, allow, staffOnly, type RuleMap } from '../../graphql/rules.js'

export const staffRules: RuleMap = {
  Shop: { customers: staffOnly, timezone: allow },
  Mutation: { staffInvite: adminOnly, userRoleUpdate: adminOnly, shopUpdate: adminOnly },
  // A Customer is only ever reached through Shop.customers or node, both staff-only and scoped
  // to the viewer's shop in SQL; its fields add no further restriction.
  Customer: { '*': allow },
  CustomerEdge: { '*': allow },
  CustomerConnection: { '*': allow },
  StaffInvitePayload: { '*': allow },
  UserRoleUpdatePayload: { '*': allow },
  ShopUpdatePayload: { '*': allow },
}
