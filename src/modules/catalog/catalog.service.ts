import type { Expression, Kysely } from 'kysely'
import { NO_EMBEDS, type EmbedPlan } from '../../shared/embed-plan.js'
import type { DB } from '../../../db/types.js'
import type { Config } from '../../config.js'
import { isStaff, type Viewer } from '../../shared/viewer.js'
import { badUserInput, fail, userError, type Result, type UserError } from '../../shared/errors.js'
import { firstFreeHandle, handleFromTitle } from '../../shared/handle.js'
import { currencyScale, parseDecimal } from '../../shared/money.js'
import {
  parsePageArgs,
  toConnection,
  type Connection,
  type CursorPart,
  type Page,
  type PageArgs,
} from '../../shared/pagination.js'
import type { ProductRow, ProductStatus, ShopRow } from '../../shared/rows.js'
import type { RequestScope } from '../../shared/scope.js'
import { Semaphore } from '../../shared/semaphore.js'
import { inTransaction, isUniqueViolation } from '../../shared/transaction.js'
import { audit, changes, productSnapshot, variantSnapshot } from './catalog.audit.js'
import * as repo from './catalog.repository.js'
import {
  MAX_VARIANTS_PER_PRODUCT,
  PRODUCT_DELETED,
  PRODUCT_NOT_FOUND,
  checkDescription,
  checkHandle,
  checkTitle,
  checkVariant,
  currencyOfShop,
  staffShopOf,
  variantRow,
  type VariantInput,
} from './catalog.validation.js'

// Products: their life cycle (create, update, delete, restore) and the storefront list. Variants and
// stock have their own services (variant.service.ts, inventory.service.ts).

/** A page of `Shop.products` (the `ProductConnection` type). */
export type ProductConnection = Connection<ProductRow>

export interface ProductCreateInput {
  handle?: string | null
  title: string
  description?: string | null
  status?: ProductStatus | null
  variants: readonly VariantInput[]
}

/**
 * Creates a product with its first 1–100 variants in one transaction. A taken explicit handle is TAKEN; a
 * derived one gets the first free numeric suffix. A SKU already live in the shop is TAKEN.
 */
