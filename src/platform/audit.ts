import type { Kysely } from 'kysely'
import type { DB } from '../../db/types.js'

export interface AuditEntry {
  shopId: string
  actorId: string | null
  action: string
  targetType: string
  targetId: string | null
  diff?: Record<string, unknown>
  requestId?: string | null
}

/**
 * Appends to the audit log. Call it with the transaction of the change it records, so the entry
 * and the change commit or roll back together.
 */
export async function recordAudit(trx: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_event')
    .values({
      shop_id: entry.shopId,
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      diff: JSON.stringify(entry.diff ?? {}),
      request_id: entry.requestId ?? null,
    })
    .execute()
}
