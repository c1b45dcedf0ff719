import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { recordAudit } from '../../platform/audit.js'
import { isStaff, type Viewer } from '../../shared/viewer.js'
import { badUserInput, fail, userError, type Result, type UserError } from '../../shared/errors.js'
import { currencyScale, parseDecimal } from '../../shared/money.js'
import { parsePageArgs, toConnection, type Connection, type CursorPart, type PageArgs } from '../../shared/pagination.js'
import type { ProductRow, ProductStatus, ProductVariantRow, ShopRow } from '../../shared/rows.js'
import { checkLength } from '../../shared/validation.js'
import * as repo from './catalog.repository.js'

/** A page of `Shop.products` (the `ProductConnection` type). */
export type ProductPage = Connection<ProductRow>

/** What every catalog write needs: the staff member acting, in their own shop, and its currency. */
export interface CatalogScope {
  readonly db: Kysely<DB>
  readonly viewer: Viewer
  readonly requestId: string
  /** The currency of the viewer's shop: input prices are parsed with its minor-unit scale. */
  readonly currencyCode: string
}

export const MAX_VARIANTS_PER_PRODUCT = 100
const MAX_OPTIONS = 3
const MAX_DESCRIPTION = 20_000
const HANDLE = /^[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?$/
const SKU = /^\S{1,64}$/
/** Stock stays within 0…10^9 (a CHECK constraint too), so stock + delta never overflows. */
export const MAX_STOCK = 1_000_000_000
/** Prices stay below 1,000,000,000 units of the currency. */
const MAX_PRICE_MAJOR = 1_000_000_000n

// ---------------------------------------------------------------------------------------------------
// Transactions and shared checks

/** Thrown inside a transaction to roll it back and answer the failure: a failed mutation writes nothing. */
class Rollback {
  constructor(readonly failure: { ok: false; errors: UserError[] }) {}
}

async function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx)
      if (!result.ok) throw new Rollback(result)
      return result
    })
  } catch (error) {
    if (error instanceof Rollback) return error.failure
    throw error
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string }
  return e?.code === '23505' && e.constraint === constraint
}

/** The services are reached only through staff-only mutations; anything else is a wiring bug. */
function staffShopOf(scope: CatalogScope): string {
  if (!isStaff(scope.viewer)) throw new Error('catalog write attempted by a non-staff viewer')
  return scope.viewer.shopId
}

function audit(
  trx: Kysely<DB>,
  scope: CatalogScope,
  action: string,
  target: { type: 'Product' | 'ProductVariant'; id: string },
  diff: Record<string, unknown>,
): Promise<void> {
  return recordAudit(trx, {
    shopId: scope.viewer.shopId,
    actorId: scope.viewer.userId,
    action,
    targetType: target.type,
    targetId: target.id,
    diff,
    requestId: scope.requestId,
  })
}

function productSnapshot(p: ProductRow) {
  return {
    handle: p.handle,
    title: p.title,
    description: p.description,
    status: p.status,
    minPriceMinor: p.min_price_minor,
    maxPriceMinor: p.max_price_minor,
    deletedAt: p.deleted_at,
  }
}

function variantSnapshot(v: ProductVariantRow) {
  return { productId: v.product_id, sku: v.sku, title: v.title, options: v.options, priceMinor: v.price_minor, stock: v.stock }
}

