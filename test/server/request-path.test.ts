import { Writable } from 'node:stream'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ShopNameDocument, ViewerProfileDocument } from '../generated/graphql.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { createShop, registerCustomer } from '../support/fixtures.js'

let app: TestApp
let handle: string

beforeAll(async () => {
  // Production mode, as `npm start` runs by default.
  app = await startTestApp({ nodeEnv: 'production', introspection: false })
  handle = (await createShop(app)).handle
})
afterAll(() => app?.close())

const base = () => app.url.replace(/\/graphql$/, '')

describe('HTTP edge', () => {
  it('answers malformed JSON with 400 and a JSON error body', async () => {
    const response = await app.post('{"query": "{ shop(handle: ', { raw: true })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    const body = JSON.parse(response.text)
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST')
    expect(response.text).not.toMatch(/<html|at .*\.js:\d+/i)
  })

  it('answers a body over 100 kB with 413 and a JSON error body', async () => {
    const response = await app.post({ query: '{ __typename }', variables: { pad: 'x'.repeat(110 * 1024) } })
    expect(response.status).toBe(413)
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('refuses batched operations (an array body)', async () => {
    const response = await app.post([{ query: '{ __typename }' }, { query: '{ __typename }' }])
    expect(response.status).toBe(400)
    expect(response.text).not.toMatch(/"data"/)
  })

  it('refuses a GET without a CSRF preflight header, and never runs a mutation over GET', async () => {
    const plain = await fetch(`${app.url}?query=${encodeURIComponent('{ __typename }')}`)
    expect(plain.status).toBe(400)
    const mutation = await fetch(
      `${app.url}?query=${encodeURIComponent('mutation { sessionRevoke(input: { refreshToken: "x" }) { revoked } }')}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    )
    expect(mutation.status).toBe(405)
    const query = await fetch(`${app.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    })
    expect(query.status).toBe(200)
  })

  it('echoes a sane x-request-id and generates one otherwise', async () => {
    const given = await app.gql(ShopNameDocument, { handle }, { headers: { 'x-request-id': 'req-abc.123' } })
    expect(given.headers.get('x-request-id')).toBe('req-abc.123')
    const generated = await app.gql(ShopNameDocument, { handle }, { headers: { 'x-request-id': 'bad id with spaces' } })
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('serves /healthz and /readyz', async () => {
    const health = await fetch(`${base()}/healthz`)
    expect(health.status).toBe(200)
    const ready = await fetch(`${base()}/readyz`)
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'current' })
  })

  it('keeps Prometheus metrics off the API port in production without METRICS_PORT or METRICS_TOKEN', async () => {
    // Served with a token or on a port of their own: test/server/operations.test.ts.
    const metrics = await fetch(`${base()}/metrics`)
    expect(metrics.status).toBe(404)
  })

  it('answers unknown paths with a JSON 404', async () => {
    const response = await fetch(`${base()}/nope`)
    expect(response.status).toBe(404)
    expect((await response.json()).errors[0].extensions.code).toBe('NOT_FOUND')
  })

  it('reports the cost of every executed operation in extensions', async () => {
    const response = await app.gql(ShopNameDocument, { handle })
    expect(response.body.extensions?.cost).toEqual({
      requested: 1,
      limit: 5000,
      throttleStatus: { maximumAvailable: 10000, currentlyAvailable: expect.any(Number), restoreRate: 500 },
    })
  })
})

describe('validation guards (default limits)', () => {
  it('answers a fragment cycle with a clean 400, and keeps serving', async () => {
    app.statements.reset()
    const response = await app.post({
      query: 'query { viewer { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...A }',
    })
    expect(response.status).toBe(400)
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
    // The one statement charges the refused document's size to the caller's budget.
    expect(app.statements.sql).toEqual([expect.stringMatching(/"cost_bucket"/)])
    expect((await app.gql(ShopNameDocument, { handle })).status).toBe(200)
  })

  it('answers a spread of an unknown fragment with a clean 400', async () => {
    const response = await app.post({ query: 'query { viewer { ...Missing } }' })
    expect(response.status).toBe(400)
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
  })

  it('refuses more than 30 aliases, counting an aliased __typename', async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ')
    const response = await app.post({ query: `{ ${fields} }` })
    expect(response.status).toBe(400)
    const ok = Array.from({ length: 30 }, (_, i) => `t${i}: __typename`).join(' ')
    expect((await app.post({ query: `{ ${ok} }` })).status).toBe(200)
  })

  it('does not count the plain __typename clients add to every selection as an alias', async () => {
    const plain = Array.from({ length: 31 }, () => '__typename').join(' ')
    expect((await app.post({ query: `{ ${plain} }` })).status).toBe(200)
  })

  it('refuses more than 10 directives', async () => {
    const fields = Array.from({ length: 11 }, () => 'viewer @include(if: true) { __typename }').join(' ')
    const response = await app.post({ query: `{ ${fields} }` })
    expect(response.status).toBe(400)
  })

  it('refuses a document of more than 2000 tokens at parse time', async () => {
    const fields = Array.from({ length: 2100 }, () => 'viewer').join(' ')
    const response = await app.post({ query: `{ ${fields} }` })
    expect(response.status).toBe(400)
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED')
  })

  it('refuses an operation that is not a valid document and does not suggest field names in production', async () => {
    const response = await app.post({ query: '{ shpo(handle: "x") { name } }' })
    expect(response.status).toBe(400)
    expect(response.text).not.toMatch(/Did you mean/)
  })

  it('serves no landing page in production', async () => {
    const response = await fetch(app.url, { headers: { accept: 'text/html' } })
    expect(await response.text()).not.toMatch(/sandbox/i)
  })

  it('has introspection off outside development', async () => {
    const response = await app.post({ query: '{ __schema { queryType { name } } }' })
    expect(response.status).toBe(400)
  })
})

describe('configured limits', () => {
  let strict: TestApp
  beforeAll(async () => {
    strict = await startTestApp({
      nodeEnv: 'development',
      introspection: true,
      limits: { ...app.config.limits, depth: 1, cost: 2 },
    })
  })
  afterAll(() => strict?.close())

  it('refuses a query deeper than the depth limit with 400 before any resolver SQL runs', async () => {
    strict.statements.reset()
    const response = await strict.post({ query: '{ viewer { user { email } } }' })
    expect(response.status).toBe(400)
    expect(JSON.parse(response.text).errors[0].message).toMatch(/exceeds maximum operation depth of 1/)
    // The one statement charges the refused document's size to the caller's budget.
    expect(strict.statements.sql).toEqual([expect.stringMatching(/"cost_bucket"/)])
  })

  it('refuses an operation over the cost limit with 400 and the cost in extensions', async () => {
    strict.statements.reset()
    const response = await strict.post({
      query: '{ a: shop(handle: "x") { name } b: shop(handle: "y") { name } c: shop(handle: "z") { name } }',
    })
    expect(response.status).toBe(400)
    const body = JSON.parse(response.text)
    expect(body.errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      cost: { requested: 3, limit: 2 },
    })
    expect(strict.statements.count).toBe(0)
  })

  it('serves the Apollo Sandbox landing page in development', async () => {
    const response = await fetch(strict.url, { headers: { accept: 'text/html' } })
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/sandbox/i)
  })

  it('has introspection on in development', async () => {
    const response = await strict.post({ query: '{ __schema { queryType { name } } }' })
    expect(response.status).toBe(200)
  })
})

