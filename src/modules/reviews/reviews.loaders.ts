import DataLoader from 'dataloader'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { isStaff, type Viewer } from '../../shared/viewer.js'
import { toConnection, type Connection, type Page } from '../../shared/pagination.js'
import type { ReviewRow } from '../../shared/rows.js'
import { byKey } from '../../shared/batch.js'
import { findPaidPurchases, type PurchaseKey } from '../orders/orders.service.js'
import * as repo from './reviews.repository.js'

export type ReviewConnection = Connection<ReviewRow>

/**
 * Cursor shape of `Product.reviews`: the sort key it was made for, then the rating, creation time
 * and id of the row (the rating is ignored by the CREATED_AT sort).
 */
export const REVIEW_CURSOR = ['string', 'int', 'date', 'uuid'] as const

export function reviewCursor(sortKey: repo.ReviewSortKey) {
  return (row: ReviewRow) => [sortKey, row.rating, row.created_at, row.id] as const
}

export interface ReviewPageKey {
  readonly productId: string
  readonly sort: repo.ReviewSort
  readonly page: Page
}

/** The product's rating and how many reviews the viewer may see. */
export interface ReviewStats {
  readonly publishedCount: number
  readonly average: number | null
  readonly visibleCount: number
}

const NO_REVIEWS: ReviewStats = { publishedCount: 0, average: null, visibleCount: 0 }

const pageKey = (sort: repo.ReviewSort, page: Page) =>
  JSON.stringify([sort.key, sort.descending, page.size, page.backward, page.cursor])

const purchaseKey = (k: PurchaseKey) => `${k.shopId}/${k.customerId}/${k.productId}`

export function readerOf(viewer: Viewer | null): repo.Reader | null {
  return viewer ? { shopId: viewer.shopId, userId: viewer.userId, staff: isStaff(viewer) } : null
}

export function createReviewsLoaders(db: Kysely<DB>, viewer: Viewer | null) {
  const reader = readerOf(viewer)

  // Product.rating is aggregated when read (GROUP BY over the batch's products, one statement per
  // request level) rather than kept on the product row: it is always exactly the published
  // reviews, moderation and deletion need no bookkeeping in another module's table, and
  // concurrent reviews of a popular product do not queue on its row lock. The same statement
  // answers the connections' totalCount.
  const reviewStatsByProductId = new DataLoader<string, ReviewStats>(async (productIds) => {
    const rows = await repo.findReviewStats(db, reader, productIds)
    return byKey(productIds, rows, (row) => row.product_id).map((row) =>
      row ? { publishedCount: row.published_count, average: row.average, visibleCount: row.visible_count } : NO_REVIEWS,
    )
  })

  return {
    /** Reviews the viewer may see by id (hidden ones only for staff of the shop and their author). */
    reviewById: new DataLoader<string, ReviewRow | null>(async (ids) =>
      byKey(ids, await repo.findVisibleReviewsByIds(db, reader, ids), (row) => row.id),
    ),
    /**
     * `Product.reviews(...)` for many products at once: one statement per distinct page and sort
     * (usually one per request level), however many products ask.
     */
    reviewPage: new DataLoader<ReviewPageKey, ReviewConnection, string>(
      async (keys) => {
        const groups = new Map<string, { sort: repo.ReviewSort; page: Page; productIds: string[] }>()
        for (const key of keys) {
          const id = pageKey(key.sort, key.page)
          const group = groups.get(id) ?? { sort: key.sort, page: key.page, productIds: [] }
          group.productIds.push(key.productId)
          groups.set(id, group)
        }
        const rowsByGroup = new Map<string, Map<string, ReviewRow[]>>()
        await Promise.all(
          [...groups].map(async ([id, group]) => {
            const byProduct = new Map<string, ReviewRow[]>()
            for (const row of await repo.findReviewPages(db, reader, group.productIds, group.sort, group.page)) {
              const list = byProduct.get(row.product_id) ?? []
              list.push(row)
              byProduct.set(row.product_id, list)
            }
            rowsByGroup.set(id, byProduct)
          }),
        )
        return keys.map((key) => {
          const rows = rowsByGroup.get(pageKey(key.sort, key.page))?.get(key.productId) ?? []
          return toConnection(
            rows,
            key.page,
            reviewCursor(key.sort.key),
            async () => (await reviewStatsByProductId.load(key.productId)).visibleCount,
          )
        })
      },
      { cacheKeyFn: (key) => `${key.productId}|${pageKey(key.sort, key.page)}` },
    ),
    reviewStatsByProductId,
    /** Whether each (shop, author, product) has a PAID or FULFILLED order with the product. */
    verifiedPurchase: new DataLoader<PurchaseKey, boolean, string>(
      async (keys) => {
        const found = new Set((await findPaidPurchases(db, keys)).map(purchaseKey))
        return keys.map((key) => found.has(purchaseKey(key)))
      },
      { cacheKeyFn: purchaseKey },
    ),
  }
}
