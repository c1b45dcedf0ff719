import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { recordAudit } from '../../platform/audit.js'
import type { Config } from '../../config.js'
import type { Viewer } from '../../shared/viewer.js'
import { fail, userError, type Result, type UserError } from '../../shared/errors.js'
import { enqueueEmail } from '../../platform/jobs/emails.js'
import type { Connection } from '../../shared/pagination.js'
import type { CartRow, OrderRow, OrderStatus } from '../../shared/rows.js'
import { Semaphore } from '../../shared/semaphore.js'
import * as catalog from '../catalog/catalog.service.js'
import * as repo from './orders.repository.js'

export interface OrdersScope {
  readonly db: Kysely<DB>
  readonly config: Config
  readonly requestId: string
}

/** A page of orders (the OrderConnection mapper). */
export type OrderPage = Connection<OrderRow>

export const MAX_LINE_QUANTITY = 999
export const MAX_LIST_INPUT = 250
export const MAX_CART_LINES = 100
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600

const isStaffViewer = (viewer: Viewer) => viewer.role === 'STAFF' || viewer.role === 'ADMIN'

/** Tax on a whole order: `amount * bps / 10000`, rounded half-up, in integer minor units. */
export function taxOf(subtotalMinor: bigint, rateBps: number): bigint {
  if (subtotalMinor < 0n) throw new Error('negative subtotal')
  return (subtotalMinor * BigInt(rateBps) + 5_000n) / 10_000n
}

// ---- cart

export interface CartLineAdd {
  variantId: string
  quantity: number
}

function checkQuantity(quantity: number, field: string[], min: number, errors: UserError[]): void {
  if (!Number.isInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY) {
    errors.push(userError('INVALID_INPUT', `Quantity must be ${min}–${MAX_LINE_QUANTITY}`, field))
  }
}

/** Adds lines to the viewer's cart (creating the cart); all or nothing. */
export async function addCartLines(scope: OrdersScope, viewer: Viewer, lines: CartLineAdd[]): Promise<Result<{ cart: CartRow }>> {
  const errors: UserError[] = []
  if (lines.length === 0 || lines.length > MAX_LIST_INPUT) {
    return fail(userError('INVALID_INPUT', `Pass 1–${MAX_LIST_INPUT} lines`, ['input', 'lines']))
  }
  lines.forEach((line, i) => checkQuantity(line.quantity, ['input', 'lines', String(i), 'quantity'], 1, errors))
  if (errors.length > 0) return fail(...errors)

  return scope.db.transaction().execute(async (trx) => {
    const saleable = await catalog.findSaleableVariants(trx, viewer.shopId, lines.map((l) => l.variantId))
    lines.forEach((line, i) => {
      const variant = saleable.get(line.variantId)
      if (!variant) errors.push(userError('NOT_FOUND', 'This variant does not exist or is not for sale', ['input', 'lines', String(i), 'variantId']))
      else if (variant.stock <= 0) errors.push(userError('OUT_OF_STOCK', 'This variant is sold out', ['input', 'lines', String(i), 'variantId']))
    })
    if (errors.length > 0) return fail(...errors)
    const cart = await repo.ensureLockedCart(trx, viewer.shopId, viewer.userId)
    for (const [i, line] of lines.entries()) {
      const merged = await repo.upsertCartLine(trx, viewer.shopId, cart.id, line.variantId, line.quantity)
      if (!merged) {
        errors.push(userError('INVALID_INPUT', `A cart line holds at most ${MAX_LINE_QUANTITY} units`, ['input', 'lines', String(i), 'quantity']))
      }
    }
    if (errors.length > 0) {
      // Roll back the lines already merged: the mutation is all or nothing.
      throw new RollbackWith(fail(...errors))
    }
    // Bounded, so Cart.lines stays a short plain list (the cost model counts it once).
    if ((await repo.countCartLines(trx, viewer.shopId, cart.id)) > MAX_CART_LINES) {
      throw new RollbackWith(fail(userError('INVALID_INPUT', `A cart holds at most ${MAX_CART_LINES} different variants`, ['input', 'lines'])))
    }
    return { ok: true as const, cart: await repo.touchCart(trx, cart.id) }
  }).catch(unwrapRollback)
}