/** `{ before, after }` with only the keys whose values differ. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key]
      a[key] = after[key]
    }
  }
  return { before: b, after: a }
}

// ---------------------------------------------------------------------------------------------------
// Input validation (every error names its field)

function checkTitle(value: string, field: string[], errors: UserError[]): string {
  return checkLength(value, field, 'Title', { min: 1, max: 200 }, errors)
}

function checkHandle(value: string, field: string[], errors: UserError[]): string {
  const handle = value.trim()
  if (!HANDLE.test(handle)) {
    errors.push(userError('INVALID_INPUT', 'Handle must be 1–100 lowercase letters, digits and inner dashes', field))
  }
  return handle
}

function checkDescription(value: string, field: string[], errors: UserError[]): string {
  if (value.length > MAX_DESCRIPTION) {
    errors.push(userError('INVALID_INPUT', `Description must be at most ${MAX_DESCRIPTION} characters`, field))
  }
  return value
}

function checkSku(value: string, field: string[], errors: UserError[]): string {
  const sku = value.trim()
  if (!SKU.test(sku)) errors.push(userError('INVALID_INPUT', 'SKU must be 1–64 characters without spaces', field))
  return sku
}

function checkPrice(value: string, currencyCode: string, field: string[], errors: UserError[]): bigint {
  const scale = currencyScale(currencyCode)
  const minor = parseDecimal(value, scale)
  if (minor === null) {
    errors.push(userError('INVALID_INPUT', `Price must be a decimal amount with at most ${scale} decimals`, field))
    return 0n
  }
  if (minor < 0n) errors.push(userError('INVALID_INPUT', 'Price must be at least 0', field))
  else if (minor >= MAX_PRICE_MAJOR * 10n ** BigInt(scale)) {
    errors.push(userError('INVALID_INPUT', 'Price must be less than 1,000,000,000', field))
  }
  return minor
}

function checkQuantity(value: number, field: string[], errors: UserError[]): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_STOCK) {
    errors.push(userError('INVALID_INPUT', `Quantity must be an integer from 0 to ${MAX_STOCK}`, field))
  }
  return value
}

function checkReason(value: string, field: string[], errors: UserError[]): string {
  const reason = value.trim()
  if (reason.length < 1 || reason.length > 200) errors.push(userError('INVALID_INPUT', 'Reason must be 1–200 characters', field))
  return reason
}

export interface SelectedOption {
  name: string
  value: string
}

function checkOptions(options: readonly SelectedOption[], field: string[], errors: UserError[]): SelectedOption[] {
  if (options.length > MAX_OPTIONS) {
    errors.push(userError('INVALID_INPUT', `A variant has at most ${MAX_OPTIONS} options`, field))
    return []
  }
  const seen = new Set<string>()
  return options.map((option, i) => {
    const name = option.name.trim()
    const value = option.value.trim()
    if (name.length < 1 || name.length > 50) {
      errors.push(userError('INVALID_INPUT', 'Option name must be 1–50 characters', [...field, String(i), 'name']))
    } else if (seen.has(name.toLowerCase())) {
      errors.push(userError('INVALID_INPUT', 'Option names must be unique within a variant', [...field, String(i), 'name']))
    }
    seen.add(name.toLowerCase())
    if (value.length < 1 || value.length > 100) {
      errors.push(userError('INVALID_INPUT', 'Option value must be 1–100 characters', [...field, String(i), 'value']))
    }
    return { name, value }
  })
}

function defaultVariantTitle(options: readonly SelectedOption[]): string {
  return (options.map((o) => o.value).join(' / ') || 'Default').slice(0, 200)
}

export interface VariantInput {
  sku: string
  title?: string | null
  selectedOptions?: readonly SelectedOption[] | null
  price: string
  quantity?: number | null
}

interface CheckedVariant {
  sku: string
  title: string
  options: SelectedOption[]
  priceMinor: bigint
  stock: number
}

function checkVariant(input: VariantInput, currencyCode: string, path: string[], errors: UserError[]): CheckedVariant {
  const sku = checkSku(input.sku, [...path, 'sku'], errors)
  const options = checkOptions(input.selectedOptions ?? [], [...path, 'selectedOptions'], errors)
  const title = input.title != null ? checkTitle(input.title, [...path, 'title'], errors) : defaultVariantTitle(options)
  const priceMinor = checkPrice(input.price, currencyCode, [...path, 'price'], errors)
  const stock = checkQuantity(input.quantity ?? 0, [...path, 'quantity'], errors)
  return { sku, title, options, priceMinor, stock }
}

function variantRow(shopId: string, productId: string, position: number, v: CheckedVariant) {
  return {
    shop_id: shopId,
    product_id: productId,
    position,
    sku: v.sku,
    title: v.title,
    options: JSON.stringify(v.options),
    price_minor: v.priceMinor.toString(),
    stock: v.stock,
  }
}

/** "Linen Shirt — Blue!" -> "linen-shirt-blue"; "product" when nothing usable is left. */
export function handleFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 90)
    .replace(/^-+|-+$/g, '')
  return slug || 'product'
}

