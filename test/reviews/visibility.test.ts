import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ProductReviewsDocument,
  ReviewAuthorEmailDocument,
  ReviewAuthorsPrivateDocument,
  ReviewNodeDocument,
} from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import type { Account } from '../support/fixtures.js'
import { createReview, createReviewWorld, moderate, product, type CreatedProduct, type ReviewWorld } from './support.js'

let app: TestApp
let w: ReviewWorld
let target: CreatedProduct
let hidden: string
let shown: string[]

beforeAll(async () => {
  app = await startTestApp()
  w = await createReviewWorld(app)
  target = await product(app, w.staff)
  // Published: 5, 4, 4 (mean 4.333...); hidden: the author's 1.
  hidden = await createReview(app, w.author, target.id, { rating: 1, title: 'Spam spam spam' })
  shown = [
    await createReview(app, w.customer, target.id, { rating: 5, title: 'Great' }),
    await createReview(app, w.staff, target.id, { rating: 4, title: 'Good' }),
    await createReview(app, w.admin, target.id, { rating: 4, title: 'Fine' }),
  ]
  await moderate(app, w.staff, hidden, 'HIDE')
})
afterAll(() => app?.close())

async function productAs(reader: Account | null, shop = w.handle) {
  return expectNoErrors(
    await app.gql(ProductReviewsDocument, { shop, product: target.handle, first: 100 }, { token: reader?.accessToken }),
  ).shop!.product!
}

async function readReview(id: string, reader: Account | null) {
  return expectNoErrors(await app.gql(ReviewNodeDocument, { id }, { token: reader?.accessToken })).node
}

describe('a storefront list of reviews with their authors', () => {
  it('answers the authors’ email and role as null, with no errors array, to anonymous readers and another shop', async () => {
    for (const reader of [null, w.otherShopStaff, w.otherShopCustomer]) {
      const response = await app.gql(
        ReviewAuthorsPrivateDocument,
        { shop: w.handle, product: target.handle },
        { token: reader?.accessToken },
      )
      expect(response.body.errors).toBeUndefined()
      const authors = response.body.data!.shop!.product!.reviews.nodes.map((n) => n.author)
      expect(authors).toHaveLength(3)
      for (const author of authors) expect(author).toEqual({ displayName: expect.any(String), email: null, role: null })
    }
  })

  it('answers them to staff of the shop', async () => {
    const data = expectNoErrors(
      await app.gql(
        ReviewAuthorsPrivateDocument,
        { shop: w.handle, product: target.handle },
        { token: w.staff.accessToken },
      ),
    )
    expect(data.shop!.product!.reviews.nodes.map((n) => n.author.role).sort()).toEqual([
      'ADMIN',
      'CUSTOMER',
      'CUSTOMER',
      'STAFF',
    ])
  })

  it('shows a customer their own email and role only', async () => {
    const response = await app.gql(
      ReviewAuthorsPrivateDocument,
      { shop: w.handle, product: target.handle },
      { token: w.customer.accessToken },
    )
    expect(response.body.errors).toBeUndefined()
    const authors = response.body.data!.shop!.product!.reviews.nodes.map((n) => n.author)
    expect(authors.filter((a) => a.email !== null)).toEqual([
      { displayName: expect.any(String), email: w.customer.email, role: 'CUSTOMER' },
    ])
    expect(authors.filter((a) => a.email === null && a.role === null)).toHaveLength(2)
  })
})

describe('hidden reviews', () => {
  it('are absent for anonymous readers, other customers and users of another shop (list, count and node)', async () => {
    for (const reader of [null, w.customer, w.otherShopStaff, w.otherShopCustomer]) {
      const found = await productAs(reader)
      expect(found.reviews.nodes.map((n) => n.id)).toEqual([...shown].reverse())
      expect(found.reviews.totalCount).toBe(3)
      expect(await readReview(hidden, reader)).toBeNull()
      expect(await readReview(shown[0], reader)).toMatchObject({ id: shown[0], status: 'PUBLISHED' })
    }
  })

  it('are visible, marked HIDDEN, to their author and to staff and admins of the shop (list, count and node)', async () => {
    for (const reader of [w.author, w.staff, w.admin]) {
      const found = await productAs(reader)
      expect(found.reviews.edges.map((e) => [e.node.id, e.node.status])).toEqual([
        [shown[2], 'PUBLISHED'],
        [shown[1], 'PUBLISHED'],
        [shown[0], 'PUBLISHED'],
        [hidden, 'HIDDEN'],
      ])
      expect(found.reviews.totalCount).toBe(4)
      expect(await readReview(hidden, reader)).toMatchObject({ id: hidden, status: 'HIDDEN', rating: 1 })
    }
  })

  it('are not counted in the product’s rating, whoever reads it', async () => {
    for (const reader of [null, w.author, w.staff]) {
      expect((await productAs(reader)).rating).toEqual({ average: 4.33, count: 3 })
    }
  })

  it('count again once published', async () => {
    await moderate(app, w.staff, hidden, 'PUBLISH')
    const found = await productAs(null)
    expect(found.rating).toEqual({ average: 3.5, count: 4 })
    expect(found.reviews.totalCount).toBe(4)
    expect(await readReview(hidden, w.otherShopStaff)).toMatchObject({ id: hidden, status: 'PUBLISHED' })
    await moderate(app, w.staff, hidden, 'HIDE')
  })
})

describe('product rating', () => {
  it('is a null average and a count of 0 without published reviews', async () => {
    const lonely = await product(app, w.staff)
    const only = await createReview(app, w.customer, lonely.id, { rating: 2 })
    await moderate(app, w.staff, only, 'HIDE')
    const found = expectNoErrors(await app.gql(ProductReviewsDocument, { shop: w.handle, product: lonely.handle }))
      .shop!.product!
    expect(found.rating).toEqual({ average: null, count: 0 })
    expect(found.reviews.totalCount).toBe(0)
  })

  it('rounds the average to 2 decimals', async () => {
    const rounded = await product(app, w.staff)
    for (const [account, rating] of [
      [w.customer, 5],
      [w.staff, 5],
      [w.admin, 4],
    ] as const) {
      await createReview(app, account, rounded.id, { rating })
    }
    const found = expectNoErrors(await app.gql(ProductReviewsDocument, { shop: w.handle, product: rounded.handle }))
      .shop!.product!
    expect(found.rating).toEqual({ average: 4.67, count: 3 })
  })
})

describe('review authors', () => {
  it('show their public name to anyone, and their email to no one but themselves and staff of the shop', async () => {
    expect(await readReview(shown[0], null)).toMatchObject({
      author: { id: w.customer.globalId, displayName: 'Customer' },
    })
    for (const reader of [null, w.author, w.otherShopStaff]) {
      const response = await app.gql(ReviewAuthorEmailDocument, { id: shown[0] }, { token: reader?.accessToken })
      expect(response.body.errors).toBeUndefined()
      expect(response.body.data?.node).toEqual({ author: { email: null } })
    }
    for (const reader of [w.customer, w.staff]) {
      const data = expectNoErrors(
        await app.gql(ReviewAuthorEmailDocument, { id: shown[0] }, { token: reader.accessToken }),
      )
      expect(data.node).toEqual({ author: { email: w.customer.email } })
    }
  })
})
