import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditActions } from '../support/fixtures.js'
import {
  OrderCustomerEmailDocument,
  PostAuthorDocument,
  SessionCreateDocument,
  SessionRefreshDocument,
  UserEmailNodeDocument,
  ViewerCartDocument,
  ViewerDeleteDocument,
  ViewerProfileDocument,
} from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { PASSWORD, createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'
import { columnsMentioning, leaveFootprint, type Footprint } from './support.js'

let app: TestApp
let shop: string
let staff: Account

beforeAll(async () => {
  app = await startTestApp()
  const created = await createShop(app)
  shop = created.handle
  staff = await createStaff(app, shop)
})
afterAll(() => app?.close())

const erase = (account: Account, password = PASSWORD) =>
  app.gql(ViewerDeleteDocument, { input: { password } }, { token: account.accessToken })

describe('viewerDelete: refusals', () => {
  it('answers UNAUTHENTICATED without a token', async () => {
    const response = await app.gql(ViewerDeleteDocument, { input: { password: PASSWORD } })
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('answers INVALID_CREDENTIALS for a wrong password and leaves the account alone', async () => {
    const customer = await registerCustomer(app, shop)
    const payload = expectNoErrors(await erase(customer, 'not the password')).viewerDelete
    expect(payload).toEqual({
      deletedUserId: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'password'], message: expect.any(String) }],
    })
    const me = expectNoErrors(await app.gql(ViewerProfileDocument, {}, { token: customer.accessToken }))
    expect(me.viewer?.user.email).toBe(customer.email)
  })

  it('throttles the sixth wrong password in the window, even with the right one', async () => {
    const customer = await registerCustomer(app, shop)
    for (let i = 0; i < 5; i++)
      expect(expectNoErrors(await erase(customer, `wrong ${i}`)).viewerDelete.userErrors[0].code).toBe(
        'INVALID_CREDENTIALS',
      )
    const sixth = await erase(customer)
    expect(sixth.body.errors?.[0]?.extensions?.code).toBe('THROTTLED')
    expect(
      expectNoErrors(await app.gql(ViewerProfileDocument, {}, { token: customer.accessToken })).viewer,
    ).not.toBeNull()
  })

  it('refuses the last ADMIN of a shop with INVALID_STATE', async () => {
    const other = await createShop(app)
    const payload = expectNoErrors(await erase(other.admin)).viewerDelete
    expect(payload.userErrors.map((e) => e.code)).toEqual(['INVALID_STATE'])
    expect(
      expectNoErrors(await app.gql(ViewerProfileDocument, {}, { token: other.admin.accessToken })).viewer,
    ).not.toBeNull()
  })

  it('lets an ADMIN go when another ADMIN remains', async () => {
    const other = await createShop(app)
    const second = await createStaff(app, other.handle, 'ADMIN')
    expect(expectNoErrors(await erase(other.admin)).viewerDelete.userErrors).toEqual([])
    expect(expectNoErrors(await erase(second)).viewerDelete.userErrors.map((e) => e.code)).toEqual(['INVALID_STATE'])
  })

  it('lets exactly one of two last ADMINs deleting themselves at once succeed', async () => {
    const other = await createShop(app)
    const second = await createStaff(app, other.handle, 'ADMIN')
    const results = await Promise.all([erase(other.admin), erase(second)])
    const codes = results.map((r) =>
      expectNoErrors(r)
        .viewerDelete.userErrors.map((e) => e.code)
        .join(''),
    )
    expect(codes.sort()).toEqual(['', 'INVALID_STATE'])
  })
})

