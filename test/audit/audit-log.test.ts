import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AuditEventNodeDocument,
  ShopAuditEventsDocument,
  ShopUpdateDocument,
  type AuditEventFilter,
} from '../generated/graphql.js'
import { createProduct } from '../support/fixtures.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'
import { walkBothWays } from '../support/paging.js'

let app: TestApp
let shop: string
let admin: Account
let staff: Account
let customer: Account
let other: { handle: string; admin: Account }
let productIds: string[]
const PRODUCTS = 8

beforeAll(async () => {
  app = await startTestApp()
  ;({ handle: shop, admin } = await createShop(app))
  staff = await createStaff(app, shop)
  customer = await registerCustomer(app, shop)
  productIds = []
  for (let i = 0; i < PRODUCTS; i++) productIds.push((await createProduct(app, staff, { title: `Audited ${i}` })).id)
  expectNoErrors(await app.gql(ShopUpdateDocument, { input: { name: 'Audited shop' } }, { token: admin.accessToken }))
  other = await createShop(app)
  await createProduct(app, other.admin, { title: 'Elsewhere' })
})
afterAll(() => app?.close())

type Args = { first?: number; after?: string; last?: number; before?: string; filter?: AuditEventFilter }

const log = (args: Args = {}, viewer: Account | null = admin, handle = shop) =>
  app.gql(ShopAuditEventsDocument, { shop: handle, ...args }, { token: viewer?.accessToken })
const events = async (args: Args = {}) => expectNoErrors(await log(args)).shop!.auditEvents.edges.map((e) => e.node)
const codes = (response: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  response.body.errors?.map((e) => e.extensions?.code)

/** The shop's events as the database orders them, newest first. */
async function expectedIds(where: (q: any) => any = (q) => q): Promise<string[]> {
  const rows = await where(app.db.selectFrom('audit_event').select('id').where('shop_id', '=', admin.shopId))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r: { id: string }) => `gid://shopfront/AuditEvent/${r.id}`)
}

