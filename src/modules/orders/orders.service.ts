import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { recordAudit } from '../../platform/audit.js'
import type { Config } from '../../config.js'
import type { Viewer } from '../../shared/viewer.js'
import { fail, userError, type Result, type UserError } from '../../shared/errors.js'
import { enqueueEmail } from '../../platform/jobs/emails.js'
import { toConnection, type Connection, type Page } from '../../shared/pagination.js'
import type { OrderRow } from '../../shared/rows.js'
import { requireViewer, type RequestScope } from '../../shared/scope.js'
import { Semaphore } from '../../shared/semaphore.js'
import * as auth from '../auth/auth.service.js'
import * as inventory from '../catalog/inventory.service.js'
import { priceCart } from './cart.service.js'
import * as repo from './orders.repository.js'

// Checkout (the cart becomes an order) and reading orders. The cart and the order state machine
// have their own services (cart.service.ts, order-state.service.ts).

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600

interface StoredOutcome {
  orderId?: string
  errors?: UserError[]
}

function fingerprintOf(lines: { variant_id: string; quantity: number }[], note: string | null): string {
  const canonical = lines
    .map((l) => `${l.variant_id}:${l.quantity}`)
    .sort()
    .join(',')
  return createHash('sha256')
    .update(`${canonical}|${note ?? ''}`)
    .digest('hex')
}

/**
 * Places an order from the viewer's cart, in one transaction: claim the idempotency key, lock the
 * cart, lock the variants in id order (so two checkouts never deadlock), verify every line, take
 * the stock with conditional updates, price from the database, number the order, insert it with
 * snapshotted lines, empty the cart, queue the confirmation email and audit it. Any failure rolls
 * all of it back; expected failures (out of stock...) are stored under the key like successes.
 */
export async function completeCheckout(
  scope: RequestScope,
  input: { idempotencyKey: string; note?: string | null },
  bulkhead: Semaphore,
): Promise<Result<{ order: OrderRow }>> {
  const viewer = requireViewer(scope)
  // Waiting for a slot counts against the request's deadline: past it the wait gives up.
  return bulkhead.run(() => runCheckout(scope, viewer, input), scope.deadline?.signal)
}

/**
 * The bulkhead every checkout of one server passes through (its owner creates one and passes it to
 * completeCheckout). Checkouts of one shop queue on the same variant rows; a burst of them would
 * otherwise hold every pooled connection while waiting for row locks and make other requests time
 * out on the pool.
 */
export function createCheckoutBulkhead(config: Pick<Config, 'checkoutConcurrency' | 'databasePoolMax'>): Semaphore {
  return new Semaphore(Math.min(config.checkoutConcurrency, config.databasePoolMax))
}

