import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { seekPage, type Page } from '../../shared/pagination.js'
import type { AuditEventRow } from '../../shared/rows.js'

type Db = Kysely<DB>

export interface AuditEventFilter {
  actorId?: string | null
  action?: string | null
  targetType?: string | null
  targetId?: string | null
  from?: Date | null
  to?: Date | null
}

/**
 * One page of the shop's audit log, newest first (keyset on created_at, id). Each equality filter
 * has an index (shop_id, <column>, created_at DESC, id DESC), so a page is one index range scan.
 */
export function findAuditEventPage(
  db: Db,
  shopId: string,
  filter: AuditEventFilter,
  page: Page,
): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_event').selectAll().where('shop_id', '=', shopId)
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId)
  if (filter.action) query = query.where('action', '=', filter.action)
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType)
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId)
  if (filter.from) query = query.where('created_at', '>=', filter.from)
  if (filter.to) query = query.where('created_at', '<', filter.to)
  return seekPage(query, 'created_at', true, page).execute()
}

export function findAuditEventsByIds(db: Db, shopId: string, ids: readonly string[]): Promise<AuditEventRow[]> {
  return db.selectFrom('audit_event').selectAll().where('shop_id', '=', shopId).where('id', 'in', ids).execute()
}
