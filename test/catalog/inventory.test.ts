import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InventoryAdjustDocument, InventorySetDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { type Account, createProduct, createShop, createStaff, uniqueSku, uuidOf } from '../support/fixtures.js'

let app: TestApp
let staff: Account

beforeAll(async () => {
  app = await startTestApp()
  const shop = (await createShop(app)).handle
  staff = await createStaff(app, shop)
})
afterAll(() => app?.close())

const as = () => ({ token: staff.accessToken })
const NO_SUCH_VARIANT = 'gid://shopfront/ProductVariant/00000000-0000-4000-8000-000000000000'

async function variantWithStock(quantity: number): Promise<string> {
  const product = await createProduct(app, staff, { variants: [{ sku: uniqueSku(), price: '5.00', quantity }] })
  return product.variants[0].id
}

async function stockOf(variantId: string): Promise<number> {
  const row = await app.db
    .selectFrom('product_variant')
    .select('stock')
    .where('id', '=', uuidOf(variantId))
    .executeTakeFirstOrThrow()
  return row.stock
}

async function auditOf(variantId: string, action: string) {
  return app.db
    .selectFrom('audit_event')
    .selectAll()
    .where('target_id', '=', uuidOf(variantId))
    .where('action', '=', action)
    .execute()
}

async function adjust(variantId: string, delta: number, reason = 'correction') {
  return expectNoErrors(await app.gql(InventoryAdjustDocument, { input: { variantId, delta, reason } }, as()))
    .inventoryAdjust
}

describe('inventoryAdjust', () => {
  it('adds and removes units and audits each change with before, after, delta and reason', async () => {
    const variantId = await variantWithStock(5)
    expect(await adjust(variantId, 3, 'received')).toEqual({
      variant: { id: variantId, quantityAvailable: 8, availableForSale: true },
      userErrors: [],
    })
    expect((await adjust(variantId, -8, 'damaged')).variant).toMatchObject({
      quantityAvailable: 0,
      availableForSale: false,
    })
    const events = await auditOf(variantId, 'inventory.adjusted')
    expect(events.map((e) => e.diff)).toEqual(
      expect.arrayContaining([
        { before: { stock: 5 }, after: { stock: 8 }, delta: 3, reason: 'received' },
        { before: { stock: 8 }, after: { stock: 0 }, delta: -8, reason: 'damaged' },
      ]),
    )
    expect(events.every((e) => e.actor_id === staff.userId)).toBe(true)
  })

  it('refuses a change below 0 with OUT_OF_STOCK, leaving the stock and the audit log alone', async () => {
    const variantId = await variantWithStock(2)
    const payload = await adjust(variantId, -3)
    expect(payload).toEqual({
      variant: null,
      userErrors: [{ code: 'OUT_OF_STOCK', field: ['input', 'delta'], message: expect.any(String) }],
    })
    expect(await stockOf(variantId)).toBe(2)
    expect(await auditOf(variantId, 'inventory.adjusted')).toEqual([])
  })

  it('refuses a zero delta and an empty reason, naming the fields', async () => {
    const variantId = await variantWithStock(2)
    const payload = await adjust(variantId, 0, ' ')
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['input', 'delta']],
      ['INVALID_INPUT', ['input', 'reason']],
    ])
  })

  it('refuses to raise the stock above 1,000,000,000 (it stays a 32-bit integer)', async () => {
    const variantId = await variantWithStock(1_000_000_000)
    const payload = await adjust(variantId, 1)
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['input', 'delta']]])
    expect(await stockOf(variantId)).toBe(1_000_000_000)
  })

  it('lets exactly 20 of 50 concurrent -1 adjustments through on a stock of 20, never below 0', async () => {
    const variantId = await variantWithStock(20)
    const payloads = await Promise.all(Array.from({ length: 50 }, () => adjust(variantId, -1, 'sale')))
    const succeeded = payloads.filter((p) => p.variant !== null)
    const refused = payloads.filter((p) => p.variant === null)
    expect(succeeded).toHaveLength(20)
    expect(refused).toHaveLength(30)
    expect(refused.every((p) => p.userErrors.length === 1 && p.userErrors[0].code === 'OUT_OF_STOCK')).toBe(true)
    // No lost update: every winner saw a different remaining stock, 19 down to 0.
    const remaining = succeeded.map((p) => p.variant!.quantityAvailable).sort((a, b) => a - b)
    expect(remaining).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(await stockOf(variantId)).toBe(0)
    expect(await auditOf(variantId, 'inventory.adjusted')).toHaveLength(20)
  })
})

describe('inventorySet', () => {
  it('sets the stock when it still equals expectedQuantity, and audits it', async () => {
    const variantId = await variantWithStock(4)
    const payload = expectNoErrors(
      await app.gql(
        InventorySetDocument,
        { input: { variantId, quantity: 9, expectedQuantity: 4, reason: 'stock count' } },
        as(),
      ),
    ).inventorySet
    expect(payload).toEqual({ variant: { id: variantId, quantityAvailable: 9 }, userErrors: [] })
    const [event] = await auditOf(variantId, 'inventory.set')
    expect(event.diff).toEqual({ before: { stock: 4 }, after: { stock: 9 }, reason: 'stock count' })
  })

  it('refuses a stale expectedQuantity with CONFLICT and keeps the newer stock', async () => {
    const variantId = await variantWithStock(4)
    const first = expectNoErrors(
      await app.gql(InventorySetDocument, { input: { variantId, quantity: 7, expectedQuantity: 4 } }, as()),
    ).inventorySet
    expect(first.userErrors).toEqual([])
    // A second client still believes the stock is 4.
    const stale = expectNoErrors(
      await app.gql(InventorySetDocument, { input: { variantId, quantity: 1, expectedQuantity: 4 } }, as()),
    ).inventorySet
    expect(stale).toEqual({
      variant: null,
      userErrors: [{ code: 'CONFLICT', field: ['input', 'expectedQuantity'], message: expect.any(String) }],
    })
    expect(await stockOf(variantId)).toBe(7)
    expect(await auditOf(variantId, 'inventory.set')).toHaveLength(1)
  })

  it('refuses a negative quantity, naming the field', async () => {
    const variantId = await variantWithStock(1)
    const payload = expectNoErrors(
      await app.gql(InventorySetDocument, { input: { variantId, quantity: -1, expectedQuantity: 1 } }, as()),
    ).inventorySet
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['input', 'quantity']]])
    expect(await stockOf(variantId)).toBe(1)
  })

  it('answers NOT_FOUND for a variant id that matches nothing', async () => {
    const payload = expectNoErrors(
      await app.gql(
        InventorySetDocument,
        { input: { variantId: NO_SUCH_VARIANT, quantity: 1, expectedQuantity: 0 } },
        as(),
      ),
    ).inventorySet
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['NOT_FOUND', ['input', 'variantId']]])
  })
})

describe('the stock >= 0 CHECK constraint', () => {
  it('refuses a negative stock written past the service', async () => {
    const variantId = await variantWithStock(1)
    await expect(
      sql`UPDATE product_variant SET stock = -1 WHERE id = ${uuidOf(variantId)}`.execute(app.db),
    ).rejects.toMatchObject({ code: '23514', constraint: 'product_variant_stock_nonnegative' })
    expect(await stockOf(variantId)).toBe(1)
  })
})