/** The first of `base`, `base-2`, `base-3`… not in `taken`. */
function firstFreeHandle(base: string, taken: readonly string[]): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}

const PRODUCT_NOT_FOUND = (field: string[]) => userError('NOT_FOUND', 'No such product in this shop', field)
const VARIANT_NOT_FOUND = (field: string[]) => userError('NOT_FOUND', 'No such variant in this shop', field)
const PRODUCT_DELETED = (field: string[]) =>
  userError('INVALID_STATE', 'The product is deleted; restore it before changing it', field)

// ---------------------------------------------------------------------------------------------------
// Products

export interface ProductCreateInput {
  handle?: string | null
  title: string
  description?: string | null
  status?: ProductStatus | null
  variants: readonly VariantInput[]
}

/**
 * Creates a product with its first 1–100 variants in one transaction. A taken explicit handle is TAKEN; a
 * derived one gets the first free numeric suffix. A SKU already live in the shop is CONFLICT.
 */
export async function createProduct(scope: CatalogScope, input: ProductCreateInput): Promise<Result<{ product: ProductRow }>> {
  const shopId = staffShopOf(scope)
  const errors: UserError[] = []
  const title = checkTitle(input.title, ['input', 'title'], errors)
  const explicitHandle = input.handle != null ? checkHandle(input.handle, ['input', 'handle'], errors) : null
  const description = checkDescription(input.description ?? '', ['input', 'description'], errors)
  if (input.variants.length < 1 || input.variants.length > MAX_VARIANTS_PER_PRODUCT) {
    errors.push(userError('INVALID_INPUT', `A product has 1–${MAX_VARIANTS_PER_PRODUCT} variants`, ['input', 'variants']))
  }
  const variants = input.variants
    .slice(0, MAX_VARIANTS_PER_PRODUCT)
    .map((v, i) => checkVariant(v, scope.currencyCode, ['input', 'variants', String(i)], errors))
  const skus = new Set<string>()
  variants.forEach((v, i) => {
    if (skus.has(v.sku)) {
      errors.push(userError('CONFLICT', 'This SKU appears twice in the input', ['input', 'variants', String(i), 'sku']))
    }
    skus.add(v.sku)
  })
  if (errors.length > 0) return fail(...errors)

  const prices = variants.map((v) => v.priceMinor)
  const minPrice = prices.reduce((a, b) => (b < a ? b : a))
  const maxPrice = prices.reduce((a, b) => (b > a ? b : a))
  return inTransaction(scope.db, async (trx) => {
    const row = {
      shop_id: shopId,
      title,
      description,
      status: input.status ?? 'DRAFT',
      min_price_minor: minPrice.toString(),
      max_price_minor: maxPrice.toString(),
    } as const
    let product: ProductRow | undefined
    if (explicitHandle !== null) {
      product = await repo.insertProduct(trx, { ...row, handle: explicitHandle })
      if (!product) return fail(userError('TAKEN', 'Another product of the shop has this handle', ['input', 'handle']))
    } else {
      const base = handleFromTitle(title)
      // Retried only when a concurrent create took the same free handle between our read and insert.
      for (let attempt = 0; attempt < 5 && !product; attempt++) {
        const handle = firstFreeHandle(base, await repo.findHandlesLike(trx, shopId, base))
        product = await repo.insertProduct(trx, { ...row, handle })
      }
      if (!product) throw new Error('could not find a free handle after 5 attempts')
    }
    const created = await repo.insertVariants(
      trx,
      variants.map((v, i) => variantRow(shopId, product.id, i, v)),
    )
    if (created.length < variants.length) {
      const inserted = new Set(created.map((v) => v.sku))
      return fail(
        ...variants.flatMap((v, i) =>
          inserted.has(v.sku)
            ? []
            : [userError('CONFLICT', 'Another variant of the shop has this SKU', ['input', 'variants', String(i), 'sku'])],
        ),
      )
    }
    await audit(trx, scope, 'product.created', { type: 'Product', id: product.id }, {
      before: null,
      after: { ...productSnapshot(product), variants: created.map((v) => ({ id: v.id, ...variantSnapshot(v) })) },
    })
    return { ok: true as const, product }
  })
}

export interface ProductUpdateInput {
  id: string
  handle?: string | null
  title?: string | null
  description?: string | null
  status?: ProductStatus | null
}

