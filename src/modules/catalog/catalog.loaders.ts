import DataLoader from 'dataloader'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { isStaff, type Viewer } from '../../shared/viewer.js'
import type { ProductRow, ProductVariantRow, ShopRow } from '../../shared/rows.js'
import { byKey, groupByKey } from '../../shared/batch.js'
import * as repo from './catalog.repository.js'

/** A product in its shop (the shop narrows the variant query to the tenant's index range). */
export interface ProductKey {
  readonly shopId: string
  readonly productId: string
}

export interface HandleKey {
  readonly shopId: string
  readonly handle: string
}

/** Staff rights apply in the viewer's own shop only; everyone else sees what the storefront shows. */
export function visibilityOf(viewer: Viewer | null): repo.Visibility {
  return { staffShopId: viewer && isStaff(viewer) ? viewer.shopId : null }
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)]
}

export function createCatalogLoaders(db: Kysely<DB>, viewer: Viewer | null) {
  const vis = visibilityOf(viewer)
  const productById = new DataLoader<string, ProductRow | null>(async (ids) =>
    byKey(ids, await repo.findProductsByIds(db, vis, ids), (row) => row.id),
  )
  return {
    /** Currency codes of the shops this request has read (so a price resolves without awaiting a loader). */
    currencyByShopId: new Map<string, string>(),
    /** Products the viewer may see, by id; null for any other. */
    productById,
    /** Products the viewer may see, by (shop, handle); null for any other. */
    productByHandle: new DataLoader<HandleKey, ProductRow | null, string>(
      async (keys) => {
        const rows = await repo.findProductsByHandles(
          db,
          vis,
          distinct(keys.map((k) => k.shopId)),
          distinct(keys.map((k) => k.handle)),
        )
        for (const row of rows) productById.prime(row.id, row)
        return byKey(
          keys.map((k) => `${k.shopId}/${k.handle}`),
          rows,
          (row) => `${row.shop_id}/${row.handle}`,
        )
      },
      { cacheKeyFn: (key) => `${key.shopId}/${key.handle}` },
    ),
    /** The live variants of each product, oldest first; one query per batch, whatever the number of products. */
    variantsByProductId: new DataLoader<ProductKey, ProductVariantRow[], string>(
      async (keys) => {
        const rows = await repo.findVariantsByProductIds(
          db,
          distinct(keys.map((k) => k.shopId)),
          distinct(keys.map((k) => k.productId)),
        )
        return groupByKey(
          keys.map((k) => k.productId),
          rows,
          (row) => row.product_id,
        )
      },
      { cacheKeyFn: (key) => key.productId },
    ),
    /** Live variants whose product the viewer may see, by id; null for any other. */
    variantById: new DataLoader<string, ProductVariantRow | null>(async (ids) =>
      byKey(ids, await repo.findVariantsByIds(db, vis, ids), (row) => row.id),
    ),
  }
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>

/**
 * The request has this shop's row: its `shopById` loader and its prices' currency need no statement.
 * `shopById` comes from the auth module's loaders, which sit beside these in every request's set.
 */
export function knowShop(
  loaders: Pick<CatalogLoaders, 'currencyByShopId'> & { shopById: DataLoader<string, ShopRow | null> },
  shop: ShopRow,
): void {
  loaders.shopById.prime(shop.id, shop)
  loaders.currencyByShopId.set(shop.id, shop.currency_code)
}
