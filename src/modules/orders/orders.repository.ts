import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type {
  CartLineRow,
  CartRow,
  NewOrderLineRow,
  NewOrderRow,
  OrderEventRow,
  OrderLineRow,
  OrderRow,
  OrderStatus,
} from '../../shared/rows.js'
import { seekPage, type Page } from '../../shared/pagination.js'

type Db = Kysely<DB>

// ---- carts

export function findCartByUser(db: Db, shopId: string, userId: string): Promise<CartRow | undefined> {
  return db
    .selectFrom('cart')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

/** The user's cart, locked until the transaction ends: one checkout or cart change at a time per cart. */
export function lockCartByUser(db: Db, shopId: string, userId: string): Promise<CartRow | undefined> {
  return db
    .selectFrom('cart')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst()
}

/** The user's cart, created when missing (race-free), and locked. */
export async function ensureLockedCart(db: Db, shopId: string, userId: string): Promise<CartRow> {
  await db
    .insertInto('cart')
    .values({ shop_id: shopId, user_id: userId })
    .onConflict((oc) => oc.columns(['shop_id', 'user_id']).doNothing())
    .execute()
  const cart = await lockCartByUser(db, shopId, userId)
  if (!cart) throw new Error('cart vanished right after its upsert')
  return cart
}

export function findCartsByIds(db: Db, shopId: string, ids: readonly string[]): Promise<CartRow[]> {
  return db.selectFrom('cart').selectAll().where('shop_id', '=', shopId).where('id', 'in', ids).execute()
}

export function findCartLines(db: Db, shopId: string, cartIds: readonly string[]): Promise<CartLineRow[]> {
  return db
    .selectFrom('cart_line')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('cart_id', 'in', cartIds)
    .orderBy('seq')
    .execute()
}

/**
 * Adds `quantity` units of a variant to the cart, merging with an existing line; answers null
 * (changing nothing) when the merged quantity would pass 999.
 */
export function upsertCartLine(
  db: Db,
  shopId: string,
  cartId: string,
  variantId: string,
  quantity: number,
): Promise<CartLineRow | undefined> {
  return db
    .insertInto('cart_line')
    .values({ shop_id: shopId, cart_id: cartId, variant_id: variantId, quantity })
    .onConflict((oc) =>
      oc
        .columns(['cart_id', 'variant_id'])
        .doUpdateSet({ quantity: sql`cart_line.quantity + excluded.quantity`, updated_at: sql`now()` })
        .where(sql<boolean>`cart_line.quantity + excluded.quantity <= 999`),
    )
    .returningAll()
    .executeTakeFirst()
}

export async function countCartLines(db: Db, shopId: string, cartId: string): Promise<number> {
  const row = await db
    .selectFrom('cart_line')
    .select(sql<string>`count(*)`.as('count'))
    .where('shop_id', '=', shopId)
    .where('cart_id', '=', cartId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function setCartLineQuantity(
  db: Db,
  shopId: string,
  cartId: string,
  lineId: string,
  quantity: number,
): Promise<boolean> {
  const result = await db
    .updateTable('cart_line')
    .set({ quantity, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('cart_id', '=', cartId)
    .where('id', '=', lineId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function deleteCartLines(
  db: Db,
  shopId: string,
  cartId: string,
  lineIds?: readonly string[],
): Promise<number> {
  let query = db.deleteFrom('cart_line').where('shop_id', '=', shopId).where('cart_id', '=', cartId)
  if (lineIds) query = query.where('id', 'in', lineIds)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function touchCart(db: Db, cartId: string): Promise<CartRow> {
  return db
    .updateTable('cart')
    .set({ updated_at: sql`now()` })
    .where('id', '=', cartId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

// ---- orders

/** The next order number of the shop; the counter row stays locked until the transaction ends. */
export async function nextOrderNumber(db: Db, shopId: string): Promise<number> {
  const row = await db
    .insertInto('order_number_counter')
    .values({ shop_id: shopId, last_number: 1 })
    .onConflict((oc) => oc.column('shop_id').doUpdateSet({ last_number: sql`order_number_counter.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow()
  return row.last_number
}

export function insertOrder(db: Db, row: NewOrderRow): Promise<OrderRow> {
  return db.insertInto('order').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function insertOrderLines(db: Db, rows: NewOrderLineRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('order_line').values(rows).execute()
}

export async function insertOrderEvent(
  db: Db,
  row: { shop_id: string; order_id: string; status: OrderStatus; actor_id: string | null },
): Promise<void> {
  await db.insertInto('order_event').values(row).execute()
}

/** Orders of the shop by id; `customerId` narrows to one customer's (the ownership check in SQL). */
export function findOrdersByIds(
  db: Db,
  shopId: string,
  ids: readonly string[],
  customerId: string | null,
): Promise<OrderRow[]> {
  let query = db.selectFrom('order').selectAll().where('shop_id', '=', shopId).where('id', 'in', ids)
  if (customerId) query = query.where('customer_id', '=', customerId)
  return query.execute()
}

export function findOrderByNumber(
  db: Db,
  shopId: string,
  number: number,
  customerId: string | null,
): Promise<OrderRow | undefined> {
  let query = db.selectFrom('order').selectAll().where('shop_id', '=', shopId).where('number', '=', number)
  if (customerId) query = query.where('customer_id', '=', customerId)
  return query.executeTakeFirst()
}

/**
 * Moves an order from one of `from` to `to` in one conditional UPDATE: of two concurrent
 * transitions only one matches, so side effects (restocking) happen once. Undefined when the
 * order is not in one of `from` (or not visible).
 */
export function transitionOrder(
  db: Db,
  shopId: string,
  orderId: string,
  from: readonly OrderStatus[],
  to: OrderStatus,
  customerId: string | null,
): Promise<OrderRow | undefined> {
  const stamp = {
    PAID: 'paid_at',
    FULFILLED: 'fulfilled_at',
    CANCELLED: 'cancelled_at',
    REFUNDED: 'refunded_at',
  } as const
  const column = to === 'PENDING_PAYMENT' ? null : stamp[to]
  let query = db
    .updateTable('order')
    .set({ status: to, updated_at: sql`now()`, ...(column ? { [column]: sql`now()` } : {}) })
    .where('shop_id', '=', shopId)
    .where('id', '=', orderId)
    .where('status', 'in', from)
  if (customerId) query = query.where('customer_id', '=', customerId)
  return query.returningAll().executeTakeFirst()
}

export function findOrderLines(db: Db, shopId: string, orderIds: readonly string[]): Promise<OrderLineRow[]> {
  return db
    .selectFrom('order_line')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('position')
    .execute()
}

export function findOrderEvents(db: Db, shopId: string, orderIds: readonly string[]): Promise<OrderEventRow[]> {
  return db
    .selectFrom('order_event')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('occurred_at')
    .orderBy('id')
    .execute()
}

export interface OrderListFilter {
  customerId?: string | null
  status?: OrderStatus | null
  placedAfter?: Date | null
  placedBefore?: Date | null
}

function filtered(db: Db, shopId: string, filter: OrderListFilter) {
  let query = db.selectFrom('order').where('shop_id', '=', shopId)
  if (filter.customerId) query = query.where('customer_id', '=', filter.customerId)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.placedAfter) query = query.where('placed_at', '>=', filter.placedAfter)
  if (filter.placedBefore) query = query.where('placed_at', '<', filter.placedBefore)
  return query
}

/** One page of orders, newest first (placed_at desc, id desc), by keyset. */
export function findOrderPage(db: Db, shopId: string, filter: OrderListFilter, page: Page): Promise<OrderRow[]> {
  return seekPage(filtered(db, shopId, filter).selectAll(), 'placed_at', true, page).execute()
}

export async function countOrders(db: Db, shopId: string, filter: OrderListFilter): Promise<number> {
  const row = await filtered(db, shopId, filter)
    .select(sql<string>`count(*)`.as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

// ---- idempotency keys

export interface IdempotencyRow {
  fingerprint: string
  result_fingerprint: string | null
  response: unknown
}

/**
 * Claims an idempotency key for this transaction: answers true when the key is new (or its old
 * record expired) and now belongs to us. A concurrent claim of the same key waits on the primary
 * key until ours commits or rolls back, then sees our outcome.
 */
export async function claimIdempotencyKey(
  db: Db,
  row: { shopId: string; userId: string; key: string; operation: string; fingerprint: string; ttlSeconds: number },
): Promise<boolean> {
  const claimed = await db
    .insertInto('idempotency_key')
    .values({
      shop_id: row.shopId,
      user_id: row.userId,
      key: row.key,
      operation: row.operation,
      fingerprint: row.fingerprint,
      expires_at: sql`now() + make_interval(secs => ${row.ttlSeconds})`,
    })
    .onConflict((oc) =>
      oc
        .columns(['shop_id', 'user_id', 'key'])
        .doUpdateSet({
          operation: sql`excluded.operation`,
          fingerprint: sql`excluded.fingerprint`,
          result_fingerprint: null,
          response: null,
          created_at: sql`now()`,
          expires_at: sql`excluded.expires_at`,
        })
        .where('idempotency_key.expires_at', '<=', sql<Date>`now()`),
    )
    .returning('key')
    .executeTakeFirst()
  return claimed !== undefined
}

export function findIdempotencyKey(
  db: Db,
  shopId: string,
  userId: string,
  key: string,
): Promise<IdempotencyRow | undefined> {
  return db
    .selectFrom('idempotency_key')
    .select(['fingerprint', 'result_fingerprint', 'response'])
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst()
}

export async function completeIdempotencyKey(
  db: Db,
  where: { shopId: string; userId: string; key: string },
  outcome: { response: unknown; resultFingerprint: string },
): Promise<void> {
  await db
    .updateTable('idempotency_key')
    .set({ response: JSON.stringify(outcome.response), result_fingerprint: outcome.resultFingerprint })
    .where('shop_id', '=', where.shopId)
    .where('user_id', '=', where.userId)
    .where('key', '=', where.key)
    .execute()
}

// ---- purchases (asked by other modules through orders.service)

export interface PurchaseKey {
  readonly shopId: string
  readonly customerId: string
  readonly productId: string
}

/**
 * Which (shop, customer, product) triples have a PAID or FULFILLED order containing the product, in
 * one statement (reviews' verified purchases). Served by order (shop_id, customer_id, ...) and
 * order_line (order_id, position).
 */
export function findPurchases(
  db: Db,
  keys: readonly PurchaseKey[],
): Promise<{ shop_id: string; customer_id: string; product_id: string }[]> {
  return db
    .selectFrom('order')
    .innerJoin('order_line', (join) =>
      join.onRef('order_line.shop_id', '=', 'order.shop_id').onRef('order_line.order_id', '=', 'order.id'),
    )
    .select(['order.shop_id', 'order.customer_id', 'order_line.product_id as product_id'])
    .distinct()
    .where('order.status', 'in', ['PAID', 'FULFILLED'])
    .where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('order.shop_id', 'order.customer_id', 'order_line.product_id'),
        'in',
        keys.map((k) => tuple(k.shopId, k.customerId, k.productId)),
      ),
    )
    .$narrowType<{ product_id: string }>()
    .execute()
}

/** What a customer has bought: every order placed, and the total of the paid ones. */
export interface CustomerOrderStats {
  customer_id: string
  order_count: number
  /** Minor units of the PAID and FULFILLED orders' totals. */
  total_spent_minor: string
  last_order_at: Date | null
}

/**
 * Order statistics of the shop's customers by id, in one GROUP BY over the
 * (shop_id, customer_id, placed_at) index. Customers without orders have no row.
 */
export async function findCustomerOrderStats(
  db: Db,
  shopId: string,
  customerIds: readonly string[],
): Promise<CustomerOrderStats[]> {
  return db
    .selectFrom('order')
    .select([
      'customer_id',
      sql<number>`count(*)::int`.as('order_count'),
      sql<string>`coalesce(sum(total_minor) FILTER (WHERE status IN ('PAID', 'FULFILLED')), 0)::text`.as(
        'total_spent_minor',
      ),
      sql<Date | null>`max(placed_at)`.as('last_order_at'),
    ])
    .where('shop_id', '=', shopId)
    .where('customer_id', 'in', customerIds)
    .groupBy('customer_id')
    .execute()
}

/** Whether the shop has ever had an order (any status). */
export async function shopHasOrders(db: Db, shopId: string): Promise<boolean> {
  const row = await db.selectFrom('order').select('id').where('shop_id', '=', shopId).limit(1).executeTakeFirst()
  return row !== undefined
}

// ---- erasure

/** Empties a user's cart (the cart row stays, empty); answers how many lines were removed. */
export async function deleteCartLinesOfUser(db: Db, shopId: string, userId: string): Promise<number> {
  const result = await db
    .deleteFrom('cart_line')
    .where('shop_id', '=', shopId)
    .where('cart_id', 'in', (eb) =>
      eb.selectFrom('cart').select('id').where('shop_id', '=', shopId).where('user_id', '=', userId),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Deletes a user's stored idempotency outcomes, expired or not; answers how many there were. */
export async function deleteIdempotencyKeysOfUser(db: Db, shopId: string, userId: string): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_key')
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * Retention: deletes stored idempotency outcomes created more than `seconds` ago; answers how many.
 * The window is never shorter than a key's life (config), so every such key has expired: the
 * expires_at condition makes it a range of that index.
 */
export async function deleteIdempotencyKeysOlderThan(db: Db, seconds: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_key')
    .where('expires_at', '<=', sql<Date>`now()`)
    .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${seconds})`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Demo data only: moves an order and its status events `days` into the past (the reports need a history). */
export async function backdateOrderForSeed(db: Db, shopId: string, orderId: string, days: number): Promise<void> {
  const shift = sql`make_interval(days => ${days})`
  await db
    .updateTable('order')
    .set({
      placed_at: sql`placed_at - ${shift}`,
      paid_at: sql`paid_at - ${shift}`,
      fulfilled_at: sql`fulfilled_at - ${shift}`,
      cancelled_at: sql`cancelled_at - ${shift}`,
      refunded_at: sql`refunded_at - ${shift}`,
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', orderId)
    .execute()
  await db
    .updateTable('order_event')
    .set({ occurred_at: sql`occurred_at - ${shift}` })
    .where('shop_id', '=', shopId)
    .where('order_id', '=', orderId)
    .execute()
}
