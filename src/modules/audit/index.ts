import { type Module } from '../module.js'
import { createAuditLoaders } from './audit.loaders.js'
import { auditNodes, auditResolvers } from './audit.resolvers.js'
import { auditRules } from './audit.rules.js'

export type AuditLoaders = ReturnType<typeof createAuditLoaders>

/** The audit log, as admins read it (the platform's recordAudit writes it). */
export const auditModule: Module<AuditLoaders> = {
  name: 'audit',
  resolvers: auditResolvers,
  rules: auditRules,
  nodes: auditNodes,
  createLoaders: createAuditLoaders,
}
