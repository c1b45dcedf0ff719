import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ProductDeleteDocument,
  ProductUpdateDocument,
  ReviewDeleteDocument,
  ReviewModerateDocument,
  ReviewNodeDocument,
  ReviewUpdateDocument,
} from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { type Account, auditActions, uuidOf } from '../support/fixtures.js'
import {
  createReview,
  createReviewWorld,
  errorCode,
  moderate,
  product,
  reviewCreate,
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

async function readReview(id: string, account: Account | null) {
  return expectNoErrors(await app.gql(ReviewNodeDocument, { id }, { token: account?.accessToken })).node
}

async function reviewCount(productId: string): Promise<number> {
  const rows = await app.db.selectFrom('review').select('id').where('product_id', '=', uuidOf(productId)).execute()
  return rows.length
}

describe('reviewCreate', () => {
  let shirt: CreatedProduct
  beforeAll(async () => {
    shirt = await product(app, w.staff)
  })

  it('lets a customer of the shop review an ACTIVE product, published, with their public name', async () => {
    const payload = expectNoErrors(
      await reviewCreate(app, w.author, {
        productId: shirt.id,
        rating: 5,
        title: '  Lovely shirt ',
        body: ' Soft linen. ',
      }),
    ).reviewCreate
    expect(payload.userErrors).toEqual([])
    expect(payload.review).toMatchObject({
      rating: 5,
      title: 'Lovely shirt',
      body: 'Soft linen.',
      status: 'PUBLISHED',
      verifiedPurchase: false,
      author: { id: w.author.globalId, displayName: 'Rita Reviewer' },
      product: { id: shirt.id },
    })
    expect(payload.review!.id).toMatch(/^gid:\/\/shopfront\/Review\//)
  })

  it('answers CONFLICT to a second review of the same product by the same author', async () => {
    const payload = expectNoErrors(
      await reviewCreate(app, w.author, { productId: shirt.id, rating: 1, title: 'Again' }),
    ).reviewCreate
    expect(payload).toEqual({
      review: null,
      userErrors: [{ code: 'CONFLICT', field: ['input', 'productId'], message: expect.any(String) }],
    })
    expect(await reviewCount(shirt.id)).toBe(1)
  })

  it('lets another customer and staff of the shop review the same product', async () => {
    await createReview(app, w.customer, shirt.id, { rating: 3 })
    await createReview(app, w.staff, shirt.id, { rating: 2 })
    expect(await reviewCount(shirt.id)).toBe(3)
  })

  it('creates exactly one review under 10 concurrent duplicate creates by one user; the rest are CONFLICT', async () => {
    const target = await product(app, w.staff)
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        reviewCreate(app, w.customer, { productId: target.id, rating: 1 + (i % 5), title: `Take ${i}` }),
      ),
    )
    const payloads = responses.map((r) => expectNoErrors(r).reviewCreate)
    expect(payloads.filter((p) => p.review !== null)).toHaveLength(1)
    const codes = payloads.flatMap((p) => p.userErrors.map((e) => e.code))
    expect(codes).toEqual(Array.from({ length: 9 }, () => 'CONFLICT'))
    expect(await reviewCount(target.id)).toBe(1)
  })

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const response = await reviewCreate(app, null, { productId: shirt.id, rating: 5, title: 'Anon' })
    expect(errorCode(response)).toBe('UNAUTHENTICATED')
    expect(response.body.data).toBeNull()
  })

  it('answers NOT_FOUND for a draft, a deleted product and another shop’s product', async () => {
    const draft = await product(app, w.staff, 'DRAFT')
    const deleted = await product(app, w.staff)
    expectNoErrors(await app.gql(ProductDeleteDocument, { input: { id: deleted.id } }, { token: w.staff.accessToken }))
    for (const productId of [draft.id, deleted.id]) {
      const payload = expectNoErrors(
        await reviewCreate(app, w.customer, { productId, rating: 4, title: 'Hidden gem' }),
      ).reviewCreate
      expect(payload.userErrors).toEqual([
        { code: 'NOT_FOUND', field: ['input', 'productId'], message: expect.any(String) },
      ])
    }
    // An ACTIVE product of this shop, reviewed by users of another shop: staff and customer alike.
    for (const caller of [w.otherShopCustomer, w.otherShopStaff]) {
      const payload = expectNoErrors(
        await reviewCreate(app, caller, { productId: shirt.id, rating: 4, title: 'Elsewhere' }),
      ).reviewCreate
      expect(payload.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    }
  })

  it('answers INVALID_STATE to staff reviewing a product of their shop that is not on sale', async () => {
    const draft = await product(app, w.staff, 'DRAFT')
    const payload = expectNoErrors(
      await reviewCreate(app, w.staff, { productId: draft.id, rating: 4, title: 'Preview' }),
    ).reviewCreate
    expect(payload.userErrors).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'productId'], message: expect.any(String) },
    ])
  })

  it('refuses rating 0 and 6 with INVALID_INPUT on input.rating', async () => {
    for (const rating of [0, 6, -1]) {
      const payload = expectNoErrors(
        await reviewCreate(app, w.admin, { productId: shirt.id, rating, title: 'Odd' }),
      ).reviewCreate
      expect(payload).toEqual({
        review: null,
        userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'rating'], message: expect.any(String) }],
      })
    }
  })

  it('refuses an empty title and one over 200 characters, and a body over 5,000, naming each field', async () => {
    const payload = expectNoErrors(
      await reviewCreate(app, w.admin, {
        productId: shirt.id,
        rating: 0,
        title: 'x'.repeat(201),
        body: 'y'.repeat(5001),
      }),
    ).reviewCreate
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['input', 'rating']],
      ['INVALID_INPUT', ['input', 'title']],
      ['INVALID_INPUT', ['input', 'body']],
    ])
    const blank = expectNoErrors(
      await reviewCreate(app, w.admin, { productId: shirt.id, rating: 3, title: '   ' }),
    ).reviewCreate
    expect(blank.userErrors.map((e) => e.field)).toEqual([['input', 'title']])
    const longest = expectNoErrors(
      await reviewCreate(app, w.admin, {
        productId: shirt.id,
        rating: 3,
        title: 'é'.repeat(200),
        body: 'z'.repeat(5000),
      }),
    ).reviewCreate
    expect(longest.userErrors).toEqual([])
  })

  it('refuses a malformed or wrong-type product id with BAD_USER_INPUT', async () => {
    for (const productId of ['nope', w.author.globalId]) {
      const response = await reviewCreate(app, w.customer, { productId, rating: 3, title: 'Bad id' })
      expect(errorCode(response)).toBe('BAD_USER_INPUT')
    }
  })
})

