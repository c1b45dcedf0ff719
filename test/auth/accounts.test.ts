import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  NodeUserDocument,
  NodesByIdDocument,
  ShopByHandleDocument,
  ShopCreateDocument,
  UserRegisterDocument,
  ViewerProfileDocument,
} from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { PASSWORD, auditActions, createShop, createStaff, registerCustomer, uniqueHandle } from '../support/fixtures.js'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

const admin = { email: 'owner@example.com', password: PASSWORD, displayName: 'Owner' }

describe('shopCreate', () => {
  it('creates the shop and its first ADMIN in one transaction, with an audit event', async () => {
    const handle = uniqueHandle()
    const payload = expectNoErrors(
      await app.gql(ShopCreateDocument, {
        input: { handle, name: 'Acme', currencyCode: 'EUR', taxRateBasisPoints: 1900, admin },
      }),
    ).shopCreate
    expect(payload.userErrors).toEqual([])
    expect(payload.shop).toMatchObject({ handle, name: 'Acme', currencyCode: 'EUR', taxRateBasisPoints: 1900 })
    expect(payload.user).toMatchObject({ email: admin.email, role: 'ADMIN' })
    const shopId = payload.shop!.id.split('/').pop()!
    expect(await auditActions(app, shopId)).toEqual(['shop.created'])
  })

  it('answers TAKEN for a duplicate handle and leaves no second admin behind', async () => {
    const handle = uniqueHandle()
    await createShop(app, handle)
    const payload = expectNoErrors(
      await app.gql(ShopCreateDocument, {
        input: { handle, name: 'Again', currencyCode: 'USD', admin: { ...admin, email: 'second@example.com' } },
      }),
    ).shopCreate
    expect(payload.shop).toBeNull()
    expect(payload.userErrors).toEqual([{ code: 'TAKEN', field: ['input', 'handle'], message: expect.any(String) }])
    const users = await app.db.selectFrom('user').select('id').where('email', '=', 'second@example.com').execute()
    expect(users).toEqual([])
  })

  it('creates exactly one shop when the same handle is created concurrently', async () => {
    const handle = uniqueHandle()
    const results = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        app.gql(ShopCreateDocument, {
          input: { handle, name: 'Race', currencyCode: 'USD', admin: { ...admin, email: `race${i}@example.com` } },
        }),
      ),
    )
    const payloads = results.map((r) => expectNoErrors(r).shopCreate)
    expect(payloads.filter((p) => p.shop !== null)).toHaveLength(1)
    expect(payloads.filter((p) => p.userErrors[0]?.code === 'TAKEN')).toHaveLength(3)
  })

  it('reports every invalid field with its path', async () => {
    const payload = expectNoErrors(
      await app.gql(ShopCreateDocument, {
        input: {
          handle: 'Bad Handle!',
          name: '  ',
          currencyCode: 'USD',
          taxRateBasisPoints: 10001,
          admin: { email: 'not-an-email', password: 'short', displayName: 'x' },
        },
      }),
    ).shopCreate
    expect(payload.shop).toBeNull()
    expect(payload.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_INPUT', 'input.handle'],
      ['INVALID_INPUT', 'input.name'],
      ['INVALID_INPUT', 'input.taxRateBasisPoints'],
      ['INVALID_INPUT', 'input.admin.email'],
      ['WEAK_PASSWORD', 'input.admin.password'],
    ])
  })

  it('refuses an unknown currency code as a malformed argument', async () => {
    const response = await app.gql(ShopCreateDocument, {
      input: { handle: uniqueHandle(), name: 'X', currencyCode: 'XYZ', admin },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })
})

