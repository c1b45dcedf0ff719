import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { DataExportDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'
import { leaveFootprint } from './support.js'

let app: TestApp
let shop: string
let staff: Account
let customer: Account
let document: Record<string, any>

beforeAll(async () => {
  app = await startTestApp()
  shop = (await createShop(app)).handle
  staff = await createStaff(app, shop)
  customer = await registerCustomer(app, shop, 'exporter@example.com')
  await leaveFootprint(app, shop, staff, customer)
  // Someone else's data in the same shop, on the same post.
  const other = await registerCustomer(app, shop, 'someone-else@example.com')
  await leaveFootprint(app, shop, staff, other)
  const data = expectNoErrors(await app.gql(DataExportDocument, {}, { token: customer.accessToken }))
  document = data.viewer!.dataExport.document as Record<string, any>
})
afterAll(() => app?.close())

describe('Viewer.dataExport', () => {
  it('is not reachable without a token: there is no viewer', async () => {
    const data = expectNoErrors(await app.gql(DataExportDocument, {}))
    expect(data.viewer).toBeNull()
  })

  it('holds the profile', () => {
    expect(document.profile).toMatchObject({ email: 'exporter@example.com', displayName: 'Customer', role: 'CUSTOMER' })
    expect(document.shop.handle).toBe(shop)
  })

  it('holds the orders with their lines, and the cart', () => {
    expect(document.orders).toHaveLength(1)
    expect(document.orders[0]).toMatchObject({
      status: 'PENDING_PAYMENT',
      totalMinor: '2400',
      lines: [{ quantity: 2, unitPriceMinor: '1200' }],
    })
    expect(document.cart).toHaveLength(1)
  })

  it('holds the reviews, posts, comments and likes of the viewer only', () => {
    expect(document.reviews.map((r: any) => r.title)).toEqual(['Holds coffee'])
    expect(document.posts.map((p: any) => p.title)).toEqual(['My mug story'])
    expect(document.comments.map((c: any) => c.body)).toEqual(['Replying to myself.'])
    expect(document.likes).toHaveLength(1)
    expect(JSON.stringify(document)).not.toContain('someone-else@example.com')
  })

  it('lists sessions by dates only, never a token or password hash', async () => {
    expect(document.sessions.length).toBeGreaterThanOrEqual(1)
    expect(Object.keys(document.sessions[0]).sort()).toEqual(['createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'])
    const hashes = await app.db
      .selectFrom('refresh_token')
      .select('token_hash')
      .where('user_id', '=', customer.userId)
      .execute()
    const text = JSON.stringify(document)
    for (const { token_hash } of hashes) {
      expect(text).not.toContain(token_hash.toString('hex'))
      expect(text).not.toContain(token_hash.toString('base64'))
    }
    expect(text).not.toContain('$argon2')
  })

  it('holds the audit events by or about the viewer', () => {
    expect(document.auditEvents.map((e: any) => e.action)).toContain('order.placed')
  })

  it('says it is complete when no list reached its cap', async () => {
    const data = expectNoErrors(await app.gql(DataExportDocument, {}, { token: customer.accessToken }))
    expect(data.viewer?.dataExport.truncated).toEqual([])
    expect(document.truncated).toEqual([])
  })

  it('caps each list and names the ones it cut', async () => {
    const prolific = await registerCustomer(app, shop)
    await sql`
      INSERT INTO post (shop_id, author_id, handle, title, body)
      SELECT ${prolific.shopId}, ${prolific.userId}, 'p-' || ${prolific.userId.slice(0, 8)} || '-' || i, 'Post ' || i, 'x'
      FROM generate_series(1, 51) AS i`.execute(app.db)
    const data = expectNoErrors(await app.gql(DataExportDocument, {}, { token: prolific.accessToken }))
    expect(data.viewer?.dataExport.truncated).toEqual(['posts'])
    expect((data.viewer?.dataExport.document as any).posts).toHaveLength(50)
  })

  it('is built by one statement, whatever the account holds', async () => {
    app.statements.reset()
    expectNoErrors(await app.gql(DataExportDocument, {}, { token: customer.accessToken }))
    const exports = app.statements.sql.filter((s) => s.includes('json_build_object'))
    expect(exports).toHaveLength(1)
    // The viewer's user row (Query.viewer), the operation's and the export's cost charges, the export.
    expect(app.statements.count).toBe(4)
  })
})

describe('Viewer.dataExport cost', () => {
  let small: TestApp
  beforeAll(async () => {
    const defaults = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://unused/db',
      JWT_SECRET: 'k'.repeat(32),
    }).limits
    small = await startTestApp({ limits: { ...defaults, costBucketCapacity: 5000, costLeakPerSecond: 1 } })
  })
  afterAll(() => small?.close())

  it('charges 1,000 points per export: the fifth within the budget is THROTTLED', async () => {
    const handle = (await createShop(small)).handle
    const account = await registerCustomer(small, handle)
    for (let i = 0; i < 4; i++) expectNoErrors(await small.gql(DataExportDocument, {}, { token: account.accessToken }))
    const fifth = await small.gql(DataExportDocument, {}, { token: account.accessToken })
    expect(fifth.body.errors?.[0]?.extensions?.code).toBe('THROTTLED')
  })

  it('charges the same in-memory budget as every operation when the budget settles in batches', async () => {
    const defaults = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://unused/db',
      JWT_SECRET: 'k'.repeat(32),
    }).limits
    // No settlement during the test: what this process admits is what its memory holds.
    const batched = await startTestApp({
      limits: { ...defaults, costBucketCapacity: 5000, costLeakPerSecond: 1, costSettleMs: 3_600_000 },
    })
    try {
      const handle = (await createShop(batched)).handle
      const account = await registerCustomer(batched, handle)
      for (let i = 0; i < 3; i++) {
        expectNoErrors(await batched.gql(DataExportDocument, {}, { token: account.accessToken }))
      }
      // About 2,000 points (20 products, each with its variants priced at their bound of 100): it fits
      // what the operations alone spent, not what the three exports' extra 3,000 points left. The
      // process knows of those only if they were charged to its in-memory budget: no settlement ran.
      const listing = `query($shop: String!) { shop(handle: $shop) { products(first: 20) { nodes { variants { sku } } } } }`
      const response = await batched.post(
        { query: listing, variables: { shop: handle } },
        { token: account.accessToken },
      )
      const body = JSON.parse(response.text) as { errors?: { extensions?: { code?: string } }[]; extensions?: any }
      expect(body.extensions?.cost?.requested).toBeGreaterThan(1000)
      expect(body.errors?.[0]?.extensions?.code).toBe('THROTTLED')
    } finally {
      await batched.close()
    }
  })
})
