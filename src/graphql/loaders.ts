import { createOrdersLoaders } from '../modules/orders/orders.loaders.js'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/types.js'
import type { Viewer } from '../shared/viewer.js'
import { createAuthLoaders } from '../modules/auth/auth.loaders.js'
import { createCatalogLoaders } from '../modules/catalog/catalog.loaders.js'
import { createBlogLoaders } from '../modules/blog/blog.loaders.js'
import { createReviewsLoaders } from '../modules/reviews/reviews.loaders.js'

/** One fresh set of DataLoaders per request: caches never outlive a request or cross viewers. */
export function createLoaders(db: Kysely<DB>, viewer: Viewer | null) {
  return {
    ...createAuthLoaders(db, viewer),
    ...createCatalogLoaders(db, viewer),
    ...createOrdersLoaders(db, viewer),
    ...createBlogLoaders(db, viewer),
    ...createReviewsLoaders(db, viewer),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
