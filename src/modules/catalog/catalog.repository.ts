import { sql, type Expression, type ExpressionBuilder, type Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { anyOf } from '../../shared/batch.js'
import { NO_EMBEDS, type EmbedPlan } from '../../shared/embed-plan.js'
import { seekPage, type Page } from '../../shared/pagination.js'
import type {
  NewProductRow,
  NewProductVariantRow,
  ProductRow,
  ProductStatus,
  ProductVariantRow,
} from '../../shared/rows.js'

type Db = Kysely<DB>

/**
 * Who may see which products: staff of `staffShopId` see every product of that shop (drafts, archived and
 * soft-deleted ones included); everyone sees ACTIVE, non-deleted products of any shop.
 */
export interface Visibility {
  readonly staffShopId: string | null
}

function visibleProduct(vis: Visibility) {
  return (eb: ExpressionBuilder<DB, 'product'>) => {
    const isPublic = eb.and([eb('product.status', '=', 'ACTIVE'), eb('product.deleted_at', 'is', null)])
    return vis.staffShopId === null ? isPublic : eb.or([eb('product.shop_id', '=', vis.staffShopId), isPublic])
  }
}

export function findProductsByIds(db: Db, vis: Visibility, ids: readonly string[]): Promise<ProductRow[]> {
  return db.selectFrom('product').selectAll().where('id', '=', anyOf(ids)).where(visibleProduct(vis)).execute()
}

export async function findProductsByHandles(
  db: Db,
  vis: Visibility,
  shopIds: readonly string[],
  handles: readonly string[],
  embeds: EmbedPlan = NO_EMBEDS,
): Promise<ProductRow[]> {
  const rows = await db
    .selectFrom('product')
    .selectAll()
    .select(embeds.selections)
    .where('shop_id', '=', anyOf(shopIds))
    .where('handle', '=', sql<string>`any(${[...handles]}::text[])`)
    .where(visibleProduct(vis))
    .execute()
  return embeds.attach(rows)
}

/** Live variants of the products, in list order. The caller has already checked it may see the products. */
export function findVariantsByProductIds(
  db: Db,
  shopIds: readonly string[],
  productIds: readonly string[],
): Promise<ProductVariantRow[]> {
  return liveVariants(db)
    .where('shop_id', '=', anyOf(shopIds))
    .where('product_id', '=', anyOf(productIds))
    .orderBy('position')
    .orderBy('id')
    .execute()
}

function liveVariants(db: Db) {
  return db.selectFrom('product_variant').selectAll('product_variant').where('product_variant.deleted_at', 'is', null)
}

/**
 * The live variants of the product row that the enclosing statement reads from `parent`, in list
 * order: the correlated subquery an embedded `Product.variants` is built from.
 */
export function variantsOfProduct(db: Db, parent: string) {
  return liveVariants(db)
    .where(sql<boolean>`product_variant.shop_id = ${sql.ref(`${parent}.shop_id`)}`)
    .where(sql<boolean>`product_variant.product_id = ${sql.ref(`${parent}.id`)}`)
    .orderBy('product_variant.position')
    .orderBy('product_variant.id')
}

/** Live variants by id whose product the viewer may see. */
export function findVariantsByIds(db: Db, vis: Visibility, ids: readonly string[]): Promise<ProductVariantRow[]> {
  return db
    .selectFrom('product_variant')
    .innerJoin('product', (join) =>
      join
        .onRef('product.shop_id', '=', 'product_variant.shop_id')
        .onRef('product.id', '=', 'product_variant.product_id'),
    )
    .selectAll('product_variant')
    .where('product_variant.id', '=', anyOf(ids))
    .where('product_variant.deleted_at', 'is', null)
    .where(visibleProduct(vis))
    .execute()
}

export type ProductSortColumn = 'created_at' | 'title' | 'min_price_minor'

export interface ProductQuery {
  /** The shop's id, or (embedded below the statement that reads the shop) a reference to it. */
  shopId: string | Expression<string>
  /** Staff of the shop: any status and, with `includeDeleted`, soft-deleted products. Otherwise ACTIVE and live only. */
  staff: boolean
  statuses: readonly ProductStatus[] | null
  includeDeleted: boolean
  titleContains: string | null
  priceMinMinor: bigint | null
  priceMaxMinor: bigint | null
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c)
}

function filteredProducts(db: Db, query: ProductQuery) {
  let q = db.selectFrom('product').where('shop_id', '=', query.shopId)
  if (!query.staff) {
    q = q.where('status', '=', 'ACTIVE').where('deleted_at', 'is', null)
  } else {
    if (query.statuses)
      q = query.statuses.length ? q.where('status', 'in', query.statuses) : q.where(sql<boolean>`false`)
    if (!query.includeDeleted) q = q.where('deleted_at', 'is', null)
  }
  // Served by the trigram index product_title_trgm_idx (patterns of 3+ characters).
  if (query.titleContains) q = q.where('title', 'ilike', `%${escapeLike(query.titleContains)}%`)
  if (query.priceMinMinor !== null) q = q.where('min_price_minor', '>=', query.priceMinMinor.toString())
  if (query.priceMaxMinor !== null) q = q.where('min_price_minor', '<=', query.priceMaxMinor.toString())
  return q
}

