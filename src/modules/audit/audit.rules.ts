import { adminOnly, allow, type RuleMap } from '../../graphql/rules.js'

export const auditRules: RuleMap = {
  Shop: { auditEvents: adminOnly },
  // An event is only reached through Shop.auditEvents or node, both admin-only and scoped to the
  // viewer's shop in SQL. Its actor and target answer by their own visibility rules.
  AuditEvent: { '*': allow },
  AuditEventEdge: { '*': allow },
  AuditEventConnection: { '*': allow },
}
