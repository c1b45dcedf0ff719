import { sql } from 'kysely'
import { datesIn, listPart, planNodes, type EmbedMap } from '../../graphql/embed.js'
import { NO_EMBEDS } from '../../shared/embed-plan.js'
import type { ProductRow, ProductVariantRow, ShopRow } from '../../shared/rows.js'
import { knowShop } from './catalog.loaders.js'
import * as repo from './catalog.repository.js'
import type { PageArgs } from '../../shared/pagination.js'
import { storefrontProductPage, type ProductListArgs } from './catalog.service.js'

/** A variant row as PostgreSQL's JSON writes it: the row the loader would have read. */
export function variantFromJson(json: Record<string, unknown>): ProductVariantRow {
  // int8 comes back as a JSON number; prices are validated below 2^53 (MAX_PRICE_MAJOR), so it is exact.
  json.price_minor = String(json.price_minor)
  return datesIn<ProductVariantRow>(json, ['created_at', 'updated_at', 'deleted_at'])
}

/** A product row as PostgreSQL's JSON writes it: the row the page query would have read. */
export function productFromJson(json: Record<string, unknown>): ProductRow {
  json.min_price_minor = String(json.min_price_minor)
  json.max_price_minor = String(json.max_price_minor)
  return datesIn<ProductRow>(json, ['created_at', 'updated_at', 'deleted_at'])
}

/**
 * `Shop.products` inside the statement that reads the shop (the storefront's view; staff and
 * searches run their own, see storefrontProductPage), and `Product.variants` inside the statement
 * that reads the products (graphql/embed.ts).
 */
export const catalogEmbeds: EmbedMap = {
  Shop: {
    products: {
      plan(ctx, parent, field) {
        const below = planNodes(ctx, 'Product', 'product', field.selection())
        const list = storefrontProductPage(
          ctx,
          sql.ref(`${parent}.id`),
          field.args as ProductListArgs & PageArgs,
          below,
        )
        if (!list) return null
        return listPart(list.query, below, productFromJson, (rows, parentRow) => {
          const shop = parentRow as unknown as ShopRow
          // What the Shop.products resolver does first: prices of this shop need no statement.
          knowShop(ctx.loaders, shop)
          return list.connection(rows, shop)
        })
      },
    },
  },
  Product: {
    variants: {
      plan: (ctx, parent) => listPart(repo.variantsOfProduct(ctx.db, parent), NO_EMBEDS, variantFromJson),
    },
  },
}