/**
 * One keyset page: `(sort column, id)` after (or before) the cursor, in the requested order, with one row
 * more than the page size. Served by the (shop_id, <sort column>, id) index.
 */
export async function findProductPage(
  db: Db,
  query: ProductQuery,
  sort: { column: ProductSortColumn; descending: boolean },
  page: Page,
  embeds: EmbedPlan = NO_EMBEDS,
): Promise<ProductRow[]> {
  const rows = await seekPage(
    filteredProducts(db, query).selectAll().select(embeds.selections),
    sort.column,
    sort.descending,
    page,
  ).execute()
  return embeds.attach(rows)
}

/**
 * The same keyset page as `findProductPage`, as a query to embed (graphql/embed.ts) below the
 * statement that reads the shop (`query.shopId` a reference to it).
 */
export function productPageQuery(
  db: Db,
  query: ProductQuery,
  sort: { column: ProductSortColumn; descending: boolean },
  page: Page,
  embeds: EmbedPlan,
) {
  return seekPage(filteredProducts(db, query).selectAll().select(embeds.selections), sort.column, sort.descending, page)
}

/** Bounds every later statement of the caller's transaction to `ms` (SET LOCAL statement_timeout). */
export async function limitStatementTime(trx: Db, ms: number): Promise<void> {
  await sql`SELECT set_config('statement_timeout', ${`${ms}ms`}, true)`.execute(trx)
}

export async function countProducts(db: Db, query: ProductQuery): Promise<number> {
  const row = await filteredProducts(db, query)
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow()
  return row.count
}