describe('reviewUpdate', () => {
  let review: string
  beforeAll(async () => {
    const target = await product(app, w.staff)
    review = await createReview(app, w.author, target.id, { rating: 2, title: 'Meh', body: 'Scratchy.' })
  })

  function update(account: Account | null, input: { rating?: number; title?: string; body?: string }) {
    return app.gql(ReviewUpdateDocument, { input: { id: review, ...input } }, { token: account?.accessToken })
  }

  it('lets the author change rating, title and body; omitted fields stay', async () => {
    const payload = expectNoErrors(await update(w.author, { rating: 4, body: 'Softer after a wash.' })).reviewUpdate
    expect(payload.userErrors).toEqual([])
    expect(payload.review).toMatchObject({ rating: 4, title: 'Meh', body: 'Softer after a wash.' })
    expect(Date.parse(payload.review!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(payload.review!.createdAt))
  })

  it('validates like reviewCreate, naming the field, and changes nothing', async () => {
    const payload = expectNoErrors(await update(w.author, { rating: 6, title: 't'.repeat(201) })).reviewUpdate
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['input', 'rating']],
      ['INVALID_INPUT', ['input', 'title']],
    ])
    expect(await readReview(review, null)).toMatchObject({ rating: 4, title: 'Meh' })
  })

  it('answers UNAUTHENTICATED to anonymous callers', async () => {
    expect(errorCode(await update(null, { rating: 1 }))).toBe('UNAUTHENTICATED')
  })

  it('answers FORBIDDEN to another customer and to staff of the shop on a published review', async () => {
    for (const caller of [w.customer, w.staff]) {
      const response = await update(caller, { rating: 1 })
      expect(errorCode(response)).toBe('FORBIDDEN')
      expect(response.body.data).toBeNull()
    }
    expect(await readReview(review, null)).toMatchObject({ rating: 4 })
  })

  it('answers NOT_FOUND to staff of another shop', async () => {
    const payload = expectNoErrors(await update(w.otherShopStaff, { rating: 1 })).reviewUpdate
    expect(payload.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'], message: expect.any(String) }])
  })

  it('on a hidden review: the author may still edit it; another customer gets NOT_FOUND, staff FORBIDDEN', async () => {
    await moderate(app, w.staff, review, 'HIDE')
    const own = expectNoErrors(await update(w.author, { title: 'Meh, revised' })).reviewUpdate
    expect(own.review).toMatchObject({ title: 'Meh, revised', status: 'HIDDEN' })
    const other = expectNoErrors(await update(w.customer, { rating: 1 })).reviewUpdate
    expect(other.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    expect(errorCode(await update(w.staff, { rating: 1 }))).toBe('FORBIDDEN')
    await moderate(app, w.staff, review, 'PUBLISH')
  })
})

