import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CustomerNodeDocument, ShopCustomersDocument, UserRegisterDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { PASSWORD, createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'
import { placeOrder } from './support.js'
import { walkBothWays } from '../support/paging.js'

let app: TestApp
let shop: string
let admin: Account
let staff: Account
let customer: Account
let otherShop: string
let otherStaff: Account
/** Registered in this order, after the admin and the staff member. */
const PEOPLE = [
  { email: 'zoe.martin@example.com', displayName: 'Zoé Martin' },
  { email: 'ada@example.org', displayName: 'Ada Lovelace' },
  { email: 'max_100%@example.com', displayName: 'Max' },
  { email: 'Adam.Smith@Example.com', displayName: 'Economist' },
]
const people: Record<string, Account> = {}

beforeAll(async () => {
  app = await startTestApp()
  ;({ handle: shop, admin } = await createShop(app))
  staff = await createStaff(app, shop)
  for (const person of PEOPLE) {
    const data = expectNoErrors(
      await app.gql(UserRegisterDocument, { input: { shopHandle: shop, password: PASSWORD, ...person } }),
    )
    const user = data.userRegister.user!
    people[person.email] = {
      userId: user.id.slice(user.id.lastIndexOf('/') + 1),
      globalId: user.id,
      shopId: admin.shopId,
      email: person.email,
      accessToken: data.userRegister.session!.accessToken,
      refreshToken: data.userRegister.session!.refreshToken,
    }
  }
  customer = people['zoe.martin@example.com']
  otherShop = (await createShop(app)).handle
  otherStaff = await createStaff(app, otherShop)
})
afterAll(() => app?.close())

type Args = {
  first?: number
  after?: string
  last?: number
  before?: string
  query?: string
  role?: 'CUSTOMER' | 'STAFF' | 'ADMIN'
}

async function list(args: Args = {}, viewer: Account | null = staff, handle = shop) {
  return app.gql(ShopCustomersDocument, { shop: handle, ...args }, { token: viewer?.accessToken })
}

async function emails(args: Args = {}) {
  return expectNoErrors(await list(args)).shop!.customers.edges.map((e) => e.node.email)
}

describe('Shop.customers', () => {
  it('lists every account of the shop, newest first, with email, role and the total count', async () => {
    const connection = expectNoErrors(await list()).shop!.customers
    const nodes = connection.edges.map((e) => e.node)
    expect(nodes.map((n) => n.email)).toEqual(
      [...PEOPLE.map((p) => p.email)].reverse().concat(staff.email, admin.email),
    )
    expect(nodes.map((n) => n.role)).toEqual(['CUSTOMER', 'CUSTOMER', 'CUSTOMER', 'CUSTOMER', 'STAFF', 'ADMIN'])
    expect(connection.totalCount).toBe(6)
    expect(nodes[0].id).toBe(`gid://shopfront/Customer/${people['Adam.Smith@Example.com'].userId}`)
    expect(nodes[0].user.id).toBe(people['Adam.Smith@Example.com'].globalId)
  })

  it('filters by role', async () => {
    expect(await emails({ role: 'STAFF' })).toEqual([staff.email])
  })

  it('finds accounts by email prefix, case-insensitively', async () => {
    expect(await emails({ query: 'ADA' })).toEqual(['Adam.Smith@Example.com', 'ada@example.org'])
    expect(await emails({ query: 'ada@' })).toEqual(['ada@example.org'])
  })

  it('finds accounts by display-name prefix, and only by prefix', async () => {
    expect(await emails({ query: 'econ' })).toEqual(['Adam.Smith@Example.com'])
    expect(await emails({ query: 'zoé m' })).toEqual(['zoe.martin@example.com'])
    expect(await emails({ query: 'martin' })).toEqual([])
  })

  it('takes % and _ in the query literally', async () => {
    expect(await emails({ query: 'max_100%' })).toEqual(['max_100%@example.com'])
    expect(await emails({ query: '%' })).toEqual([])
    expect(await emails({ query: '_' })).toEqual([])
  })

  it('searches on the email and display-name prefix indexes', async () => {
    // A shop big enough for the planner to care: 5,000 accounts.
    const { admin: bulk } = await createShop(app)
    await sql`INSERT INTO "user" (shop_id, email, password_hash, display_name)
      SELECT ${bulk.shopId}, 'bulk-' || g || '@example.com', 'unusable', 'Bulk ' || g FROM generate_series(1, 5000) AS g`.execute(
      app.db,
    )
    await sql`ANALYZE "user"`.execute(app.db)
    const plan = await app.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ 'QUERY PLAN': string }>`
        EXPLAIN (COSTS OFF) SELECT * FROM "user" WHERE shop_id = ${bulk.shopId} AND deleted_at IS NULL
        AND (lower(email) LIKE 'ada%' OR lower(display_name) LIKE 'ada%')`.execute(trx)
      return rows.map((r) => r['QUERY PLAN']).join('\n')
    })
    expect(plan).toContain('user_shop_id_lower_email_pattern_idx')
    expect(plan).toContain('user_shop_id_lower_display_name_pattern_idx')
  })

  it('counts the totalCount of a search', async () => {
    expect(expectNoErrors(await list({ query: 'ad' })).shop!.customers.totalCount).toBe(3)
  })

  it('walks forward and backward through the same order', async () => {
    const all = await emails({ first: 100 })
    const { forward, backward } = await walkBothWays(
      async (args) => expectNoErrors(await list(args)).shop!.customers,
      4,
      (node) => node.email,
    )
    expect(forward).toEqual(all)
    expect(backward).toEqual(all)
  })

  it('refuses a query longer than 100 characters and a forged cursor with BAD_USER_INPUT', async () => {
    const long = await list({ query: 'a'.repeat(101) })
    expect(long.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT'])
    const forged = await list({ after: Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url') })
    expect(forged.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT'])
  })

  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to customers', async () => {
    expect((await list({}, null)).body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED'])
    expect((await list({}, customer)).body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN'])
  })

  it('answers an empty list to staff of another shop', async () => {
    const connection = expectNoErrors(await list({}, otherStaff)).shop!.customers
    expect(connection).toMatchObject({ edges: [], totalCount: 0 })
  })
})

describe('Customer order statistics', () => {
  it('count every order placed and total the PAID ones only', async () => {
    const buyer = await registerCustomer(app, shop)
    await placeOrder(app, staff, buyer, '10.00', 'PAID')
    await placeOrder(app, staff, buyer, '2.50', 'PAID')
    await placeOrder(app, staff, buyer, '100.00', 'PENDING_PAYMENT')
    await placeOrder(app, staff, buyer, '40.00', 'CANCELLED')
    const [found] = expectNoErrors(await list({ query: buyer.email })).shop!.customers.edges.map((e) => e.node)
    expect(found).toMatchObject({
      email: buyer.email,
      orderCount: 4,
      totalSpent: { amount: '12.50', currencyCode: 'USD' },
    })
    expect(found.lastOrderAt).not.toBeNull()
  })

  it('are zero for a customer without orders', async () => {
    const [found] = expectNoErrors(await list({ query: 'ada@' })).shop!.customers.edges.map((e) => e.node)
    expect(found).toMatchObject({ orderCount: 0, totalSpent: { amount: '0.00' }, lastOrderAt: null })
  })

  it('run the same number of SQL statements for a page of 2 and a page of 20', async () => {
    for (let i = 0; i < 3; i++) await placeOrder(app, staff, people[PEOPLE[i].email], '1.00', 'PAID')
    app.statements.reset()
    expectNoErrors(await list({ first: 2 }))
    const small = app.statements.count
    app.statements.reset()
    const big = expectNoErrors(await list({ first: 20 })).shop!.customers
    expect(big.edges.length).toBeGreaterThan(6)
    expect(app.statements.count).toBe(small)
  })
})

describe('node(id:) for a Customer', () => {
  it('answers staff of the shop', async () => {
    const id = `gid://shopfront/Customer/${customer.userId}`
    const data = expectNoErrors(await app.gql(CustomerNodeDocument, { id }, { token: staff.accessToken }))
    expect(data.node).toMatchObject({
      __typename: 'Customer',
      id,
      email: customer.email,
      orderCount: expect.any(Number),
    })
  })

  it.each(['anonymous', 'the customer themself', 'staff of another shop'])('answers null to %s', async (who) => {
    const viewer = { anonymous: null, 'the customer themself': customer, 'staff of another shop': otherStaff }[who]!
    const response = await app.gql(
      CustomerNodeDocument,
      { id: `gid://shopfront/Customer/${customer.userId}` },
      { token: viewer?.accessToken },
    )
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data?.node).toBeNull()
  })
})