describe('viewerDelete: what erasure leaves', () => {
  let customer: Account
  let bystander: Account
  let twin: Account
  let footprint: Footprint

  beforeAll(async () => {
    customer = await registerCustomer(app, shop, 'Erase.Me@Example.com')
    footprint = await leaveFootprint(app, shop, staff, customer)
    // Another customer of the shop, and an account with the same address in another shop.
    bystander = await registerCustomer(app, shop, 'stays@example.com')
    const otherShop = await createShop(app)
    twin = await registerCustomer(app, otherShop.handle, 'erase.me@example.com')
    const payload = expectNoErrors(await erase(customer)).viewerDelete
    expect(payload).toEqual({ deletedUserId: customer.globalId, userErrors: [] })
  })

  it('leaves the address in no text or JSON column of any table, pg-boss included', async () => {
    // Rows of the twin's shop (their account, their welcome email job) keep it.
    expect(await columnsMentioning(app, 'erase.me@example.com', twin.shopId)).toEqual([])
    expect(await columnsMentioning(app, 'erase.me@example.com')).toEqual([
      'public.user.email (1)',
      'pgboss.job.data (1)',
    ])
  })

  it('ends the session: the access token is refused (401) and so is the refresh token', async () => {
    // Ended sessions end their access tokens at once (SPEC §4), so the old token is UNAUTHENTICATED.
    const ended = await app.gql(ViewerProfileDocument, {}, { token: customer.accessToken })
    expect(ended.status).toBe(401)
    expect(ended.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    const refreshed = expectNoErrors(
      await app.gql(SessionRefreshDocument, { input: { refreshToken: customer.refreshToken } }),
    )
    expect(refreshed.sessionRefresh.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
  })

  it('cannot be logged into with the old address and password', async () => {
    const login = expectNoErrors(
      await app.gql(SessionCreateDocument, { input: { shopHandle: shop, email: customer.email, password: PASSWORD } }),
    )
    expect(login.sessionCreate.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS'])
  })

  it('empties the cart', async () => {
    const lines = await app.db
      .selectFrom('cart_line')
      .innerJoin('cart', 'cart.id', 'cart_line.cart_id')
      .select('cart_line.id')
      .where('cart.user_id', '=', customer.userId)
      .execute()
    expect(lines).toEqual([])
  })

  it('keeps the order and its total, and staff see no customer (so no email) on it', async () => {
    const data = expectNoErrors(
      await app.gql(OrderCustomerEmailDocument, { shop, number: footprint.orderNumber }, { token: staff.accessToken }),
    )
    expect(data.shop?.order?.total.amount).toBe('24.00')
    expect(data.shop?.order?.customer).toBeNull()
  })

  it('shows no email to staff who look the user up by id', async () => {
    const data = expectNoErrors(
      await app.gql(UserEmailNodeDocument, { id: customer.globalId }, { token: staff.accessToken }),
    )
    expect(data.node === null || (data.node as { email?: string | null }).email == null).toBe(true)
  })

  it('keeps posts and comments, attributed to "Deleted user"', async () => {
    const data = expectNoErrors(await app.gql(PostAuthorDocument, { shop, post: footprint.postHandle }))
    expect(data.shop?.post?.author).toEqual({ displayName: 'Deleted user' })
    expect(data.shop?.post?.comments.nodes.map((c) => c.author.displayName)).toEqual(['Deleted user'])
  })

  it('keeps the review, attributed to "Deleted user"', async () => {
    const review = await app.db
      .selectFrom('review')
      .innerJoin('user', 'user.id', 'review.author_id')
      .select(['user.display_name', 'review.title'])
      .where('review.author_id', '=', customer.userId)
      .executeTakeFirstOrThrow()
    expect(review).toEqual({ display_name: 'Deleted user', title: 'Holds coffee' })
  })

  it('audits the erasure without the address', async () => {
    expect(await auditActions(app, customer.shopId)).toContain('user.deleted')
  })

  it('leaves other accounts alone: a bystander of the shop and the same address in another shop', async () => {
    expect(
      expectNoErrors(await app.gql(ViewerCartDocument, {}, { token: bystander.accessToken })).viewer,
    ).not.toBeNull()
    const me = expectNoErrors(await app.gql(ViewerProfileDocument, {}, { token: twin.accessToken }))
    expect(me.viewer?.user.email).toBe('erase.me@example.com')
  })
})