/** Changes handle, title, description or status; a no-op change writes nothing. */
export async function updateProduct(scope: CatalogScope, input: ProductUpdateInput): Promise<Result<{ product: ProductRow }>> {
  const shopId = staffShopOf(scope)
  const errors: UserError[] = []
  const patch: repo.ProductPatch = {}
  if (input.handle != null) patch.handle = checkHandle(input.handle, ['input', 'handle'], errors)
  if (input.title != null) patch.title = checkTitle(input.title, ['input', 'title'], errors)
  if (input.description != null) patch.description = checkDescription(input.description, ['input', 'description'], errors)
  if (input.status != null) patch.status = input.status
  if (errors.length > 0) return fail(...errors)

  return inTransaction(scope.db, async (trx) => {
    const before = await repo.lockProduct(trx, shopId, input.id)
    if (!before) return fail(PRODUCT_NOT_FOUND(['input', 'id']))
    if (before.deleted_at !== null) return fail(PRODUCT_DELETED(['input', 'id']))
    const diff = changes(productSnapshot(before), { ...productSnapshot(before), ...patch })
    if (Object.keys(diff.after).length === 0) return { ok: true as const, product: before }
    let product: ProductRow
    try {
      product = await repo.updateProduct(trx, shopId, input.id, patch)
    } catch (error) {
      if (isUniqueViolation(error, 'product_shop_id_handle_key')) {
        return fail(userError('TAKEN', 'Another product of the shop has this handle', ['input', 'handle']))
      }
      throw error
    }
    await audit(trx, scope, 'product.updated', { type: 'Product', id: product.id }, diff)
    return { ok: true as const, product }
  })
}

/** Soft-deletes a product: gone from the storefront and staff lists, kept for restore. */
export async function deleteProduct(scope: CatalogScope, input: { id: string }): Promise<Result<{ product: ProductRow }>> {
  const shopId = staffShopOf(scope)
  return inTransaction(scope.db, async (trx) => {
    const before = await repo.lockProduct(trx, shopId, input.id)
    if (!before) return fail(PRODUCT_NOT_FOUND(['input', 'id']))
    if (before.deleted_at !== null) return fail(userError('INVALID_STATE', 'The product is already deleted', ['input', 'id']))
    const product = await repo.setProductDeletedAt(trx, shopId, input.id, true)
    await audit(trx, scope, 'product.deleted', { type: 'Product', id: product.id }, {
      before: { deletedAt: null },
      after: { deletedAt: product.deleted_at },
    })
    return { ok: true as const, product }
  })
}

/** Restores a soft-deleted product, with its variants, status and handle as they were. */
export async function restoreProduct(scope: CatalogScope, input: { id: string }): Promise<Result<{ product: ProductRow }>> {
  const shopId = staffShopOf(scope)
  return inTransaction(scope.db, async (trx) => {
    const before = await repo.lockProduct(trx, shopId, input.id)
    if (!before) return fail(PRODUCT_NOT_FOUND(['input', 'id']))
    if (before.deleted_at === null) return fail(userError('INVALID_STATE', 'The product is not deleted', ['input', 'id']))
    const product = await repo.setProductDeletedAt(trx, shopId, input.id, false)
    await audit(trx, scope, 'product.restored', { type: 'Product', id: product.id }, {
      before: { deletedAt: before.deleted_at },
      after: { deletedAt: null },
    })
    return { ok: true as const, product }
  })
}

// ---------------------------------------------------------------------------------------------------
// Variants: every change locks the product row first, so the variant count and the denormalized price
// range are computed from a settled set of variants.

export interface VariantCreateInput extends VariantInput {
  productId: string
}

