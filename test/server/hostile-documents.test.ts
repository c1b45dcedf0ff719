import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { encodeCursor } from '../../src/shared/pagination.js'
import { CartLinesAddDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createProduct, createShop, registerCustomer, type Account } from '../support/fixtures.js'
import { fragmentExplosion } from '../support/hostile.js'

// Hostile documents against a production-mode server (as `npm start` runs by default). Each one
// is refused with a typed error before anything of it executes, which is what keeps the process
// (and /healthz) responsive: the refusals are proven by the SQL they did not run, never by timing.

// The budget leaks 1 point per second, so the charges below can be read back exactly (give or take
// what leaked while the test ran).
const CAPACITY = 10_000
const RESTORE_RATE = 1

let app: TestApp
let handle: string
let customer: Account
const logLines: { level: number; msg: string }[] = []

beforeAll(async () => {
  const logs = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line))
      callback()
    },
  })
  const defaults = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused/db',
    JWT_SECRET: 's'.repeat(32),
  }).limits
  app = await startTestApp(
    {
      nodeEnv: 'production',
      introspection: false,
      limits: { ...defaults, costBucketCapacity: CAPACITY, costLeakPerSecond: RESTORE_RATE },
    },
    { logDestination: logs, logLevel: 'info' },
  )
  const shop = await createShop(app)
  handle = shop.handle
  customer = await registerCustomer(app, handle)
})
afterAll(() => app?.close())

let addresses = 0
/** A fresh client address, so each test spends a budget of its own. */
const freshAddress = () => ({ 'x-forwarded-for': `198.51.100.${++addresses}` })

async function send(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = freshAddress(),
) {
  const response = await app.post({ query, variables }, { headers })
  return {
    status: response.status,
    body: JSON.parse(response.text) as { data?: unknown; errors?: any[]; extensions?: any },
  }
}

const codes = (body: { errors?: any[] }) => body.errors?.map((e) => e.extensions?.code)
const healthz = () => fetch(app.url.replace(/\/graphql$/, '/healthz')).then((r) => r.status)
/** The statements run since the last reset, other than the one that charges the cost budget. */
const resolverStatements = () => app.statements.sql.filter((statement) => !/"cost_bucket"/.test(statement))

describe('fragment-spread explosion', () => {
  it('refuses a 650-byte document of seven nested fragment levels before validation, with 400', async () => {
    const document = fragmentExplosion(7)
    expect(document.length).toBeLessThan(700)
    app.statements.reset()
    const { status, body } = await send(document)
    expect(status).toBe(400)
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED'])
    expect(body.errors![0].message).toMatch(/expands to more than 10000 selections/)
    expect(resolverStatements()).toEqual([])
  })

  it('refuses seventy levels (10^70 copies) just the same', async () => {
    const { status, body } = await send(fragmentExplosion(70))
    expect(status).toBe(400)
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED'])
  })

  it('keeps /healthz answering while such documents arrive', async () => {
    const [health, ...refusals] = await Promise.all([
      healthz(),
      ...Array.from({ length: 5 }, () => send(fragmentExplosion(70))),
    ])
    expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 400, 400])
    expect(health).toBe(200)
  })
})

describe('plain lists', () => {
  it('prices variants { product { variants ... } } by the variants bound and refuses it with no SQL', async () => {
    app.statements.reset()
    const { status, body } = await send(
      `{ shop(handle: "${handle}") { product(handle: "p") { variants { product { variants { product { variants { id } } } } } } } }`,
    )
    expect(status).toBe(400)
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED'])
    expect(body.errors![0].extensions.cost.requested).toBe(1 + 1 + 100 * (1 + 1 + 100 * (1 + 1 + 100)))
    expect(app.statements.count).toBe(0)
  })
})

