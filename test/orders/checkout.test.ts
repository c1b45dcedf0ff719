import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EMAIL_QUEUES } from '../../src/platform/jobs/queues.js'
import { MAX_STOCK } from '../../src/modules/catalog/catalog.validation.js'
import { taxOf } from '../../src/modules/orders/cart.service.js'
import {
  InventorySetDocument,
  CartLinesAddDocument,
  CartLinesRemoveDocument,
  CartLinesUpdateDocument,
  CheckoutCompleteDocument,
  OrderCancelDocument,
  OrderFulfillDocument,
  OrderMarkPaidDocument,
  OrderNodeDocument,
  OrderRefundDocument,
  ShopOrderDocument,
  ShopOrdersDocument,
  ViewerCartDocument,
  ViewerOrderDocument,
  ViewerOrdersDocument,
} from '../generated/graphql.js'
import { createProduct, uniqueSku, uuidOf } from '../catalog/support.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'

let app: TestApp
let shop: string
let staff: Account

beforeAll(async () => {
  app = await startTestApp()
  shop = (await createShop(app)).handle
  await app.db.updateTable('shop').set({ tax_rate_bps: 825 }).where('handle', '=', shop).execute()
  staff = await createStaff(app, shop)
})
afterAll(() => app?.close())

/** An ACTIVE product with one variant per entry; answers the variants' global ids. */
async function variants(...specs: { price?: string; quantity: number }[]): Promise<string[]> {
  const skus = specs.map(() => uniqueSku())
  const product = await createProduct(app, staff, {
    variants: specs.map((s, i) => ({ sku: skus[i], price: s.price ?? '10.00', quantity: s.quantity })),
  })
  const rows = await app.db.selectFrom('product_variant').select(['id', 'sku']).where('product_id', '=', uuidOf(product.id)).execute()
  return skus.map((sku) => `gid://shopfront/ProductVariant/${rows.find((r) => r.sku === sku)!.id}`)
}

async function stockOf(variantId: string): Promise<number> {
  const row = await app.db.selectFrom('product_variant').select('stock').where('id', '=', uuidOf(variantId)).executeTakeFirstOrThrow()
  return row.stock
}

async function addToCart(account: Account, lines: { variantId: string; quantity: number }[]) {
  const payload = expectNoErrors(await app.gql(CartLinesAddDocument, { input: { lines } }, { token: account.accessToken })).cartLinesAdd
  if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors))
  return payload.cart!
}

async function checkout(account: Account, key: string, note?: string) {
  return app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: key, note } }, { token: account.accessToken })
}

async function customers(count: number): Promise<Account[]> {
  const accounts: Account[] = []
  for (let i = 0; i < count; i += 20) {
    accounts.push(...(await Promise.all(Array.from({ length: Math.min(20, count - i) }, () => registerCustomer(app, shop)))))
  }
  return accounts
}

