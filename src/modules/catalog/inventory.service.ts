import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { fail, userError, type Result, type UserError } from '../../shared/errors.js'
import type { ProductVariantRow } from '../../shared/rows.js'
import type { RequestScope } from '../../shared/scope.js'
import { inTransaction } from '../../shared/transaction.js'
import { audit } from './catalog.audit.js'
import * as repo from './catalog.repository.js'
import { MAX_STOCK, VARIANT_NOT_FOUND, checkQuantity, checkReason, staffShopOf } from './catalog.validation.js'

// Stock levels. Staff changes are one conditional UPDATE each, never read-modify-write; checkout and
// cancellation take and return stock inside the orders module's transaction.

/** Adds `delta` units to the stock atomically; OUT_OF_STOCK (and nothing written) when it would drop below 0. */
export async function adjustInventory(
  scope: RequestScope,
  input: { variantId: string; delta: number; reason: string },
): Promise<Result<{ variant: ProductVariantRow }>> {
  const shopId = staffShopOf(scope)
  const errors: UserError[] = []
  if (!Number.isInteger(input.delta) || input.delta === 0 || Math.abs(input.delta) > MAX_STOCK) {
    errors.push(
      userError('INVALID_INPUT', `Delta must be a non-zero integer from -${MAX_STOCK} to ${MAX_STOCK}`, [
        'input',
        'delta',
      ]),
    )
  }
  const reason = checkReason(input.reason, ['input', 'reason'], errors)
  if (errors.length > 0) return fail(...errors)
  return inTransaction(scope.db, async (trx) => {
    const variant = await repo.adjustStock(trx, shopId, input.variantId, input.delta, MAX_STOCK)
    if (!variant) {
      const existing = await repo.findLiveVariant(trx, shopId, input.variantId)
      if (!existing) return fail(VARIANT_NOT_FOUND(['input', 'variantId']))
      if (input.delta > 0) {
        return fail(userError('INVALID_INPUT', `Stock cannot exceed ${MAX_STOCK}`, ['input', 'delta']))
      }
      return fail(
        userError('OUT_OF_STOCK', `Only ${existing.stock} in stock: stock cannot go below 0`, ['input', 'delta']),
      )
    }
    await audit(
      trx,
      scope,
      'inventory.adjusted',
      { type: 'ProductVariant', id: variant.id },
      {
        before: { stock: variant.stock - input.delta },
        after: { stock: variant.stock },
        delta: input.delta,
        reason,
      },
    )
    return { ok: true as const, variant }
  })
}

/** Sets the stock if it is still `expectedQuantity` (compare-and-set); CONFLICT when it moved. */
export async function setInventory(
  scope: RequestScope,
  input: { variantId: string; quantity: number; expectedQuantity: number; reason?: string | null },
): Promise<Result<{ variant: ProductVariantRow }>> {
  const shopId = staffShopOf(scope)
  const errors: UserError[] = []
  checkQuantity(input.quantity, ['input', 'quantity'], errors)
  checkQuantity(input.expectedQuantity, ['input', 'expectedQuantity'], errors)
  const reason = checkReason(input.reason ?? 'set', ['input', 'reason'], errors)
  if (errors.length > 0) return fail(...errors)
  return inTransaction(scope.db, async (trx) => {
    const variant = await repo.setStockIfUnchanged(trx, shopId, input.variantId, input.quantity, input.expectedQuantity)
    if (!variant) {
      const existing = await repo.findLiveVariant(trx, shopId, input.variantId)
      if (!existing) return fail(VARIANT_NOT_FOUND(['input', 'variantId']))
      return fail(
        userError(
          'CONFLICT',
          `The stock is ${existing.stock}, not ${input.expectedQuantity}: it changed since it was read`,
          ['input', 'expectedQuantity'],
        ),
      )
    }
    await audit(
      trx,
      scope,
      'inventory.set',
      { type: 'ProductVariant', id: variant.id },
      {
        before: { stock: input.expectedQuantity },
        after: { stock: variant.stock },
        reason,
      },
    )
    return { ok: true as const, variant }
  })
}

// ---- for other modules (orders): the only way they touch stock

export type SaleableVariant = repo.SaleableVariantRow

/** Variants that can be put in a cart now (live, of an ACTIVE product of the shop), by id. */
export async function findSaleableVariants(
  db: Kysely<DB>,
  shopId: string,
  ids: readonly string[],
): Promise<Map<string, SaleableVariant>> {
  const rows = await repo.findSaleableVariants(db, shopId, [...new Set(ids)], false)
  return new Map(rows.map((row) => [row.id, row]))
}

/** Up to `limit` variants on sale with at least `minStock` units, by SKU (demo orders buy these). */
export function findStockedVariants(
  db: Kysely<DB>,
  shopId: string,
  minStock: number,
  limit: number,
): Promise<{ id: string }[]> {
  return repo.findStockedVariants(db, shopId, minStock, limit)
}

export type StockProblem =
  { index: number; kind: 'OUT_OF_STOCK'; available: number } | { index: number; kind: 'NOT_FOR_SALE' }

/**
 * Takes stock for every line inside the caller's transaction: locks the variants in id order,
 * checks every line (answering every problem at once, changing nothing), then decrements each
 * with a conditional UPDATE. Lines of one variant are summed for the check.
 */
export async function takeStock(
  trx: Kysely<DB>,
  shopId: string,
  lines: readonly { variantId: string; quantity: number }[],
): Promise<{ ok: true; variants: Map<string, SaleableVariant> } | { ok: false; problems: StockProblem[] }> {
  const rows = await repo.findSaleableVariants(trx, shopId, [...new Set(lines.map((l) => l.variantId))], true)
  const variants = new Map(rows.map((row) => [row.id, row]))
  const wanted = new Map<string, number>()
  for (const line of lines) wanted.set(line.variantId, (wanted.get(line.variantId) ?? 0) + line.quantity)
  const problems: StockProblem[] = []
  lines.forEach((line, index) => {
    const variant = variants.get(line.variantId)
    if (!variant) problems.push({ index, kind: 'NOT_FOR_SALE' })
    else if (variant.stock < wanted.get(line.variantId)!)
      problems.push({ index, kind: 'OUT_OF_STOCK', available: variant.stock })
  })
  if (problems.length > 0) return { ok: false, problems }
  for (const [variantId, quantity] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const left = await repo.decrementStock(trx, shopId, variantId, quantity)
    // Impossible while we hold the row lock and checked the stock: a broken invariant, not a user error.
    if (left === undefined) throw new Error(`stock of variant ${variantId} changed under its lock`)
  }
  return { ok: true, variants }
}

/**
 * Puts stock back for every line (order cancellation), inside the caller's transaction, in id order.
 * A variant restocked to the maximum meanwhile stays at the maximum (MAX_STOCK, the CHECK): the
 * cancellation still goes through, and the units that did not fit are answered, per variant id, for
 * the caller's audit event.
 */
export async function returnStock(
  trx: Kysely<DB>,
  shopId: string,
  lines: readonly { variantId: string; quantity: number }[],
): Promise<Record<string, number>> {
  const sorted = [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : 1))
  const notRestored: Record<string, number> = {}
  for (const line of sorted) {
    const left = await repo.incrementStock(trx, shopId, line.variantId, line.quantity, MAX_STOCK)
    if (left > 0) notRestored[line.variantId] = (notRestored[line.variantId] ?? 0) + left
  }
  return notRestored
}
