import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, DEMO_SHOP_HANDLE, DEMO_USERS, seedDemoData } from '../../db/seed.js'
import { ProductReviewsDocument, ProductsWithReviewsDocument, SessionCreateDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
  await seedDemoData(app.db, app.config)
})
afterAll(() => app?.close())

async function staffToken(): Promise<string> {
  const input = { shopHandle: DEMO_SHOP_HANDLE, email: DEMO_USERS.staff.email, password: DEMO_PASSWORD }
  const login = expectNoErrors(await app.gql(SessionCreateDocument, { input })).sessionCreate.session!
  return login.accessToken
}

describe('demo reviews', () => {
  it('are written by the demo customers on the first ACTIVE products, the same on every machine', async () => {
    const rows = await app.db
      .selectFrom('review')
      .innerJoin('product', 'product.id', 'review.product_id')
      .innerJoin('user', 'user.id', 'review.author_id')
      .select(['product.handle', 'user.display_name', 'review.rating', 'review.status'])
      .orderBy('product.handle')
      .orderBy('user.display_name')
      .execute()
    expect(rows.map((r) => `${r.handle} ${r.display_name} ${r.rating} ${r.status}`)).toEqual([
      'alpine-cap Alice Archer 5 PUBLISHED',
      'alpine-cap Bob Baker 4 PUBLISHED',
      'alpine-hoodie Bob Baker 5 PUBLISHED',
      'alpine-hoodie Carol Cruz 2 PUBLISHED',
      'alpine-hoodie Dave Doyle 4 PUBLISHED',
      'alpine-mug Carol Cruz 5 PUBLISHED',
      'alpine-mug Dave Doyle 1 HIDDEN',
      'alpine-notebook Alice Archer 3 PUBLISHED',
      'alpine-notebook Bob Baker 5 PUBLISHED',
      'alpine-notebook Dave Doyle 4 PUBLISHED',
      'coastal-cap Alice Archer 5 PUBLISHED',
      'coastal-cap Bob Baker 5 PUBLISHED',
    ])
  })

  it('include verified purchases, exactly the reviews matching a paid or fulfilled demo order', async () => {
    const products = expectNoErrors(await app.gql(ProductsWithReviewsDocument, { shop: DEMO_SHOP_HANDLE, first: 100 }))
      .shop!.products
    const reviews = products.nodes.flatMap((p) => p.reviews.nodes)
    const verified = reviews.filter((r) => r.verifiedPurchase)
    expect(verified.map((r) => r.author.displayName).sort()).toEqual(['Alice Archer', 'Bob Baker', 'Bob Baker'])
    const purchases = await app.db
      .selectFrom('order')
      .innerJoin('order_line', 'order_line.order_id', 'order.id')
      .innerJoin('review', (join) =>
        join
          .onRef('review.author_id', '=', 'order.customer_id')
          .onRef('review.product_id', '=', 'order_line.product_id'),
      )
      .select('review.id')
      .distinct()
      .where('order.status', 'in', ['PAID', 'FULFILLED'])
      .execute()
    expect(verified.map((r) => r.id).sort()).toEqual(purchases.map((p) => `gid://shopfront/Review/${p.id}`).sort())
  })

  it('hide one spam review from shoppers, but not from staff, and leave it out of the rating', async () => {
    const read = async (token?: string) =>
      expectNoErrors(
        await app.gql(ProductReviewsDocument, { shop: DEMO_SHOP_HANDLE, product: 'alpine-mug' }, { token }),
      ).shop!.product!
    const publicView = await read()
    expect(publicView.reviews.edges.map((e) => e.node.title)).toEqual(['Love it'])
    expect(publicView.rating).toEqual({ average: 5, count: 1 })
    const staffView = await read(await staffToken())
    expect(staffView.reviews.edges.map((e) => [e.node.status, e.node.author.displayName])).toEqual([
      ['HIDDEN', 'Dave Doyle'],
      ['PUBLISHED', 'Carol Cruz'],
    ])
  })
})
