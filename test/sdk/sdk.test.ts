import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CartLinesAddDocument,
  CartLinesRemoveDocument,
  CartLinesUpdateDocument,
  CheckoutCompleteDocument,
  createShopfrontClient,
  InventoryAdjustDocument,
  OrderFulfillDocument,
  OrderMarkPaidDocument,
  PostByHandleDocument,
  ProductByHandleDocument,
  ProductCreateDocument,
  SessionCreateDocument,
  SessionRefreshDocument,
  SessionRevokeDocument,
  ShopfrontError,
  ShopOrdersDocument,
  ShopPostsDocument,
  ShopProductsDocument,
  UserRegisterDocument,
  ViewerCartDocument,
  ViewerDocument,
  ViewerOrdersDocument,
  type ShopfrontClient,
} from '../../sdk/index.js'
import { createComment, createPost } from '../blog/support.js'
import { createReview } from '../reviews/support.js'
import { startTestApp, type TestApp } from '../support/app.js'
import {
  type Account,
  createProduct,
  createShop,
  createStaff,
  PASSWORD,
  registerCustomer,
  uniqueSku,
} from '../support/fixtures.js'

let app: TestApp
let shopHandle: string
let staff: Account

beforeAll(async () => {
  app = await startTestApp()
  shopHandle = (await createShop(app)).handle
  staff = await createStaff(app, shopHandle)
})
afterAll(() => app?.close())

/** Registers a customer through the SDK; answers a client signed in as them. */
async function signedInCustomer(): Promise<{ client: ShopfrontClient; email: string; refreshToken: string }> {
  const client = createShopfrontClient({ url: app.url })
  const email = `sdk-${Math.random().toString(16).slice(2)}@example.com`
  const { userRegister } = await client.request(UserRegisterDocument, {
    input: { shopHandle, email, password: PASSWORD, displayName: 'Sam' },
  })
  expect(userRegister.userErrors).toEqual([])
  client.setAccessToken(userRegister.session!.accessToken)
  return { client, email, refreshToken: userRegister.session!.refreshToken }
}

async function rejection(promise: Promise<unknown>): Promise<ShopfrontError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ShopfrontError)
  return error as ShopfrontError
}

