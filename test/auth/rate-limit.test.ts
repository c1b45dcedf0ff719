import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SessionCreateDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { PASSWORD, createShop, registerCustomer } from '../support/fixtures.js'

let app: TestApp
let shopHandle: string

beforeAll(async () => {
  app = await startTestApp()
  shopHandle = (await createShop(app)).handle
})
afterAll(() => app?.close())

const login = (email: string, password: string, address = '203.0.113.1') =>
  app.gql(
    SessionCreateDocument,
    { input: { shopHandle, email, password } },
    { headers: { 'x-forwarded-for': address } },
  )

describe('failed-login rate limits', () => {
  it('throttles the sixth attempt on one account after five failures, even with the right password', async () => {
    const account = await registerCustomer(app, shopHandle)
    for (let i = 0; i < 5; i++) {
      const payload = expectNoErrors(await login(account.email, 'wrong password', `198.51.100.${i}`)).sessionCreate
      expect(payload.userErrors[0]?.code).toBe('INVALID_CREDENTIALS')
    }
    const sixth = await login(account.email, PASSWORD, '198.51.100.99')
    expect(sixth.body.errors?.[0]?.extensions).toMatchObject({
      code: 'THROTTLED',
      retryAfterSeconds: expect.any(Number),
    })
    expect(sixth.body.data).toBeNull()
  })

  it('answers a throttled login with HTTP 429 and a Retry-After header matching retryAfterSeconds', async () => {
    const account = await registerCustomer(app, shopHandle)
    for (let i = 0; i < 5; i++) await login(account.email, 'wrong password', `198.51.101.${i}`)
    const refused = await login(account.email, PASSWORD, '198.51.101.99')
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('THROTTLED')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe(String(refused.body.errors![0].extensions!.retryAfterSeconds))
  })

  it('lets only five of 40 parallel attempts on one account reach the password check', async () => {
    const account = await registerCustomer(app, shopHandle)
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(account.email, 'wrong password', `198.51.103.${i}`)),
    )
    const checked = responses.filter((r) => r.body.data?.sessionCreate.userErrors[0]?.code === 'INVALID_CREDENTIALS')
    const throttled = responses.filter((r) => r.body.errors?.[0]?.extensions?.code === 'THROTTLED')
    expect(checked).toHaveLength(5)
    expect(throttled).toHaveLength(35)
  })

  it('does not throttle another account of the same shop', async () => {
    const victim = await registerCustomer(app, shopHandle)
    const other = await registerCustomer(app, shopHandle)
    for (let i = 0; i < 5; i++) await login(victim.email, 'wrong password', `198.51.101.${i}`)
    const payload = expectNoErrors(await login(other.email, PASSWORD, '198.51.101.50')).sessionCreate
    expect(payload.userErrors).toEqual([])
  })

  it('clears the account count after a successful login', async () => {
    const account = await registerCustomer(app, shopHandle)
    for (let i = 0; i < 4; i++) await login(account.email, 'wrong password', `198.51.102.${i}`)
    expect(expectNoErrors(await login(account.email, PASSWORD, '198.51.102.9')).sessionCreate.userErrors).toEqual([])
    for (let i = 0; i < 4; i++) await login(account.email, 'wrong password', `198.51.102.${i + 10}`)
    expect(expectNoErrors(await login(account.email, PASSWORD, '198.51.102.30')).sessionCreate.userErrors).toEqual([])
  })

  it('throttles a client address after 20 failures across many accounts, and counts unknown emails too', async () => {
    const address = '192.0.2.77'
    for (let i = 0; i < 20; i++) await login(`nobody-${i}@example.com`, 'wrong password', address)
    const account = await registerCustomer(app, shopHandle)
    const blocked = await login(account.email, PASSWORD, address)
    expect(blocked.body.errors?.[0]?.extensions?.code).toBe('THROTTLED')
    const elsewhere = expectNoErrors(await login(account.email, PASSWORD, '192.0.2.78')).sessionCreate
    expect(elsewhere.userErrors).toEqual([])
  })
})

describe('client address behind untrusted proxies', () => {
  let strict: TestApp
  let handle: string
  beforeAll(async () => {
    // Only proxies in 10.0.0.0/8 are believed: the test client (127.0.0.1) cannot pick its address.
    strict = await startTestApp({ trustProxy: '10.0.0.0/8' })
    handle = (await createShop(strict)).handle
  })
  afterAll(() => strict?.close())

  it('ignores X-Forwarded-For from an untrusted peer, so rotating it does not dodge the address limit', async () => {
    for (let i = 0; i < 20; i++) {
      await strict.gql(
        SessionCreateDocument,
        { input: { shopHandle: handle, email: `spoof-${i}@example.com`, password: 'wrong password' } },
        { headers: { 'x-forwarded-for': `203.0.113.${i}` } },
      )
    }
    const blocked = await strict.gql(
      SessionCreateDocument,
      { input: { shopHandle: handle, email: 'another@example.com', password: 'wrong password' } },
      { headers: { 'x-forwarded-for': '203.0.113.200' } },
    )
    expect(blocked.body.errors?.[0]?.extensions?.code).toBe('THROTTLED')
  })
})