describe('userRegister', () => {
  let handle: string
  beforeAll(async () => {
    handle = (await createShop(app)).handle
  })

  it('refuses a duplicate email case-insensitively with TAKEN', async () => {
    await registerCustomer(app, handle, 'Mixed.Case@Example.com')
    const payload = expectNoErrors(
      await app.gql(UserRegisterDocument, {
        input: { shopHandle: handle, email: 'mixed.case@example.COM', password: PASSWORD, displayName: 'Dup' },
      }),
    ).userRegister
    expect(payload.user).toBeNull()
    expect(payload.userErrors).toEqual([{ code: 'TAKEN', field: ['input', 'email'], message: expect.any(String) }])
  })

  it('allows the same email in another shop (emails are unique per shop)', async () => {
    const other = (await createShop(app)).handle
    await registerCustomer(app, handle, 'both@example.com')
    const account = await registerCustomer(app, other, 'both@example.com')
    expect(account.userId).toBeTruthy()
  })

  it.each([
    ['an invalid email', { email: 'nope', password: PASSWORD }, 'INVALID_INPUT', 'input.email'],
    [
      'a password shorter than 10',
      { email: 'short@example.com', password: 'abc123' },
      'WEAK_PASSWORD',
      'input.password',
    ],
    [
      'a password equal to the email',
      { email: 'same-as-pass@example.com', password: 'Same-As-Pass@example.com' },
      'WEAK_PASSWORD',
      'input.password',
    ],
  ])('refuses %s with a field path', async (_name, fields, code, path) => {
    const payload = expectNoErrors(
      await app.gql(UserRegisterDocument, { input: { shopHandle: handle, displayName: 'Someone', ...fields } }),
    ).userRegister
    expect(payload.user).toBeNull()
    expect(payload.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([[code, path]])
  })

  it.each([
    ['a line break', 'Eve\r\nBcc: everyone@example.com'],
    ['a tab', 'Eve\tAdmin'],
    ['a bidirectional override', 'Eve \u202Emoc.live'],
    ['a line separator', 'Eve\u2028Click here'],
  ])('refuses a display name with %s', async (_name, displayName) => {
    const payload = expectNoErrors(
      await app.gql(UserRegisterDocument, {
        input: { shopHandle: handle, email: `ctl-${Math.random()}@example.com`, password: PASSWORD, displayName },
      }),
    ).userRegister
    expect(payload.user).toBeNull()
    expect(payload.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_INPUT', 'input.displayName'],
    ])
  })

  it('accepts a display name with accents and emoji joined by ZWJ', async () => {
    const payload = expectNoErrors(
      await app.gql(UserRegisterDocument, {
        input: {
          shopHandle: handle,
          email: `ok-${Math.random()}@example.com`,
          password: PASSWORD,
          displayName: 'Zoë 👩\u200D💻',
        },
      }),
    ).userRegister
    expect(payload.userErrors).toEqual([])
  })

  it('refuses a shop name with a line break', async () => {
    const payload = expectNoErrors(
      await app.gql(ShopCreateDocument, {
        input: { handle: `ctl-${Date.now()}`, name: 'Shop\nSubject: you won', currencyCode: 'USD', admin },
      }),
    ).shopCreate
    expect(payload.shop).toBeNull()
    expect(payload.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['INVALID_INPUT', 'input.name']])
  })

  it('answers NOT_FOUND for an unknown shop handle', async () => {
    const payload = expectNoErrors(
      await app.gql(UserRegisterDocument, {
        input: { shopHandle: 'missing-shop', email: 'a@example.com', password: PASSWORD, displayName: 'A' },
      }),
    ).userRegister
    expect(payload.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
  })

  it('ignores any attempt to pick a role: registration always makes a CUSTOMER', async () => {
    const account = await registerCustomer(app, handle)
    const viewer = expectNoErrors(await app.gql(ViewerProfileDocument, {}, { token: account.accessToken })).viewer
    expect(viewer?.user.role).toBe('CUSTOMER')
  })
})

describe('tenancy and privacy of users', () => {
  let shopA: string
  let shopB: string
  beforeAll(async () => {
    shopA = (await createShop(app)).handle
    shopB = (await createShop(app)).handle
  })

  it('lets a customer of shop A see nothing of a user of shop B through node', async () => {
    const a = await registerCustomer(app, shopA)
    const b = await registerCustomer(app, shopB)
    const response = await app.gql(NodeUserDocument, { id: b.globalId }, { token: a.accessToken })
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data?.node).toBeNull()
  })

  it('answers staff of shop A about a user of shop B exactly as about a missing user', async () => {
    const staffA = await createStaff(app, shopA)
    const b = await registerCustomer(app, shopB)
    const missing = 'gid://shopfront/User/00000000-0000-4000-8000-000000000000'
    const real = await app.gql(NodesByIdDocument, { ids: [b.globalId, missing] }, { token: staffA.accessToken })
    expect(real.body.errors).toBeUndefined()
    expect(real.body.data?.nodes).toEqual([null, null])
  })

  it('answers a fellow customer’s email as null without an error, and shows their display name', async () => {
    const a = await registerCustomer(app, shopA)
    const other = await registerCustomer(app, shopA)
    const response = await app.gql(NodeUserDocument, { id: other.globalId }, { token: a.accessToken })
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data?.node).toMatchObject({ displayName: 'Customer', email: null })
  })

  it('shows a customer’s email to staff of their shop and to themselves', async () => {
    const staff = await createStaff(app, shopA)
    const customer = await registerCustomer(app, shopA)
    for (const token of [staff.accessToken, customer.accessToken]) {
      const response = await app.gql(NodeUserDocument, { id: customer.globalId }, { token })
      expect(response.body.errors).toBeUndefined()
      expect(response.body.data?.node).toMatchObject({ email: customer.email })
    }
  })

  it('resolves nothing for anonymous callers asking for a user', async () => {
    const customer = await registerCustomer(app, shopA)
    const response = await app.gql(NodeUserDocument, { id: customer.globalId })
    expect(response.body.data?.node).toBeNull()
  })

  it('answers null in node for a malformed id or an unknown type, without an error', async () => {
    for (const id of [
      'nonsense',
      'gid://shopfront/User/not-a-uuid',
      'gid://shopfront/Spaceship/00000000-0000-4000-8000-000000000000',
    ]) {
      const response = await app.gql(NodeUserDocument, { id })
      expect(response.body.errors).toBeUndefined()
      expect(response.body.data?.node).toBeNull()
    }
  })

  it('resolves shops publicly, through shop(handle) and node', async () => {
    const shop = expectNoErrors(await app.gql(ShopByHandleDocument, { handle: shopA })).shop
    expect(shop?.handle).toBe(shopA)
    const node = expectNoErrors(await app.gql(NodeUserDocument, { id: shop!.id })).node
    expect(node).toMatchObject({ __typename: 'Shop', handle: shopA })
    expect(expectNoErrors(await app.gql(ShopByHandleDocument, { handle: 'no-such-shop' })).shop).toBeNull()
  })

  it('refuses more than 100 ids in nodes with BAD_USER_INPUT', async () => {
    const ids = Array.from({ length: 101 }, () => 'gid://shopfront/Shop/00000000-0000-4000-8000-000000000000')
    const response = await app.gql(NodesByIdDocument, { ids })
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })
})
