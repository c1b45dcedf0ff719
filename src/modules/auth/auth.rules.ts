import { rule } from 'graphql-shield'
import type { Context } from '../../graphql/context.js'
import { forbidden } from '../../shared/errors.js'
import { isStaff } from '../../shared/viewer.js'
import type { UserRow } from '../../shared/rows.js'
import { allow, signedIn, type RuleMap } from '../../graphql/rules.js'

/** The user themself (signed in, or just proved by the mutation), or staff of the user's own shop. */
const selfOrShopStaffOnly = rule({ cache: 'strict' })((user: UserRow, _args, ctx: Context) => {
  const viewer = ctx.viewer
  if ((viewer && viewer.userId === user.id) || ctx.provenUserIds.has(user.id)) return true
  if (viewer && isStaff(viewer) && viewer.shopId === user.shop_id) return true
  return forbidden('Only the user and staff of their shop can see this field')
})

export const authRules: RuleMap = {
  Query: { shop: allow, viewer: allow, node: allow, nodes: allow },
  Mutation: {
    shopCreate: allow,
    userRegister: allow,
    sessionCreate: allow,
    sessionRefresh: allow,
    sessionRevoke: allow,
    passwordChange: signedIn,
    passwordResetRequest: allow,
    passwordReset: allow,
  },
  Shop: { id: allow, handle: allow, name: allow, currencyCode: allow, taxRateBasisPoints: allow, createdAt: allow },
  User: { id: allow, displayName: allow, email: selfOrShopStaffOnly, role: selfOrShopStaffOnly, createdAt: allow },
  Viewer: { user: signedIn, shop: signedIn },
  Session: { '*': allow },
  ShopCreatePayload: { '*': allow },
  UserRegisterPayload: { '*': allow },
  SessionCreatePayload: { '*': allow },
  SessionRefreshPayload: { '*': allow },
  SessionRevokePayload: { '*': allow },
  PasswordChangePayload: { '*': allow },
  PasswordResetRequestPayload: { '*': allow },
  PasswordResetPayload: { '*': allow },
  // Shared types of base.graphql.
  PageInfo: { '*': allow },
  Money: { '*': allow },
  UserError: { '*': allow },
}
