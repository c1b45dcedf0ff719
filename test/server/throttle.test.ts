import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { ShopNameDocument, ThrottleProductsDocument, UserRegisterDocument } from '../generated/graphql.js'
import {
  expectNoErrors,
  startTestApp,
  type GraphQLResponse,
  type RequestOptions,
  type TestApp,
} from '../support/app.js'
import { PASSWORD, createShop, registerCustomer, type Account } from '../support/fixtures.js'

// A small bucket that leaks slowly: 500 points, 1 point per second. Nothing leaks noticeably while
// a test runs; leaking is simulated by moving a bucket's timestamp back in the database.
const CAPACITY = 500
const RESTORE_RATE = 1
/** ThrottleProducts with first: 100 costs 3 + 2 × 100: two fit in the bucket, the third does not. */
const HEAVY = 203

let app: TestApp
let handle: string

beforeAll(async () => {
  const defaults = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused/db',
    JWT_SECRET: 's'.repeat(32),
  }).limits
  app = await startTestApp({
    limits: { ...defaults, cost: CAPACITY, costBucketCapacity: CAPACITY, costLeakPerSecond: RESTORE_RATE },
  })
  handle = (await createShop(app)).handle
})
afterAll(() => app?.close())

const products = (first: number, options: RequestOptions = {}) =>
  app.gql(ThrottleProductsDocument, { handle, first }, options)
const asUser = (account: Account): RequestOptions => ({ token: account.accessToken })
const fromAddress = (address: string): RequestOptions => ({ headers: { 'x-forwarded-for': address } })

// The bucket leaks for real too, if only by a point per second: `slack()` is the most it can have
// leaked since the test began, so exact expectations hold however slowly the machine runs.
let started = 0
beforeEach(() => {
  started = Date.now()
})
const slack = () => Math.floor(((Date.now() - started) / 1000) * RESTORE_RATE)

/** Expects `actual` to be `expected` give or take what has leaked (`direction` 1: more room, -1: a shorter wait). */
function expectAbout(actual: number, expected: number, direction: 1 | -1 = 1): void {
  const bound = expected + direction * (slack() + (direction === -1 ? 1 : 0))
  expect(actual).toBeGreaterThanOrEqual(Math.min(expected, bound))
  expect(actual).toBeLessThanOrEqual(Math.max(expected, bound))
}

/** Pretends `seconds` have passed for a bucket, as far as its leak is concerned. */
async function leak(key: string, seconds: number): Promise<void> {
  await sql`UPDATE cost_bucket SET updated_at = updated_at - make_interval(secs => ${seconds}) WHERE key = ${key}`.execute(
    app.db,
  )
}