describe('validation work', () => {
  const duplicates = `{ ${Array(1985).fill('__typename').join(' ')} nope }`

  it('refuses 1,985 duplicate fields plus an unknown one before graphql-js validates them', async () => {
    const { status, body } = await send(duplicates)
    expect(status).toBe(400)
    // One error, from the pre-check: validation (which would report the unknown field) never ran.
    expect(body.errors).toHaveLength(1)
    expect(body.errors![0].message).toMatch(/repeats fields or fragments too often/)
    expect(JSON.stringify(body)).not.toMatch(/nope/)
  })

  it('charges a document refused before validation for its size', async () => {
    const { body } = await send(duplicates)
    expect(body.extensions.cost).toEqual({
      requested: 1986,
      limit: 5000,
      throttleStatus: { maximumAvailable: CAPACITY, currentlyAvailable: CAPACITY - 1986, restoreRate: RESTORE_RATE },
    })
  })

  it('charges a document refused by validation for its size', async () => {
    const { status, body } = await send(`{ shop(handle: "${handle}") { nope } }`)
    expect(status).toBe(400)
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED'])
    expect(body.extensions.cost).toEqual({
      requested: 2,
      limit: 5000,
      throttleStatus: { maximumAvailable: CAPACITY, currentlyAvailable: CAPACITY - 2, restoreRate: RESTORE_RATE },
    })
  })

  /** A client address whose budget has `room` points left. */
  async function nearlySpent(room: number): Promise<Record<string, string>> {
    const headers = freshAddress()
    expect((await send('{ __typename }', {}, headers)).status).toBe(200)
    await app.db
      .updateTable('cost_bucket')
      .set({ level: CAPACITY - room })
      .where('key', '=', `addr:${headers['x-forwarded-for']}`)
      .execute()
    return headers
  }

  it('answers THROTTLED (429) when the budget cannot take a document the pre-check refuses', async () => {
    const { status, body } = await send(duplicates, {}, await nearlySpent(100))
    expect(status).toBe(429)
    expect(codes(body)).toEqual(['THROTTLED'])
  })

  it('answers THROTTLED (429) when the budget cannot take a document validation refuses', async () => {
    const { status, body } = await send(`{ shop(handle: "${handle}") { nope } }`, {}, await nearlySpent(1))
    expect(status).toBe(429)
    expect(codes(body)).toEqual(['THROTTLED'])
  })
})

describe('mutation amplification', () => {
  const lines = Array.from({ length: 250 }, () => ({ lineId: `gid://shopfront/CartLine/${randomUUID()}`, quantity: 1 }))

  it('prices 30 aliased cartLinesUpdate sharing one 250-line variable over the limit and runs none of it', async () => {
    const fields = Array.from(
      { length: 30 },
      (_, i) => `u${i}: cartLinesUpdate(input: $input) { userErrors { field } }`,
    ).join(' ')
    app.statements.reset()
    const response = await app.post(
      { query: `mutation M($input: CartLinesUpdateInput!) { ${fields} }`, variables: { input: { lines } } },
      { token: customer.accessToken },
    )
    expect(response.status).toBe(400)
    const body = JSON.parse(response.text)
    expect(body.errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      cost: { requested: 30 * 252 },
    })
    expect(app.statements.count).toBe(0)
  })

  it('stops a 250-line cartLinesUpdate at its first unknown line', async () => {
    const shop = await createShop(app)
    const buyer = await registerCustomer(app, shop.handle)
    const product = await createProduct(app, shop.admin)
    expectNoErrors(
      await app.gql(
        CartLinesAddDocument,
        { input: { lines: [{ variantId: product.variants[0].id, quantity: 1 }] } },
        { token: buyer.accessToken },
      ),
    )
    app.statements.reset()
    const response = await app.post(
      {
        query:
          'mutation M($input: CartLinesUpdateInput!) { cartLinesUpdate(input: $input) { userErrors { code field } } }',
        variables: { input: { lines } },
      },
      { token: buyer.accessToken },
    )
    const body = JSON.parse(response.text)
    expect(body.errors).toBeUndefined()
    expect(body.data.cartLinesUpdate.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'lines', '0', 'lineId'] },
    ])
    expect(app.statements.sql.filter((s) => /^update "cart_line"/i.test(s))).toHaveLength(1)
  })
})

