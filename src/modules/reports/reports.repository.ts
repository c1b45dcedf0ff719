import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type { ShopRow } from '../../shared/rows.js'

/**
 * The staff reports: read-only aggregates over the orders module's tables (and the customers'
 * emails), each one SQL statement on the partial index `order_shop_id_placed_at_counted_idx`.
 * They live here rather than in the orders repository because they are a read model of their
 * own: nothing here writes, and no other module calls them.
 */

type Db = Kysely<DB>

/** The order states a report counts (the partial index's predicate: keep the two in step). */
const COUNTED = sql`('PAID', 'FULFILLED')`

/**
 * The shop's IANA time zone, in which report days are counted (`shop.timezone`, default `UTC`).
 * The one place reports read it: the shop row is already loaded as the parent of `Shop.reports`.
 */
export function shopTimezone(shop: ShopRow): string {
  return shop.timezone
}

export interface TopCustomerRow {
  readonly customer_id: string
  /** Null when the account has been erased. */
  readonly email: string | null
  readonly order_count: number
  readonly total_spent_minor: string
  readonly currency_code: string
}

/** Customers by spend over the last `days` days (today included) of the shop's calendar. */
export async function findTopCustomers(
  db: Db,
  shop: ShopRow,
  window: { days: number; first: number },
): Promise<TopCustomerRow[]> {
  const tz = shopTimezone(shop)
  const result = await sql<TopCustomerRow>`
    WITH top AS (
      SELECT o.customer_id, count(*)::int AS order_count, sum(o.total_minor)::text AS total_spent_minor,
             sum(o.total_minor) AS spent
      FROM "order" o
      WHERE o.shop_id = ${shop.id}
        AND o.status IN ${COUNTED}
        AND o.placed_at >= ((now() AT TIME ZONE ${tz})::date - ${window.days - 1}::int)::timestamp AT TIME ZONE ${tz}
      GROUP BY o.customer_id
      ORDER BY spent DESC, order_count DESC, o.customer_id
      LIMIT ${window.first}
    )
    SELECT top.customer_id, CASE WHEN u.deleted_at IS NULL THEN u.email END AS email, top.order_count,
           top.total_spent_minor, ${shop.currency_code}::text AS currency_code
    FROM top
    JOIN "user" u ON u.shop_id = ${shop.id} AND u.id = top.customer_id
    ORDER BY top.spent DESC, top.order_count DESC, top.customer_id`.execute(db)
  return result.rows
}

export interface DailySalesRow {
  /** `YYYY-MM-DD` in the shop's time zone. */
  readonly date: string
  readonly orders: number
  readonly revenue_minor: string
  readonly currency_code: string
}

/** One row per day from `from` to `to` (shop time zone), zeros for days without sales. */
export async function findSalesByDay(
  db: Db,
  shop: ShopRow,
  range: { from: string; to: string },
): Promise<DailySalesRow[]> {
  const tz = shopTimezone(shop)
  const result = await sql<DailySalesRow>`
    WITH sales AS (
      SELECT (o.placed_at AT TIME ZONE ${tz})::date AS day, count(*)::int AS orders, sum(o.total_minor) AS revenue
      FROM "order" o
      WHERE o.shop_id = ${shop.id}
        AND o.status IN ${COUNTED}
        AND o.placed_at >= ${range.from}::date::timestamp AT TIME ZONE ${tz}
        AND o.placed_at < (${range.to}::date + 1)::timestamp AT TIME ZONE ${tz}
      GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS date, coalesce(s.orders, 0) AS orders,
           coalesce(s.revenue, 0)::text AS revenue_minor, ${shop.currency_code}::text AS currency_code
    FROM generate_series(${range.from}::date, ${range.to}::date, interval '1 day') AS d(day)
    LEFT JOIN sales s ON s.day = d.day::date
    ORDER BY d.day`.execute(db)
  return result.rows
}

export interface TopVariantRow {
  /** Null when the variant has been deleted since. */
  readonly variant_id: string | null
  readonly sku: string
  readonly title: string
  readonly units_sold: number
  readonly revenue_minor: string
  readonly currency_code: string
}

/** Variants by units sold in counted orders placed from `from` to `to` (shop time zone). */
export async function findTopVariants(
  db: Db,
  shop: ShopRow,
  range: { from: string; to: string; first: number },
): Promise<TopVariantRow[]> {
  const tz = shopTimezone(shop)
  const result = await sql<TopVariantRow>`
    SELECT l.variant_id, l.sku, max(l.title) AS title, sum(l.quantity)::int AS units_sold,
           sum(l.line_total_minor)::text AS revenue_minor, ${shop.currency_code}::text AS currency_code
    FROM "order" o
    JOIN order_line l ON l.shop_id = o.shop_id AND l.order_id = o.id
    WHERE o.shop_id = ${shop.id}
      AND o.status IN ${COUNTED}
      AND o.placed_at >= ${range.from}::date::timestamp AT TIME ZONE ${tz}
      AND o.placed_at < (${range.to}::date + 1)::timestamp AT TIME ZONE ${tz}
    GROUP BY l.variant_id, l.sku
    ORDER BY sum(l.quantity) DESC, sum(l.line_total_minor) DESC, l.sku
    LIMIT ${range.first}`.execute(db)
  return result.rows
}
