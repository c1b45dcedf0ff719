import { badUserInput } from '../../shared/errors.js'
import type { AuditEventFilter as AuditEventFilterInput, Resolvers } from '../../generated/graphql.js'
import { parseGlobalId, requireGlobalId, toGlobalId } from '../../shared/ids.js'
import type { NodeFetchers } from '../../graphql/node-types.js'
import { parsePageArgs, toConnection } from '../../shared/pagination.js'
import * as repo from './audit.repository.js'

const CURSOR = ['date', 'uuid'] as const

/** The filter argument checked: ids to UUIDs, bounded texts, a time range that is not reversed. */
function parseFilter(filter: AuditEventFilterInput | null | undefined): repo.AuditEventFilter {
  if (!filter) return {}
  const parsed: repo.AuditEventFilter = {}
  if (filter.actorId != null) parsed.actorId = requireGlobalId(filter.actorId, 'User', ['filter', 'actorId'])
  for (const name of ['action', 'targetType'] as const) {
    const value = filter[name]
    if (value == null) continue
    if (value.length < 1 || value.length > 100)
      throw badUserInput(`"filter.${name}" must be 1–100 characters`, ['filter', name])
    parsed[name] = value
  }
  if (filter.targetId != null) {
    const target = parseGlobalId(filter.targetId)
    if (!target) throw badUserInput('"filter.targetId" must be a global id', ['filter', 'targetId'])
    if (parsed.targetType && parsed.targetType !== target.type) {
      throw badUserInput('"filter.targetId" is not of "filter.targetType"', ['filter', 'targetId'])
    }
    parsed.targetType = target.type
    parsed.targetId = target.id
  }
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) {
    throw badUserInput('"filter.from" must not be after "filter.to"', ['filter', 'from'])
  }
  parsed.from = filter.from ?? null
  parsed.to = filter.to ?? null
  return parsed
}

export const auditResolvers: Resolvers = {
  Shop: {
    // Admins only (shield), and only of their own shop: another shop's log answers as empty.
    auditEvents: async (shop, { filter, ...args }, ctx) => {
      const page = parsePageArgs(args, CURSOR)
      const parsed = parseFilter(filter)
      if (ctx.viewer?.shopId !== shop.id) return toConnection([], page, () => [])
      const rows = await repo.findAuditEventPage(ctx.db, shop.id, parsed, page)
      return toConnection(rows, page, (row) => [row.created_at, row.id])
    },
  },
  AuditEvent: {
    id: (event) => toGlobalId('AuditEvent', event.id),
    action: (event) => event.action,
    actor: (event, _args, ctx) => (event.actor_id ? ctx.loaders.userById.load(event.actor_id) : null),
    actorId: (event) => (event.actor_id ? toGlobalId('User', event.actor_id) : null),
    targetType: (event) => event.target_type,
    targetId: (event) => (event.target_id ? toGlobalId(event.target_type, event.target_id) : null),
    // Through the node registry, so the target's own visibility rules apply (batched per type).
    target: (event, _args, ctx) =>
      event.target_id ? (ctx.resolveNode(toGlobalId(event.target_type, event.target_id)) as never) : null,
    diff: (event) => event.diff,
    requestId: (event) => event.request_id,
    createdAt: (event) => event.created_at,
  },
}

/** node(id:) for audit events: admins of the event's shop only (checked in SQL by the loader). */
export const auditNodes = {
  AuditEvent: (ctx, id) => ctx.loaders.auditEventById.load(id),
} satisfies NodeFetchers
