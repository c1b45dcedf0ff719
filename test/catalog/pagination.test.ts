import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { ShopProductsDocument, ShopProductsWithVariantsDocument, type ProductSortKey } from '../generated/graphql.js'
import { seedCatalog } from '../../src/modules/catalog/catalog.seed.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { type Account, createProduct, createShop, createStaff, uniqueSku } from '../support/fixtures.js'

let app: TestApp
let shop: string
let staff: Account

// Title and price of each product, created in this order; equal titles and equal prices are there on
// purpose, so the order must fall back on the id.
const CATALOG: [string, string][] = [
  ['Mango', '7.00'],
  ['Apple', '3.00'],
  ['kiwi', '5.00'],
  ['Cherry', '9.50'],
  ['Kiwi', '5.00'],
  ['Elder 100% Juice', '2.25'],
  ['Grape', '11.00'],
]

beforeAll(async () => {
  // 100 products with their variants cost 20,203 points (each variants list priced at its bound of 100):
  // the statement-count test needs them, so this app lifts the cost limit; cost has tests of its own.
  const limits = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused/db',
    JWT_SECRET: 's'.repeat(32),
  }).limits
  app = await startTestApp({
    limits: { ...limits, cost: 1_000_000, costBucketCapacity: 10_000_000, costLeakPerSecond: 1_000_000 },
  })
  shop = (await createShop(app)).handle
  staff = await createStaff(app, shop)
  for (const [title, price] of CATALOG) {
    await createProduct(app, staff, { title, variants: [{ sku: uniqueSku(), price }] })
  }
})
afterAll(() => app?.close())

type Args = {
  first?: number
  after?: string
  last?: number
  before?: string
  sortKey?: ProductSortKey
  reverse?: boolean
}

async function page(args: Args, filter?: object) {
  return expectNoErrors(await app.gql(ShopProductsDocument, { shop, ...args, filter })).shop!.products
}

/** Every product in the order the database defines for the sort key, for comparison. */
async function expectedOrder(sortKey: ProductSortKey, reverse = false): Promise<string[]> {
  const column = { CREATED_AT: 'created_at', TITLE: 'title', PRICE: 'min_price_minor' } as const
  const direction = reverse ? 'desc' : 'asc'
  const rows = await app.db
    .selectFrom('product')
    .innerJoin('shop', 'shop.id', 'product.shop_id')
    .select('product.handle')
    .where('shop.handle', '=', shop)
    .where('product.status', '=', 'ACTIVE')
    .where('product.deleted_at', 'is', null)
    .orderBy(`product.${column[sortKey]}`, direction)
    .orderBy('product.id', direction)
    .execute()
  return rows.map((r) => r.handle)
}

async function walkForward(size: number, sortKey: ProductSortKey, reverse = false) {
  const handles: string[] = []
  let after: string | undefined
  for (let guard = 0; guard < 20; guard++) {
    const result = await page({ first: size, after, sortKey, reverse })
    handles.push(...result.edges.map((e) => e.node.handle))
    expect(result.pageInfo.hasPreviousPage).toBe(after !== undefined)
    if (!result.pageInfo.hasNextPage) return handles
    after = result.pageInfo.endCursor!
  }
  throw new Error('pagination did not end')
}

async function walkBackward(size: number, sortKey: ProductSortKey, reverse = false) {
  const handles: string[] = []
  let before: string | undefined
  for (let guard = 0; guard < 20; guard++) {
    const result = await page({ last: size, before, sortKey, reverse })
    handles.unshift(...result.edges.map((e) => e.node.handle))
    expect(result.pageInfo.hasNextPage).toBe(before !== undefined)
    if (!result.pageInfo.hasPreviousPage) return handles
    before = result.pageInfo.startCursor!
  }
  throw new Error('pagination did not end')
}

