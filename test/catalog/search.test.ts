import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ShopNameDocument } from '../generated/graphql.js'
import { ShopProductsDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { serverUrl } from '../support/database.js'
import { createShop, createStaff } from '../support/fixtures.js'
import { createProduct } from '../support/fixtures.js'

let app: TestApp
let shop: string

beforeAll(async () => {
  // One search at a time, with a short time budget: the tests below make searches wait on a lock.
  app = await startTestApp({ searchConcurrency: 2, searchStatementTimeoutMs: 300 })
  shop = (await createShop(app)).handle
  const staff = await createStaff(app, shop)
  await createProduct(app, staff, { title: 'Linen Shirt' })
})
afterAll(() => app?.close())

const search = (titleContains: string) => app.gql(ShopProductsDocument, { shop, first: 5, filter: { titleContains } })

describe('title search', () => {
  it('has a trigram index on product titles (pg_trgm loads on PostgreSQL and on the embedded PGlite)', async () => {
    // The planner picks it on large shops only (its GIN estimate loses to a scan on a small table),
    // so this checks that it exists, with the operator class that serves ILIKE '%...%'.
    const index = await sql<{ indexdef: string }>`
      SELECT indexdef FROM pg_indexes WHERE tablename = 'product' AND indexname = 'product_title_trgm_idx'
    `.execute(app.db)
    expect(index.rows[0]?.indexdef).toMatch(/USING gin \(title gin_trgm_ops\)/)
    const similarity = await sql<{ s: number }>`SELECT similarity('Linen Shirt', 'linen shirts') AS s`.execute(app.db)
    expect(similarity.rows[0].s).toBeGreaterThan(0.5)
  })

  it('finds products by part of their title', async () => {
    const products = expectNoErrors(await search('inen sh')).shop!.products
    expect(products.edges.map((e) => e.node.title)).toEqual(['Linen Shirt'])
    expect(products.totalCount).toBe(1)
  })
})

describe.skipIf(!serverUrl())('a search that cannot finish in time', () => {
  let locker: pg.Client

  beforeAll(async () => {
    locker = new pg.Client({ connectionString: app.database.url })
    await locker.connect()
  })
  afterAll(() => locker?.end())

  /** Holds ACCESS EXCLUSIVE on `product` until the returned function is called: every search waits on it. */
  async function lockProducts(): Promise<() => Promise<void>> {
    await locker.query('BEGIN')
    await locker.query('LOCK TABLE product IN ACCESS EXCLUSIVE MODE')
    return async () => {
      await locker.query('ROLLBACK')
    }
  }

  async function lockWaiters(): Promise<number> {
    const { rows } = await locker.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )
    return rows[0].n
  }

  it('answers BAD_USER_INPUT when its own statement timeout ends it, not a 500 after the pool-wide 5 s', async () => {
    const release = await lockProducts()
    try {
      const response = await search('shirt')
      expect(response.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: ['filter', 'titleContains'],
      })
      expect(response.body.errors?.[0]?.message).not.toMatch(/statement|timeout|cancel/i)
    } finally {
      await release()
    }
  })

  it('holds at most SEARCH_CONCURRENCY connections, so other requests are still served', async () => {
    const release = await lockProducts()
    let searches: Promise<unknown>[] = []
    try {
      app.statements.reset()
      // Twelve slow searches: without the cap they would take all ten pooled connections.
      searches = Array.from({ length: 12 }, () => search('shirt'))
      await vi.waitFor(
        () => {
          const charged = app.statements.sql.filter((s) => s.includes('cost_bucket')).length
          if (charged < 12) throw new Error(`${charged} of 12 searches started`)
        },
        { timeout: 5_000, interval: 10 },
      )
      await vi.waitFor(async () => expect(await lockWaiters()).toBe(2), { timeout: 5_000, interval: 10 })
      const other = await app.gql(ShopNameDocument, { handle: shop })
      expect(other.body.errors).toBeUndefined()
      expect(other.body.data?.shop?.name).toBe(`Shop ${shop}`)
      expect(await lockWaiters()).toBeLessThanOrEqual(2)
    } finally {
      await release()
      await Promise.allSettled(searches)
    }
  })
})
