import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { seekPage, type Page } from '../../shared/pagination.js'
import type { Role, ShopRow, UserRow } from '../../shared/rows.js'

type Db = Kysely<DB>

// The back office's queries of the shop and user tables (the auth module owns the rest of them).

export interface CustomerListFilter {
  /** Lower-cased prefix of the email or the display name. */
  prefix?: string | null
  role?: Role | null
}

/** `abc%` for LIKE, with the caller's own `%`, `_` and `\` taken literally. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function customers(db: Db, shopId: string, filter: CustomerListFilter) {
  let query = db.selectFrom('user').where('shop_id', '=', shopId).where('deleted_at', 'is', null)
  if (filter.prefix) {
    const pattern = likePrefix(filter.prefix)
    // Each side is served by its (shop_id, lower(x) text_pattern_ops) index (a BitmapOr).
    query = query.where((eb) =>
      eb.or([eb(sql`lower(email)`, 'like', pattern), eb(sql`lower(display_name)`, 'like', pattern)]),
    )
  }
  if (filter.role) query = query.where('role', '=', filter.role)
  return query
}

/** One page of the shop's live accounts, newest first (keyset on created_at, id). */
export function findCustomerPage(db: Db, shopId: string, filter: CustomerListFilter, page: Page): Promise<UserRow[]> {
  return seekPage(customers(db, shopId, filter).selectAll(), 'created_at', true, page).execute()
}

export async function countCustomers(db: Db, shopId: string, filter: CustomerListFilter): Promise<number> {
  const row = await customers(db, shopId, filter)
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow()
  return row.count
}

/**
 * The shop row, locked until the transaction ends (NO KEY UPDATE: rows referencing the shop can
 * still be inserted). Role changes and settings changes of one shop queue here; a checkout reads
 * the shop FOR SHARE and queues behind a settings change too.
 */
export function lockShop(db: Db, shopId: string): Promise<ShopRow | undefined> {
  return db.selectFrom('shop').selectAll().where('id', '=', shopId).forNoKeyUpdate().executeTakeFirst()
}

export async function countAdmins(db: Db, shopId: string): Promise<number> {
  const row = await db
    .selectFrom('user')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('shop_id', '=', shopId)
    .where('role', '=', 'ADMIN')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return row.count
}

export function updateUserRole(db: Db, shopId: string, userId: string, role: Role): Promise<UserRow> {
  return db
    .updateTable('user')
    .set({ role, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export interface ShopPatch {
  name?: string
  tax_rate_bps?: number
  timezone?: string
  currency_code?: string
}

export function updateShop(db: Db, shopId: string, patch: ShopPatch): Promise<ShopRow> {
  return db
    .updateTable('shop')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', shopId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Whether PostgreSQL knows the time zone (reports count days with `AT TIME ZONE` in it). */
export async function isKnownTimeZone(db: Db, name: string): Promise<boolean> {
  const row = await db
    .selectNoFrom(sql<boolean>`EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ${name})`.as('known'))
    .executeTakeFirstOrThrow()
  return row.known
}
