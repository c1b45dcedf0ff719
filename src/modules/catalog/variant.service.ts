import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { fail, userError, type Result, type UserError } from '../../shared/errors.js'
import type { ProductRow, ProductVariantRow } from '../../shared/rows.js'
import type { RequestScope } from '../../shared/scope.js'
import { inTransaction, isUniqueViolation } from '../../shared/transaction.js'
import { audit, changes, productSnapshot, variantSnapshot } from './catalog.audit.js'
import * as repo from './catalog.repository.js'
import {
  MAX_VARIANTS_PER_PRODUCT,
  PRODUCT_DELETED,
  PRODUCT_NOT_FOUND,
  VARIANT_NOT_FOUND,
  checkOptions,
  checkPrice,
  checkSku,
  checkTitle,
  checkVariant,
  currencyOfShop,
  staffShopOf,
  variantRow,
  type SelectedOption,
  type VariantInput,
} from './catalog.validation.js'

// Variants of a product. Every change locks the product row first, so the variant count and the
// denormalized price range are computed from a settled set of variants.

export interface VariantCreateInput extends VariantInput {
  productId: string
}

/** Adds a variant to a live product with fewer than 100 variants; refreshes the product's price range. */
export async function createVariant(
  scope: RequestScope,
  input: VariantCreateInput,
): Promise<Result<{ variant: ProductVariantRow }>> {
  const shopId = staffShopOf(scope)
  const currencyCode = await currencyOfShop(scope.db, shopId)
  const errors: UserError[] = []
  const checked = checkVariant(input, currencyCode, ['input'], errors)
  if (errors.length > 0) return fail(...errors)
  return inTransaction(scope.db, async (trx) => {
    const product = await repo.lockProduct(trx, shopId, input.productId)
    if (!product) return fail(PRODUCT_NOT_FOUND(['input', 'productId']))
    if (product.deleted_at !== null) return fail(PRODUCT_DELETED(['input', 'productId']))
    if ((await repo.countLiveVariants(trx, shopId, product.id)) >= MAX_VARIANTS_PER_PRODUCT) {
      return fail(
        userError('INVALID_STATE', `A product has at most ${MAX_VARIANTS_PER_PRODUCT} variants`, [
          'input',
          'productId',
        ]),
      )
    }
    const position = await repo.nextVariantPosition(trx, shopId, product.id)
    const [variant] = await repo.insertVariants(trx, [variantRow(shopId, product.id, position, checked)])
    if (!variant) return fail(userError('TAKEN', 'Another variant of the shop has this SKU', ['input', 'sku']))
    const after = await repo.refreshPriceRange(trx, shopId, product.id)
    await audit(
      trx,
      scope,
      'variant.created',
      { type: 'ProductVariant', id: variant.id },
      {
        before: null,
        after: variantSnapshot(variant),
        product: changes(productSnapshot(product), productSnapshot(after)),
      },
    )
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
export async function updateVariant(
  scope: RequestScope,
  input: VariantUpdateInput,
): Promise<Result<{ variant: ProductVariantRow }>> {
  const shopId = staffShopOf(scope)
  const errors: UserError[] = []
  const patch: repo.VariantPatch = {}
  if (input.sku != null) patch.sku = checkSku(input.sku, ['input', 'sku'], errors)
  if (input.title != null) patch.title = checkTitle(input.title, ['input', 'title'], errors)
  if (input.selectedOptions != null) {
    patch.options = JSON.stringify(checkOptions(input.selectedOptions, ['input', 'selectedOptions'], errors))
  }
  if (input.price != null) {
    const currencyCode = await currencyOfShop(scope.db, shopId)
    patch.price_minor = checkPrice(input.price, currencyCode, ['input', 'price'], errors).toString()
  }
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
        return fail(userError('TAKEN', 'Another variant of the shop has this SKU', ['input', 'sku']))
      }
      throw error
    }
    const product =
      patch.price_minor !== undefined ? await repo.refreshPriceRange(trx, shopId, variant.product_id) : locked.product
    await audit(
      trx,
      scope,
      'variant.updated',
      { type: 'ProductVariant', id: variant.id },
      {
        ...diff,
        product: changes(productSnapshot(locked.product), productSnapshot(product)),
      },
    )
    return { ok: true as const, variant }
  })
}

/** Soft-deletes a variant (never a product's last one); refreshes the product's price range. */
export async function deleteVariant(
  scope: RequestScope,
  input: { id: string },
): Promise<Result<{ variant: ProductVariantRow; product: ProductRow }>> {
  const shopId = staffShopOf(scope)
  return inTransaction(scope.db, async (trx) => {
    const locked = await lockVariantAndProduct(trx, shopId, input.id)
    if (!locked) return fail(VARIANT_NOT_FOUND(['input', 'id']))
    if (locked.product.deleted_at !== null) return fail(PRODUCT_DELETED(['input', 'id']))
    if ((await repo.countLiveVariants(trx, shopId, locked.product.id)) <= 1) {
      return fail(
        userError('INVALID_STATE', 'A product keeps at least one variant; delete the product instead', ['input', 'id']),
      )
    }
    const variant = await repo.softDeleteVariant(trx, shopId, input.id)
    const product = await repo.refreshPriceRange(trx, shopId, variant.product_id)
    await audit(
      trx,
      scope,
      'variant.deleted',
      { type: 'ProductVariant', id: variant.id },
      {
        before: variantSnapshot(locked.variant),
        after: null,
        product: changes(productSnapshot(locked.product), productSnapshot(product)),
      },
    )
    return { ok: true as const, variant, product }
  })
}