/** Adds a variant to a live product with fewer than 100 variants; refreshes the product's price range. */
export async function createVariant(scope: CatalogScope, input: VariantCreateInput): Promise<Result<{ variant: ProductVariantRow }>> {
  const shopId = staffShopOf(scope)
  const errors: UserError[] = []
  const checked = checkVariant(input, scope.currencyCode, ['input'], errors)
  if (errors.length > 0) return fail(...errors)
  return inTransaction(scope.db, async (trx) => {
    const product = await repo.lockProduct(trx, shopId, input.productId)
    if (!product) return fail(PRODUCT_NOT_FOUND(['input', 'productId']))
    if (product.deleted_at !== null) return fail(PRODUCT_DELETED(['input', 'productId']))
    if ((await repo.countLiveVariants(trx, shopId, product.id)) >= MAX_VARIANTS_PER_PRODUCT) {
      return fail(userError('INVALID_STATE', `A product has at most ${MAX_VARIANTS_PER_PRODUCT} variants`, ['input', 'productId']))
    }
    const position = await repo.nextVariantPosition(trx, shopId, product.id)
    const [variant] = await repo.insertVariants(trx, [variantRow(shopId, product.id, position, checked)])
    if (!variant) return fail(userError('CONFLICT', 'Another variant of the shop has this SKU', ['input', 'sku']))
    const after = await repo.refreshPriceRange(trx, shopId, product.id)
    await audit(trx, scope, 'variant.created', { type: 'ProductVariant', id: variant.id }, {
      before: null,
      after: variantSnapshot(variant),
      product: changes(productSnapshot(product), productSnapshot(after)),
    })
    return { ok: true as const, variant }
  })
}

/**
 * Locks the variant's product, then the variant (always in that order, as every variant change does).
 * Answers null when the variant is not a live variant of the shop.
 */
async function lockVariantAndProduct(trx: Kysely<DB>, shopId: string, variantId: string) {
  const found = await repo.findLiveVariant(trx, shopId, variantId)
  if (!found) return null
  const product = await repo.lockProduct(trx, shopId, found.product_id)
  const variant = await repo.lockLiveVariant(trx, shopId, variantId)
  return product && variant ? { product, variant } : null
}

export interface VariantUpdateInput {
  id: string
  sku?: string | null
  title?: string | null
  selectedOptions?: readonly SelectedOption[] | null
  price?: string | null
}

/** Changes SKU, title, options or price (not stock); refreshes the product's price range. */
export async function updateVariant(scope: CatalogScope, input: VariantUpdateInput): Promise<Result<{ variant: ProductVariantRow }>> {
  const shopId = staffShopOf(scope)
  const errors: UserError[] = []
  const patch: repo.VariantPatch = {}
  if (input.sku != null) patch.sku = checkSku(input.sku, ['input', 'sku'], errors)
  if (input.title != null) patch.title = checkTitle(input.title, ['input', 'title'], errors)
  if (input.selectedOptions != null) {
    patch.options = JSON.stringify(checkOptions(input.selectedOptions, ['input', 'selectedOptions'], errors))
  }
  if (input.price != null) patch.price_minor = checkPrice(input.price, scope.currencyCode, ['input', 'price'], errors).toString()
  if (errors.length > 0) return fail(...errors)

  return inTransaction(scope.db, async (trx) => {
    const locked = await lockVariantAndProduct(trx, shopId, input.id)
    if (!locked) return fail(VARIANT_NOT_FOUND(['input', 'id']))
    if (locked.product.deleted_at !== null) return fail(PRODUCT_DELETED(['input', 'id']))
    const before = locked.variant
    const diff = changes(variantSnapshot(before), {
      ...variantSnapshot(before),
      sku: patch.sku ?? before.sku,
      title: patch.title ?? before.title,
      options: patch.options !== undefined ? JSON.parse(patch.options) : before.options,
      priceMinor: patch.price_minor ?? before.price_minor,
    })
    if (Object.keys(diff.after).length === 0) return { ok: true as const, variant: before }
    let variant: ProductVariantRow
    try {
      variant = await repo.updateVariant(trx, shopId, input.id, patch)
    } catch (error) {
      if (isUniqueViolation(error, 'product_variant_shop_id_sku_key')) {
        return fail(userError('CONFLICT', 'Another variant of the shop has this SKU', ['input', 'sku']))
      }
      throw error
    }
    const product = patch.price_minor !== undefined ? await repo.refreshPriceRange(trx, shopId, variant.product_id) : locked.product
    await audit(trx, scope, 'variant.updated', { type: 'ProductVariant', id: variant.id }, {
      ...diff,
      product: changes(productSnapshot(locked.product), productSnapshot(product)),
    })
    return { ok: true as const, variant }
  })
}

