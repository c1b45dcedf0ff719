import { describe, expect, it } from 'vitest'
import { taxOf } from '../../src/modules/orders/cart.service.js'
import {
  CartLinesAddDocument,
  CartLinesRemoveDocument,
  CartLinesUpdateDocument,
  ViewerCartDocument,
} from '../generated/graphql.js'
import { expectNoErrors, type TestApp } from '../support/app.js'
import { type Account, createProduct, registerCustomer, uniqueSku, uuidOf } from '../support/fixtures.js'
import { orderHelpers, useOrdersWorld } from './support.js'

let app: TestApp, shop: string, staff: Account
useOrdersWorld((world) => ({ app, shop, staff } = world))
const { variants, addToCart, checkout } = orderHelpers(() => ({ app, shop, staff }))

describe('tax', () => {
  it.each([
    [1000n, 825, 83n], // 82.5 rounds half-up
    [999n, 825, 82n], // 82.4175
    [1n, 825, 0n],
    [6061n, 825, 500n], // 500.0325
    [12121n, 825, 1000n], // 999.9825
    [0n, 825, 0n],
    [999_999_999_999n * 999n, 10_000, 999_999_999_999n * 999n],
  ])('taxes %s minor units at %s bps as %s', (subtotal, bps, tax) => {
    expect(taxOf(subtotal, bps)).toBe(tax)
  })
})

describe('cart', () => {
  it('merges a second add of the same variant into one line and prices it', async () => {
    const [variant] = await variants({ price: '12.50', quantity: 50 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity: 2 }])
    const cart = await addToCart(customer, [{ variantId: variant, quantity: 3 }])
    expect(cart.lines).toHaveLength(1)
    expect(cart.lines[0]).toMatchObject({ quantity: 5, lineTotal: { amount: '62.50' } })
    expect(cart.subtotal.amount).toBe('62.50')
    expect(cart.estimatedTax.amount).toBe('5.16') // 515.625 cents rounds to 516
    expect(cart.total.amount).toBe('67.66')
  })

  it('refuses a quantity outside 1–999 and a merge past 999, changing nothing', async () => {
    const [variant] = await variants({ quantity: 5 })
    const customer = await registerCustomer(app, shop)
    const zero = expectNoErrors(
      await app.gql(
        CartLinesAddDocument,
        { input: { lines: [{ variantId: variant, quantity: 0 }] } },
        { token: customer.accessToken },
      ),
    ).cartLinesAdd
    expect(zero.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_INPUT', 'input.lines.0.quantity'],
    ])
    await addToCart(customer, [{ variantId: variant, quantity: 900 }])
    const over = expectNoErrors(
      await app.gql(
        CartLinesAddDocument,
        { input: { lines: [{ variantId: variant, quantity: 100 }] } },
        { token: customer.accessToken },
      ),
    ).cartLinesAdd
    expect(over.userErrors[0]?.code).toBe('INVALID_INPUT')
    const cart = expectNoErrors(await app.gql(ViewerCartDocument, {}, { token: customer.accessToken })).viewer!.cart!
    expect(cart.lines[0].quantity).toBe(900)
  })

  it('refuses a variant that is not for sale (draft product, sold out, unknown)', async () => {
    const draft = await createProduct(app, staff, {
      status: 'DRAFT',
      variants: [{ sku: uniqueSku(), price: '1.00', quantity: 5 }],
    })
    const draftVariant = (
      await app.db
        .selectFrom('product_variant')
        .select('id')
        .where('product_id', '=', uuidOf(draft.id))
        .executeTakeFirstOrThrow()
    ).id
    const [soldOut] = await variants({ quantity: 0 })
    const customer = await registerCustomer(app, shop)
    const payload = expectNoErrors(
      await app.gql(
        CartLinesAddDocument,
        {
          input: {
            lines: [
              { variantId: `gid://shopfront/ProductVariant/${draftVariant}`, quantity: 1 },
              { variantId: soldOut, quantity: 1 },
              { variantId: 'gid://shopfront/ProductVariant/00000000-0000-4000-8000-000000000000', quantity: 1 },
            ],
          },
        },
        { token: customer.accessToken },
      ),
    ).cartLinesAdd
    expect(payload.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['NOT_FOUND', 'input.lines.0.variantId'],
      ['OUT_OF_STOCK', 'input.lines.1.variantId'],
      ['NOT_FOUND', 'input.lines.2.variantId'],
    ])
    expect(
      expectNoErrors(await app.gql(ViewerCartDocument, {}, { token: customer.accessToken })).viewer!.cart,
    ).toBeNull()
  })

  it('updates and removes lines, and refuses another customer’s line as not found', async () => {
    const [a, b] = await variants({ quantity: 9 }, { quantity: 9 })
    const owner = await registerCustomer(app, shop)
    const other = await registerCustomer(app, shop)
    const cart = await addToCart(owner, [
      { variantId: a, quantity: 1 },
      { variantId: b, quantity: 1 },
    ])
    const [lineA, lineB] = cart.lines.map((l) => l.id)
    const updated = expectNoErrors(
      await app.gql(
        CartLinesUpdateDocument,
        { input: { lines: [{ lineId: lineA, quantity: 4 }] } },
        { token: owner.accessToken },
      ),
    ).cartLinesUpdate
    expect(updated.cart?.lines.find((l) => l.id === lineA)?.quantity).toBe(4)
    const foreign = expectNoErrors(
      await app.gql(CartLinesRemoveDocument, { input: { lineIds: [lineB] } }, { token: other.accessToken }),
    ).cartLinesRemove
    expect(foreign.userErrors[0]?.code).toBe('NOT_FOUND')
    const removed = expectNoErrors(
      await app.gql(CartLinesRemoveDocument, { input: { lineIds: [lineB] } }, { token: owner.accessToken }),
    ).cartLinesRemove
    expect(removed.cart?.lines.map((l) => l.id)).toEqual([lineA])
  })

  it('refuses a 101st different variant in one cart, keeping the cart as it was', async () => {
    // A product has at most 100 variants: take them from two products.
    const many = [
      ...(await variants(...Array.from({ length: 100 }, () => ({ quantity: 5 })))),
      ...(await variants({ quantity: 5 })),
    ]
    const customer = await registerCustomer(app, shop)
    await addToCart(
      customer,
      many.slice(0, 100).map((variantId) => ({ variantId, quantity: 1 })),
    )
    const over = expectNoErrors(
      await app.gql(
        CartLinesAddDocument,
        { input: { lines: [{ variantId: many[100], quantity: 1 }] } },
        { token: customer.accessToken },
      ),
    ).cartLinesAdd
    expect(over.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['INVALID_INPUT', 'input.lines']])
    expect(
      expectNoErrors(await app.gql(ViewerCartDocument, {}, { token: customer.accessToken })).viewer!.cart!.lines,
    ).toHaveLength(100)
  })

  it('requires a signed-in user', async () => {
    const [variant] = await variants({ quantity: 1 })
    const response = await app.gql(CartLinesAddDocument, { input: { lines: [{ variantId: variant, quantity: 1 }] } })
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('totals', () => {
  it('handles large quantities and prices without overflow or float error', async () => {
    const [variant] = await variants({ price: '999999.99', quantity: 999 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity: 999 }])
    const order = expectNoErrors(await checkout(customer, 'big')).checkoutComplete.order!
    expect(order.subtotal.amount).toBe('998999990.01')
    expect(order.tax.amount).toBe('82417499.18') // 8241749917.5825 cents, half-up
    expect(order.total.amount).toBe('1081417489.19')
  })
})