async function confirmationJobs(orderId: string): Promise<number> {
  const { rows } = await sql<{ count: string }>`
    SELECT count(*) AS count FROM pgboss.job WHERE name = ${EMAIL_QUEUES['order-confirmation']} AND data->>'dedupeKey' = ${orderId}`.execute(app.db)
  return Number(rows[0].count)
}

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
    const zero = expectNoErrors(await app.gql(CartLinesAddDocument, { input: { lines: [{ variantId: variant, quantity: 0 }] } }, { token: customer.accessToken })).cartLinesAdd
    expect(zero.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['INVALID_INPUT', 'input.lines.0.quantity']])
    await addToCart(customer, [{ variantId: variant, quantity: 900 }])
    const over = expectNoErrors(await app.gql(CartLinesAddDocument, { input: { lines: [{ variantId: variant, quantity: 100 }] } }, { token: customer.accessToken })).cartLinesAdd
    expect(over.userErrors[0]?.code).toBe('INVALID_INPUT')
    const cart = expectNoErrors(await app.gql(ViewerCartDocument, {}, { token: customer.accessToken })).viewer!.cart!
    expect(cart.lines[0].quantity).toBe(900)
  })

  it('refuses a variant that is not for sale (draft product, sold out, unknown)', async () => {
    const draft = await createProduct(app, staff, { status: 'DRAFT', variants: [{ sku: uniqueSku(), price: '1.00', quantity: 5 }] })
    const draftVariant = (await app.db.selectFrom('product_variant').select('id').where('product_id', '=', uuidOf(draft.id)).executeTakeFirstOrThrow()).id
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
    expect(expectNoErrors(await app.gql(ViewerCartDocument, {}, { token: customer.accessToken })).viewer!.cart).toBeNull()
  })

  it('updates and removes lines, and refuses another customer’s line as not found', async () => {
    const [a, b] = await variants({ quantity: 9 }, { quantity: 9 })
    const owner = await registerCustomer(app, shop)
    const other = await registerCustomer(app, shop)
    const cart = await addToCart(owner, [{ variantId: a, quantity: 1 }, { variantId: b, quantity: 1 }])
    const [lineA, lineB] = cart.lines.map((l) => l.id)
    const updated = expectNoErrors(await app.gql(CartLinesUpdateDocument, { input: { lines: [{ lineId: lineA, quantity: 4 }] } }, { token: owner.accessToken })).cartLinesUpdate
    expect(updated.cart?.lines.find((l) => l.id === lineA)?.quantity).toBe(4)
    const foreign = expectNoErrors(await app.gql(CartLinesRemoveDocument, { input: { lineIds: [lineB] } }, { token: other.accessToken })).cartLinesRemove
    expect(foreign.userErrors[0]?.code).toBe('NOT_FOUND')
    const removed = expectNoErrors(await app.gql(CartLinesRemoveDocument, { input: { lineIds: [lineB] } }, { token: owner.accessToken })).cartLinesRemove
    expect(removed.cart?.lines.map((l) => l.id)).toEqual([lineA])
  })

  it('refuses a 101st different variant in one cart, keeping the cart as it was', async () => {
    // A product has at most 100 variants: take them from two products.
    const many = [
      ...(await variants(...Array.from({ length: 100 }, () => ({ quantity: 5 })))),
      ...(await variants({ quantity: 5 })),
    ]
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, many.slice(0, 100).map((variantId) => ({ variantId, quantity: 1 })))
    const over = expectNoErrors(
      await app.gql(CartLinesAddDocument, { input: { lines: [{ variantId: many[100], quantity: 1 }] } }, { token: customer.accessToken }),
    ).cartLinesAdd
    expect(over.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['INVALID_INPUT', 'input.lines']])
    expect(expectNoErrors(await app.gql(ViewerCartDocument, {}, { token: customer.accessToken })).viewer!.cart!.lines).toHaveLength(100)
  })

  it('requires a signed-in user', async () => {
    const [variant] = await variants({ quantity: 1 })
    const response = await app.gql(CartLinesAddDocument, { input: { lines: [{ variantId: variant, quantity: 1 }] } })
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('checkout', () => {
  it('places an order with server-side prices, snapshots, tax, a number, an empty cart, one email and an audit event', async () => {
    const [a, b] = await variants({ price: '19.99', quantity: 10 }, { price: '0.01', quantity: 10 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: a, quantity: 3 }, { variantId: b, quantity: 1 }])
    const payload = expectNoErrors(await checkout(customer, 'first-order', 'leave at the door')).checkoutComplete
    expect(payload.userErrors).toEqual([])
    const order = payload.order!
    expect(order).toMatchObject({
      status: 'PENDING_PAYMENT',
      subtotal: { amount: '59.98', currencyCode: 'USD' },
      tax: { amount: '4.95' }, // 494.835 cents
      total: { amount: '64.93' },
      events: [{ status: 'PENDING_PAYMENT' }],
    })
    expect(order.lines.map((l) => [l.quantity, l.unitPrice.amount, l.lineTotal.amount])).toEqual([
      [3, '19.99', '59.97'],
      [1, '0.01', '0.01'],
    ])
    expect(await stockOf(a)).toBe(7)
    expect(await stockOf(b)).toBe(9)
    const cart = expectNoErrors(await app.gql(ViewerCartDocument, {}, { token: customer.accessToken })).viewer!.cart!
    expect(cart.lines).toEqual([])
    expect(await confirmationJobs(uuidOf(order.id))).toBe(1)
    const audit = await app.db.selectFrom('audit_event').select('action').where('target_id', '=', uuidOf(order.id)).execute()
    expect(audit.map((r) => r.action)).toEqual(['order.placed'])
  })

  it('numbers orders sequentially per shop', async () => {
    const [variant] = await variants({ quantity: 10 })
    const numbers: number[] = []
    for (const customer of await customers(3)) {
      await addToCart(customer, [{ variantId: variant, quantity: 1 }])
      numbers.push(expectNoErrors(await checkout(customer, 'n')).checkoutComplete.order!.number)
    }
    expect(numbers[1]).toBe(numbers[0] + 1)
    expect(numbers[2]).toBe(numbers[0] + 2)
  })

  it('refuses an empty cart with INVALID_STATE', async () => {
    const customer = await registerCustomer(app, shop)
    const payload = expectNoErrors(await checkout(customer, 'empty')).checkoutComplete
    expect(payload.userErrors.map((e) => e.code)).toEqual(['INVALID_STATE'])
  })

  it('names each short line and changes nothing', async () => {
    const [a, b] = await variants({ quantity: 2 }, { quantity: 5 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: a, quantity: 3 }, { variantId: b, quantity: 5 }])
    const payload = expectNoErrors(await checkout(customer, 'short')).checkoutComplete
    expect(payload.order).toBeNull()
    expect(payload.userErrors).toEqual([{ code: 'OUT_OF_STOCK', field: ['cart', 'lines', '0', 'quantity'], message: 'Not enough in stock for this quantity' }])
    expect(await stockOf(a)).toBe(2)
    expect(await stockOf(b)).toBe(5)
    expect(expectNoErrors(await app.gql(ViewerCartDocument, {}, { token: customer.accessToken })).viewer!.cart!.lines).toHaveLength(2)
  })

  it('does not tell a customer who asks for 999 units how many are in stock', async () => {
    const [variant] = await variants({ quantity: 40 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity: 999 }])
    const payload = expectNoErrors(await checkout(customer, 'probe-stock')).checkoutComplete
    expect(payload.userErrors.map((e) => e.code)).toEqual(['OUT_OF_STOCK'])
    expect(JSON.stringify(payload.userErrors)).not.toMatch(/\d{2}/)
  })

  it('sells exactly 10 units to 200 concurrent customers of a variant with stock 10', async () => {
    const [variant] = await variants({ quantity: 10 })
    const buyers = await customers(200)
    for (let i = 0; i < buyers.length; i += 50) {
      await Promise.all(buyers.slice(i, i + 50).map((b) => addToCart(b, [{ variantId: variant, quantity: 1 }])))
    }
    const responses = await Promise.all(buyers.map((b, i) => checkout(b, `rush-${i}`)))
    expect(responses.filter((r) => r.status >= 500 || r.body.errors)).toEqual([])
    const payloads = responses.map((r) => r.body.data!.checkoutComplete)
    expect(payloads.filter((p) => p.order)).toHaveLength(10)
    const refused = payloads.filter((p) => !p.order)
    expect(refused).toHaveLength(190)
    expect(refused.every((p) => p.userErrors[0]?.code === 'OUT_OF_STOCK')).toBe(true)
    expect(await stockOf(variant)).toBe(0)
    const sold = await app.db.selectFrom('order_line').select(sql<string>`sum(quantity)`.as('units')).where('variant_id', '=', uuidOf(variant)).executeTakeFirstOrThrow()
    expect(Number(sold.units)).toBe(10)
  }, 240_000)

  it('never deadlocks on 50 concurrent two-line checkouts taking two variants in opposite orders', async () => {
    const [a, b] = await variants({ quantity: 40 }, { quantity: 40 })
    const buyers = await customers(50)
    await Promise.all(
      buyers.map((buyer, i) =>
        addToCart(buyer, i % 2 === 0 ? [{ variantId: a, quantity: 1 }, { variantId: b, quantity: 1 }] : [{ variantId: b, quantity: 1 }, { variantId: a, quantity: 1 }]),
      ),
    )
    const responses = await Promise.all(buyers.map((buyer, i) => checkout(buyer, `pair-${i}`)))
    expect(responses.filter((r) => r.status >= 500 || r.body.errors)).toEqual([])
    const placed = responses.filter((r) => r.body.data?.checkoutComplete.order).length
    expect(placed).toBe(40)
    expect(await stockOf(a)).toBe(0)
    expect(await stockOf(b)).toBe(0)
  }, 240_000)

  it('rolls everything back when the order insert fails after the stock was taken', async () => {
    const [variant] = await variants({ quantity: 5 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity: 2 }])
    const ordersBefore = await app.db.selectFrom('order').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()
    const jobsBefore = await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job`.execute(app.db)
    await sql`CREATE FUNCTION fail_order_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`.execute(app.db)
    await sql`CREATE TRIGGER fail_order_insert BEFORE INSERT ON "order" FOR EACH ROW EXECUTE FUNCTION fail_order_insert()`.execute(app.db)
    try {
      const response = await checkout(customer, 'doomed')
      expect(response.body.errors?.[0]).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })
    } finally {
      await sql`DROP TRIGGER fail_order_insert ON "order"`.execute(app.db)
      await sql`DROP FUNCTION fail_order_insert()`.execute(app.db)
    }
    expect(await stockOf(variant)).toBe(5)
    expect(await app.db.selectFrom('order').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).toEqual(ordersBefore)
    expect((await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job`.execute(app.db)).rows).toEqual(jobsBefore.rows)
    // Nothing was kept under the key either: the retry runs for real.
    const retry = expectNoErrors(await checkout(customer, 'doomed')).checkoutComplete
    expect(retry.order).not.toBeNull()
    expect(await stockOf(variant)).toBe(3)
  })
})

