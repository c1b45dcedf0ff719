import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { createProduct, uniqueSku, uuidOf } from '../support/fixtures.js'
import { ReportsDocument, SalesByDayDocument, TopCustomersDocument, TopVariantsDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'
import { insertOrder } from './support.js'

let app: TestApp
let shop: string
let shopId: string
let staff: Account
let admin: Account
let alice: Account
let bob: Account
let carol: Account
let variants: { id: string; sku: string }[]

beforeAll(async () => {
  // A whole Reports query is priced at its bounds (366 days, 100 rows each): room for many of them.
  const defaults = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused/db',
    JWT_SECRET: 'k'.repeat(32),
  }).limits
  app = await startTestApp({ limits: { ...defaults, costBucketCapacity: 1_000_000 } })
  const created = await createShop(app)
  shop = created.handle
  admin = created.admin
  shopId = admin.shopId
  // Tokyo is UTC+9 all year: 20:00Z on the 1st is the 2nd there.
  await app.db.updateTable('shop').set({ timezone: 'Asia/Tokyo' }).where('id', '=', shopId).execute()
  staff = await createStaff(app, shop)
  alice = await registerCustomer(app, shop, 'alice-report@example.com')
  bob = await registerCustomer(app, shop, 'bob-report@example.com')
  carol = await registerCustomer(app, shop, 'carol-report@example.com')
  const skus = [uniqueSku('A'), uniqueSku('B')]
  const product = await createProduct(app, staff, {
    variants: skus.map((sku) => ({ sku, price: '10.00', quantity: 50 })),
  })
  const rows = await app.db
    .selectFrom('product_variant')
    .select(['id', 'sku'])
    .where('product_id', '=', uuidOf(product.id))
    .execute()
  variants = skus.map((sku) => ({ id: rows.find((r) => r.sku === sku)!.id, sku }))
  const [a, b] = variants
  // Counted: PAID and FULFILLED. Not counted: pending, cancelled, refunded.
  await insertOrder(app, shopId, {
    customerId: alice.userId,
    status: 'PAID',
    placedAt: '2026-03-01T20:00:00Z',
    lines: [{ variantId: a.id, sku: a.sku, quantity: 2, unitPriceMinor: 1000 }],
  })
  await insertOrder(app, shopId, {
    customerId: bob.userId,
    status: 'FULFILLED',
    placedAt: '2026-03-01T10:00:00Z',
    lines: [{ variantId: b.id, sku: b.sku, quantity: 1, unitPriceMinor: 500 }],
  })
  await insertOrder(app, shopId, {
    customerId: bob.userId,
    status: 'PAID',
    placedAt: '2026-03-04T01:00:00Z',
    lines: [{ variantId: b.id, sku: b.sku, quantity: 5, unitPriceMinor: 500 }],
  })
  for (const status of ['PENDING_PAYMENT', 'CANCELLED', 'REFUNDED'] as const) {
    await insertOrder(app, shopId, {
      customerId: carol.userId,
      status,
      placedAt: '2026-03-02T03:00:00Z',
      lines: [{ variantId: a.id, sku: a.sku, quantity: 9, unitPriceMinor: 9900 }],
    })
  }
  // Recent ones for topCustomers (relative to now).
  await insertOrder(app, shopId, {
    customerId: alice.userId,
    status: 'PAID',
    placedAt: "now() - interval '2 days'",
    lines: [{ variantId: a.id, sku: a.sku, quantity: 1, unitPriceMinor: 3000 }],
  })
  await insertOrder(app, shopId, {
    customerId: bob.userId,
    status: 'FULFILLED',
    placedAt: "now() - interval '3 days'",
    lines: [{ variantId: b.id, sku: b.sku, quantity: 1, unitPriceMinor: 1000 }],
  })
  await insertOrder(app, shopId, {
    customerId: bob.userId,
    status: 'PAID',
    placedAt: "now() - interval '4 days'",
    lines: [{ variantId: b.id, sku: b.sku, quantity: 1, unitPriceMinor: 1000 }],
  })
  await insertOrder(app, shopId, {
    customerId: carol.userId,
    status: 'PAID',
    placedAt: "now() - interval '40 days'",
    lines: [{ variantId: a.id, sku: a.sku, quantity: 1, unitPriceMinor: 99900 }],
  })
  await insertOrder(app, shopId, {
    customerId: carol.userId,
    status: 'CANCELLED',
    placedAt: "now() - interval '1 day'",
    lines: [{ variantId: a.id, sku: a.sku, quantity: 1, unitPriceMinor: 99900 }],
  })
})
afterAll(() => app?.close())

const range = { from: '2026-03-01', to: '2026-03-05' }

describe('Shop.reports: who may read it', () => {
  it('answers UNAUTHENTICATED to an anonymous caller', async () => {
    const response = await app.gql(SalesByDayDocument, { shop, ...range })
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(response.body.data?.shop?.reports ?? null).toBeNull()
  })

  it('answers FORBIDDEN to a customer of the shop', async () => {
    const response = await app.gql(SalesByDayDocument, { shop, ...range }, { token: alice.accessToken })
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(response.body.data?.shop?.reports ?? null).toBeNull()
  })

  it('answers null to staff of another shop, without running a report', async () => {
    const other = await createShop(app)
    app.statements.reset()
    const response = await app.gql(SalesByDayDocument, { shop, ...range }, { token: other.admin.accessToken })
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data?.shop?.reports).toBeNull()
    expect(app.statements.sql.some((s) => s.includes('generate_series'))).toBe(false)
  })

  it('lets ADMIN read them as well as STAFF', async () => {
    const data = expectNoErrors(await app.gql(SalesByDayDocument, { shop, ...range }, { token: admin.accessToken }))
    expect(data.shop?.reports?.salesByDay).toHaveLength(5)
  })
})

