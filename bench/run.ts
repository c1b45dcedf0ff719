/**
 * Load benchmark: `npm run bench`. Starts Shopfront in-process on a fresh database exactly like the tests
 * (TEST_DATABASE_URL / DATABASE_URL when set, else embedded PGlite), seeds one shop, then drives each scenario
 * with a bounded closed-loop load generator over 127.0.0.1. Prints a table and writes bench/results/latest.json.
 *
 * Knobs (environment): BENCH_VUS (10), BENCH_DURATION_SECONDS (10), BENCH_MAX_REQUESTS (2000),
 * BENCH_SCENARIOS (comma-separated names; all by default).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig, type Limits } from '../src/config.js'
import { createComment, createPost } from '../test/blog/support.js'
import { ReviewCreateDocument } from '../test/generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../test/support/app.js'
import { createProduct, uniqueSku } from '../test/support/fixtures.js'
import { serverUrl } from '../test/support/database.js'
import { createShop, createStaff, registerCustomer, type Account } from '../test/support/fixtures.js'
import setupTemplate from '../test/support/global-setup.js'
import { percentile, runLoad, type Scenario } from './load.js'
import { intEnv } from './env.js'

const PRODUCTS = 50
const REVIEWERS = 8
const POSTS = 20
const COMMENTS_PER_POST = 5

const VUS = intEnv('BENCH_VUS', 10, 1, 200)
const DURATION_SECONDS = intEnv('BENCH_DURATION_SECONDS', 10, 1, 600)
const MAX_REQUESTS = intEnv('BENCH_MAX_REQUESTS', 2000, 1, 1_000_000)

/**
 * The per-caller cost budget and the sign-up limit exist to throttle exactly this kind of traffic (every virtual
 * user comes from 127.0.0.1): the bench app raises them so it measures the API, not the throttle.
 */
function benchLimits(): Limits {
  const defaults = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'x'.repeat(32),
    DATABASE_URL: 'postgres://unused/unused',
  }).limits
  return {
    ...defaults,
    costBucketCapacity: 100_000_000,
    costLeakPerSecond: 10_000_000,
    signupsPerAddress: 10_000_000,
  }
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inBatches<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += concurrency) {
    results.push(...(await Promise.all(items.slice(i, i + concurrency).map((item, j) => work(item, i + j)))))
  }
  return results
}

interface World {
  shop: string
  staff: Account
  productHandles: string[]
  variantIds: string[]
  buyers: Account[]
}

const ADJECTIVES = ['Linen', 'Wool', 'Cotton', 'Silk', 'Denim', 'Canvas', 'Leather', 'Cashmere', 'Hemp', 'Velvet']
const NOUNS = ['Shirt', 'Scarf', 'Jacket', 'Tote', 'Cap']

async function seed(app: TestApp): Promise<World> {
  const { handle: shop } = await createShop(app, `bench-${randomBytes(3).toString('hex')}`)
  const staff = await createStaff(app, shop)

  const products = await inBatches(
    Array.from({ length: PRODUCTS }, (_, i) => i),
    5,
    (i) =>
      createProduct(app, staff, {
        title: `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]} ${i + 1}`,
        description: 'A benchmark product with a few sizes.',
        variants: ['S', 'M', 'L'].map((size, v) => ({
          sku: uniqueSku('BENCH'),
          price: `${10 + i}.${v}9`,
          quantity: 1_000_000_000,
          selectedOptions: [{ name: 'Size', value: size }],
        })),
      }),
  )
  const productHandles = products.map((p) => p.handle)
  const variantIds = products.flatMap((p) => p.variants.map((v) => v.id))

  const reviewers = await inBatches(Array.from({ length: REVIEWERS }), 4, () => registerCustomer(app, shop))
  await inBatches(
    reviewers.flatMap((reviewer, r) =>
      products.map((product, p) => ({ reviewer, product, rating: ((r + p) % 5) + 1 })),
    ),
    10,
    async ({ reviewer, product, rating }) => {
      const payload = expectNoErrors(
        await app.gql(
          ReviewCreateDocument,
          {
            input: { productId: product.id, rating, title: `Rated ${rating}`, body: 'Fits as expected; washed well.' },
          },
          { token: reviewer.accessToken },
        ),
      ).reviewCreate
      if (payload.userErrors.length) throw new Error(`reviewCreate failed: ${JSON.stringify(payload.userErrors)}`)
    },
  )

  const posts = await inBatches(
    Array.from({ length: POSTS }, (_, i) => i),
    5,
    (i) =>
      createPost(
        app,
        reviewers[i % reviewers.length],
        { title: `Care guide ${i + 1}`, body: 'Some words about fabric. '.repeat(40) },
        true,
      ),
  )
  await inBatches(
    posts.flatMap((post, p) =>
      Array.from({ length: COMMENTS_PER_POST }, (_, c) => ({
        post,
        commenter: reviewers[(p + c + 1) % reviewers.length],
      })),
    ),
    10,
    ({ post, commenter }) => createComment(app, commenter, post.id, 'Thanks, useful.'),
  )

  // One customer per virtual user, so carts never collide.
  const buyers = await inBatches(Array.from({ length: VUS }), 4, () => registerCustomer(app, shop))
  return { shop, staff, productHandles, variantIds, buyers }
}