async function runCheckout(
  scope: RequestScope,
  viewer: Viewer,
  input: { idempotencyKey: string; note?: string | null },
): Promise<Result<{ order: OrderRow }>> {
  const key = input.idempotencyKey
  if (key.length < 1 || key.length > 100) {
    return fail(userError('INVALID_INPUT', 'The idempotency key must be 1–100 characters', ['input', 'idempotencyKey']))
  }
  const note = input.note?.trim() ? input.note.trim() : null
  if (note && note.length > 1000)
    return fail(userError('INVALID_INPUT', 'The note must be at most 1,000 characters', ['input', 'note']))

  // Not inTransaction: an expected failure is stored under the idempotency key, and that must commit.
  const outcome = await scope.db
    .transaction()
    .execute(async (trx): Promise<StoredOutcome | { reused: true } | { replay: StoredOutcome }> => {
      const cart = await repo.lockCartByUser(trx, viewer.shopId, viewer.userId)
      const lines = cart ? await repo.findCartLines(trx, viewer.shopId, [cart.id]) : []
      const fingerprint = fingerprintOf(lines, note)
      const where = { shopId: viewer.shopId, userId: viewer.userId, key }
      const claimed = await repo.claimIdempotencyKey(trx, {
        ...where,
        operation: 'checkoutComplete',
        fingerprint,
        ttlSeconds: IDEMPOTENCY_TTL_SECONDS,
      })
      if (!claimed) {
        const stored = await repo.findIdempotencyKey(trx, viewer.shopId, viewer.userId, key)
        if (!stored?.response)
          return {
            replay: { errors: [userError('CONFLICT', 'A request with this idempotency key is still running; retry')] },
          }
        if (stored.fingerprint !== fingerprint && stored.result_fingerprint !== fingerprint) return { reused: true }
        return { replay: stored.response as StoredOutcome }
      }

      const store = async (result: StoredOutcome, resultFingerprint: string) => {
        await repo.completeIdempotencyKey(trx, where, { response: result, resultFingerprint })
        return result
      }
      if (!cart || lines.length === 0) {
        return store({ errors: [userError('INVALID_STATE', 'The cart is empty', ['cart'])] }, fingerprint)
      }

      const taken = await inventory.takeStock(
        trx,
        viewer.shopId,
        lines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
      )
      if (!taken.ok) {
        const errors = taken.problems.map((p) =>
          p.kind === 'OUT_OF_STOCK'
            ? // No count: stock levels are for staff only (SPEC 3), and a customer could read them by asking for 999.
              userError('OUT_OF_STOCK', 'Not enough in stock for this quantity', [
                'cart',
                'lines',
                String(p.index),
                'quantity',
              ])
            : userError('INVALID_STATE', 'This variant is no longer for sale', [
                'cart',
                'lines',
                String(p.index),
                'variantId',
              ]),
        )
        return store({ errors }, fingerprint)
      }

      // FOR SHARE: shopUpdate locks the shop row before it checks for orders, so a currency change
      // and a checkout never both go through (the order would carry the old currency).
      const shop = await auth.findShopByIdForShare(trx, viewer.shopId)
      if (!shop) throw new Error(`shop ${viewer.shopId} of a signed-in customer is missing`)
      const variants = lines.map((line) => taken.variants.get(line.variant_id)!)
      const price = priceCart(
        lines.map((line, i) => ({ quantity: line.quantity, unitPriceMinor: variants[i].price_minor })),
        shop.tax_rate_bps,
      )
      const priced = lines.map((line, position) => {
        const variant = variants[position]
        return { line, variant, position, unit: BigInt(variant.price_minor), total: price.lineTotals[position] }
      })
      const { subtotal, tax } = price
      const number = await repo.nextOrderNumber(trx, viewer.shopId)
      const order = await repo.insertOrder(trx, {
        shop_id: viewer.shopId,
        number,
        customer_id: viewer.userId,
        status: 'PENDING_PAYMENT',
        currency_code: shop.currency_code,
        tax_rate_bps: shop.tax_rate_bps,
        subtotal_minor: subtotal.toString(),
        tax_minor: tax.toString(),
        total_minor: (subtotal + tax).toString(),
        note,
      })
      await repo.insertOrderLines(
        trx,
        priced.map((p) => ({
          shop_id: viewer.shopId,
          order_id: order.id,
          position: p.position,
          variant_id: p.variant.id,
          product_id: p.variant.product_id,
          title: `${p.variant.product_title} – ${p.variant.title}`,
          sku: p.variant.sku,
          unit_price_minor: p.unit.toString(),
          quantity: p.line.quantity,
          line_total_minor: p.total.toString(),
        })),
      )
      await repo.insertOrderEvent(trx, {
        shop_id: viewer.shopId,
        order_id: order.id,
        status: 'PENDING_PAYMENT',
        actor_id: viewer.userId,
      })
      await repo.deleteCartLines(trx, viewer.shopId, cart.id)
      await repo.touchCart(trx, cart.id)

      const customer = await auth.findUserContact(trx, viewer.shopId, viewer.userId)
      if (!customer) throw new Error(`customer ${viewer.userId} placing an order is missing`)
      await enqueueEmail(trx, {
        kind: 'order-confirmation',
        shopId: viewer.shopId,
        to: customer.email,
        dedupeKey: order.id,
        data: {
          displayName: customer.display_name,
          orderNumber: number,
          currencyCode: shop.currency_code,
          subtotalMinor: subtotal,
          taxMinor: tax,
          totalMinor: subtotal + tax,
          status: 'PENDING_PAYMENT',
          lines: priced.map((p) => ({
            title: `${p.variant.product_title} – ${p.variant.title}`,
            sku: p.variant.sku,
            quantity: p.line.quantity,
            unitPriceMinor: p.unit,
          })),
        },
      })
      await recordAudit(trx, {
        shopId: viewer.shopId,
        actorId: viewer.userId,
        action: 'order.placed',
        targetType: 'Order',
        targetId: order.id,
        diff: {
          number,
          lines: priced.map((p) => ({
            variantId: p.variant.id,
            quantity: p.line.quantity,
            unitPriceMinor: p.unit.toString(),
          })),
          subtotalMinor: subtotal.toString(),
          taxMinor: tax.toString(),
          totalMinor: (subtotal + tax).toString(),
        },
        requestId: scope.requestId,
      })
      // The emptied cart is the state a successful checkout leaves: a retry from it is the same request.
      return store({ orderId: order.id }, fingerprintOf([], note))
    })

  if ('reused' in outcome) {
    return fail(
      userError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for a different cart', [
        'input',
        'idempotencyKey',
      ]),
    )
  }
  const result = 'replay' in outcome ? outcome.replay : outcome
  if (result.errors) return fail(...result.errors)
  const [order] = await repo.findOrdersByIds(scope.db, viewer.shopId, [result.orderId!], viewer.userId)
  if (!order) throw new Error('the stored order of an idempotency key is missing')
  return { ok: true, order }
}

// ---- reading

/** A page of orders (the `OrderConnection` type). */
export type OrderConnection = Connection<OrderRow>

/** A keyset page of the shop's orders matching `filter`, newest first. */
export async function listOrders(
  scope: RequestScope,
  shopId: string,
  filter: repo.OrderListFilter,
  page: Page,
): Promise<OrderConnection> {
  const rows = await repo.findOrderPage(scope.db, shopId, filter, page)
  return toConnection(
    rows,
    page,
    (row) => [row.placed_at, row.id],
    () => repo.countOrders(scope.db, shopId, filter),
  )
}

/** The shop's order with this number (only `customerId`'s when given), or null. */
export async function findOrderByNumber(
  scope: RequestScope,
  shopId: string,
  number: number,
  customerId: string | null,
): Promise<OrderRow | null> {
  return (await repo.findOrderByNumber(scope.db, shopId, number, customerId)) ?? null
}

// ---- for other modules (reviews)

export type PurchaseKey = repo.PurchaseKey

/** Which of these (shop, customer, product) triples are paid purchases (PAID or FULFILLED orders), in one statement. */
export async function findPaidPurchases(db: Kysely<DB>, keys: readonly PurchaseKey[]): Promise<PurchaseKey[]> {
  if (keys.length === 0) return []
  const rows = await repo.findPurchases(db, keys)
  return rows.map((row) => ({ shopId: row.shop_id, customerId: row.customer_id, productId: row.product_id }))
}

/** Whether the shop has ever had an order (any status): shopUpdate refuses a currency change then. */
export function shopHasOrders(db: Kysely<DB>, shopId: string): Promise<boolean> {
  return repo.shopHasOrders(db, shopId)
}
