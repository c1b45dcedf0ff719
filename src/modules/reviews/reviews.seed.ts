import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type { Config } from '../../config.js'
import { systemScope } from '../../shared/scope.js'
import type { Viewer } from '../../shared/viewer.js'
import type { Result } from '../../shared/errors.js'
import * as reviews from './reviews.service.js'

interface DemoReview {
  rating: number
  title: string
  body: string
}

/** What the demo customers say, in the order they say it (ratings chosen so averages differ). */
const TEXTS: readonly DemoReview[] = [
  {
    rating: 5,
    title: 'Exactly as pictured',
    body: 'Arrived quickly and the quality is better than I expected. Would buy again.',
  },
  { rating: 4, title: 'Very nice', body: 'Good value for the price. The colour is a touch darker than on screen.' },
  { rating: 3, title: 'Does the job', body: 'Nothing special, but nothing wrong with it either.' },
  { rating: 5, title: 'My new favourite', body: 'I use it every day. Already ordered one for a friend.' },
  { rating: 2, title: 'Runs small', body: 'Nice material, but I had to size up. Check the size guide first.' },
  { rating: 4, title: 'Solid', body: '' },
  { rating: 5, title: 'Love it', body: 'Perfect gift, beautifully packed.' },
  { rating: 1, title: 'BUY CHEAP FOLLOWERS AT spam.example', body: 'Visit spam.example for the best deals!!!' },
]

/** The index in TEXTS of the review staff hide (spam). */
const SPAM = 7

function check<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`seeding ${what} failed: ${result.errors.map((e) => e.message).join(', ')}`)
  return result
}

/**
 * Demo reviews, through the reviews service: the demo customers review the first ACTIVE products of
 * the catalog (by handle), each product by two or three of them, and two of them review a product
 * from one of their PAID or FULFILLED demo orders (verified purchases). Staff hide one spam review.
 * Deterministic for a given catalog and set of orders. Answers the number of reviews written.
 */
export async function seedReviews(
  db: Kysely<DB>,
  config: Config,
  shopId: string,
  customerIds: readonly string[],
  staffId: string,
): Promise<number> {
  if (customerIds.length === 0) return 0
  const as = (userId: string, role: Viewer['role'] = 'CUSTOMER') =>
    systemScope(db, config, { userId, shopId, role, tokenId: 'seed' }, 'seed')
  const written = new Set<string>()
  let next = 0
  const write = async (customerId: string, productId: string, text: DemoReview) => {
    const key = `${customerId}/${productId}`
    if (written.has(key)) return null
    written.add(key)
    const created = check(await reviews.createReview(as(customerId), { productId, ...text }), 'a review')
    next++
    return created.review
  }

  // Verified purchases: the first two (customer, product) pairs of paid or fulfilled demo orders, one per customer.
  const purchases = await db
    .selectFrom('order')
    .innerJoin('order_line', (join) =>
      join.onRef('order_line.shop_id', '=', 'order.shop_id').onRef('order_line.order_id', '=', 'order.id'),
    )
    .innerJoin('product', (join) =>
      join.onRef('product.shop_id', '=', 'order_line.shop_id').onRef('product.id', '=', 'order_line.product_id'),
    )
    .select(['order.customer_id', 'product.id as product_id'])
    .where('order.shop_id', '=', shopId)
    .where('order.status', 'in', ['PAID', 'FULFILLED'])
    .where('order.customer_id', 'in', customerIds)
    .where('product.status', '=', 'ACTIVE')
    .where('product.deleted_at', 'is', null)
    .orderBy('order.number')
    .orderBy('order_line.position')
    .execute()
  const verifiedCustomers = new Set<string>()
  for (const purchase of purchases) {
    if (verifiedCustomers.size === 2) break
    if (verifiedCustomers.has(purchase.customer_id)) continue
    verifiedCustomers.add(purchase.customer_id)
    await write(purchase.customer_id, purchase.product_id, TEXTS[verifiedCustomers.size === 1 ? 0 : 3])
  }

  const products = await db
    .selectFrom('product')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('status', '=', 'ACTIVE')
    .where('deleted_at', 'is', null)
    .orderBy('handle')
    .limit(4)
    .execute()
  let spamId: string | null = null
  for (const [p, product] of products.entries()) {
    const reviewers = 2 + (p % 2)
    for (let r = 0; r < reviewers; r++) {
      const index = (p * 3 + r) % TEXTS.length
      const review = await write(customerIds[(p + r) % customerIds.length], product.id, TEXTS[index])
      if (review && index === SPAM) spamId = review.id
    }
  }
  if (spamId === null && products.length > 0) {
    const review = await write(customerIds[customerIds.length - 1], products[products.length - 1].id, TEXTS[SPAM])
    spamId = review?.id ?? null
  }
  if (spamId !== null) {
    check(await reviews.moderateReview(as(staffId, 'STAFF'), { reviewId: spamId, action: 'HIDE' }), 'moderation')
  }
  return next
}