describe('idempotency', () => {
  it('answers a sequential retry with the first order and takes stock once', async () => {
    const [variant] = await variants({ quantity: 5 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity: 2 }])
    const first = expectNoErrors(await checkout(customer, 'retry-me')).checkoutComplete
    const second = expectNoErrors(await checkout(customer, 'retry-me')).checkoutComplete
    expect(second.order?.id).toBe(first.order?.id)
    expect(await stockOf(variant)).toBe(3)
  })

  it('answers the stored userErrors on a retry after a refused checkout', async () => {
    const [variant] = await variants({ quantity: 1 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity: 1 }])
    await app.db.updateTable('product_variant').set({ stock: 0 }).where('id', '=', uuidOf(variant)).execute()
    const first = expectNoErrors(await checkout(customer, 'refused')).checkoutComplete
    await app.db.updateTable('product_variant').set({ stock: 5 }).where('id', '=', uuidOf(variant)).execute()
    const second = expectNoErrors(await checkout(customer, 'refused')).checkoutComplete
    expect(first.userErrors[0]?.code).toBe('OUT_OF_STOCK')
    expect(second).toEqual(first)
  })

  it('places one order for two parallel requests with one key', async () => {
    const [variant] = await variants({ quantity: 5 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity: 1 }])
    const [a, b] = await Promise.all([checkout(customer, 'twin'), checkout(customer, 'twin')])
    const orders = [a, b].map((r) => expectNoErrors(r).checkoutComplete)
    const ids = new Set(orders.map((o) => o.order?.id).filter(Boolean))
    expect(ids.size).toBe(1)
    for (const o of orders) if (!o.order) expect(o.userErrors[0]?.code).toBe('CONFLICT')
    expect(await stockOf(variant)).toBe(4)
  })

  it('answers IDEMPOTENCY_KEY_REUSED for the same key on a different cart', async () => {
    const [variant] = await variants({ quantity: 5 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity: 1 }])
    expect(expectNoErrors(await checkout(customer, 'k1')).checkoutComplete.order).not.toBeNull()
    await addToCart(customer, [{ variantId: variant, quantity: 2 }])
    const reused = expectNoErrors(await checkout(customer, 'k1')).checkoutComplete
    expect(reused.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['IDEMPOTENCY_KEY_REUSED', 'input.idempotencyKey']])
    expect(await stockOf(variant)).toBe(4)
  })

  it('scopes keys per user: another customer’s same key places their own order', async () => {
    const [variant] = await variants({ quantity: 5 })
    const [one, two] = await customers(2)
    await addToCart(one, [{ variantId: variant, quantity: 1 }])
    await addToCart(two, [{ variantId: variant, quantity: 1 }])
    const a = expectNoErrors(await checkout(one, 'shared-key')).checkoutComplete
    const b = expectNoErrors(await checkout(two, 'shared-key')).checkoutComplete
    expect(a.order?.id).toBeTruthy()
    expect(b.order?.id).toBeTruthy()
    expect(a.order?.id).not.toBe(b.order?.id)
  })
})

