import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ShopTimezoneDocument, ShopUpdateDocument, type ShopUpdateInput } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'
import { placeOrder, untilLockWaiters } from './support.js'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

const update = (viewer: Account | null, input: ShopUpdateInput) =>
  app.gql(ShopUpdateDocument, { input }, { token: viewer?.accessToken })
const settings = async (handle: string) => expectNoErrors(await app.gql(ShopTimezoneDocument, { shop: handle })).shop!
const codes = (response: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  response.body.errors?.map((e) => e.extensions?.code)

describe('shopUpdate', () => {
  it('starts every shop in UTC', async () => {
    const { handle } = await createShop(app)
    expect((await settings(handle)).timezone).toBe('UTC')
  })

  it('changes name, tax rate and time zone (stored canonically), and audits the change', async () => {
    const { handle, admin } = await createShop(app)
    const payload = expectNoErrors(
      await update(admin, { name: 'Renamed', taxRateBasisPoints: 825, timezone: 'europe/paris' }),
    ).shopUpdate
    expect(payload.userErrors).toEqual([])
    expect(payload.shop).toMatchObject({ name: 'Renamed', taxRateBasisPoints: 825, timezone: 'Europe/Paris' })
    expect(await settings(handle)).toMatchObject({ name: 'Renamed', taxRateBasisPoints: 825, timezone: 'Europe/Paris' })
    const events = await app.db
      .selectFrom('audit_event')
      .selectAll()
      .where('shop_id', '=', admin.shopId)
      .where('action', '=', 'shop.updated')
      .execute()
    expect(events).toMatchObject([
      {
        actor_id: admin.userId,
        diff: {
          before: { name: `Shop ${handle}`, tax_rate_bps: 0, timezone: 'UTC' },
          after: { name: 'Renamed', tax_rate_bps: 825, timezone: 'Europe/Paris' },
        },
      },
    ])
  })

  it.each(['Mars/Olympus_Mons', '+01:00', 'UTC; DROP TABLE shop', 'x'.repeat(65), ''])(
    'refuses the time zone %j with INVALID_INPUT',
    async (timezone) => {
      const { handle, admin } = await createShop(app)
      const payload = expectNoErrors(await update(admin, { timezone, name: 'Unchanged?' })).shopUpdate
      expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['input', 'timezone']]])
      expect(await settings(handle)).toMatchObject({ timezone: 'UTC', name: `Shop ${handle}` })
    },
  )

  it('refuses a tax rate out of range and an empty name', async () => {
    const { admin } = await createShop(app)
    const payload = expectNoErrors(await update(admin, { taxRateBasisPoints: 10_001, name: '  ' })).shopUpdate
    expect(payload.userErrors.map((e) => e.field)).toEqual([
      ['input', 'name'],
      ['input', 'taxRateBasisPoints'],
    ])
  })

  it('changes the currency while the shop has no orders', async () => {
    const { handle, admin } = await createShop(app)
    expect(expectNoErrors(await update(admin, { currencyCode: 'EUR' })).shopUpdate.userErrors).toEqual([])
    expect((await settings(handle)).currencyCode).toBe('EUR')
  })

  it('refuses a currency change once the shop has an order', async () => {
    const { handle, admin } = await createShop(app)
    const customer = await registerCustomer(app, handle)
    await placeOrder(app, admin, customer, '5.00', 'PENDING_PAYMENT')
    const payload = expectNoErrors(await update(admin, { currencyCode: 'EUR' })).shopUpdate
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_STATE', ['input', 'currencyCode']]])
    expect((await settings(handle)).currencyCode).toBe('USD')
  })

  it('refuses a currency change racing a checkout that commits the first order meanwhile', async () => {
    const { handle, admin } = await createShop(app)
    // Stand in for a checkout between its read of the shop (FOR SHARE) and its commit.
    const pending = await app.db.transaction().execute(async (trx) => {
      await trx.selectFrom('shop').select('id').where('id', '=', admin.shopId).forShare().execute()
      const change = update(admin, { currencyCode: 'EUR' })
      await untilLockWaiters(app, 1)
      await trx
        .insertInto('order')
        .values({
          shop_id: admin.shopId,
          number: 1,
          customer_id: admin.userId,
          status: 'PENDING_PAYMENT',
          currency_code: 'USD',
          tax_rate_bps: 0,
          subtotal_minor: '100',
          tax_minor: '0',
          total_minor: '100',
        })
        .execute()
      return { change }
    })
    const payload = expectNoErrors(await pending.change).shopUpdate
    expect(payload.userErrors.map((e) => e.code)).toEqual(['INVALID_STATE'])
    expect((await settings(handle)).currencyCode).toBe('USD')
  })

  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to customers and staff', async () => {
    const { handle } = await createShop(app)
    const staff = await createStaff(app, handle)
    const customer = await registerCustomer(app, handle)
    expect(codes(await update(null, { name: 'No' }))).toEqual(['UNAUTHENTICATED'])
    expect(codes(await update(customer, { name: 'No' }))).toEqual(['FORBIDDEN'])
    expect(codes(await update(staff, { name: 'No' }))).toEqual(['FORBIDDEN'])
    expect((await settings(handle)).name).toBe(`Shop ${handle}`)
  })

  it('changes only the admin’s own shop: another shop’s admin cannot reach ours', async () => {
    const ours = await createShop(app)
    const theirs = await createShop(app)
    expect(expectNoErrors(await update(theirs.admin, { name: 'Theirs' })).shopUpdate.shop?.name).toBe('Theirs')
    expect((await settings(ours.handle)).name).toBe(`Shop ${ours.handle}`)
  })
})