export interface CartLineChange {
  lineId: string
  quantity: number
}

/** Sets quantities of the viewer's cart lines (0 removes); all or nothing. */
export async function updateCartLines(scope: OrdersScope, viewer: Viewer, changes: CartLineChange[]): Promise<Result<{ cart: CartRow }>> {
  const errors: UserError[] = []
  if (changes.length === 0 || changes.length > MAX_LIST_INPUT) {
    return fail(userError('INVALID_INPUT', `Pass 1–${MAX_LIST_INPUT} lines`, ['input', 'lines']))
  }
  changes.forEach((c, i) => checkQuantity(c.quantity, ['input', 'lines', String(i), 'quantity'], 0, errors))
  if (errors.length > 0) return fail(...errors)
  return scope.db.transaction().execute(async (trx) => {
    const cart = await repo.lockCartByUser(trx, viewer.shopId, viewer.userId)
    if (!cart) return fail(userError('NOT_FOUND', 'This cart line does not exist', ['input', 'lines', '0', 'lineId']))
    for (const [i, change] of changes.entries()) {
      const found =
        change.quantity === 0
          ? (await repo.deleteCartLines(trx, viewer.shopId, cart.id, [change.lineId])) > 0
          : await repo.setCartLineQuantity(trx, viewer.shopId, cart.id, change.lineId, change.quantity)
      if (!found) errors.push(userError('NOT_FOUND', 'This cart line does not exist', ['input', 'lines', String(i), 'lineId']))
    }
    if (errors.length > 0) throw new RollbackWith(fail(...errors))
    return { ok: true as const, cart: await repo.touchCart(trx, cart.id) }
  }).catch(unwrapRollback)
}

/** Removes lines from the viewer's cart; all or nothing. */
export async function removeCartLines(scope: OrdersScope, viewer: Viewer, lineIds: string[]): Promise<Result<{ cart: CartRow }>> {
  if (lineIds.length === 0 || lineIds.length > MAX_LIST_INPUT) {
    return fail(userError('INVALID_INPUT', `Pass 1–${MAX_LIST_INPUT} line ids`, ['input', 'lineIds']))
  }
  return scope.db.transaction().execute(async (trx) => {
    const cart = await repo.lockCartByUser(trx, viewer.shopId, viewer.userId)
    const unique = [...new Set(lineIds)]
    const removed = cart ? await repo.deleteCartLines(trx, viewer.shopId, cart.id, unique) : 0
    if (!cart || removed !== unique.length) {
      throw new RollbackWith(fail(userError('NOT_FOUND', 'A cart line does not exist', ['input', 'lineIds'])))
    }
    return { ok: true as const, cart: await repo.touchCart(trx, cart.id) }
  }).catch(unwrapRollback)
}

/** Carries an expected failure out of a transaction callback, rolling the transaction back. */
class RollbackWith extends Error {
  constructor(readonly result: { ok: false; errors: UserError[] }) {
    super('rollback')
  }
}

function unwrapRollback(error: unknown): { ok: false; errors: UserError[] } {
  if (error instanceof RollbackWith) return error.result
  throw error
}

// ---- checkout

interface StoredOutcome {
  orderId?: string
  errors?: UserError[]
}

function fingerprintOf(lines: { variant_id: string; quantity: number }[], note: string | null): string {
  const canonical = lines
    .map((l) => `${l.variant_id}:${l.quantity}`)
    .sort()
    .join(',')
  return createHash('sha256').update(`${canonical}|${note ?? ''}`).digest('hex')
}

/**
 * Places an order from the viewer's cart, in one transaction: claim the idempotency key, lock the
 * cart, lock the variants in id order (so two checkouts never deadlock), verify every line, take
 * the stock with conditional updates, price from the database, number the order, insert it with
 * snapshotted lines, empty the cart, queue the confirmation email and audit it. Any failure rolls
 * all of it back; expected failures (out of stock...) are stored under the key like successes.
 */
