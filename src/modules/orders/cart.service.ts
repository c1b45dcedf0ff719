import { fail, userError, type Result, type UserError } from '../../shared/errors.js'
import type { CartRow } from '../../shared/rows.js'
import { requireViewer, type RequestScope } from '../../shared/scope.js'
import { inTransaction } from '../../shared/transaction.js'
import * as inventory from '../catalog/inventory.service.js'
import * as repo from './orders.repository.js'

// The viewer's cart: its lines, and what they cost now.

export const MAX_LINE_QUANTITY = 999
export const MAX_LIST_INPUT = 250
export const MAX_CART_LINES = 100

/** Tax on a whole order: `amount * bps / 10000`, rounded half-up, in integer minor units. */
export function taxOf(subtotalMinor: bigint, rateBps: number): bigint {
  if (subtotalMinor < 0n) throw new Error('negative subtotal')
  return (subtotalMinor * BigInt(rateBps) + 5_000n) / 10_000n
}

/** The viewer's cart, if they have one. */
export async function findCart(scope: RequestScope): Promise<CartRow | null> {
  const viewer = requireViewer(scope)
  return (await repo.findCartByUser(scope.db, viewer.shopId, viewer.userId)) ?? null
}

/** A cart's money: each line's total, their subtotal, the tax on it and the total. */
export interface PricedCart {
  readonly lineTotals: bigint[]
  readonly subtotal: bigint
  readonly tax: bigint
  readonly total: bigint
}

/**
 * The one pricing of a cart, for the Cart type and for checkout alike: each line at its unit price
 * (null: no longer for sale, it counts nothing), tax on the whole subtotal at the shop's rate.
 */
export function priceCart(
  lines: readonly { readonly quantity: number; readonly unitPriceMinor: string | bigint | null }[],
  taxRateBps: number,
): PricedCart {
  const lineTotals = lines.map((line) =>
    line.unitPriceMinor === null ? 0n : BigInt(line.unitPriceMinor) * BigInt(line.quantity),
  )
  const subtotal = lineTotals.reduce((sum, total) => sum + total, 0n)
  const tax = taxOf(subtotal, taxRateBps)
  return { lineTotals, subtotal, tax, total: subtotal + tax }
}

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
export async function addCartLines(scope: RequestScope, lines: CartLineAdd[]): Promise<Result<{ cart: CartRow }>> {
  const viewer = requireViewer(scope)
  const errors: UserError[] = []
  if (lines.length === 0 || lines.length > MAX_LIST_INPUT) {
    return fail(userError('INVALID_INPUT', `Pass 1–${MAX_LIST_INPUT} lines`, ['input', 'lines']))
  }
  lines.forEach((line, i) => checkQuantity(line.quantity, ['input', 'lines', String(i), 'quantity'], 1, errors))
  if (errors.length > 0) return fail(...errors)

  return inTransaction(scope.db, async (trx) => {
    const saleable = await inventory.findSaleableVariants(
      trx,
      viewer.shopId,
      lines.map((l) => l.variantId),
    )
    lines.forEach((line, i) => {
      const variant = saleable.get(line.variantId)
      if (!variant)
        errors.push(
          userError('NOT_FOUND', 'This variant does not exist or is not for sale', [
            'input',
            'lines',
            String(i),
            'variantId',
          ]),
        )
      else if (variant.stock <= 0)
        errors.push(userError('OUT_OF_STOCK', 'This variant is sold out', ['input', 'lines', String(i), 'variantId']))
    })
    if (errors.length > 0) return fail(...errors)
    const cart = await repo.ensureLockedCart(trx, viewer.shopId, viewer.userId)
    for (const [i, line] of lines.entries()) {
      const merged = await repo.upsertCartLine(trx, viewer.shopId, cart.id, line.variantId, line.quantity)
      if (!merged) {
        // Stop at the first failure: the rest would only be rolled back.
        errors.push(
          userError('INVALID_INPUT', `A cart line holds at most ${MAX_LINE_QUANTITY} units`, [
            'input',
            'lines',
            String(i),
            'quantity',
          ]),
        )
        break
      }
    }
    // A failure rolls back the lines already merged: the mutation is all or nothing.
    if (errors.length > 0) return fail(...errors)
    // Bounded, so Cart.lines stays a short plain list (the cost model counts it once).
    if ((await repo.countCartLines(trx, viewer.shopId, cart.id)) > MAX_CART_LINES) {
      return fail(
        userError('INVALID_INPUT', `A cart holds at most ${MAX_CART_LINES} different variants`, ['input', 'lines']),
      )
    }
    return { ok: true as const, cart: await repo.touchCart(trx, cart.id) }
  })
}

export interface CartLineChange {
  lineId: string
  quantity: number
}

/** Sets quantities of the viewer's cart lines (0 removes); all or nothing. */
export async function updateCartLines(
  scope: RequestScope,
  changes: CartLineChange[],
): Promise<Result<{ cart: CartRow }>> {
  const viewer = requireViewer(scope)
  const errors: UserError[] = []
  if (changes.length === 0 || changes.length > MAX_LIST_INPUT) {
    return fail(userError('INVALID_INPUT', `Pass 1–${MAX_LIST_INPUT} lines`, ['input', 'lines']))
  }
  changes.forEach((c, i) => checkQuantity(c.quantity, ['input', 'lines', String(i), 'quantity'], 0, errors))
  if (errors.length > 0) return fail(...errors)
  return inTransaction(scope.db, async (trx) => {
    const cart = await repo.lockCartByUser(trx, viewer.shopId, viewer.userId)
    if (!cart) return fail(userError('NOT_FOUND', 'This cart line does not exist', ['input', 'lines', '0', 'lineId']))
    for (const [i, change] of changes.entries()) {
      const found =
        change.quantity === 0
          ? (await repo.deleteCartLines(trx, viewer.shopId, cart.id, [change.lineId])) > 0
          : await repo.setCartLineQuantity(trx, viewer.shopId, cart.id, change.lineId, change.quantity)
      if (!found) {
        // Stop at the first failure: the rest would only be rolled back (one statement per line otherwise).
        errors.push(userError('NOT_FOUND', 'This cart line does not exist', ['input', 'lines', String(i), 'lineId']))
        break
      }
    }
    if (errors.length > 0) return fail(...errors)
    return { ok: true as const, cart: await repo.touchCart(trx, cart.id) }
  })
}

/** Removes lines from the viewer's cart; all or nothing. */
export async function removeCartLines(scope: RequestScope, lineIds: string[]): Promise<Result<{ cart: CartRow }>> {
  const viewer = requireViewer(scope)
  if (lineIds.length === 0 || lineIds.length > MAX_LIST_INPUT) {
    return fail(userError('INVALID_INPUT', `Pass 1–${MAX_LIST_INPUT} line ids`, ['input', 'lineIds']))
  }
  return inTransaction(scope.db, async (trx) => {
    const cart = await repo.lockCartByUser(trx, viewer.shopId, viewer.userId)
    const unique = [...new Set(lineIds)]
    const removed = cart ? await repo.deleteCartLines(trx, viewer.shopId, cart.id, unique) : 0
    if (!cart || removed !== unique.length) {
      return fail(userError('NOT_FOUND', 'A cart line does not exist', ['input', 'lineIds']))
    }
    return { ok: true as const, cart: await repo.touchCart(trx, cart.id) }
  })
}