describe('reviewDelete', () => {
  let target: CreatedProduct
  beforeAll(async () => {
    target = await product(app, w.staff)
  })

  function remove(account: Account | null, id: string) {
    return app.gql(ReviewDeleteDocument, { input: { id } }, { token: account?.accessToken })
  }

  it('lets the author delete their review for good, unaudited; they may then review the product again', async () => {
    const review = await createReview(app, w.author, target.id)
    const before = (await auditActions(app, w.shopId)).filter((a) => a === 'review.deleted').length
    expect(expectNoErrors(await remove(w.author, review)).reviewDelete).toEqual({
      deletedReviewId: review,
      userErrors: [],
    })
    for (const reader of [null, w.author, w.staff]) expect(await readReview(review, reader)).toBeNull()
    expect(
      await app.db.selectFrom('review').select('id').where('id', '=', uuidOf(review)).executeTakeFirst(),
    ).toBeUndefined()
    expect((await auditActions(app, w.shopId)).filter((a) => a === 'review.deleted').length).toBe(before)
    const again = await createReview(app, w.author, target.id, { title: 'Second thoughts' })
    expect(again).not.toBe(review)
    await remove(w.author, again)
  })

  it('lets staff of the shop delete someone else’s review, with an audit event', async () => {
    const review = await createReview(app, w.customer, target.id, { title: 'Rude words' })
    expect(expectNoErrors(await remove(w.staff, review)).reviewDelete.userErrors).toEqual([])
    const event = await app.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id', 'target_type', 'diff'])
      .where('target_id', '=', uuidOf(review))
      .executeTakeFirstOrThrow()
    expect(event).toMatchObject({ action: 'review.deleted', actor_id: w.staff.userId, target_type: 'Review' })
    expect(event.diff).toMatchObject({ authorId: w.customer.userId, title: 'Rude words' })
  })

  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to another customer on a published review', async () => {
    const review = await createReview(app, w.author, target.id)
    expect(errorCode(await remove(null, review))).toBe('UNAUTHENTICATED')
    expect(errorCode(await remove(w.customer, review))).toBe('FORBIDDEN')
    expect(await readReview(review, null)).not.toBeNull()
    await remove(w.author, review)
  })

  it('answers NOT_FOUND to another customer on a hidden review and to staff of another shop', async () => {
    const review = await createReview(app, w.author, target.id)
    for (const caller of [w.otherShopStaff, w.otherShopCustomer]) {
      expect(expectNoErrors(await remove(caller, review)).reviewDelete.userErrors.map((e) => e.code)).toEqual([
        'NOT_FOUND',
      ])
    }
    await moderate(app, w.staff, review, 'HIDE')
    expect(expectNoErrors(await remove(w.customer, review)).reviewDelete.userErrors.map((e) => e.code)).toEqual([
      'NOT_FOUND',
    ])
    expect(await readReview(review, w.staff)).not.toBeNull()
    await remove(w.author, review)
  })
})

