/**
 * Reports benchmark: `npm run bench:reports`. Starts Shopfront in-process on a throwaway database (like the tests:
 * a clone of a migrated template on TEST_DATABASE_URL / DATABASE_URL, else an in-memory PGlite), seeds one shop with
 * BENCH_ORDERS orders (default 1,000,000) spread over the last 365 days with generate_series, then asks each staff
 * report over HTTP BENCH_REPORT_RUNS times (default 20) and prints its latency, and EXPLAIN (ANALYZE, BUFFERS) of
 * its one statement, so the plan shows which index it used. Nothing is written to the database the URL names.
 */
import { CompiledQuery, type Kysely } from 'kysely'
import { openDatabase } from '../db/client.js'
import type { DB } from '../db/types.js'
import { loadConfig } from '../src/config.js'
import * as reports from '../src/modules/reports/reports.repository.js'
import type { ShopRow } from '../src/shared/rows.js'
import { startTestApp } from '../test/support/app.js'
import { serverUrl } from '../test/support/database.js'
import { createShop, createStaff } from '../test/support/fixtures.js'
import setupTemplate from '../test/support/global-setup.js'
import { percentile } from './load.js'
import { intEnv } from './env.js'

const ORDERS = intEnv('BENCH_ORDERS', 1_000_000, 1, 10_000_000)
const CUSTOMERS = intEnv('BENCH_CUSTOMERS', 10_000, 1, 1_000_000)
const VARIANTS = 500
const RUNS = intEnv('BENCH_REPORT_RUNS', 20, 1, 1000)

/** Customers, a product with VARIANTS variants, and ORDERS orders (1 or 2 lines) in set-based SQL statements. */
async function seedOrders(db: Kysely<DB>, shopId: string): Promise<void> {
  const run = (text: string) => db.executeQuery(CompiledQuery.raw(text, []))
  await run(`
    INSERT INTO "user" (shop_id, email, password_hash, role, display_name)
    SELECT '${shopId}', 'customer-' || i || '@bench.test', '!bench', 'CUSTOMER', 'Customer ' || i
    FROM generate_series(1, ${CUSTOMERS}) AS i`)
  await run(`
    INSERT INTO product (shop_id, handle, title, status, min_price_minor, max_price_minor)
    VALUES ('${shopId}', 'bench-report-product', 'Bench product', 'ACTIVE', 100, ${100 * VARIANTS})`)
  await run(`
    INSERT INTO product_variant (shop_id, product_id, sku, title, price_minor, stock, position, options)
    SELECT '${shopId}', p.id, 'RPT-' || i, 'Variant ' || i, 100 * i, 1000, i, '[]'
    FROM generate_series(1, ${VARIANTS}) AS i, product p WHERE p.shop_id = '${shopId}' AND p.handle = 'bench-report-product'`)
  // Statuses: 45% PAID, 30% FULFILLED (counted), 15% pending, 7% cancelled, 3% refunded; placed over 365 days.
  // Order i has 1 + i % 2 lines; line n is variant 1 + (31 i + 17 n) % VARIANTS (price 100 x position) times
  // 1 + (i + n) % 3: the total is computed here from the same formula, so no UPDATE pass is needed.
  const line = (alias: string) => ({
    position: `1 + ((${alias}.i::bigint * 31 + n * 17) % ${VARIANTS})::int`,
    quantity: `1 + (${alias}.i + n) % 3`,
  })
  const g = line('g')
  await run(`
    INSERT INTO "order" (shop_id, number, customer_id, status, currency_code, tax_rate_bps, subtotal_minor, tax_minor,
                         total_minor, placed_at)
    SELECT '${shopId}', g.i, c.ids[1 + ((g.i::bigint * 7919) % ${CUSTOMERS})::int],
           CASE WHEN g.i % 100 < 45 THEN 'PAID' WHEN g.i % 100 < 75 THEN 'FULFILLED' WHEN g.i % 100 < 90 THEN 'PENDING_PAYMENT'
                WHEN g.i % 100 < 97 THEN 'CANCELLED' ELSE 'REFUNDED' END,
           'USD', 0, t.total, 0, t.total, now() - (g.i::double precision / ${ORDERS}) * interval '365 days'
    FROM generate_series(1, ${ORDERS}) AS g(i)
    CROSS JOIN (SELECT array_agg(id ORDER BY email) AS ids FROM "user" WHERE shop_id = '${shopId}' AND role = 'CUSTOMER') c
    CROSS JOIN LATERAL (
      SELECT sum(100 * (${g.position}) * (${g.quantity}))::bigint AS total FROM generate_series(1, 1 + g.i % 2) AS n
    ) t`)
  const o = line('o')
  await run(`
    INSERT INTO order_line (shop_id, order_id, position, variant_id, product_id, title, sku, unit_price_minor, quantity,
                            line_total_minor)
    SELECT o.shop_id, o.id, n, v.id, v.product_id, v.title, v.sku, v.price_minor, ${o.quantity},
           v.price_minor * (${o.quantity})
    FROM (SELECT id, shop_id, number AS i FROM "order" WHERE shop_id = '${shopId}') o
    CROSS JOIN LATERAL generate_series(1, 1 + o.i % 2) AS n
    JOIN product_variant v ON v.shop_id = o.shop_id AND v.position = ${o.position}`)
  await run('VACUUM ANALYZE "order"')
  await run('VACUUM ANALYZE order_line')
  await run('VACUUM ANALYZE "user"')
}

interface Report {
  name: string
  query: string
  variables: Record<string, unknown>
  /** Runs the report's repository function (for EXPLAIN). */
  direct: (db: Kysely<DB>, shop: ShopRow) => Promise<unknown>
}

