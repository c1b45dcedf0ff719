import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CartLinesAddDocument, CheckoutCompleteDocument } from '../generated/graphql.js'
import { createProduct, uniqueSku, uuidOf } from '../support/fixtures.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'
import { until } from './support/process.js'

// Issue 10.5 and 9.3: one deadline (REQUEST_TIMEOUT_MS) per request covering queueing, execution
// and SQL; a typed 503 past it, its SQL cancelled; writes cannot take the whole pool.

const TIMEOUT_MS = 3_000
let app: TestApp
let shop: string
let staff: Account
let hot: string // the variant everybody wants, locked from outside in the test

beforeAll(async () => {
  app = await startTestApp({ requestTimeoutMs: TIMEOUT_MS })
  shop = (await createShop(app)).handle
  staff = await createStaff(app, shop)
  const sku = uniqueSku()
  const product = await createProduct(app, staff, { variants: [{ sku, price: '10.00', quantity: 1000 }] })
  const row = await app.db
    .selectFrom('product_variant')
    .select('id')
    .where('product_id', '=', uuidOf(product.id))
    .executeTakeFirstOrThrow()
  hot = `gid://shopfront/ProductVariant/${row.id}`
})
afterAll(() => app?.close())

async function customers(count: number): Promise<Account[]> {
  return Promise.all(Array.from({ length: count }, () => registerCustomer(app, shop)))
}

async function lockHotVariant(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: app.config.databaseUrl! })
  await client.connect()
  await client.query('BEGIN')
  await client.query('SELECT 1 FROM product_variant WHERE id = $1 FOR UPDATE', [uuidOf(hot)])
  return client
}

/** App backends of this test's database waiting on a lock right now. */
async function waitingOnLocks(): Promise<number> {
  const client = new pg.Client({ connectionString: app.config.databaseUrl! })
  await client.connect()
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'shopfront' AND wait_event_type = 'Lock'`,
    )
    return rows[0].n
  } finally {
    await client.end()
  }
}

const READ = `query Read($handle: String!) { shop(handle: $handle) { name products(first: 5) { nodes { title } } } }`

describe('the request deadline under a held row lock', () => {
  it('answers blocked checkouts and cart writes a typed 503 at the deadline, cancels their SQL, and keeps serving reads meanwhile', async () => {
    const buyers = await customers(20)
    for (const buyer of buyers) {
      const added = expectNoErrors(
        await app.gql(
          CartLinesAddDocument,
          { input: { lines: [{ variantId: hot, quantity: 1 }] } },
          { token: buyer.accessToken },
        ),
      )
      expect(added.cartLinesAdd.userErrors).toEqual([])
    }
    const writers = await customers(10)
    const lock = await lockHotVariant()
    try {
      const started = Date.now()
      const writes = [
        ...buyers.map((buyer, i) =>
          app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: `held-${i}` } }, { token: buyer.accessToken }),
        ),
        // Their foreign-key check waits on the locked row: no bulkhead of their own.
        ...writers.map((writer) =>
          app.gql(
            CartLinesAddDocument,
            { input: { lines: [{ variantId: hot, quantity: 1 }] } },
            { token: writer.accessToken },
          ),
        ),
      ]
      // The writes now hold their whole share of the pool, waiting on the lock...
      await until(async () => (await waitingOnLocks()) >= 7, 2_500, 'writes to hold their share of the pool')
      // ...and reads still get connections: 20 at once, every one answered with data.
      const reads = await Promise.all(
        Array.from({ length: 20 }, () => app.post({ query: READ, variables: { handle: shop } })),
      )
      for (const read of reads) {
        expect(read.status).toBe(200)
        expect(JSON.parse(read.text).errors).toBeUndefined()
      }

      const answers = await Promise.all(writes)
      const elapsed = Date.now() - started
      for (const answer of answers) {
        expect(answer.status).toBe(503)
        expect(answer.body.errors).toEqual([
          { message: `The request did not complete within ${TIMEOUT_MS} ms`, extensions: { code: 'REQUEST_TIMEOUT' } },
        ])
      }
      // Bounded by the deadline (not by the 5 s statement timeout plus the queue behind it).
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_500)
      // Their statements were cancelled: none still waits on the lock that is still held.
      await until(async () => (await waitingOnLocks()) === 0, 1_000, 'the abandoned statements to be cancelled')
    } finally {
      await lock.query('ROLLBACK')
      await lock.end()
    }
    // Nothing of the timed-out checkouts committed, and the pool and bulkheads are whole again.
    expect(await app.db.selectFrom('order').select('id').execute()).toHaveLength(0)
    const placed = expectNoErrors(
      await app.gql(CheckoutCompleteDocument, { input: { idempotencyKey: 'after' } }, { token: buyers[0].accessToken }),
    )
    expect(placed.checkoutComplete.userErrors).toEqual([])
    expect(placed.checkoutComplete.order).not.toBeNull()
  })
})