const BROWSE = `query Browse($shop: String!) {
  shop(handle: $shop) { products(first: 20) { nodes { title variants { price { amount } } rating { average } } } }
}`

const PRODUCT_PAGE = `query ProductPage($shop: String!, $product: String!) {
  shop(handle: $shop) {
    product(handle: $product) {
      title description
      variants { sku title price { amount currencyCode } availableForSale }
      rating { average count }
      reviews(first: 10) { totalCount nodes { rating title body verifiedPurchase createdAt author { displayName } } }
    }
  }
}`

const CART_ADD = `mutation CartAdd($input: CartLinesAddInput!) {
  cartLinesAdd(input: $input) { cart { id subtotal { amount } total { amount } } userErrors { code field message } }
}`

const CHECKOUT = `mutation Checkout($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) { order { id number status total { amount } } userErrors { code field message } }
}`

const BLOG_FEED = `query BlogFeed($shop: String!) {
  shop(handle: $shop) {
    posts(first: 20) {
      nodes {
        title excerpt publishedAt likeCount author { displayName }
        comments(first: 10) { totalCount nodes { body createdAt author { displayName } } }
      }
    }
  }
}`

function scenarios(world: World): Scenario[] {
  return [
    {
      name: 'browse',
      describe: 'anonymous: 20 products with variants, prices and rating',
      next: () => [{ query: BROWSE, variables: { shop: world.shop } }],
    },
    {
      name: 'product',
      describe: 'anonymous: one product by handle with variants and 10 reviews',
      next: (vu, i) => [
        {
          query: PRODUCT_PAGE,
          variables: { shop: world.shop, product: world.productHandles[(vu * 7 + i) % world.productHandles.length] },
        },
      ],
    },
    {
      name: 'checkout',
      describe: 'signed in, one customer per VU: cartLinesAdd then checkoutComplete (2 requests per iteration)',
      next: (vu, i) => {
        const token = world.buyers[vu].accessToken
        const variantId = world.variantIds[(vu * 13 + i) % world.variantIds.length]
        return [
          { query: CART_ADD, variables: { input: { lines: [{ variantId, quantity: 1 }] } }, token },
          { query: CHECKOUT, variables: { input: { idempotencyKey: `bench-${vu}-${i}-${randomUUID()}` } }, token },
        ]
      },
    },
    {
      name: 'blog',
      describe: 'anonymous: 20 published posts with author and 10 comments each',
      next: () => [{ query: BLOG_FEED, variables: { shop: world.shop } }],
    },
  ]
}

interface ScenarioReport {
  scenario: string
  describe: string
  requests: number
  errors: number
  errorsByCode: Record<string, number>
  throughputPerSecond: number
  latencyMs: { p50: number; p95: number; p99: number; max: number }
  sqlStatementsPerRequest: number
  elapsedSeconds: number
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

function table(rows: ScenarioReport[]): string {
  const header = ['scenario', 'requests', 'errors', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'SQL/req']
  const body = rows.map((r) => [
    r.scenario,
    String(r.requests),
    String(r.errors),
    r.throughputPerSecond.toFixed(1),
    r.latencyMs.p50.toFixed(1),
    r.latencyMs.p95.toFixed(1),
    r.latencyMs.p99.toFixed(1),
    r.latencyMs.max.toFixed(1),
    r.sqlStatementsPerRequest.toFixed(1),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)))
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |'
  return [
    line(header),
    '|' + widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|') + '|',
    ...body.map(line),
  ].join('\n')
}