describe('API cost budget (leaky bucket)', () => {
  it('refuses an operation that does not fit with 429 THROTTLED and Retry-After, running no resolver SQL', async () => {
    const account = await registerCustomer(app, handle)
    expectNoErrors(await products(100, asUser(account)))
    expectNoErrors(await products(100, asUser(account)))
    app.statements.reset()
    const refused = await products(100, asUser(account))
    expect(refused.status).toBe(429)
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['THROTTLED'])
    // 406 points in a 500-point bucket, 203 asked: 109 over at 1 point per second.
    const retryAfterSeconds = refused.body.errors![0].extensions!.retryAfterSeconds
    expectAbout(retryAfterSeconds, 109, -1)
    expect(refused.headers.get('retry-after')).toBe(String(retryAfterSeconds))
    expect(refused.body.data).toBeUndefined()
    // Only the bucket's own statement ran: no shop, no products.
    expect(app.statements.sql).toHaveLength(1)
    expect(app.statements.sql[0]).toMatch(/^insert into "cost_bucket"/)
    const cost = refused.body.extensions?.cost
    expect(cost).toMatchObject({
      requested: HEAVY,
      limit: CAPACITY,
      throttleStatus: { maximumAvailable: CAPACITY, restoreRate: RESTORE_RATE },
    })
    expectAbout(cost.throttleStatus.currentlyAvailable, CAPACITY - 2 * HEAVY)
  })

  it('does not spend the budget on a refused operation', async () => {
    const account = await registerCustomer(app, handle)
    expectNoErrors(await products(100, asUser(account)))
    expectNoErrors(await products(100, asUser(account)))
    expect((await products(100, asUser(account))).status).toBe(429)
    // 94 points left, untouched by the refusal: an operation of 93 (first: 45) still fits.
    const small = await products(45, asUser(account))
    expectNoErrors(small)
    expectAbout(small.body.extensions?.cost.throttleStatus.currentlyAvailable, 1)
  })

  it('lets operations through again once the bucket has leaked', async () => {
    const account = await registerCustomer(app, handle)
    const key = `user:${account.userId}`
    expectNoErrors(await products(100, asUser(account)))
    expectNoErrors(await products(100, asUser(account)))
    expect((await products(100, asUser(account))).status).toBe(429)
    await leak(key, 100) // 306 in the bucket: 306 + 203 is still over 500
    expect((await products(100, asUser(account))).status).toBe(429)
    await leak(key, 10) // 296 in the bucket: 296 + 203 fits
    const passed = await products(100, asUser(account))
    expectNoErrors(passed)
    expect(passed.status).toBe(200)
    expect(passed.body.data?.shop?.products.nodes).toEqual([])
    expectAbout(passed.body.extensions?.cost.throttleStatus.currentlyAvailable, 1)
  })

  it('keeps a separate bucket for each viewer', async () => {
    const spender = await registerCustomer(app, handle)
    const other = await registerCustomer(app, handle)
    expectNoErrors(await products(100, asUser(spender)))
    expectNoErrors(await products(100, asUser(spender)))
    expect((await products(100, asUser(spender))).status).toBe(429)
    const response = await products(100, asUser(other))
    expectNoErrors(response)
    expect(response.body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(CAPACITY - HEAVY)
  })

  it('buckets anonymous callers by client address, apart from the viewers signed in there', async () => {
    const address = '203.0.113.10'
    expectNoErrors(await products(100, fromAddress(address)))
    expectNoErrors(await products(100, fromAddress(address)))
    const refused = await products(100, fromAddress(address))
    expect(refused.status).toBe(429)
    expect(refused.body.errors?.[0].extensions?.code).toBe('THROTTLED')
    expectNoErrors(await products(100, fromAddress('203.0.113.11')))
    const account = await registerCustomer(app, handle)
    expectNoErrors(await products(100, { ...asUser(account), ...fromAddress(address) }))
  })

  it('reports currentlyAvailable going down by the cost of each operation', async () => {
    const account = await registerCustomer(app, handle)
    started = Date.now()
    const responses: GraphQLResponse<unknown>[] = [
      await products(5, asUser(account)),
      await products(20, asUser(account)),
      await app.gql(ShopNameDocument, { handle }, asUser(account)),
    ]
    const costs = responses.map((response) => {
      expectNoErrors(response)
      return response.body.extensions?.cost
    })
    expect(costs.map((c) => c.requested)).toEqual([13, 43, 1])
    expect(costs[0].throttleStatus).toEqual({
      maximumAvailable: CAPACITY,
      currentlyAvailable: CAPACITY - 13,
      restoreRate: RESTORE_RATE,
    })
    const available = costs.map((c) => c.throttleStatus.currentlyAvailable)
    expectAbout(available[1], available[0] - 43)
    expectAbout(available[2], available[1] - 1)
  })

  it('lets exactly two of ten concurrent heavy operations through', async () => {
    const account = await registerCustomer(app, handle)
    const responses = await Promise.all(Array.from({ length: 10 }, () => products(100, asUser(account))))
    expect(responses.filter((r) => r.status === 200 && !r.body.errors)).toHaveLength(2)
    expect(
      responses.filter((r) => r.status === 429 && r.body.errors?.[0].extensions?.code === 'THROTTLED'),
    ).toHaveLength(8)
    const key = `user:${account.userId}`
    const row = await app.db.selectFrom('cost_bucket').select('level').where('key', '=', key).executeTakeFirstOrThrow()
    expect(row.level).toBeGreaterThan(2 * HEAVY - 5)
    expect(row.level).toBeLessThanOrEqual(2 * HEAVY)
  })

  it('charges mutations too: a mutation that does not fit is refused and changes nothing', async () => {
    const address = '203.0.113.20'
    expectNoErrors(await app.gql(ShopNameDocument, { handle }, fromAddress(address)))
    await app.db.updateTable('cost_bucket').set({ level: CAPACITY }).where('key', '=', `addr:${address}`).execute()
    const email = 'throttled-register@example.com'
    const refused = await app.gql(
      UserRegisterDocument,
      { input: { shopHandle: handle, email, password: PASSWORD, displayName: 'Late' } },
      fromAddress(address),
    )
    expect(refused.status).toBe(429)
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['THROTTLED'])
    expect(refused.body.extensions?.cost.requested).toBeGreaterThan(0)
    expect(await app.db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined()
  })

  it('refuses an operation over the per-operation limit with 400 before charging the bucket', async () => {
    const address = '203.0.113.40'
    const page = `shop(handle: "${handle}") { products(first: 100) { nodes { id } } }`
    app.statements.reset()
    const response = await app.post({ query: `{ a: ${page} b: ${page} c: ${page} }` }, fromAddress(address))
    expect(response.status).toBe(400)
    const body = JSON.parse(response.text)
    expect(body.errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      cost: { requested: 3 * HEAVY, limit: CAPACITY },
    })
    expect(body.extensions.cost).toEqual({ requested: 3 * HEAVY, limit: CAPACITY })
    expect(app.statements.count).toBe(0)
    expect(
      await app.db.selectFrom('cost_bucket').select('key').where('key', '=', `addr:${address}`).executeTakeFirst(),
    ).toBeUndefined()
  })

  it('charges introspection like any other operation (it costs 0)', async () => {
    const response = await app.post({ query: '{ __schema { queryType { name } } }' }, fromAddress('203.0.113.30'))
    expect(response.status).toBe(200)
    expect(JSON.parse(response.text).extensions.cost).toEqual({
      requested: 0,
      limit: CAPACITY,
      throttleStatus: { maximumAvailable: CAPACITY, currentlyAvailable: CAPACITY, restoreRate: RESTORE_RATE },
    })
  })
})