describe('a customer through the SDK', () => {
  it('registers, browses, fills a cart, checks out and finds the order in viewer orders', async () => {
    const title = `Sdk Shirt ${uniqueSku('T')}`
    const product = await createProduct(app, staff, {
      title,
      variants: [
        { sku: uniqueSku(), price: '12.50', quantity: 5, selectedOptions: [{ name: 'Size', value: 'M' }] },
        { sku: uniqueSku(), price: '14.00', quantity: 5, selectedOptions: [{ name: 'Size', value: 'L' }] },
      ],
    })
    const { client, email } = await signedInCustomer()

    const viewer = (await client.request(ViewerDocument, {})).viewer
    expect(viewer?.user.email).toBe(email)
    expect(viewer?.shop.handle).toBe(shopHandle)

    const page = (
      await client.request(ShopProductsDocument, { handle: shopHandle, first: 10, filter: { titleContains: title } })
    ).shop
    expect(page?.products.totalCount).toBe(1)
    expect(page?.products.nodes[0]).toMatchObject({
      handle: product.handle,
      priceRange: { min: { amount: '12.50' }, max: { amount: '14.00' } },
    })

    const detail = (
      await client.request(ProductByHandleDocument, { shopHandle, handle: product.handle, reviewsFirst: 5 })
    ).shop?.product
    expect(detail?.variants.map((v) => v.selectedOptions[0].value)).toEqual(['M', 'L'])
    expect(detail?.rating).toEqual({ average: null, count: 0 })
    const [medium, large] = detail!.variants

    const added = (
      await client.request(CartLinesAddDocument, {
        input: {
          lines: [
            { variantId: medium.id, quantity: 2 },
            { variantId: large.id, quantity: 1 },
          ],
        },
      })
    ).cartLinesAdd
    expect(added.userErrors).toEqual([])
    expect(added.cart?.subtotal.amount).toBe('39.00')
    const [mediumLine, largeLine] = added.cart!.lines

    const updated = (
      await client.request(CartLinesUpdateDocument, { input: { lines: [{ lineId: mediumLine.id, quantity: 3 }] } })
    ).cartLinesUpdate
    expect(updated.cart?.subtotal.amount).toBe('51.50')
    const removed = (await client.request(CartLinesRemoveDocument, { input: { lineIds: [largeLine.id] } }))
      .cartLinesRemove
    expect(removed.cart?.lines.map((l) => [l.variant?.id, l.quantity])).toEqual([[medium.id, 3]])
    expect((await client.request(ViewerCartDocument, {})).viewer?.cart?.total.amount).toBe('37.50')

    const checkout = (
      await client.request(CheckoutCompleteDocument, { input: { idempotencyKey: `sdk-${email}`, note: 'Gift wrap' } })
    ).checkoutComplete
    expect(checkout.userErrors).toEqual([])
    expect(checkout.order).toMatchObject({
      status: 'PENDING_PAYMENT',
      note: 'Gift wrap',
      subtotal: { amount: '37.50', currencyCode: 'USD' },
    })
    expect((await client.request(ViewerCartDocument, {})).viewer?.cart?.lines ?? []).toEqual([])

    const orders = (await client.request(ViewerOrdersDocument, { first: 10 })).viewer?.orders
    expect(orders?.totalCount).toBe(1)
    expect(orders?.nodes[0]).toMatchObject({ id: checkout.order!.id, lines: [{ sku: medium.sku, quantity: 3 }] })
  })

  it('signs in, refreshes and revokes a session', async () => {
    const { email } = await signedInCustomer()
    const client = createShopfrontClient({ url: app.url })
    const signIn = (await client.request(SessionCreateDocument, { input: { shopHandle, email, password: PASSWORD } }))
      .sessionCreate
    expect(signIn.user?.email).toBe(email)

    const refreshed = (
      await client.request(SessionRefreshDocument, { input: { refreshToken: signIn.session!.refreshToken } })
    ).sessionRefresh
    expect(refreshed.userErrors).toEqual([])
    client.setAccessToken(refreshed.session!.accessToken)
    expect((await client.request(ViewerDocument, {})).viewer?.user.email).toBe(email)

    const revoked = (
      await client.request(SessionRevokeDocument, { input: { refreshToken: refreshed.session!.refreshToken } })
    ).sessionRevoke
    expect(revoked).toEqual({ revoked: true, userErrors: [] })
    // The ended session's access token is refused from now on (401): a logged-out client drops it.
    client.setAccessToken(null)
    const again = (
      await client.request(SessionRefreshDocument, { input: { refreshToken: refreshed.session!.refreshToken } })
    ).sessionRefresh
    expect(again.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
  })

  it('reads the blog and a product with its reviews anonymously', async () => {
    const author = await registerCustomer(app, shopHandle)
    const post = await createPost(app, author, { title: 'Sdk news', tags: ['sdk'] }, true)
    await createComment(app, author, post.id, 'First!')
    const product = await createProduct(app, staff, { title: 'Reviewed Sdk Mug' })
    await createReview(app, author, product.id, { rating: 5, title: 'Lovely' })
    const anonymous = createShopfrontClient({ url: app.url })

    const posts = (await anonymous.request(ShopPostsDocument, { handle: shopHandle, filter: { tag: 'sdk' } })).shop
      ?.posts
    expect(posts?.nodes.map((p) => p.handle)).toEqual([post.handle])
    const read = (await anonymous.request(PostByHandleDocument, { shopHandle, handle: post.handle })).shop?.post
    expect(read?.comments.nodes.map((c) => c.body)).toEqual(['First!'])
    expect(read?.viewerHasLiked).toBe(false)

    const reviewed = (await anonymous.request(ProductByHandleDocument, { shopHandle, handle: product.handle })).shop
      ?.product
    expect(reviewed?.rating).toEqual({ average: 5, count: 1 })
    expect(reviewed?.reviews.nodes.map((r) => r.title)).toEqual(['Lovely'])
  })
})

describe('staff through the SDK', () => {
  it('creates a product, adjusts its stock, and marks a customer order paid then fulfilled', async () => {
    const office = createShopfrontClient({ url: app.url, accessToken: staff.accessToken })
    const created = (
      await office.request(ProductCreateDocument, {
        input: { title: 'Sdk Lamp', status: 'ACTIVE', variants: [{ sku: uniqueSku(), price: '30.00', quantity: 1 }] },
      })
    ).productCreate
    expect(created.userErrors).toEqual([])
    const variant = created.product!.variants[0]
    const adjusted = (
      await office.request(InventoryAdjustDocument, { input: { variantId: variant.id, delta: 4, reason: 'received' } })
    ).inventoryAdjust
    expect(adjusted.variant?.quantityAvailable).toBe(5)

    const { client, email } = await signedInCustomer()
    await client.request(CartLinesAddDocument, { input: { lines: [{ variantId: variant.id, quantity: 2 }] } })
    const order = (await client.request(CheckoutCompleteDocument, { input: { idempotencyKey: `lamp-${email}` } }))
      .checkoutComplete.order!

    // 10 orders: each one's lines are priced at their bound of 100, so the default 20 would cost 6,223 (over 5,000).
    const listed = (
      await office.request(ShopOrdersDocument, { handle: shopHandle, first: 10, filter: { status: 'PENDING_PAYMENT' } })
    ).shop?.orders
    expect(listed?.nodes.find((o) => o.id === order.id)?.customer?.email).toBe(email)
    const paid = (await office.request(OrderMarkPaidDocument, { input: { orderId: order.id } })).orderMarkPaid
    expect(paid.order?.status).toBe('PAID')
    const fulfilled = (await office.request(OrderFulfillDocument, { input: { orderId: order.id } })).orderFulfill
    expect(fulfilled.order?.status).toBe('FULFILLED')
    expect((await client.request(ViewerOrdersDocument, { first: 10 })).viewer?.orders.nodes[0].status).toBe('FULFILLED')
  })
})

describe('refusals surface as ShopfrontError', () => {
  it('throws UNAUTHENTICATED with HTTP 401 for a bad token', async () => {
    const client = createShopfrontClient({ url: app.url, accessToken: 'not.a.jwt' })
    const error = await rejection(client.request(ViewerDocument, {}))
    expect(error.code).toBe('UNAUTHENTICATED')
    expect(error.status).toBe(401)
    expect(error.errors[0].extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('throws FORBIDDEN when a customer sends a staff-only operation', async () => {
    const { client } = await signedInCustomer()
    const error = await rejection(
      client.request(ProductCreateDocument, {
        input: { title: 'Nope', variants: [{ sku: uniqueSku(), price: '1.00' }] },
      }),
    )
    expect(error.code).toBe('FORBIDDEN')
    expect(error.errors.map((e) => e.path)).toEqual([['productCreate']])
  })

  it('carries the code and status of a JSON error answered outside GraphQL (an unknown path)', async () => {
    const client = createShopfrontClient({ url: app.url.replace(/\/graphql$/, '/no-such-endpoint') })
    const error = await rejection(client.request(ViewerDocument, {}))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.status).toBe(404)
  })

  it('throws INVALID_RESPONSE when the endpoint does not answer JSON (an HTML error page of a proxy)', async () => {
    const proxy = createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad Gateway</body></html>')
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = proxy.address() as AddressInfo
      const client = createShopfrontClient({ url: `http://127.0.0.1:${port}/graphql` })
      const error = await rejection(client.request(ViewerDocument, {}))
      expect(error.code).toBe('INVALID_RESPONSE')
      expect(error.status).toBe(502)
      expect(error.errors).toEqual([])
    } finally {
      await new Promise((resolve) => proxy.close(resolve))
    }
  })

  it('sends the token it is given and none after setAccessToken(null)', async () => {
    const { client, email } = await signedInCustomer()
    expect((await client.request(ViewerDocument, {})).viewer?.user.email).toBe(email)
    client.setAccessToken(null)
    expect((await client.request(ViewerDocument, {})).viewer).toBeNull()
  })
})