export async function createProduct(
  scope: RequestScope,
  input: ProductCreateInput,
): Promise<Result<{ product: ProductRow }>> {
  const shopId = staffShopOf(scope)
  const currencyCode = await currencyOfShop(scope.db, shopId)
  const errors: UserError[] = []
  const title = checkTitle(input.title, ['input', 'title'], errors)
  const explicitHandle = input.handle != null ? checkHandle(input.handle, ['input', 'handle'], errors) : null
  const description = checkDescription(input.description ?? '', ['input', 'description'], errors)
  if (input.variants.length < 1 || input.variants.length > MAX_VARIANTS_PER_PRODUCT) {
    errors.push(
      userError('INVALID_INPUT', `A product has 1–${MAX_VARIANTS_PER_PRODUCT} variants`, ['input', 'variants']),
    )
  }
  const variants = input.variants
    .slice(0, MAX_VARIANTS_PER_PRODUCT)
    .map((v, i) => checkVariant(v, currencyCode, ['input', 'variants', String(i)], errors))
  const skus = new Set<string>()
  variants.forEach((v, i) => {
    if (skus.has(v.sku)) {
      errors.push(userError('TAKEN', 'This SKU appears twice in the input', ['input', 'variants', String(i), 'sku']))
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
      const base = handleFromTitle(title, 'product')
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
            : [userError('TAKEN', 'Another variant of the shop has this SKU', ['input', 'variants', String(i), 'sku'])],
        ),
      )
    }
    await audit(
      trx,
      scope,
      'product.created',
      { type: 'Product', id: product.id },
      {
        before: null,
        after: { ...productSnapshot(product), variants: created.map((v) => ({ id: v.id, ...variantSnapshot(v) })) },
      },
    )
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
export async function updateProduct(
  scope: RequestScope,
  input: ProductUpdateInput,
): Promise<Result<{ product: ProductRow }>> {
  const shopId = staffShopOf(scope)
  const errors: UserError[] = []
  const patch: repo.ProductPatch = {}
  if (input.handle != null) patch.handle = checkHandle(input.handle, ['input', 'handle'], errors)
  if (input.title != null) patch.title = checkTitle(input.title, ['input', 'title'], errors)
  if (input.description != null)
    patch.description = checkDescription(input.description, ['input', 'description'], errors)
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
export async function deleteProduct(
  scope: RequestScope,
  input: { id: string },
): Promise<Result<{ product: ProductRow }>> {
  const shopId = staffShopOf(scope)
  return inTransaction(scope.db, async (trx) => {
    const before = await repo.lockProduct(trx, shopId, input.id)
    if (!before) return fail(PRODUCT_NOT_FOUND(['input', 'id']))
    if (before.deleted_at !== null)
      return fail(userError('INVALID_STATE', 'The product is already deleted', ['input', 'id']))
    const product = await repo.setProductDeletedAt(trx, shopId, input.id, true)
    await audit(
      trx,
      scope,
      'product.deleted',
      { type: 'Product', id: product.id },
      {
        before: { deletedAt: null },
        after: { deletedAt: product.deleted_at },
      },
    )
    return { ok: true as const, product }
  })
}

/** Restores a soft-deleted product, with its variants, status and handle as they were. */
export async function restoreProduct(
  scope: RequestScope,
  input: { id: string },
): Promise<Result<{ product: ProductRow }>> {
  const shopId = staffShopOf(scope)
  return inTransaction(scope.db, async (trx) => {
    const before = await repo.lockProduct(trx, shopId, input.id)
    if (!before) return fail(PRODUCT_NOT_FOUND(['input', 'id']))
    if (before.deleted_at === null)
      return fail(userError('INVALID_STATE', 'The product is not deleted', ['input', 'id']))
    const product = await repo.setProductDeletedAt(trx, shopId, input.id, false)
    await audit(
      trx,
      scope,
      'product.restored',
      { type: 'Product', id: product.id },
      {
        before: { deletedAt: before.deleted_at },
        after: { deletedAt: null },
      },
    )
    return { ok: true as const, product }
  })
}

// ---- reading

export type ProductSortKey = 'CREATED_AT' | 'TITLE' | 'PRICE'

export interface ProductListArgs {
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

const SORTS: Record<ProductSortKey, { column: repo.ProductSortColumn; value: (p: ProductRow) => unknown }> = {
  CREATED_AT: { column: 'created_at', value: (p) => p.created_at },
  TITLE: { column: 'title', value: (p) => p.title },
  PRICE: { column: 'min_price_minor', value: (p) => p.min_price_minor },
}

/** The cursor of `Shop.products` in each sort order: the sort key's value, then the id. */
export const PRODUCT_CURSOR: Record<ProductSortKey, readonly CursorPart[]> = {
  CREATED_AT: ['date', 'uuid'],
  TITLE: ['string', 'uuid'],
  PRICE: ['number', 'uuid'],
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
 * `Shop.products` as the storefront sees it, embedded in the statement that reads the shop
 * (`shopId` a reference to its row): the query, and the connection built from its rows. Null where
 * the list must run on its own: a title search (its own bulkhead and statement timeout), price
 * filters (parsed in the shop's currency, not known yet), staff viewers (their view depends on the
 * shop), or arguments that do not parse (the resolver reports them).
 */
export function storefrontProductPage(
  scope: RequestScope,
  shopId: Expression<string>,
  args: ProductListArgs & PageArgs,
  embeds: EmbedPlan,
): {
  query: ReturnType<typeof repo.productPageQuery>
  connection(rows: ProductRow[], shop: ShopRow): ProductConnection
} | null {
  const filter = args.filter ?? {}
  if (filter.titleContains?.trim() || filter.priceMin != null || filter.priceMax != null) return null
  if (scope.viewer && isStaff(scope.viewer)) return null
  const sortKey = args.sortKey ?? 'CREATED_AT'
  let page: Page
  try {
    page = parsePageArgs(args, PRODUCT_CURSOR[sortKey], sortKey)
  } catch {
    return null
  }
  const sort = SORTS[sortKey]
  const query: repo.ProductQuery = {
    shopId,
    staff: false,
    statuses: null,
    includeDeleted: false,
    titleContains: null,
    priceMinMinor: null,
    priceMaxMinor: null,
  }
  return {
    query: repo.productPageQuery(
      scope.db,
      query,
      { column: sort.column, descending: args.reverse === true },
      page,
      embeds,
    ),
    connection: (rows, shop) =>
      toConnection(
        rows,
        page,
        (p) => [sortKey, sort.value(p), p.id],
        // The count runs on its own, when selected: the shop's id is known by then.
        () => repo.countProducts(scope.db, { ...query, shopId: shop.id }),
      ),
  }
}

/**
 * A keyset page of the shop's products. Staff of this shop see every status (and deleted products with
 * `includeDeleted`); everyone else sees ACTIVE, live products. The staff-only filters are refused to
 * others before this runs (catalog.rules.ts). Cursors carry the sort key, its value and the id.
 * A title search runs bounded (see searchBounded).
 */
export async function listProducts(
  scope: RequestScope,
  shop: ShopRow,
  args: ProductListArgs,
  page: Page,
  embeds: EmbedPlan = NO_EMBEDS,
): Promise<ProductConnection> {
  const { db, viewer } = scope
  const sortKey = args.sortKey ?? 'CREATED_AT'
  const sort = SORTS[sortKey]
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
  if (!titleContains) {
    const rows = await repo.findProductPage(db, query, sortSpec, page, embeds)
    return toConnection(
      rows,
      page,
      (p) => [sortKey, sort.value(p), p.id],
      () => repo.countProducts(db, query),
    )
  }
  const rows = await searchBounded(db, scope.config, (trx) => repo.findProductPage(trx, query, sortSpec, page, embeds))
  return toConnection(
    rows,
    page,
    (p) => [sortKey, sort.value(p), p.id],
    () => searchBounded(db, scope.config, (trx) => repo.countProducts(trx, query)),
  )
}

type SearchSettings = Pick<Config, 'searchConcurrency' | 'searchStatementTimeoutMs' | 'databasePoolMax'>

const searchBulkheads = new WeakMap<SearchSettings, Semaphore>()

/** PostgreSQL's query_canceled: statement_timeout (or a cancel) ended the statement. */
const QUERY_CANCELED = '57014'

/**
 * Runs a title search's statement under a per-process concurrency cap (the rest wait in memory,
 * not on the pool) and a statement timeout of its own (SET LOCAL, in a transaction), so searches
 * of one tenant cannot hold the whole pool and fail every other tenant's requests. A search that
 * runs out of time is the caller's pattern being too broad: BAD_USER_INPUT, never a 500.
 */
async function searchBounded<T>(
  db: Kysely<DB>,
  config: SearchSettings,
  run: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  let bulkhead = searchBulkheads.get(config)
  if (!bulkhead) {
    bulkhead = new Semaphore(Math.min(config.searchConcurrency, config.databasePoolMax))
    searchBulkheads.set(config, bulkhead)
  }
  try {
    return await bulkhead.run(() =>
      db.transaction().execute(async (trx) => {
        await repo.limitStatementTime(trx, config.searchStatementTimeoutMs)
        return run(trx)
      }),
    )
  } catch (error) {
    if ((error as { code?: unknown }).code !== QUERY_CANCELED) throw error
    throw badUserInput('"titleContains" matches too broadly to search in time: use a longer or more specific text', [
      'filter',
      'titleContains',
    ])
  }
}

// ---- for other modules (reviews)

/**
 * The product if the viewer may see it, else null: ACTIVE, live products of any shop for everyone;
 * every product of their own shop for its staff (the same rule as `node` and `Shop.product`).
 */
export async function findVisibleProduct(
  db: Kysely<DB>,
  viewer: Viewer | null,
  productId: string,
): Promise<ProductRow | null> {
  const [product] = await repo.findProductsByIds(
    db,
    { staffShopId: viewer && isStaff(viewer) ? viewer.shopId : null },
    [productId],
  )
  return product ?? null
}
