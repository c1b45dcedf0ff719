import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProductReviewsDocument, ProductsWithReviewsDocument, type ReviewSortKey } from '../generated/graphql.js'
import { encodeCursor } from '../../src/shared/pagination.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { type Account, createShop, createStaff, registerCustomer, uuidOf } from '../support/fixtures.js'
import {
  createReview,
  createReviewWorld,
  errorCode,
  moderate,
  product,
  type CreatedProduct,
  type ReviewWorld,
} from './support.js'

let app: TestApp
let w: ReviewWorld

beforeAll(async () => {
  app = await startTestApp()
  w = await createReviewWorld(app)
})
afterAll(() => app?.close())

describe('Product.reviews', () => {
  // Ratings in creation order; equal ratings (and two equal creation times, set below) are there on
  // purpose, so the order must fall back on creation time, then on the id.
  const RATINGS = [3, 5, 1, 5, 3, 4, 5]
  let target: CreatedProduct

  beforeAll(async () => {
    target = await product(app, w.staff)
    for (const rating of RATINGS) {
      const author = await registerCustomer(app, w.handle)
      await createReview(app, author, target.id, { rating, title: `Rated ${rating}` })
    }
    // Two reviews with the same rating written in the same millisecond: only the id tells them apart.
    const fives = await app.db
      .selectFrom('review')
      .select(['id', 'created_at'])
      .where('product_id', '=', uuidOf(target.id))
      .where('rating', '=', 5)
      .orderBy('created_at')
      .execute()
    await app.db.updateTable('review').set({ created_at: fives[0].created_at }).where('id', '=', fives[1].id).execute()
  })

  async function page(args: { first?: number; after?: string | null; sortKey?: ReviewSortKey; reverse?: boolean }) {
    const response = await app.gql(ProductReviewsDocument, { shop: w.handle, product: target.handle, ...args })
    return expectNoErrors(response).shop!.product!.reviews
  }

  /** Every review id in the order the database defines for the sort, for comparison. */
  async function expectedOrder(sortKey: ReviewSortKey, reverse: boolean): Promise<string[]> {
    const direction = reverse ? sql`ASC` : sql`DESC`
    const order =
      sortKey === 'RATING'
        ? sql`rating ${direction}, created_at ${direction}, id ${direction}`
        : sql`created_at ${direction}, id ${direction}`
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM review WHERE product_id = ${uuidOf(target.id)} ORDER BY ${order}`.execute(app.db)
    return rows.map((r) => `gid://shopfront/Review/${r.id}`)
  }

  async function walk(size: number, sortKey: ReviewSortKey, reverse: boolean): Promise<string[]> {
    const ids: string[] = []
    let after: string | null = null
    for (let guard = 0; guard < 20; guard++) {
      const result = await page({ first: size, after, sortKey, reverse })
      ids.push(...result.edges.map((e) => e.node.id))
      expect(result.nodes.map((n) => n.id)).toEqual(result.edges.map((e) => e.node.id))
      expect(result.pageInfo.hasPreviousPage).toBe(after !== null)
      expect(result.totalCount).toBe(RATINGS.length)
      if (!result.pageInfo.hasNextPage) return ids
      after = result.pageInfo.endCursor
    }
    throw new Error('pagination did not end')
  }

  it('lists newest first by default', async () => {
    const all = await page({})
    expect(all.edges.map((e) => e.node.id)).toEqual(await expectedOrder('CREATED_AT', false))
    const times = all.edges.map((e) => Date.parse(e.node.createdAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(all.edges.map((e) => e.node.title).sort()).toEqual(RATINGS.map((r) => `Rated ${r}`).sort())
  })

  it('sorts by rating, highest first, then newest first, then by id', async () => {
    const all = await page({ sortKey: 'RATING' })
    expect(all.edges.map((e) => e.node.rating)).toEqual([...RATINGS].sort((a, b) => b - a))
    expect(all.edges.map((e) => e.node.id)).toEqual(await expectedOrder('RATING', false))
  })

  it.each([
    ['CREATED_AT', false],
    ['CREATED_AT', true],
    ['RATING', false],
    ['RATING', true],
  ] as const)(
    'pages through every review once with %s (reverse: %s), pages of 1, 2 and 3',
    async (sortKey, reverse) => {
      const expected = await expectedOrder(sortKey, reverse)
      for (const size of [1, 2, 3]) expect(await walk(size, sortKey, reverse)).toEqual(expected)
    },
  )

  it('keeps cursors valid when a review is added before the cursor', async () => {
    const first = await page({ first: 3, sortKey: 'RATING' })
    const rest = (await expectedOrder('RATING', false)).slice(3)
    const late = await registerCustomer(app, w.handle)
    await createReview(app, late, target.id, { rating: 5, title: 'Late five' })
    const next = await page({ first: 100, after: first.pageInfo.endCursor, sortKey: 'RATING' })
    expect(next.edges.map((e) => e.node.id)).toEqual(rest)
    await app.db.deleteFrom('review').where('author_id', '=', late.userId).execute()
  })

  it('answers BAD_USER_INPUT for a cursor of the other sort, a malformed cursor and page sizes out of range', async () => {
    const byDate = await page({ first: 2 })
    const cases = [
      { first: 2, after: byDate.pageInfo.endCursor, sortKey: 'RATING' as const },
      { first: 2, after: 'not-a-cursor!' },
      { first: 2, after: encodeCursor(['CREATED_AT', 5, 'yesterday', 'x']) },
      // Well-formed but for the rating slot, which must be an integer the column can hold.
      {
        first: 2,
        sortKey: 'RATING' as const,
        after: encodeCursor(['RATING', 1.5, '2026-11-21T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
      },
      {
        first: 2,
        sortKey: 'RATING' as const,
        after: encodeCursor([
          'RATING',
          '9999999999999999999',
          '2026-11-21T00:00:00.000Z',
          '00000000-0000-4000-8000-000000000000',
        ]),
      },
      { first: 0 },
      { first: 101 },
    ]
    for (const args of cases) {
      const response = await app.gql(ProductReviewsDocument, { shop: w.handle, product: target.handle, ...args })
      expect(errorCode(response)).toBe('BAD_USER_INPUT')
    }
  })
})

describe('statement counts', () => {
  /**
   * A shop with `count` ACTIVE products, each reviewed by 4 customers (one review hidden, never the
   * first author's), and one verified purchase: authors, purchases and ratings all need a batch.
   */
  async function seedShop(count: number): Promise<{ handle: string; staff: Account; reader: Account }> {
    const shop = await createShop(app)
    const staff = await createStaff(app, shop.handle)
    const authors = await Promise.all([0, 1, 2, 3].map(() => registerCustomer(app, shop.handle)))
    const reader = await registerCustomer(app, shop.handle)
    for (let i = 0; i < count; i++) {
      const item = await product(app, staff)
      const ids: string[] = []
      for (const [a, author] of authors.entries())
        ids.push(await createReview(app, author, item.id, { rating: 1 + ((i + a) % 5) }))
      await moderate(app, staff, ids[(i % 3) + 1], 'HIDE')
    }
    // A paid order of the first product by the first author, written straight to the tables it is read from.
    const first = await app.db
      .selectFrom('review')
      .select(['shop_id', 'product_id'])
      .where('author_id', '=', authors[0].userId)
      .orderBy('created_at')
      .executeTakeFirstOrThrow()
    const order = await app.db
      .insertInto('order')
      .values({
        shop_id: first.shop_id,
        number: 1,
        customer_id: authors[0].userId,
        status: 'PAID',
        currency_code: 'USD',
        tax_rate_bps: 0,
        subtotal_minor: '1000',
        tax_minor: '0',
        total_minor: '1000',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await app.db
      .insertInto('order_line')
      .values({
        shop_id: first.shop_id,
        order_id: order.id,
        position: 0,
        product_id: first.product_id,
        title: 'Linen Shirt',
        sku: 'SKU',
        unit_price_minor: '1000',
        quantity: 1,
        line_total_minor: '1000',
      })
      .execute()
    return { handle: shop.handle, staff, reader }
  }

  async function statementsFor(handle: string, reader: Account | null, products: number): Promise<number> {
    app.statements.reset()
    const data = expectNoErrors(
      await app.gql(ProductsWithReviewsDocument, { shop: handle, first: 20 }, { token: reader?.accessToken }),
    )
    const count = app.statements.count
    const nodes = data.shop!.products.nodes
    expect(nodes).toHaveLength(products)
    const perProduct = reader && (await isStaffOf(reader)) ? 4 : 3
    expect(nodes.every((n) => n.reviews.nodes.length === perProduct && n.reviews.totalCount === perProduct)).toBe(true)
    expect(nodes.every((n) => n.rating.count === 3 && n.rating.average !== null)).toBe(true)
    expect(nodes.flatMap((n) => n.reviews.nodes).filter((r) => r.verifiedPurchase)).toHaveLength(1)
    expect(nodes.flatMap((n) => n.reviews.nodes).every((r) => r.author.displayName === 'Customer')).toBe(true)
    return count
  }

  async function isStaffOf(account: Account): Promise<boolean> {
    const row = await app.db
      .selectFrom('user')
      .select('role')
      .where('id', '=', account.userId)
      .executeTakeFirstOrThrow()
    return row.role !== 'CUSTOMER'
  }

  it('reads 3 or 15 products with reviews, authors, verified purchases and ratings in the same few statements', async () => {
    const small = await seedShop(3)
    const large = await seedShop(15)
    for (const who of ['anonymous', 'customer', 'staff'] as const) {
      const pick = (s: { staff: Account; reader: Account }) =>
        who === 'anonymous' ? null : who === 'staff' ? s.staff : s.reader
      const few = await statementsFor(small.handle, pick(small), 3)
      const many = await statementsFor(large.handle, pick(large), 15)
      expect(many).toBe(few)
      // The cost-bucket charge (+1 per operation), the shop with its products, their review pages and
      // the reviews' authors embedded as JSON (graphql/embed.ts), review stats (counts and ratings),
      // verified purchases. Staff read the products in a statement of their own (their view of
      // the shop's list depends on the shop: catalog.service.ts storefrontProductPage).
      expect(many).toBe(who === 'staff' ? 5 : 4)
    }
  })
})
