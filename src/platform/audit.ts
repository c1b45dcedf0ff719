import { sql, type Kysely } from 'kysely'
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

/**
 * Retention: deletes audit events older than `seconds`, the only deletion the audit log allows
 * (its trigger refuses any other). Answers how many were deleted.
 */
export async function purgeAuditEvents(db: Kysely<DB>, seconds: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL shopfront.audit_retention = 'purge'`.execute(trx)
    const result = await trx
      .deleteFrom('audit_event')
      .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${seconds})`)
      .executeTakeFirst()
    return Number(result.numDeletedRows)
  })
}