describe('error masking', () => {
  let broken: TestApp
  const lines: string[] = []
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(...String(chunk).split('\n').filter(Boolean))
        callback()
      },
    })
    broken = await startTestApp({}, { logDestination: destination, logLevel: 'info' })
    await createShop(broken, 'masked')
    // A deliberate internal failure: the table the resolver reads is gone.
    await sql`ALTER TABLE shop RENAME TO shop_moved_away`.execute(broken.db)
  })
  afterAll(async () => {
    await sql`ALTER TABLE shop_moved_away RENAME TO shop`.execute(broken.db)
    await broken?.close()
  })

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR with no SQL or stack, and logs it with the request id', async () => {
    const response = await broken.gql(
      ShopNameDocument,
      { handle: 'masked' },
      { headers: { 'x-request-id': 'masking-test-1' } },
    )
    expect(response.body.errors).toEqual([
      { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ])
    const text = JSON.stringify(response.body)
    expect(text).not.toMatch(/shop_moved_away|relation|select|stack|\.ts:/i)
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'masking-test-1' && l.level === 50)
    expect(logged?.err?.message).toMatch(/relation "shop" does not exist/)
  })

  it('redacts authorization headers in the request log', async () => {
    const account = await registerCustomer(app, handle)
    lines.length = 0
    await broken.gql(
      ViewerProfileDocument,
      {},
      { token: account.accessToken, headers: { 'x-request-id': 'redaction-test' } },
    )
    const line = lines.find((l) => l.includes('redaction-test') && l.includes('request completed'))
    expect(line).toBeDefined()
    expect(line).not.toContain(account.accessToken)
    expect(JSON.parse(line!).req.headers.authorization).toBe('[redacted]')
  })
})