describe('order states', () => {
  async function placeOrder(quantity = 1) {
    const [variant] = await variants({ quantity: 10 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity }])
    const order = expectNoErrors(await checkout(customer, `o-${Math.random()}`)).checkoutComplete.order!
    return { variant, customer, order }
  }
  const transition = async <R,>(doc: TypedDocumentNode<R, { input: { orderId: string } }>, orderId: string, token: string) =>
    expectNoErrors(await app.gql(doc, { input: { orderId } }, { token }))

  it('walks PENDING_PAYMENT -> PAID -> FULFILLED -> REFUNDED as staff, with events, emails and audit', async () => {
    const { order } = await placeOrder()
    expect((await transition(OrderMarkPaidDocument, order.id, staff.accessToken)).orderMarkPaid.order?.status).toBe('PAID')
    expect((await transition(OrderFulfillDocument, order.id, staff.accessToken)).orderFulfill.order?.status).toBe('FULFILLED')
    expect((await transition(OrderRefundDocument, order.id, staff.accessToken)).orderRefund.order?.status).toBe('REFUNDED')
    const seen = expectNoErrors(await app.gql(ShopOrderDocument, { shop, number: order.number }, { token: staff.accessToken })).shop!.order!
    expect(seen.events.map((e) => e.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'REFUNDED'])
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = ${EMAIL_QUEUES['order-status-changed']} AND data->>'dedupeKey' LIKE ${uuidOf(order.id) + ':%'}`.execute(app.db)
    expect(Number(rows[0].n)).toBe(3)
    const audit = await app.db.selectFrom('audit_event').select('action').where('target_id', '=', uuidOf(order.id)).orderBy('created_at').execute()
    expect(audit.map((a) => a.action)).toEqual(['order.placed', 'order.paid', 'order.fulfilled', 'order.refunded'])
  })

  it.each([
    ['fulfil an unpaid order', OrderFulfillDocument, 'orderFulfill'],
    ['refund an unpaid order', OrderRefundDocument, 'orderRefund'],
  ] as const)('refuses to %s with INVALID_STATE', async (_name, doc, field) => {
    const { order } = await placeOrder()
    const data = (await transition(doc as TypedDocumentNode<unknown, { input: { orderId: string } }>, order.id, staff.accessToken)) as Record<
      string,
      { userErrors: { code: string }[] }
    >
    expect(data[field].userErrors.map((e) => e.code)).toEqual(['INVALID_STATE'])
  })

  it('refuses to cancel a fulfilled order or mark a cancelled one paid', async () => {
    const { order } = await placeOrder()
    await transition(OrderMarkPaidDocument, order.id, staff.accessToken)
    await transition(OrderFulfillDocument, order.id, staff.accessToken)
    expect((await transition(OrderCancelDocument, order.id, staff.accessToken)).orderCancel.userErrors[0]?.code).toBe('INVALID_STATE')
    const other = await placeOrder()
    await transition(OrderCancelDocument, other.order.id, staff.accessToken)
    expect((await transition(OrderMarkPaidDocument, other.order.id, staff.accessToken)).orderMarkPaid.userErrors[0]?.code).toBe('INVALID_STATE')
  })

  it('lets the customer cancel while unpaid, restoring stock exactly once under concurrent cancels', async () => {
    const { order, variant, customer } = await placeOrder(3)
    expect(await stockOf(variant)).toBe(7)
    const results = await Promise.all(Array.from({ length: 5 }, () => transition(OrderCancelDocument, order.id, customer.accessToken)))
    expect(results.filter((r) => r.orderCancel.order?.status === 'CANCELLED')).toHaveLength(1)
    expect(await stockOf(variant)).toBe(10)
  })

  it('cancels an order whose variant was restocked to the maximum, keeping the stock at the maximum', async () => {
    const { order, variant } = await placeOrder(3)
    const set = expectNoErrors(
      await app.gql(
        InventorySetDocument,
        { input: { variantId: variant, quantity: MAX_STOCK, expectedQuantity: 7, reason: 'stocktake' } },
        { token: staff.accessToken },
      ),
    ).inventorySet
    expect(set.userErrors).toEqual([])
    const cancel = await app.gql(OrderCancelDocument, { input: { orderId: order.id } }, { token: staff.accessToken })
    expect(cancel.body.errors).toBeUndefined()
    expect(cancel.body.data?.orderCancel.order?.status).toBe('CANCELLED')
    expect(await stockOf(variant)).toBe(MAX_STOCK)
    const audit = await app.db
      .selectFrom('audit_event')
      .select('diff')
      .where('target_id', '=', uuidOf(order.id))
      .where('action', '=', 'order.cancelled')
      .executeTakeFirstOrThrow()
    expect(audit.diff).toMatchObject({ stockNotRestored: { [uuidOf(variant)]: 3 } })
  })

  it('refuses a customer cancelling their paid order (INVALID_STATE) or marking it paid (FORBIDDEN)', async () => {
    const { order, customer } = await placeOrder()
    const paid = await app.gql(OrderMarkPaidDocument, { input: { orderId: order.id } }, { token: customer.accessToken })
    expect(paid.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    await transition(OrderMarkPaidDocument, order.id, staff.accessToken)
    expect((await transition(OrderCancelDocument, order.id, customer.accessToken)).orderCancel.userErrors[0]?.code).toBe('INVALID_STATE')
  })
})

describe('who sees orders', () => {
  it('hides a customer’s order from another customer, by number and by node', async () => {
    const [variant] = await variants({ quantity: 5 })
    const [owner, other] = await customers(2)
    await addToCart(owner, [{ variantId: variant, quantity: 1 }])
    const order = expectNoErrors(await checkout(owner, 'mine')).checkoutComplete.order!
    expect(expectNoErrors(await app.gql(ViewerOrderDocument, { number: order.number }, { token: other.accessToken })).viewer?.order).toBeNull()
    expect(expectNoErrors(await app.gql(OrderNodeDocument, { id: order.id }, { token: other.accessToken })).node).toBeNull()
    expect(expectNoErrors(await app.gql(OrderNodeDocument, { id: order.id }, { token: owner.accessToken })).node).toMatchObject({ number: order.number })
    const cancel = expectNoErrors(await app.gql(OrderCancelDocument, { input: { orderId: order.id } }, { token: other.accessToken })).orderCancel
    expect(cancel.userErrors[0]?.code).toBe('NOT_FOUND')
  })

  it('gives staff of another shop nothing: no list, no node, no state change', async () => {
    const [variant] = await variants({ quantity: 5 })
    const owner = await registerCustomer(app, shop)
    await addToCart(owner, [{ variantId: variant, quantity: 1 }])
    const order = expectNoErrors(await checkout(owner, 'theirs')).checkoutComplete.order!
    const otherShop = (await createShop(app)).handle
    const intruder = await createStaff(app, otherShop)
    expect(expectNoErrors(await app.gql(OrderNodeDocument, { id: order.id }, { token: intruder.accessToken })).node).toBeNull()
    const listed = expectNoErrors(await app.gql(ShopOrdersDocument, { shop }, { token: intruder.accessToken })).shop!.orders
    expect(listed.totalCount).toBe(0)
    expect(expectNoErrors(await app.gql(ShopOrderDocument, { shop, number: order.number }, { token: intruder.accessToken })).shop!.order).toBeNull()
    const paid = expectNoErrors(await app.gql(OrderMarkPaidDocument, { input: { orderId: order.id } }, { token: intruder.accessToken })).orderMarkPaid
    expect(paid.userErrors[0]?.code).toBe('NOT_FOUND')
  })

  it('refuses Shop.orders to customers with FORBIDDEN and to anonymous callers with UNAUTHENTICATED', async () => {
    const customer = await registerCustomer(app, shop)
    expect((await app.gql(ShopOrdersDocument, { shop }, { token: customer.accessToken })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await app.gql(ShopOrdersDocument, { shop })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('pages the viewer’s orders newest first', async () => {
    const [variant] = await variants({ quantity: 10 })
    const customer = await registerCustomer(app, shop)
    for (let i = 0; i < 3; i++) {
      await addToCart(customer, [{ variantId: variant, quantity: 1 }])
      await checkout(customer, `page-${i}`)
    }
    const first = expectNoErrors(await app.gql(ViewerOrdersDocument, { first: 2 }, { token: customer.accessToken })).viewer!.orders
    expect(first.totalCount).toBe(3)
    expect(first.nodes[0].number).toBeGreaterThan(first.nodes[1].number)
    const rest = expectNoErrors(await app.gql(ViewerOrdersDocument, { first: 2, after: first.pageInfo.endCursor }, { token: customer.accessToken })).viewer!.orders
    expect(rest.nodes).toHaveLength(1)
    expect(rest.pageInfo.hasNextPage).toBe(false)
  })

  it('filters the shop’s orders by status for staff', async () => {
    const [variant] = await variants({ quantity: 10 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity: 1 }])
    const order = expectNoErrors(await checkout(customer, 'filter-me')).checkoutComplete.order!
    await app.gql(OrderMarkPaidDocument, { input: { orderId: order.id } }, { token: staff.accessToken })
    const paid = expectNoErrors(await app.gql(ShopOrdersDocument, { shop, first: 100, filter: { status: 'PAID' } }, { token: staff.accessToken })).shop!.orders
    expect(paid.nodes.every((o) => o.status === 'PAID')).toBe(true)
    expect(paid.nodes.some((o) => o.number === order.number)).toBe(true)
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
