import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CartLinesAddDocument,
  CheckoutCompleteDocument,
  OrderCancelDocument,
  OrderFulfillDocument,
  OrderMarkPaidDocument,
  ProductReviewsDocument,
  ReviewNodeDocument,
} from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { type Account, createProduct, registerCustomer, uniqueSku } from '../support/fixtures.js'
import { createReview, createReviewWorld, type ReviewWorld } from './support.js'

let app: TestApp
let w: ReviewWorld

beforeAll(async () => {
  app = await startTestApp()
  w = await createReviewWorld(app)
})
afterAll(() => app?.close())

/** An ACTIVE product with one variant in stock: its ids and handle. */
async function buyable() {
  const created = await createProduct(app, w.staff, {
    variants: [{ sku: uniqueSku('VP'), price: '12.00', quantity: 50 }],
  })
  return { id: created.id, handle: created.handle, variantId: created.variants[0].id }
}

/** Places an order of one unit of each variant through the cart and checkout; answers the order's id. */
async function placeOrder(account: Account, variantIds: string[]): Promise<string> {
  const lines = variantIds.map((variantId) => ({ variantId, quantity: 1 }))
  const added = expectNoErrors(
    await app.gql(CartLinesAddDocument, { input: { lines } }, { token: account.accessToken }),
  ).cartLinesAdd
  if (added.userErrors.length) throw new Error(JSON.stringify(added.userErrors))
  const placed = expectNoErrors(
    await app.gql(
      CheckoutCompleteDocument,
      { input: { idempotencyKey: `vp-${Math.random()}` } },
      { token: account.accessToken },
    ),
  ).checkoutComplete
  if (placed.userErrors.length || !placed.order) throw new Error(JSON.stringify(placed.userErrors))
  return placed.order.id
}

type Transition = typeof OrderMarkPaidDocument | typeof OrderFulfillDocument | typeof OrderCancelDocument

/** Moves an order through one transition as `account`, failing the test on any error. */
async function transition(document: Transition, orderId: string, account: Account) {
  const payload = expectNoErrors(
    await app.gql(document as typeof OrderMarkPaidDocument, { input: { orderId } }, { token: account.accessToken }),
  )
  const result = Object.values(payload)[0] as { userErrors: unknown[] }
  if (result.userErrors.length) throw new Error(JSON.stringify(result.userErrors))
}

async function verified(reviewId: string, reader: Account | null = null): Promise<boolean | undefined> {
  const node = expectNoErrors(await app.gql(ReviewNodeDocument, { id: reviewId }, { token: reader?.accessToken })).node
  return (node as { verifiedPurchase?: boolean } | null)?.verifiedPurchase
}

describe('verifiedPurchase', () => {
  it('is false without any order, and turns true once an order containing the product is paid', async () => {
    const item = await buyable()
    const buyer = await registerCustomer(app, w.handle)
    const review = await createReview(app, buyer, item.id)
    expect(await verified(review)).toBe(false)
    const order = await placeOrder(buyer, [item.variantId])
    expect(await verified(review)).toBe(false) // PENDING_PAYMENT
    await transition(OrderMarkPaidDocument, order, w.staff)
    for (const reader of [null, buyer, w.otherShopStaff]) expect(await verified(review, reader)).toBe(true)
    await transition(OrderFulfillDocument, order, w.staff)
    expect(await verified(review)).toBe(true) // FULFILLED
  })

  it('is true in the payload of a review written after the order was paid', async () => {
    const item = await buyable()
    const buyer = await registerCustomer(app, w.handle)
    await transition(OrderMarkPaidDocument, await placeOrder(buyer, [item.variantId]), w.staff)
    const review = await createReview(app, buyer, item.id)
    expect(await verified(review)).toBe(true)
  })

  it('is false with only a PENDING_PAYMENT or a CANCELLED order', async () => {
    const item = await buyable()
    const pending = await registerCustomer(app, w.handle)
    const cancelled = await registerCustomer(app, w.handle)
    await placeOrder(pending, [item.variantId])
    await transition(OrderCancelDocument, await placeOrder(cancelled, [item.variantId]), cancelled)
    expect(await verified(await createReview(app, pending, item.id))).toBe(false)
    expect(await verified(await createReview(app, cancelled, item.id))).toBe(false)
  })

  it('is false for a paid order of other products, and for someone else’s paid order of this one', async () => {
    const bought = await buyable()
    const other = await buyable()
    const buyer = await registerCustomer(app, w.handle)
    const friend = await registerCustomer(app, w.handle)
    await transition(OrderMarkPaidDocument, await placeOrder(buyer, [bought.variantId]), w.staff)
    expect(await verified(await createReview(app, buyer, other.id))).toBe(false)
    expect(await verified(await createReview(app, friend, bought.id))).toBe(false)
    expect(await verified(await createReview(app, buyer, bought.id))).toBe(true)
  })

  it('is answered per review in a list (paid, pending and no order side by side)', async () => {
    const item = await buyable()
    const [paid, pending, none] = await Promise.all([0, 1, 2].map(() => registerCustomer(app, w.handle)))
    await transition(OrderMarkPaidDocument, await placeOrder(paid, [item.variantId]), w.staff)
    await placeOrder(pending, [item.variantId])
    const ids: string[] = []
    for (const author of [paid, pending, none]) ids.push(await createReview(app, author, item.id))
    const found = expectNoErrors(await app.gql(ProductReviewsDocument, { shop: w.handle, product: item.handle })).shop!
      .product!
    const reviews = found.reviews
    const byId = new Map(reviews.nodes.map((n, i) => [n.id, reviews.edges[i].node.verifiedPurchase]))
    expect(ids.map((id) => byId.get(id))).toEqual([true, false, false])
  })
})