/** Soft-deletes a variant (never a product's last one); refreshes the product's price range. */
export async function deleteVariant(
  scope: CatalogScope,
  input: { id: string },
): Promise<Result<{ variant: ProductVariantRow; product: ProductRow }>> {
  const shopId = staffShopOf(scope)
  return inTransaction(scope.db, async (trx) => {
    const locked = await lockVariantAndProduct(trx, shopId, input.id)
    if (!locked) return fail(VARIANT_NOT_FOUND(['input', 'id']))
    if (locked.product.deleted_at !== null) return fail(PRODUCT_DELETED(['input', 'id']))
    if ((await repo.countLiveVariants(trx, shopId, locked.product.id)) <= 1) {
      return fail(userError('INVALID_STATE', 'A product keeps at least one variant; delete the product instead', ['input', 'id']))
    }
    const variant = await repo.softDeleteVariant(trx, shopId, input.id)
    const product = await repo.refreshPriceRange(trx, shopId, variant.product_id)
    await audit(trx, scope, 'variant.deleted', { type: 'ProductVariant', id: variant.id }, {
      before: variantSnapshot(locked.variant),
      after: null,
      product: changes(productSnapshot(locked.product), productSnapshot(product)),
    })
    return { ok: true as const, variant, product }
  })
}

// ---------------------------------------------------------------------------------------------------
// Inventory: one conditional UPDATE each, never read-modify-write.

/** Adds `delta` units to the stock atomically; OUT_OF_STOCK (and nothing written) when it would drop below 0. */
export async function adjustInventory(
  scope: CatalogScope,
  input: { variantId: string; delta: number; reason: string },
): Promise<Result<{ variant: ProductVariantRow }>> {
  const shopId = staffShopOf(scope)
  const errors: UserError[] = []
  if (!Number.isInteger(input.delta) || input.delta === 0 || Math.abs(input.delta) > MAX_STOCK) {
    errors.push(userError('INVALID_INPUT', `Delta must be a non-zero integer from -${MAX_STOCK} to ${MAX_STOCK}`, ['input', 'delta']))
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
      return fail(userError('OUT_OF_STOCK', `Only ${existing.stock} in stock: stock cannot go below 0`, ['input', 'delta']))
    }
    await audit(trx, scope, 'inventory.adjusted', { type: 'ProductVariant', id: variant.id }, {
      before: { stock: variant.stock - input.delta },
      after: { stock: variant.stock },
      delta: input.delta,
      reason,
    })
    return { ok: true as const, variant }
  })
}

/** Sets the stock if it is still `expectedQuantity` (compare-and-set); CONFLICT when it moved. */
export async function setInventory(
  scope: CatalogScope,
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
        userError('CONFLICT', `The stock is ${existing.stock}, not ${input.expectedQuantity}: it changed since it was read`, [
          'input',
          'expectedQuantity',
        ]),
      )
    }
    await audit(trx, scope, 'inventory.set', { type: 'ProductVariant', id: variant.id }, {
      before: { stock: input.expectedQuantity },
      after: { stock: variant.stock },
      reason,
    })
    return { ok: true as const, variant }
  })
}

// ---------------------------------------------------------------------------------------------------
// Reading

export type ProductSortKey = 'CREATED_AT' | 'TITLE' | 'PRICE'

export interface ProductListArgs extends PageArgs {
  filter?: {
    status?: readonly ProductStatus[] | null
    titleContains?: string | null
    priceMin?: string | null
    priceMax?: string | null
    includeDeleted?: boolean | null
  } | null
  sortKey?: ProductSortKey | null
  reverse?: boolean | null
}

const SORTS: Record<ProductSortKey, { column: repo.ProductSortColumn; part: CursorPart; value: (p: ProductRow) => unknown }> = {
  CREATED_AT: { column: 'created_at', part: 'date', value: (p) => p.created_at },
  TITLE: { column: 'title', part: 'string', value: (p) => p.title },
  PRICE: { column: 'min_price_minor', part: 'number', value: (p) => p.min_price_minor },
}

function filterPrice(text: string | null | undefined, currencyCode: string, argument: string): bigint | null {
  if (text == null) return null
  const minor = parseDecimal(text, currencyScale(currencyCode))
  if (minor === null || minor < 0n) {
    throw badUserInput(`"${argument}" must be a non-negative amount in the shop's currency`, ['filter', argument])
  }
  return minor
}

