import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { ViewerCartDocument } from '../generated/graphql.js'
import { expectNoErrors, type TestApp } from '../support/app.js'
import { type Account, registerCustomer, uuidOf } from '../support/fixtures.js'
import { orderHelpers, useOrdersWorld } from './support.js'

let app: TestApp, shop: string, staff: Account
useOrdersWorld((world) => ({ app, shop, staff } = world))
const { variants, stockOf, addToCart, checkout, customers, confirmationJobs } = orderHelpers(() => ({
  app,
  shop,
  staff,
}))

describe('checkout', () => {
  it('places an order with server-side prices, snapshots, tax, a number, an empty cart, one email and an audit event', async () => {
    const [a, b] = await variants({ price: '19.99', quantity: 10 }, { price: '0.01', quantity: 10 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [
      { variantId: a, quantity: 3 },
      { variantId: b, quantity: 1 },
    ])
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
    const audit = await app.db
      .selectFrom('audit_event')
      .select('action')
      .where('target_id', '=', uuidOf(order.id))
      .execute()
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
    await addToCart(customer, [
      { variantId: a, quantity: 3 },
      { variantId: b, quantity: 5 },
    ])
    const payload = expectNoErrors(await checkout(customer, 'short')).checkoutComplete
    expect(payload.order).toBeNull()
    expect(payload.userErrors).toEqual([
      {
        code: 'OUT_OF_STOCK',
        field: ['cart', 'lines', '0', 'quantity'],
        message: 'Not enough in stock for this quantity',
      },
    ])
    expect(await stockOf(a)).toBe(2)
    expect(await stockOf(b)).toBe(5)
    expect(
      expectNoErrors(await app.gql(ViewerCartDocument, {}, { token: customer.accessToken })).viewer!.cart!.lines,
    ).toHaveLength(2)
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
    const sold = await app.db
      .selectFrom('order_line')
      .select(sql<string>`sum(quantity)`.as('units'))
      .where('variant_id', '=', uuidOf(variant))
      .executeTakeFirstOrThrow()
    expect(Number(sold.units)).toBe(10)
  }, 240_000)

  it('never deadlocks on 50 concurrent two-line checkouts taking two variants in opposite orders', async () => {
    const [a, b] = await variants({ quantity: 40 }, { quantity: 40 })
    const buyers = await customers(50)
    await Promise.all(
      buyers.map((buyer, i) =>
        addToCart(
          buyer,
          i % 2 === 0
            ? [
                { variantId: a, quantity: 1 },
                { variantId: b, quantity: 1 },
              ]
            : [
                { variantId: b, quantity: 1 },
                { variantId: a, quantity: 1 },
              ],
        ),
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
    const ordersBefore = await app.db
      .selectFrom('order')
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow()
    const jobsBefore = await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job`.execute(app.db)
    await sql`CREATE FUNCTION fail_order_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`.execute(
      app.db,
    )
    await sql`CREATE TRIGGER fail_order_insert BEFORE INSERT ON "order" FOR EACH ROW EXECUTE FUNCTION fail_order_insert()`.execute(
      app.db,
    )
    try {
      const response = await checkout(customer, 'doomed')
      expect(response.body.errors?.[0]).toEqual({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      })
    } finally {
      await sql`DROP TRIGGER fail_order_insert ON "order"`.execute(app.db)
      await sql`DROP FUNCTION fail_order_insert()`.execute(app.db)
    }
    expect(await stockOf(variant)).toBe(5)
    expect(
      await app.db
        .selectFrom('order')
        .select(sql<string>`count(*)`.as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(ordersBefore)
    expect((await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job`.execute(app.db)).rows).toEqual(
      jobsBefore.rows,
    )
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
    expect(reused.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['IDEMPOTENCY_KEY_REUSED', 'input.idempotencyKey'],
    ])
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