async function main(): Promise<void> {
  const server = serverUrl()
  const database = server ? `PostgreSQL (${new URL(server).host})` : 'embedded PGlite (one connection)'
  const only = process.env.BENCH_SCENARIOS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)

  // On a PostgreSQL server, test apps clone a migrated template that the test run's global setup creates.
  const dropTemplate = await setupTemplate()
  const limits = benchLimits()
  const app = await startTestApp({ limits })
  try {
    console.log(`Shopfront bench on ${database}; ${os.cpus().length} CPUs; Node ${process.version}`)
    console.log(
      `Limits raised for the bench app (every VU is 127.0.0.1): costBucketCapacity=${limits.costBucketCapacity}, ` +
        `costLeakPerSecond=${limits.costLeakPerSecond}, signupsPerAddress=${limits.signupsPerAddress}`,
    )
    const seedStart = Date.now()
    const world = await seed(app)
    console.log(
      `Seeded shop ${world.shop}: ${PRODUCTS} products x 3 variants, ${REVIEWERS * PRODUCTS} reviews, ${POSTS} posts x ` +
        `${COMMENTS_PER_POST} comments, ${REVIEWERS + VUS} customers + 1 staff (${((Date.now() - seedStart) / 1000).toFixed(1)} s)`,
    )
    console.log(
      `Load: ${VUS} virtual users, closed loop, ${DURATION_SECONDS} s or ${MAX_REQUESTS} requests per scenario, whichever first\n`,
    )

    const reports: ScenarioReport[] = []
    for (const scenario of scenarios(world)) {
      if (only && !only.includes(scenario.name)) continue
      const options = { url: app.url, virtualUsers: VUS, requestTimeoutMs: 30_000 }
      // Warm-up (not measured): a few iterations per VU, so JIT, pool and plan caches are not in the numbers.
      await runLoad(scenario, { ...options, durationMs: 5_000, maxRequests: VUS * 4 })
      app.statements.reset()
      const result = await runLoad(scenario, {
        ...options,
        durationMs: DURATION_SECONDS * 1000,
        maxRequests: MAX_REQUESTS,
      })
      const statements = app.statements.count
      app.statements.reset()
      const sorted = [...result.latencies].sort((a, b) => a - b)
      const report: ScenarioReport = {
        scenario: scenario.name,
        describe: scenario.describe,
        requests: result.requests,
        errors: result.errorCount,
        errorsByCode: result.errors,
        throughputPerSecond: round(result.requests / (result.elapsedMs / 1000)),
        latencyMs: {
          p50: round(percentile(sorted, 50)),
          p95: round(percentile(sorted, 95)),
          p99: round(percentile(sorted, 99)),
          max: round(sorted[sorted.length - 1] ?? 0),
        },
        sqlStatementsPerRequest: round(result.requests ? statements / result.requests : 0),
        elapsedSeconds: round(result.elapsedMs / 1000, 2),
      }
      reports.push(report)
      const codes = Object.entries(result.errors)
        .map(([code, n]) => `${code}=${n}`)
        .join(', ')
      console.log(`${scenario.name}: ${scenario.describe}${codes ? `; errors by code: ${codes}` : ''}`)
    }

    console.log('\n' + table(reports))
    const output = {
      date: new Date().toISOString(),
      database,
      node: process.version,
      cpus: os.cpus().length,
      virtualUsers: VUS,
      durationSeconds: DURATION_SECONDS,
      maxRequests: MAX_REQUESTS,
      raisedLimits: {
        costBucketCapacity: limits.costBucketCapacity,
        costLeakPerSecond: limits.costLeakPerSecond,
        signupsPerAddress: limits.signupsPerAddress,
      },
      scenarios: reports,
    }
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(output, null, 2) + '\n')
    console.log(`\nWrote ${path.relative(process.cwd(), path.join(dir, 'latest.json'))}`)
  } finally {
    await app.close()
    await dropTemplate()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
