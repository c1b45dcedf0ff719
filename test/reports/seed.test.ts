import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, DEMO_SHOP_HANDLE, DEMO_USERS, seedDemoData } from '../../db/seed.js'
import { ReportsDocument, SessionCreateDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
  await seedDemoData(app.db, app.config)
})
afterAll(() => app?.close())

const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10)

describe('demo data for the reports', () => {
  it('gives every report rows over the last month', async () => {
    const input = { shopHandle: DEMO_SHOP_HANDLE, email: DEMO_USERS.staff.email, password: DEMO_PASSWORD }
    const token = expectNoErrors(await app.gql(SessionCreateDocument, { input })).sessionCreate.session!.accessToken
    const data = expectNoErrors(
      await app.gql(ReportsDocument, { shop: DEMO_SHOP_HANDLE, from: day(-30), to: day(0) }, { token }),
    )
    const reports = data.shop!.reports!
    expect(reports.topCustomers.length).toBeGreaterThanOrEqual(3)
    expect(reports.salesByDay.filter((d) => d.orders > 0).length).toBeGreaterThanOrEqual(8)
    expect(reports.topVariants.length).toBeGreaterThanOrEqual(5)
  })

  it('leaves an audit trail of the staff actions', async () => {
    const rows = await app.db.selectFrom('audit_event').select('action').distinct().orderBy('action').execute()
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['order.placed', 'order.paid', 'shop.created']))
  })
})
