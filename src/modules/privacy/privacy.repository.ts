import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'

/**
 * The data export: one read-only statement over every module's tables (the one place that reads
 * them all, so the document is one consistent snapshot and PostgreSQL builds the JSON). Each list
 * is capped (most recent first): the document has a known maximum size whatever the account.
 */

type Db = Kysely<DB>

/** How many items each list of the export holds at most (most recent first). */
export const EXPORT_LIMITS = Object.freeze({
  orders: 200, // each with at most 100 lines (checkout's bound)
  reviews: 500, // bodies <= 5,000 characters
  posts: 50, // bodies <= 100,000 characters
  comments: 500, // bodies <= 5,000 characters
  likes: 1000,
  sessions: 200,
  auditEvents: 500,
})

export type ExportSection = keyof typeof EXPORT_LIMITS

export interface DataExportRow {
  readonly generatedAt: Date
  readonly document: Record<string, unknown>
  readonly truncated: ExportSection[]
}

/**
 * Everything stored about one user of one shop, as JSON, in one statement. Each section selects
 * `cap + 1` rows so the document can say which lists were cut. Token hashes, password hashes and
 * idempotency responses are never selected.
 */
export async function buildDataExport(db: Db, shopId: string, userId: string): Promise<DataExportRow | undefined> {
  const L = EXPORT_LIMITS
  const result = await sql<{ generated_at: Date; document: Record<string, unknown> }>`
    SELECT now() AS generated_at, json_build_object(
      'format', 'shopfront.data-export/1',
      'generatedAt', now(),
      'profile', json_build_object(
        'id', u.id, 'email', u.email, 'displayName', u.display_name, 'role', u.role,
        'createdAt', u.created_at, 'updatedAt', u.updated_at, 'passwordChangedAt', u.password_changed_at),
      'shop', json_build_object('handle', s.handle, 'name', s.name),
      'cart', (
        SELECT coalesce(json_agg(json_build_object('sku', v.sku, 'title', v.title, 'quantity', cl.quantity,
                 'addedAt', cl.created_at) ORDER BY cl.seq), '[]'::json)
        FROM cart c JOIN cart_line cl ON cl.shop_id = c.shop_id AND cl.cart_id = c.id
        JOIN product_variant v ON v.shop_id = cl.shop_id AND v.id = cl.variant_id
        WHERE c.shop_id = u.shop_id AND c.user_id = u.id),
      'orders', (
        SELECT coalesce(json_agg(json_build_object(
                 'number', o.number, 'status', o.status, 'currencyCode', o.currency_code,
                 'subtotalMinor', o.subtotal_minor::text, 'taxMinor', o.tax_minor::text, 'totalMinor', o.total_minor::text,
                 'note', o.note, 'placedAt', o.placed_at, 'paidAt', o.paid_at, 'fulfilledAt', o.fulfilled_at,
                 'cancelledAt', o.cancelled_at, 'refundedAt', o.refunded_at,
                 'lines', (SELECT coalesce(json_agg(json_build_object('title', l.title, 'sku', l.sku,
                             'unitPriceMinor', l.unit_price_minor::text, 'quantity', l.quantity,
                             'lineTotalMinor', l.line_total_minor::text) ORDER BY l.position), '[]'::json)
                           FROM order_line l WHERE l.shop_id = o.shop_id AND l.order_id = o.id)
               ) ORDER BY o.placed_at DESC, o.id DESC), '[]'::json)
        FROM (SELECT * FROM "order" WHERE shop_id = u.shop_id AND customer_id = u.id
              ORDER BY placed_at DESC, id DESC LIMIT ${L.orders + 1}) o),
      'reviews', (
        SELECT coalesce(json_agg(json_build_object('product', p.handle, 'rating', r.rating, 'title', r.title,
                 'body', r.body, 'status', r.status, 'createdAt', r.created_at, 'updatedAt', r.updated_at)
               ORDER BY r.created_at DESC, r.id DESC), '[]'::json)
        FROM (SELECT * FROM review WHERE shop_id = u.shop_id AND author_id = u.id
              ORDER BY created_at DESC, id DESC LIMIT ${L.reviews + 1}) r
        JOIN product p ON p.shop_id = r.shop_id AND p.id = r.product_id),
      'posts', (
        SELECT coalesce(json_agg(json_build_object('handle', p.handle, 'title', p.title, 'body', p.body,
                 'excerpt', p.excerpt, 'tags', p.tags, 'status', p.status, 'publishedAt', p.published_at,
                 'createdAt', p.created_at, 'updatedAt', p.updated_at, 'deletedAt', p.deleted_at)
               ORDER BY p.created_at DESC, p.id DESC), '[]'::json)
        FROM (SELECT * FROM post WHERE shop_id = u.shop_id AND author_id = u.id
              ORDER BY created_at DESC, id DESC LIMIT ${L.posts + 1}) p),
      'comments', (
        SELECT coalesce(json_agg(json_build_object('post', p.handle, 'body', c.body, 'status', c.status,
                 'createdAt', c.created_at, 'updatedAt', c.updated_at, 'deletedAt', c.deleted_at)
               ORDER BY c.created_at DESC, c.id DESC), '[]'::json)
        FROM (SELECT * FROM comment WHERE shop_id = u.shop_id AND author_id = u.id
              ORDER BY created_at DESC, id DESC LIMIT ${L.comments + 1}) c
        JOIN post p ON p.shop_id = c.shop_id AND p.id = c.post_id),
      'likes', (
        SELECT coalesce(json_agg(json_build_object('post', p.handle, 'likedAt', k.created_at)
               ORDER BY k.created_at DESC, k.post_id DESC), '[]'::json)
        FROM (SELECT * FROM post_like WHERE shop_id = u.shop_id AND user_id = u.id
              ORDER BY created_at DESC, post_id DESC LIMIT ${L.likes + 1}) k
        JOIN post p ON p.shop_id = k.shop_id AND p.id = k.post_id),
      'sessions', (
        SELECT coalesce(json_agg(json_build_object('createdAt', f.created_at, 'lastUsedAt', f.last_used_at,
                 'expiresAt', f.expires_at, 'revokedAt', f.revoked_at) ORDER BY f.created_at DESC), '[]'::json)
        FROM (SELECT family_id, min(created_at) AS created_at, max(created_at) AS last_used_at,
                     max(expires_at) AS expires_at, max(revoked_at) AS revoked_at
              FROM refresh_token WHERE shop_id = u.shop_id AND user_id = u.id
              GROUP BY family_id ORDER BY min(created_at) DESC LIMIT ${L.sessions + 1}) f),
      'auditEvents', (
        SELECT coalesce(json_agg(json_build_object('action', a.action, 'targetType', a.target_type,
                 'targetId', a.target_id, 'byThisUser', a.actor_id IS NOT DISTINCT FROM u.id, 'diff', a.diff,
                 'createdAt', a.created_at) ORDER BY a.created_at DESC, a.id DESC), '[]'::json)
        FROM (SELECT * FROM audit_event
              WHERE shop_id = u.shop_id AND (actor_id = u.id OR (target_type = 'User' AND target_id = u.id))
              ORDER BY created_at DESC, id DESC LIMIT ${L.auditEvents + 1}) a)
    ) AS document
    FROM "user" u JOIN shop s ON s.id = u.shop_id
    WHERE u.shop_id = ${shopId} AND u.id = ${userId} AND u.deleted_at IS NULL`.execute(db)
  const row = result.rows[0]
  if (!row) return undefined
  const document = row.document
  const truncated: ExportSection[] = []
  for (const section of Object.keys(L) as ExportSection[]) {
    const list = document[section] as unknown[]
    if (list.length > L[section]) {
      truncated.push(section)
      list.length = L[section]
    }
  }
  return { generatedAt: row.generated_at, document: { ...document, limits: L, truncated }, truncated }
}