describe('reviewModerate', () => {
  let target: CreatedProduct
  let review: string
  beforeAll(async () => {
    target = await product(app, w.staff)
    review = await createReview(app, w.author, target.id)
  })

  function moderateAs(account: Account | null, action: 'HIDE' | 'PUBLISH') {
    return app.gql(ReviewModerateDocument, { input: { id: review, action } }, { token: account?.accessToken })
  }

  it('lets staff hide and publish a review, each change audited in the same transaction', async () => {
    const hidden = expectNoErrors(await moderateAs(w.staff, 'HIDE')).reviewModerate
    expect(hidden.review?.status).toBe('HIDDEN')
    const published = expectNoErrors(await moderateAs(w.admin, 'PUBLISH')).reviewModerate
    expect(published.review?.status).toBe('PUBLISHED')
    const events = await app.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('target_id', '=', uuidOf(review))
      .orderBy('created_at')
      .execute()
    expect(events).toEqual([
      { action: 'review.hidden', actor_id: w.staff.userId },
      { action: 'review.published', actor_id: w.admin.userId },
    ])
  })

  it('changes nothing and audits nothing when the review already has the status', async () => {
    const before = (await auditActions(app, w.shopId)).length
    expect(expectNoErrors(await moderateAs(w.staff, 'PUBLISH')).reviewModerate.review?.status).toBe('PUBLISHED')
    expect((await auditActions(app, w.shopId)).length).toBe(before)
  })

  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to customers, the author included', async () => {
    expect(errorCode(await moderateAs(null, 'HIDE'))).toBe('UNAUTHENTICATED')
    for (const caller of [w.customer, w.author]) expect(errorCode(await moderateAs(caller, 'HIDE'))).toBe('FORBIDDEN')
    expect((await readReview(review, null)) as { status?: string }).toMatchObject({ status: 'PUBLISHED' })
  })

  it('answers NOT_FOUND to staff of another shop', async () => {
    const payload = expectNoErrors(await moderateAs(w.otherShopStaff, 'HIDE')).reviewModerate
    expect(payload.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'], message: expect.any(String) }])
    expect((await readReview(review, null)) as { status?: string }).toMatchObject({ status: 'PUBLISHED' })
  })

  it('refuses a malformed review id with BAD_USER_INPUT', async () => {
    const response = await app.gql(
      ReviewModerateDocument,
      { input: { id: target.id, action: 'HIDE' } },
      { token: w.staff.accessToken },
    )
    expect(errorCode(response)).toBe('BAD_USER_INPUT')
  })
})

describe('reviews of products that leave the storefront', () => {
  it('are absent, through node and writes, for everyone but staff of the shop', async () => {
    const target = await product(app, w.staff)
    const review = await createReview(app, w.author, target.id)
    expectNoErrors(
      await app.gql(
        ProductUpdateDocument,
        { input: { id: target.id, status: 'DRAFT' } },
        { token: w.staff.accessToken },
      ),
    )
    for (const reader of [null, w.author, w.customer, w.otherShopStaff])
      expect(await readReview(review, reader)).toBeNull()
    expect(await readReview(review, w.staff)).toMatchObject({ id: review })
    const update = expectNoErrors(
      await app.gql(ReviewUpdateDocument, { input: { id: review, rating: 1 } }, { token: w.author.accessToken }),
    ).reviewUpdate
    expect(update.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
  })
})