function day(offset: number): string {
  return new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10)
}

const REPORTS: Report[] = [
  {
    name: 'topCustomers(days: 30, first: 10)',
    query: `query($shop: String!) { shop(handle: $shop) { reports { topCustomers(days: 30, first: 10) { email orderCount totalSpent { amount } } } } }`,
    variables: {},
    direct: (db, shop) => reports.findTopCustomers(db, shop, { days: 30, first: 10 }),
  },
  {
    name: 'topCustomers(days: 366, first: 10)',
    query: `query($shop: String!) { shop(handle: $shop) { reports { topCustomers(days: 366, first: 10) { email orderCount totalSpent { amount } } } } }`,
    variables: {},
    direct: (db, shop) => reports.findTopCustomers(db, shop, { days: 366, first: 10 }),
  },
  {
    name: 'salesByDay(30 days)',
    query: `query($shop: String!, $from: Date!, $to: Date!) { shop(handle: $shop) { reports { salesByDay(from: $from, to: $to) { date orders revenue { amount } } } } }`,
    variables: { from: day(-29), to: day(0) },
    direct: (db, shop) => reports.findSalesByDay(db, shop, { from: day(-29), to: day(0) }),
  },
  {
    name: 'salesByDay(366 days)',
    query: `query($shop: String!, $from: Date!, $to: Date!) { shop(handle: $shop) { reports { salesByDay(from: $from, to: $to) { date orders revenue { amount } } } } }`,
    variables: { from: day(-365), to: day(0) },
    direct: (db, shop) => reports.findSalesByDay(db, shop, { from: day(-365), to: day(0) }),
  },
  {
    name: 'topVariants(30 days, first: 10)',
    query: `query($shop: String!, $from: Date!, $to: Date!) { shop(handle: $shop) { reports { topVariants(from: $from, to: $to, first: 10) { sku unitsSold revenue { amount } } } } }`,
    variables: { from: day(-29), to: day(0) },
    direct: (db, shop) => reports.findTopVariants(db, shop, { from: day(-29), to: day(0), first: 10 }),
  },
  {
    name: 'topVariants(366 days, first: 10)',
    query: `query($shop: String!, $from: Date!, $to: Date!) { shop(handle: $shop) { reports { topVariants(from: $from, to: $to, first: 10) { sku unitsSold revenue { amount } } } } }`,
    variables: { from: day(-365), to: day(0) },
    direct: (db, shop) => reports.findTopVariants(db, shop, { from: day(-365), to: day(0), first: 10 }),
  },
]

async function main(): Promise<void> {
  const server = serverUrl()
  const database = server ? `PostgreSQL (${new URL(server).host})` : 'embedded PGlite (one connection)'
  const dropTemplate = await setupTemplate()
  const defaults = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'x'.repeat(32),
    DATABASE_URL: 'postgres://unused/unused',
  }).limits
  // A report over a year of a million orders may take longer than the default 5 s statement timeout on a busy machine.
  const app = await startTestApp({
    limits: { ...defaults, costBucketCapacity: 100_000_000, costLeakPerSecond: 10_000_000 },
  })
  // Seeding and EXPLAIN run on a connection of their own without the app's statement timeout.
  const probe = openDatabase({ url: app.config.databaseUrl!, max: 1, statementTimeoutMs: 0 })
  try {
    const created = await createShop(app)
    const staff = await createStaff(app, created.handle)
    const seedStart = Date.now()
    await seedOrders(probe.db, created.admin.shopId)
    const shop = await probe.db
      .selectFrom('shop')
      .selectAll()
      .where('id', '=', created.admin.shopId)
      .executeTakeFirstOrThrow()
    console.log(
      `Reports bench on ${database}; ${ORDERS} orders, ${CUSTOMERS} customers, ${VARIANTS} variants (seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s)`,
    )

    const rows: string[] = ['| report | runs | p50 ms | p95 ms | max ms | SQL/request |', '|:--|--:|--:|--:|--:|--:|']
    const plans: string[] = []
    for (const report of REPORTS) {
      const send = () =>
        fetch(app.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${staff.accessToken}` },
          body: JSON.stringify({ query: report.query, variables: { shop: created.handle, ...report.variables } }),
        })
      const warm = await (await send()).json()
      if (warm.errors) throw new Error(`${report.name}: ${JSON.stringify(warm.errors)}`)
      const latencies: number[] = []
      app.statements.reset()
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now()
        const response = await send()
        await response.text()
        latencies.push(performance.now() - start)
      }
      const statements = app.statements.count / RUNS
      const sorted = latencies.sort((a, b) => a - b)
      const ms = (v: number) => v.toFixed(1)
      rows.push(
        `| ${report.name} | ${RUNS} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(sorted[sorted.length - 1])} | ${statements.toFixed(1)} |`,
      )

      // Capture the report's one statement with its parameters, then EXPLAIN it.
      let captured: CompiledQuery | undefined
      const capture = openDatabase({
        url: app.config.databaseUrl!,
        max: 1,
        statementTimeoutMs: 0,
        onQuery: (e) => (captured = e.query),
      })
      try {
        await report.direct(capture.db, shop)
      } finally {
        await capture.close()
      }
      const plan = await probe.db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${captured!.sql}`, [...captured!.parameters]),
      )
      plans.push(`-- ${report.name}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`)
    }
    console.log(
      '\n' +
        rows.join('\n') +
        '\n\n(SQL/request counts every statement of the request: the shop by handle, the cost-budget charge, the report.)\n',
    )
    console.log(plans.join('\n\n'))
  } finally {
    await probe.close()
    await app.close()
    await dropTemplate()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
