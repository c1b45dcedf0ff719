import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { datesIn, type EmbedMap } from '../../graphql/embed.js'
import type { ProductVariantRow } from '../../shared/rows.js'
import * as repo from './catalog.repository.js'

/** A variant row as PostgreSQL's JSON writes it: the row the loader would have read. */
export function variantFromJson(json: Record<string, unknown>): ProductVariantRow {
  // int8 comes back as a JSON number; prices are validated below 2^53 (MAX_PRICE_MAJOR), so it is exact.
  json.price_minor = String(json.price_minor)
  return datesIn<ProductVariantRow>(json, ['created_at', 'updated_at', 'deleted_at'])
}

/** `Product.variants` inside the statement that reads the products (graphql/embed.ts). */
export const catalogEmbeds: EmbedMap = {
  Product: {
    variants: {
      plan: (ctx, parent) => ({
        sql: jsonArrayFrom(repo.variantsOfProduct(ctx.db, parent)),
        read: (json) => (json as Record<string, unknown>[]).map(variantFromJson),
      }),
    },
  },
}