describe('Shop.auditEvents', () => {
  it('lists the shop’s events newest first, and only the shop’s', async () => {
    const all = await events({ first: 100 })
    expect(all.map((e) => e.id)).toEqual(await expectedIds())
    expect(all.map((e) => e.action)).toEqual([
      'shop.updated',
      ...Array(PRODUCTS).fill('product.created'),
      'shop.created',
    ])
  })

  it('resolves actor and target as nodes and gives the diff as JSON', async () => {
    const [updated] = await events({ first: 1 })
    expect(updated).toMatchObject({
      action: 'shop.updated',
      actorId: admin.globalId,
      actor: { id: admin.globalId, displayName: 'Admin' },
      targetType: 'Shop',
      targetId: `gid://shopfront/Shop/${admin.shopId}`,
      target: { __typename: 'Shop', id: `gid://shopfront/Shop/${admin.shopId}` },
      diff: { before: { name: `Shop ${shop}` }, after: { name: 'Audited shop' } },
      requestId: expect.any(String),
    })
    const [created] = await events({ first: 1, filter: { targetId: productIds[0] } })
    expect(created).toMatchObject({
      action: 'product.created',
      actor: { id: staff.globalId },
      target: { __typename: 'Product', id: productIds[0] },
    })
    expect(created.diff).toMatchObject({ before: null, after: { title: 'Audited 0' } })
  })

  it('keeps the actor id when the actor’s account is gone, with actor null', async () => {
    const { handle, admin: leaver } = await createShop(app)
    const keeper = await createStaff(app, handle, 'ADMIN')
    await app.db.updateTable('user').set({ deleted_at: new Date() }).where('id', '=', leaver.userId).execute()
    const [created] = expectNoErrors(
      await log({ filter: { action: 'shop.created' } }, keeper, handle),
    ).shop!.auditEvents.edges.map((e) => e.node)
    expect(created).toMatchObject({ actorId: leaver.globalId, actor: null })
  })

  it.each([
    ['actorId', () => ({ actorId: staff.globalId }), (q: any) => q.where('actor_id', '=', staff.userId)],
    ['action', () => ({ action: 'shop.updated' }), (q: any) => q.where('action', '=', 'shop.updated')],
    ['targetType', () => ({ targetType: 'Product' }), (q: any) => q.where('target_type', '=', 'Product')],
    [
      'targetId',
      () => ({ targetId: productIds[3] }),
      (q: any) => q.where('target_id', '=', productIds[3].split('/').pop()),
    ],
  ] as const)('filters by %s', async (_name, filter, where) => {
    const expected = await expectedIds(where)
    expect(expected.length).toBeGreaterThan(0)
    expect((await events({ first: 100, filter: filter() })).map((e) => e.id)).toEqual(expected)
  })

  it('filters by time: from is inclusive, to exclusive', async () => {
    const all = await events({ first: 100 })
    const pivot = all[3].createdAt
    const from = (await events({ first: 100, filter: { from: pivot } })).map((e) => e.id)
    const to = (await events({ first: 100, filter: { to: pivot } })).map((e) => e.id)
    expect(from).toContain(all[3].id)
    expect(to).not.toContain(all[3].id)
    expect([...from, ...to].sort()).toEqual(all.map((e) => e.id).sort())
  })

  it('walks forward and backward through the same order, 3 at a time', async () => {
    const all = await expectedIds()
    const { forward, backward } = await walkBothWays(
      async (args) => expectNoErrors(await log(args)).shop!.auditEvents,
      3,
      (node) => node.id,
    )
    expect(forward).toEqual(all)
    expect(backward).toEqual(all)
  })

  it('runs the same number of SQL statements for a page of 2 and a page of 8, actors and targets included', async () => {
    const filter = { action: 'product.created' }
    app.statements.reset()
    expect(await events({ first: 2, filter })).toHaveLength(2)
    const small = app.statements.count
    app.statements.reset()
    expect(await events({ first: 8, filter })).toHaveLength(8)
    expect(app.statements.count).toBe(small)
  })

  it('serves every filter from its own index in the order of the page (no sort)', async () => {
    await sql`ANALYZE audit_event`.execute(app.db)
    const cases = [
      [sql`actor_id = ${staff.userId}`, 'audit_event_shop_id_actor_id_created_at_idx'],
      [sql`action = 'order.paid'`, 'audit_event_shop_id_action_created_at_idx'],
      [sql`target_type = 'Product'`, 'audit_event_shop_id_target_type_created_at_idx'],
      [sql`target_type = 'Product' AND target_id = ${admin.userId}`, 'audit_event_shop_id_target_created_at_idx'],
      [sql`created_at >= now() - interval '1 day'`, 'audit_event_shop_id_created_at_idx'],
    ] as const
    for (const [condition, index] of cases) {
      const plan = await app.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx)
        const { rows } = await sql<{ 'QUERY PLAN': string }>`
          EXPLAIN SELECT * FROM audit_event WHERE shop_id = ${admin.shopId} AND ${condition}
          ORDER BY created_at DESC, id DESC LIMIT 21`.execute(trx)
        return rows.map((r) => r['QUERY PLAN']).join('\n')
      })
      expect(plan).toContain(`Index Scan using ${index} on audit_event`)
      expect(plan).not.toMatch(/Sort/)
    }
  })

  it('refuses malformed filters with BAD_USER_INPUT', async () => {
    expect(codes(await log({ filter: { actorId: productIds[0] } }))).toEqual(['BAD_USER_INPUT'])
    expect(codes(await log({ filter: { targetId: 'not-an-id' } }))).toEqual(['BAD_USER_INPUT'])
    expect(codes(await log({ filter: { targetId: productIds[0], targetType: 'Order' } }))).toEqual(['BAD_USER_INPUT'])
    expect(codes(await log({ filter: { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' } }))).toEqual([
      'BAD_USER_INPUT',
    ])
    expect(codes(await log({ filter: { action: 'a'.repeat(101) } }))).toEqual(['BAD_USER_INPUT'])
  })

  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to customers and staff', async () => {
    expect(codes(await log({}, null))).toEqual(['UNAUTHENTICATED'])
    expect(codes(await log({}, customer))).toEqual(['FORBIDDEN'])
    expect(codes(await log({}, staff))).toEqual(['FORBIDDEN'])
  })

  it('answers an empty list to the admin of another shop', async () => {
    expect(expectNoErrors(await log({}, other.admin)).shop!.auditEvents.edges).toEqual([])
  })
})

describe('node(id:) for an AuditEvent', () => {
  it('answers the admin of the shop, and null to staff and to another shop’s admin', async () => {
    const [event] = await events({ first: 1 })
    const as = async (viewer: Account) =>
      expectNoErrors(await app.gql(AuditEventNodeDocument, { id: event.id }, { token: viewer.accessToken })).node
    expect(await as(admin)).toEqual({ __typename: 'AuditEvent', id: event.id, action: 'shop.updated' })
    expect(await as(staff)).toBeNull()
    expect(await as(other.admin)).toBeNull()
  })
})

describe('the audit log is append-only', () => {
  it('refuses UPDATE and DELETE of an event in the database itself', async () => {
    await expect(
      sql`UPDATE audit_event SET action = 'forged' WHERE shop_id = ${admin.shopId}`.execute(app.db),
    ).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit_event WHERE shop_id = ${admin.shopId}`.execute(app.db)).rejects.toThrow(
      /append-only/,
    )
    expect((await events({ first: 100 })).map((e) => e.action)).not.toContain('forged')
  })
})