describe('NUL characters and out-of-range cursors', () => {
  const nul = 'a\u0000b'

  it.each([
    ['a shop handle', 'query Q($v: String!) { shop(handle: $v) { id } }', { v: nul }],
    [
      'a search text',
      'query Q($h: String!, $v: String) { shop(handle: $h) { products(filter: { titleContains: $v }) { nodes { id } } } }',
      { h: 'x', v: nul },
    ],
    [
      'a log-in email',
      'mutation M($v: String!) { sessionCreate(input: { shopHandle: "x", email: $v, password: "p" }) { userErrors { code } } }',
      { v: nul },
    ],
    [
      'an idempotency key',
      'mutation M($v: String!) { checkoutComplete(input: { idempotencyKey: $v }) { userErrors { code } } }',
      { v: nul },
    ],
    [
      'a cursor',
      'query Q($h: String!, $v: String) { shop(handle: $h) { products(after: $v) { nodes { id } } } }',
      { h: 'x', v: nul },
    ],
  ])('refuses a NUL in %s (a variable) with BAD_USER_INPUT before any SQL', async (_what, query, variables) => {
    app.statements.reset()
    const { status, body } = await send(query, variables)
    expect(status).toBe(400)
    expect(codes(body)).toEqual(['BAD_USER_INPUT'])
    expect(app.statements.count).toBe(0)
  })

  it('refuses a NUL written as \\u0000 in a string literal with BAD_USER_INPUT', async () => {
    app.statements.reset()
    const { status, body } = await send('{ shop(handle: "a\\u0000b") { id } }')
    expect(status).toBe(400)
    expect(codes(body)).toEqual(['BAD_USER_INPUT'])
    expect(app.statements.count).toBe(0)
  })

  it('refuses a cursor whose title holds a NUL with BAD_USER_INPUT', async () => {
    const after = encodeCursor(['TITLE', nul, randomUUID()])
    const { body } = await send(
      'query Q($h: String!, $a: String) { shop(handle: $h) { products(sortKey: TITLE, after: $a) { nodes { id } } } }',
      {
        h: handle,
        a: after,
      },
    )
    expect(codes(body)).toEqual(['BAD_USER_INPUT'])
  })

  it('refuses a cursor dated in the year -271821 with BAD_USER_INPUT', async () => {
    const after = encodeCursor(['-271821-04-20T00:00:00.000Z', randomUUID()])
    const { body } = await send(
      'query Q($h: String!, $a: String) { shop(handle: $h) { posts(after: $a) { nodes { id } } } }',
      { h: handle, a: after },
    )
    expect(codes(body)).toEqual(['BAD_USER_INPUT'])
  })
})

describe('field suggestions in variable coercion', () => {
  const filter =
    'query Q($h: String!, $f: ProductFilter) { shop(handle: $h) { products(filter: $f) { nodes { id } } } }'
  const status =
    'query Q($h: String!, $s: ProductStatus!) { shop(handle: $h) { products(filter: { status: [$s] }) { nodes { id } } } }'

  it('names no input field of the schema in production', async () => {
    const { status: code, body } = await send(filter, { h: handle, f: { titleContain: 'x' } })
    expect(code).toBe(400)
    expect(codes(body)).toEqual(['BAD_USER_INPUT'])
    expect(JSON.stringify(body)).not.toMatch(/Did you mean|titleContains/)
  })

  it('names no enum value of the schema in production', async () => {
    const { body } = await send(status, { h: handle, s: 'DRAF' })
    expect(codes(body)).toEqual(['BAD_USER_INPUT'])
    expect(JSON.stringify(body)).not.toMatch(/Did you mean|"DRAFT"/)
  })

  describe('in development', () => {
    let dev: TestApp
    beforeAll(async () => {
      dev = await startTestApp({ nodeEnv: 'development', introspection: true })
    })
    afterAll(() => dev?.close())

    it('keeps the suggestions', async () => {
      const response = await dev.post({ query: filter, variables: { h: 'x', f: { titleContain: 'x' } } })
      expect(JSON.parse(response.text).errors[0].message).toMatch(/Did you mean "titleContains"\?/)
    })
  })
})

describe('aliases and operation types', () => {
  it('accepts the plain __typename a client adds to every selection, however many', async () => {
    const { status, body } = await send(`{ ${Array(40).fill('__typename').join(' ')} viewer { __typename } }`)
    expect(body.errors).toBeUndefined()
    expect(status).toBe(200)
  })

  it('counts an aliased __typename against the alias limit', async () => {
    const { status, body } = await send(`{ ${Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ')} }`)
    expect(status).toBe(400)
    expect(body.errors![0].message).toMatch(/more than 30 aliases/)
  })

  it('answers a subscription with 400 GRAPHQL_VALIDATION_FAILED and logs no error', async () => {
    logLines.length = 0
    app.statements.reset()
    const { status, body } = await send(`subscription { shop(handle: "${handle}") { id } }`)
    expect(status).toBe(400)
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED'])
    expect(resolverStatements()).toEqual([])
    expect(logLines.filter((line) => line.level >= 50)).toEqual([])
  })
})