describe('salesByDay', () => {
  it('counts PAID and FULFILLED orders per day of the shop time zone, with zeros for days without sales', async () => {
    const data = expectNoErrors(await app.gql(SalesByDayDocument, { shop, ...range }, { token: staff.accessToken }))
    expect(data.shop?.reports?.salesByDay).toEqual([
      { date: '2026-03-01', orders: 1, revenue: { amount: '5.00' } }, // bob 10:00Z = 19:00 Tokyo
      { date: '2026-03-02', orders: 1, revenue: { amount: '20.00' } }, // alice 20:00Z on the 1st = the 2nd in Tokyo
      { date: '2026-03-03', orders: 0, revenue: { amount: '0.00' } },
      { date: '2026-03-04', orders: 1, revenue: { amount: '25.00' } },
      { date: '2026-03-05', orders: 0, revenue: { amount: '0.00' } },
    ])
  })

  it('accepts a window of exactly 366 days', async () => {
    const data = expectNoErrors(
      await app.gql(SalesByDayDocument, { shop, from: '2024-01-01', to: '2024-12-31' }, { token: staff.accessToken }),
    )
    expect(data.shop?.reports?.salesByDay).toHaveLength(366)
  })

  it('refuses a window longer than 366 days with BAD_USER_INPUT', async () => {
    const response = await app.gql(
      SalesByDayDocument,
      { shop, from: '2025-01-01', to: '2026-01-02' },
      { token: staff.accessToken },
    )
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('refuses from after to with BAD_USER_INPUT', async () => {
    const response = await app.gql(
      SalesByDayDocument,
      { shop, from: '2026-03-05', to: '2026-03-01' },
      { token: staff.accessToken },
    )
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('refuses a date that is not on the calendar with BAD_USER_INPUT', async () => {
    for (const from of ['2026-02-30', '2026-3-1', '99999-01-01', '2026-03-01T00:00:00Z']) {
      const response = await app.gql(SalesByDayDocument, { shop, from, to: '2026-03-05' }, { token: staff.accessToken })
      expect(response.status).toBe(400)
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    }
  })
})

describe('topCustomers', () => {
  it('ranks customers by spend over the last 30 days, counting only PAID and FULFILLED orders', async () => {
    const data = expectNoErrors(await app.gql(TopCustomersDocument, { shop }, { token: staff.accessToken }))
    expect(data.shop?.reports?.topCustomers).toEqual([
      {
        customer: { id: alice.globalId },
        email: 'alice-report@example.com',
        orderCount: 1,
        totalSpent: { amount: '30.00' },
      },
      {
        customer: { id: bob.globalId },
        email: 'bob-report@example.com',
        orderCount: 2,
        totalSpent: { amount: '20.00' },
      },
    ])
  })

  it('widens the window with days', async () => {
    const data = expectNoErrors(
      await app.gql(TopCustomersDocument, { shop, days: 60, first: 1 }, { token: staff.accessToken }),
    )
    expect(data.shop?.reports?.topCustomers.map((c) => c.email)).toEqual(['carol-report@example.com'])
  })

  it('refuses days and first outside their ranges with BAD_USER_INPUT', async () => {
    for (const variables of [{ days: 0 }, { days: 367 }, { first: 0 }, { first: 101 }]) {
      const response = await app.gql(TopCustomersDocument, { shop, ...variables }, { token: staff.accessToken })
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    }
  })
})

describe('topVariants', () => {
  it('ranks variants by units sold in counted orders of the range', async () => {
    const data = expectNoErrors(await app.gql(TopVariantsDocument, { shop, ...range }, { token: staff.accessToken }))
    const [a, b] = variants
    expect(data.shop?.reports?.topVariants).toEqual([
      {
        variant: { id: `gid://shopfront/ProductVariant/${b.id}` },
        sku: b.sku,
        unitsSold: 6,
        revenue: { amount: '30.00' },
      },
      {
        variant: { id: `gid://shopfront/ProductVariant/${a.id}` },
        sku: a.sku,
        unitsSold: 2,
        revenue: { amount: '20.00' },
      },
    ])
  })

  it('refuses from after to with BAD_USER_INPUT', async () => {
    const response = await app.gql(
      TopVariantsDocument,
      { shop, from: '2026-03-02', to: '2026-03-01' },
      { token: staff.accessToken },
    )
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })
})

describe('statements', () => {
  it('runs one statement per report, and the same number for 1 or 100 rows', async () => {
    const counts: number[] = []
    for (const first of [1, 100]) {
      app.statements.reset()
      expectNoErrors(await app.gql(ReportsDocument, { shop, ...range, first }, { token: staff.accessToken }))
      counts.push(app.statements.sql.filter((s) => !s.includes('cost_bucket')).length)
    }
    // The shop by handle; topCustomers, salesByDay, topVariants; one batch each for their customers and variants.
    expect(counts).toEqual([6, 6])
  })
})