/**
 * A keyset page of the shop's products. Staff of this shop see every status (and deleted products with
 * `includeDeleted`); everyone else sees ACTIVE, live products. The staff-only filters are refused to
 * others before this runs (catalog.rules.ts). Cursors carry the sort key, its value and the id.
 */
export async function listProducts(
  db: Kysely<DB>,
  viewer: Viewer | null,
  shop: ShopRow,
  args: ProductListArgs,
): Promise<ProductPage> {
  const sortKey = args.sortKey ?? 'CREATED_AT'
  const sort = SORTS[sortKey]
  const tagged = parsePageArgs(args, ['string', sort.part, 'uuid'])
  if (tagged.cursor && tagged.cursor[0] !== sortKey) {
    const argument = tagged.backward ? 'before' : 'after'
    throw badUserInput(`"${argument}" is a cursor of another sort order`, [argument])
  }
  const page = { ...tagged, cursor: tagged.cursor ? tagged.cursor.slice(1) : null }
  const filter = args.filter ?? {}
  const titleContains = filter.titleContains?.trim() || null
  if (titleContains && titleContains.length > 200) {
    throw badUserInput('"titleContains" must be at most 200 characters', ['filter', 'titleContains'])
  }
  const staff = viewer !== null && isStaff(viewer) && viewer.shopId === shop.id
  const query: repo.ProductQuery = {
    shopId: shop.id,
    staff,
    statuses: staff ? (filter.status ?? null) : null,
    includeDeleted: staff && filter.includeDeleted === true,
    titleContains,
    priceMinMinor: filterPrice(filter.priceMin, shop.currency_code, 'priceMin'),
    priceMaxMinor: filterPrice(filter.priceMax, shop.currency_code, 'priceMax'),
  }
  const sortSpec = { column: sort.column, descending: args.reverse === true }
  const rows = await repo.findProductPage(db, query, sortSpec, page)
  return toConnection(rows, page, (p) => [sortKey, sort.value(p), p.id], () => repo.countProducts(db, query))
}

// ---- stock for other modules (orders): the only way they touch inventory

export type SaleableVariant = repo.SaleableVariantRow

/** Variants that can be put in a cart now (live, of an ACTIVE product of the shop), by id. */
export async function findSaleableVariants(db: Kysely<DB>, shopId: string, ids: readonly string[]): Promise<Map<string, SaleableVariant>> {
  const rows = await repo.findSaleableVariants(db, shopId, [...new Set(ids)], false)
  return new Map(rows.map((row) => [row.id, row]))
}

export type StockProblem = { index: number; kind: 'OUT_OF_STOCK'; available: number } | { index: number; kind: 'NOT_FOR_SALE' }

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
    else if (variant.stock < wanted.get(line.variantId)!) problems.push({ index, kind: 'OUT_OF_STOCK', available: variant.stock })
  })
  if (problems.length > 0) return { ok: false, problems }
  for (const [variantId, quantity] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const left = await repo.decrementStock(trx, shopId, variantId, quantity)
    // Impossible while we hold the row lock and checked the stock: a broken invariant, not a user error.
    if (left === undefined) throw new Error(`stock of variant ${variantId} changed under its lock`)
  }
  return { ok: true, variants }
}

/** Puts stock back for every line (order cancellation), inside the caller's transaction, in id order. */
export async function returnStock(trx: Kysely<DB>, shopId: string, lines: readonly { variantId: string; quantity: number }[]): Promise<void> {
  const sorted = [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : 1))
  for (const line of sorted) await repo.incrementStock(trx, shopId, line.variantId, line.quantity)
}

// ---- products for other modules (reviews)

/**
 * The product if the viewer may see it, else null: ACTIVE, live products of any shop for everyone;
 * every product of their own shop for its staff (the same rule as `node` and `Shop.product`).
 */
export async function findVisibleProduct(db: Kysely<DB>, viewer: Viewer | null, productId: string): Promise<ProductRow | null> {
  const [product] = await repo.findProductsByIds(db, { staffShopId: viewer && isStaff(viewer) ? viewer.shopId : null }, [productId])
  return product ?? null
}