/** The product row, locked until the transaction ends: every change to its variants queues here. */
export function lockProduct(db: Db, shopId: string, id: string): Promise<ProductRow | undefined> {
  return db
    .selectFrom('product')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

/** Handles of the shop equal to `base` or `base-<n>`, deleted products included (their handles stay reserved). */
export async function findHandlesLike(db: Db, shopId: string, base: string): Promise<string[]> {
  const rows = await db
    .selectFrom('product')
    .select('handle')
    .where('shop_id', '=', shopId)
    .where((eb) => eb.or([eb('handle', '=', base), eb('handle', '~', `^${base}-[0-9]+$`)]))
    .execute()
  return rows.map((r) => r.handle)
}

/** Inserts a product unless its handle is taken in the shop (then undefined): race-free. */
export function insertProduct(db: Db, row: NewProductRow): Promise<ProductRow | undefined> {
  return db
    .insertInto('product')
    .values(row)
    .onConflict((oc) => oc.columns(['shop_id', 'handle']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

export type ProductPatch = Partial<Pick<ProductRow, 'handle' | 'title' | 'description' | 'status'>>

/** Applies the patch; throws the unique violation `product_shop_id_handle_key` when the new handle is taken. */
export function updateProduct(db: Db, shopId: string, id: string, patch: ProductPatch): Promise<ProductRow> {
  return db
    .updateTable('product')
    .set({ ...patch, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function setProductDeletedAt(db: Db, shopId: string, id: string, deleted: boolean): Promise<ProductRow> {
  return db
    .updateTable('product')
    .set({ deleted_at: deleted ? sql`now()` : null, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Recomputes the denormalized price range from the live variants (call after every variant change). */
export function refreshPriceRange(db: Db, shopId: string, productId: string): Promise<ProductRow> {
  const live = (fn: 'min' | 'max') =>
    sql<string>`(SELECT ${sql.raw(fn)}(price_minor) FROM product_variant
      WHERE shop_id = ${shopId} AND product_id = ${productId} AND deleted_at IS NULL)`
  return db
    .updateTable('product')
    .set({ min_price_minor: live('min'), max_price_minor: live('max'), updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', productId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Inserts variants, skipping those whose SKU is already live in the shop (the partial unique index
 * decides, so concurrent inserts cannot both win); answers the rows inserted.
 */
export function insertVariants(db: Db, rows: NewProductVariantRow[]): Promise<ProductVariantRow[]> {
  return db
    .insertInto('product_variant')
    .values(rows)
    .onConflict((oc) => oc.columns(['shop_id', 'sku']).where('deleted_at', 'is', null).doNothing())
    .returningAll()
    .execute()
}

export function findLiveVariant(db: Db, shopId: string, id: string): Promise<ProductVariantRow | undefined> {
  return db
    .selectFrom('product_variant')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export function lockLiveVariant(db: Db, shopId: string, id: string): Promise<ProductVariantRow | undefined> {
  return db
    .selectFrom('product_variant')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()
}

/** The position after every variant the product ever had (deleted ones included). */
export async function nextVariantPosition(db: Db, shopId: string, productId: string): Promise<number> {
  const row = await db
    .selectFrom('product_variant')
    .select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('next'))
    .where('shop_id', '=', shopId)
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow()
  return row.next
}

export async function countLiveVariants(db: Db, shopId: string, productId: string): Promise<number> {
  const row = await db
    .selectFrom('product_variant')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('shop_id', '=', shopId)
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return row.count
}

export type VariantPatch = { sku?: string; title?: string; options?: string; price_minor?: string }

/** Applies the patch; throws the unique violation `product_variant_shop_id_sku_key` when the new SKU is taken. */
export function updateVariant(db: Db, shopId: string, id: string, patch: VariantPatch): Promise<ProductVariantRow> {
  return db
    .updateTable('product_variant')
    .set({ ...patch, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function softDeleteVariant(db: Db, shopId: string, id: string): Promise<ProductVariantRow> {
  return db
    .updateTable('product_variant')
    .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Adds `delta` to the stock in one conditional statement: no row comes back when the variant is not a
 * live variant of the shop or the stock would leave 0…`max`. Concurrent adjustments queue on the row
 * lock and each re-checks the condition against the committed stock, so none is lost.
 */
export function adjustStock(
  db: Db,
  shopId: string,
  id: string,
  delta: number,
  max: number,
): Promise<ProductVariantRow | undefined> {
  return db
    .updateTable('product_variant')
    .set({ stock: sql`stock + ${delta}`, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`stock + ${delta} BETWEEN 0 AND ${max}`)
    .returningAll()
    .executeTakeFirst()
}

/** Sets the stock only if it is still `expected` (compare-and-set); no row when it is not, or no such variant. */
export function setStockIfUnchanged(
  db: Db,
  shopId: string,
  id: string,
  quantity: number,
  expected: number,
): Promise<ProductVariantRow | undefined> {
  return db
    .updateTable('product_variant')
    .set({ stock: quantity, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('stock', '=', expected)
    .returningAll()
    .executeTakeFirst()
}

// ---- stock for checkout and cancellation (called by the orders module through catalog.service)

export type SaleableVariantRow = ProductVariantRow & { product_title: string }

/**
 * Live variants of ACTIVE, live products of the shop, with their product's title. With `lock`,
 * the variant rows are locked FOR UPDATE in id order: every checkout locks in the same order, so
 * two checkouts sharing variants queue instead of deadlocking.
 */
export function findSaleableVariants(
  db: Db,
  shopId: string,
  ids: readonly string[],
  lock: boolean,
): Promise<SaleableVariantRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  const query = db
    .selectFrom('product_variant as v')
    .innerJoin('product as p', (join) => join.onRef('p.shop_id', '=', 'v.shop_id').onRef('p.id', '=', 'v.product_id'))
    .selectAll('v')
    .select('p.title as product_title')
    .where('v.shop_id', '=', shopId)
    .where('v.id', 'in', ids)
    .where('v.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('p.status', '=', 'ACTIVE')
    .orderBy('v.id')
  return (lock ? query.forUpdate('v') : query).execute() as Promise<SaleableVariantRow[]>
}

/** Up to `limit` saleable variants with at least `minStock` units, by SKU. */
export function findStockedVariants(
  db: Db,
  shopId: string,
  minStock: number,
  limit: number,
): Promise<{ id: string }[]> {
  return db
    .selectFrom('product_variant as v')
    .innerJoin('product as p', (join) => join.onRef('p.shop_id', '=', 'v.shop_id').onRef('p.id', '=', 'v.product_id'))
    .select(['v.id'])
    .where('v.shop_id', '=', shopId)
    .where('p.status', '=', 'ACTIVE')
    .where('p.deleted_at', 'is', null)
    .where('v.deleted_at', 'is', null)
    .where('v.stock', '>=', minStock)
    .orderBy('v.sku')
    .limit(limit)
    .execute()
}

/** Takes `quantity` units if that many are in stock; answers the new stock, or undefined when short. */
export async function decrementStock(
  db: Db,
  shopId: string,
  variantId: string,
  quantity: number,
): Promise<number | undefined> {
  const row = await db
    .updateTable('product_variant')
    .set({ stock: sql`stock - ${quantity}`, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', variantId)
    .where('stock', '>=', quantity)
    .returning('stock')
    .executeTakeFirst()
  return row?.stock
}

/**
 * Puts `quantity` units back (a cancelled order), but never above `max` (the stock CHECK): answers
 * how many units did not fit. Deleted variants get their stock back too.
 */
export async function incrementStock(
  db: Db,
  shopId: string,
  variantId: string,
  quantity: number,
  max: number,
): Promise<number> {
  const result = await sql<{ before: number; after: number }>`
    WITH old AS (
      SELECT id, stock FROM product_variant WHERE shop_id = ${shopId} AND id = ${variantId} FOR UPDATE
    )
    UPDATE product_variant AS v
    SET stock = least(old.stock::bigint + ${quantity}::bigint, ${max}::bigint)::integer, updated_at = now()
    FROM old
    WHERE v.id = old.id
    RETURNING old.stock AS before, v.stock AS after
  `.execute(db)
  const row = result.rows[0]
  return row ? quantity - (row.after - row.before) : 0
}