export async function completeCheckout(
  scope: OrdersScope,
  viewer: Viewer,
  input: { idempotencyKey: string; note?: string | null },
): Promise<Result<{ order: OrderRow }>> {
  return checkoutBulkhead(scope.config).run(() => runCheckout(scope, viewer, input))
}

const bulkheads = new WeakMap<Config, Semaphore>()
/**
 * Checkouts of one shop queue on the same variant rows; a burst of them would otherwise hold every
 * pooled connection while waiting for row locks and make other requests time out on the pool.
 */
function checkoutBulkhead(config: Config): Semaphore {
  let bulkhead = bulkheads.get(config)
  if (!bulkhead) {
    bulkhead = new Semaphore(Math.min(config.checkoutConcurrency, config.databasePoolMax))
    bulkheads.set(config, bulkhead)
  }
  return bulkhead
}

async function runCheckout(
  scope: OrdersScope,
  viewer: Viewer,
  input: { idempotencyKey: string; note?: string | null },
): Promise<Result<{ order: OrderRow }>> {
  const key = input.idempotencyKey
  if (key.length < 1 || key.length > 100) {
    return fail(userError('INVALID_INPUT', 'The idempotency key must be 1–100 characters', ['input', 'idempotencyKey']))
  }
  const note = input.note?.trim() ? input.note.trim() : null
  if (note && note.length > 1000) return fail(userError('INVALID_INPUT', 'The note must be at most 1,000 characters', ['input', 'note']))

  const outcome = await scope.db.transaction().execute(async (trx): Promise<StoredOutcome | { reused: true } | { replay: StoredOutcome }> => {
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
      if (!stored?.response) return { replay: { errors: [userError('CONFLICT', 'A request with this idempotency key is still running; retry')] } }
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

    const taken = await catalog.takeStock(
      trx,
      viewer.shopId,
      lines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
    )
    if (!taken.ok) {
      const errors = taken.problems.map((p) =>
        p.kind === 'OUT_OF_STOCK'
          ? userError('OUT_OF_STOCK', `Only ${p.available} available`, ['cart', 'lines', String(p.index), 'quantity'])
          : userError('INVALID_STATE', 'This variant is no longer for sale', ['cart', 'lines', String(p.index), 'variantId']),
      )
      return store({ errors }, fingerprint)
    }

    const shop = await trx.selectFrom('shop').select(['currency_code', 'tax_rate_bps']).where('id', '=', viewer.shopId).executeTakeFirstOrThrow()
    const priced = lines.map((line, position) => {
      const variant = taken.variants.get(line.variant_id)!
      const unit = BigInt(variant.price_minor)
      return { line, variant, position, unit, total: unit * BigInt(line.quantity) }
    })
    const subtotal = priced.reduce((sum, p) => sum + p.total, 0n)
    const tax = taxOf(subtotal, shop.tax_rate_bps)
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
    await repo.insertOrderEvent(trx, { shop_id: viewer.shopId, order_id: order.id, status: 'PENDING_PAYMENT', actor_id: viewer.userId })
    await repo.deleteCartLines(trx, viewer.shopId, cart.id)
    await repo.touchCart(trx, cart.id)

    const customer = await trx.selectFrom('user').select(['email', 'display_name']).where('id', '=', viewer.userId).executeTakeFirstOrThrow()
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
        lines: priced.map((p) => ({ variantId: p.variant.id, quantity: p.line.quantity, unitPriceMinor: p.unit.toString() })),
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
    return fail(userError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for a different cart', ['input', 'idempotencyKey']))
  }
  const result = 'replay' in outcome ? outcome.replay : outcome
  if (result.errors) return fail(...result.errors)
  const [order] = await repo.findOrdersByIds(scope.db, viewer.shopId, [result.orderId!], viewer.userId)
  if (!order) throw new Error('the stored order of an idempotency key is missing')
  return { ok: true, order }
}

// ---- order state machine

type Transition = 'cancel' | 'markPaid' | 'fulfill' | 'refund'

const TRANSITIONS: Record<Transition, { to: OrderStatus; from: OrderStatus[]; customerFrom?: OrderStatus[]; action: string }> = {
  cancel: { to: 'CANCELLED', from: ['PENDING_PAYMENT', 'PAID'], customerFrom: ['PENDING_PAYMENT'], action: 'order.cancelled' },
  markPaid: { to: 'PAID', from: ['PENDING_PAYMENT'], action: 'order.paid' },
  fulfill: { to: 'FULFILLED', from: ['PAID'], action: 'order.fulfilled' },
  refund: { to: 'REFUNDED', from: ['PAID', 'FULFILLED'], action: 'order.refunded' },
}

/**
 * Moves an order along its state machine. Staff may do every transition in their shop; a
 * customer may only cancel their own order while it awaits payment. The status check and the
 * change are one conditional UPDATE, so a concurrent duplicate finds the new state and gets
 * INVALID_STATE: cancelling twice restores stock once.
 */
export async function transitionOrder(
  scope: OrdersScope,
  viewer: Viewer,
  orderId: string,
  transition: Transition,
): Promise<Result<{ order: OrderRow }>> {
  const rule = TRANSITIONS[transition]
  const staff = isStaffViewer(viewer)
  const customerId = staff ? null : viewer.userId
  const allowedFrom = staff ? rule.from : rule.customerFrom
  const notFound = fail(userError('NOT_FOUND', 'This order does not exist', ['input', 'orderId']))
  if (!allowedFrom) return notFound

  return scope.db.transaction().execute(async (trx) => {
    const order = await repo.transitionOrder(trx, viewer.shopId, orderId, allowedFrom, rule.to, customerId)
    if (!order) {
      const [current] = await repo.findOrdersByIds(trx, viewer.shopId, [orderId], customerId)
      if (!current) return notFound
      return fail(userError('INVALID_STATE', `An order that is ${current.status} cannot be ${rule.to.toLowerCase()}`, ['input', 'orderId']))
    }
    if (rule.to === 'CANCELLED') {
      const lines = await repo.findOrderLines(trx, order.shop_id, [order.id])
      await catalog.returnStock(
        trx,
        order.shop_id,
        lines.filter((l) => l.variant_id !== null).map((l) => ({ variantId: l.variant_id!, quantity: l.quantity })),
      )
    }
    await repo.insertOrderEvent(trx, { shop_id: order.shop_id, order_id: order.id, status: rule.to, actor_id: viewer.userId })
    const customer = await trx.selectFrom('user').select(['email', 'display_name']).where('id', '=', order.customer_id).executeTakeFirstOrThrow()
    await enqueueEmail(trx, {
      kind: 'order-status-changed',
      shopId: order.shop_id,
      to: customer.email,
      dedupeKey: `${order.id}:${rule.to}`,
      data: {
        displayName: customer.display_name,
        orderNumber: order.number,
        status: rule.to as never,
        currencyCode: order.currency_code,
        totalMinor: order.total_minor,
      },
    })
    await recordAudit(trx, {
      shopId: order.shop_id,
      actorId: viewer.userId,
      action: rule.action,
      targetType: 'Order',
      targetId: order.id,
      diff: { status: { to: rule.to }, number: order.number },
      requestId: scope.requestId,
    })
    return { ok: true as const, order }
  })
}

// ---- for other modules

export type PurchaseKey = repo.PurchaseKey

/** Which of these (shop, customer, product) triples are paid purchases (PAID or FULFILLED orders), in one statement. */
export async function findPaidPurchases(db: Kysely<DB>, keys: readonly PurchaseKey[]): Promise<PurchaseKey[]> {
  if (keys.length === 0) return []
  const rows = await repo.findPurchases(db, keys)
  return rows.map((row) => ({ shopId: row.shop_id, customerId: row.customer_id, productId: row.product_id }))
}