describe('keyset pagination', () => {
  it.each([
    ['CREATED_AT', false],
    ['CREATED_AT', true],
    ['TITLE', false],
    ['TITLE', true],
    ['PRICE', false],
    ['PRICE', true],
  ] as const)(
    'walks forward with first/after by %s (reverse %s) in the stable order, ties broken by id',
    async (sortKey, reverse) => {
      const all = await expectedOrder(sortKey, reverse)
      expect(all).toHaveLength(CATALOG.length)
      expect(await walkForward(2, sortKey, reverse)).toEqual(all)
    },
  )

  it.each(['CREATED_AT', 'TITLE', 'PRICE'] as const)(
    'walks backward with last/before by %s to the same order',
    async (sortKey) => {
      expect(await walkBackward(3, sortKey)).toEqual(await expectedOrder(sortKey))
    },
  )

  it('orders by price cheapest first and by creation oldest first', async () => {
    const cheapest = await page({ first: 3, sortKey: 'PRICE' })
    expect(cheapest.edges.map((e) => e.node.title)).toEqual([
      'Elder 100% Juice',
      'Apple',
      expect.stringMatching(/^kiwi$/i),
    ])
    expect((await page({ first: 2 })).edges.map((e) => e.node.title)).toEqual(['Mango', 'Apple'])
  })

  it('defaults to 20 per page and reports the total count', async () => {
    const result = await page({})
    expect(result.edges).toHaveLength(CATALOG.length)
    expect(result.totalCount).toBe(CATALOG.length)
    expect(result.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false })
  })

  it('keeps cursors valid when products are inserted before and after them', async () => {
    const { handle, admin: editor } = await createShop(app)
    for (const title of ['Alpha', 'Charlie', 'Echo', 'Golf']) {
      await createProduct(app, editor, { title, variants: [{ sku: uniqueSku(), price: '1.00' }] })
    }
    const list = async (args: Args) =>
      expectNoErrors(await app.gql(ShopProductsDocument, { shop: handle, sortKey: 'TITLE', ...args })).shop!.products
    const first = await list({ first: 2 })
    expect(first.edges.map((e) => e.node.title)).toEqual(['Alpha', 'Charlie'])
    const second = await list({ first: 2, after: first.pageInfo.endCursor! })
    expect(second.edges.map((e) => e.node.title)).toEqual(['Echo', 'Golf'])

    for (const title of ['Bravo', 'Delta', 'Foxtrot']) {
      await createProduct(app, editor, { title, variants: [{ sku: uniqueSku(), price: '1.00' }] })
    }
    // The same cursors now sit between new rows: nothing before them reappears, nothing after is skipped.
    const resumed = await list({ first: 3, after: first.pageInfo.endCursor! })
    expect(resumed.edges.map((e) => e.node.title)).toEqual(['Delta', 'Echo', 'Foxtrot'])
    const back = await list({ last: 2, before: second.pageInfo.startCursor! })
    expect(back.edges.map((e) => e.node.title)).toEqual(['Charlie', 'Delta'])
    expect(back.pageInfo.hasPreviousPage).toBe(true)
  })
})

describe('filters', () => {
  it('matches a title substring case-insensitively, taking % and _ literally', async () => {
    const kiwis = await page({ first: 10 }, { titleContains: 'KIW' })
    expect(kiwis.edges.map((e) => e.node.title).sort()).toEqual(['Kiwi', 'kiwi'])
    expect(kiwis.totalCount).toBe(2)
    expect((await page({}, { titleContains: '100%' })).edges.map((e) => e.node.title)).toEqual(['Elder 100% Juice'])
    expect((await page({}, { titleContains: '%' })).totalCount).toBe(1)
    expect((await page({}, { titleContains: 'a_p' })).totalCount).toBe(0)
  })

  it('keeps products whose lowest price lies in the price range, bounds included', async () => {
    const result = await page({ sortKey: 'PRICE' }, { priceMin: '5', priceMax: '9.50' })
    const kiwi = expect.stringMatching(/^kiwi$/i)
    expect(result.edges.map((e) => e.node.title)).toEqual([kiwi, kiwi, 'Mango', 'Cherry'])
    expect(result.totalCount).toBe(4)
  })

  it('refuses a malformed price bound with BAD_USER_INPUT', async () => {
    const response = await app.gql(ShopProductsDocument, { shop, filter: { priceMin: '1.005' } })
    expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
  })
})

const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url')

describe('malformed page arguments', () => {
  it.each([
    ['first: 101', { first: 101 }],
    ['first: 0', { first: 0 }],
    ['last: 101', { last: 101 }],
    ['a cursor that is not base64url JSON', { first: 2, after: 'not a cursor!' }],
    ['a base64url cursor of the wrong shape', { first: 2, after: cursor(['x']) }],
    ['a cursor with a bad id', { first: 2, after: cursor(['CREATED_AT', '2026-01-01T00:00:00.000Z', 'nope']) }],
    ['first together with last', { first: 2, last: 2 }],
  ])('answers BAD_USER_INPUT for %s', async (_name, args) => {
    const response = await app.gql(ShopProductsDocument, { shop, ...args })
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT'])
    expect(response.body.data?.shop ?? null).toBeNull()
  })

  it('answers BAD_USER_INPUT for a cursor of another sort order', async () => {
    const byTitle = await page({ first: 1, sortKey: 'TITLE' })
    const response = await app.gql(ShopProductsDocument, {
      shop,
      first: 1,
      after: byTitle.pageInfo.endCursor!,
      sortKey: 'PRICE',
    })
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT'])
  })
})

describe('SQL statements', () => {
  it('are the same few for 20 and for 100 products with their variants (no N+1)', async () => {
    const created = await createShop(app)
    expect(await seedCatalog(app.db, app.config, created.admin.shopId, created.admin.userId)).toBe(50)
    const run = async (first: number) => {
      app.statements.reset()
      const data = expectNoErrors(await app.gql(ShopProductsWithVariantsDocument, { shop: created.handle, first }))
      return { count: app.statements.count, products: data.shop!.products.nodes }
    }
    const small = await run(20)
    const large = await run(100)
    expect(small.products).toHaveLength(20)
    expect(large.products.length).toBeGreaterThan(40) // every ACTIVE seeded product
    expect(large.products.every((p) => p.variants.length >= 1)).toBe(true)
    // the cost bucket's charge (+1, once per operation), and the shop by handle with its page of
    // products and their variants embedded as JSON (graphql/embed.ts).
    expect(small.count).toBe(2)
    expect(large.count).toBe(small.count)
  })
})
