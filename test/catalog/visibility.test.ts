import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  InventoryAdjustDocument,
  ProductCreateDocument,
  ProductDeleteDocument,
  ProductDeletedAtDocument,
  ProductNodeDocument,
  ProductUpdateDocument,
  ShopProductDocument,
  ShopProductStaffDocument,
  ShopProductsDocument,
  VariantStockDocument,
} from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import {
  type Account,
  createProduct,
  createShop,
  createStaff,
  registerCustomer,
  uniqueSku,
} from '../support/fixtures.js'

let app: TestApp
let shop: string
let otherShop: string
let admin: Account
let staff: Account
let customer: Account
let otherStaff: Account
type Created = Awaited<ReturnType<typeof createProduct>>
let active: Created
let draft: Created
let archived: Created
let deleted: Created

beforeAll(async () => {
  app = await startTestApp()
  const a = await createShop(app)
  shop = a.handle
  admin = a.admin
  staff = await createStaff(app, shop)
  customer = await registerCustomer(app, shop)
  otherShop = (await createShop(app)).handle
  otherStaff = await createStaff(app, otherShop)
  active = await createProduct(app, staff, { title: 'Active Tee', status: 'ACTIVE' })
  draft = await createProduct(app, staff, { title: 'Draft Tee', status: 'DRAFT' })
  archived = await createProduct(app, staff, { title: 'Archived Tee', status: 'ARCHIVED' })
  deleted = await createProduct(app, staff, { title: 'Deleted Tee', status: 'ACTIVE' })
  const removal = expectNoErrors(
    await app.gql(ProductDeleteDocument, { input: { id: deleted.id } }, { token: staff.accessToken }),
  )
  expect(removal.productDelete.userErrors).toEqual([])
})
afterAll(() => app?.close())

const viewers = () =>
  ({
    anonymous: null,
    customer: customer.accessToken,
    'staff of another shop': otherStaff.accessToken,
  }) as Record<string, string | null>

async function productByHandle(handle: string, token: string | null) {
  return expectNoErrors(await app.gql(ShopProductDocument, { shop, handle }, { token })).shop?.product ?? null
}

async function nodeOf(id: string, token: string | null) {
  return expectNoErrors(await app.gql(ProductNodeDocument, { id }, { token })).node
}

async function listedHandles(token: string | null, filter?: { includeDeleted?: boolean }) {
  const data = expectNoErrors(await app.gql(ShopProductsDocument, { shop, first: 100, filter }, { token }))
  return data.shop!.products.edges.map((e) => e.node.handle)
}

describe('an ACTIVE product', () => {
  it.each(['anonymous', 'customer', 'staff of another shop'])(
    'is visible by handle, in lists and through node to %s',
    async (who) => {
      const token = viewers()[who]
      expect((await productByHandle(active.handle, token))?.id).toBe(active.id)
      expect(await listedHandles(token)).toContain(active.handle)
      expect(await nodeOf(active.id, token)).toMatchObject({ __typename: 'Product', id: active.id })
      const variant = await nodeOf(active.variants[0].id, token)
      expect(variant).toMatchObject({ __typename: 'ProductVariant', product: { id: active.id } })
    },
  )
})

describe.each([
  ['DRAFT', () => draft],
  ['ARCHIVED', () => archived],
  ['soft-deleted', () => deleted],
])('a %s product', (_label, product) => {
  it.each(['anonymous', 'customer', 'staff of another shop'])('answers as if it did not exist to %s', async (who) => {
    const token = viewers()[who]
    expect(await productByHandle(product().handle, token)).toBeNull()
    expect(await listedHandles(token)).not.toContain(product().handle)
    expect(await nodeOf(product().id, token)).toBeNull()
    expect(await nodeOf(product().variants[0].id, token)).toBeNull()
  })

  it('is visible to staff of its shop by handle and through node, as is its variant', async () => {
    const found = expectNoErrors(
      await app.gql(ShopProductStaffDocument, { shop, handle: product().handle }, { token: staff.accessToken }),
    ).shop?.product
    expect(found?.id).toBe(product().id)
    expect(found?.variants[0].quantityAvailable).toBe(5)
    expect(await nodeOf(product().id, staff.accessToken)).toMatchObject({ id: product().id })
    expect(await nodeOf(product().variants[0].id, admin.accessToken)).toMatchObject({ id: product().variants[0].id })
  })
})

describe('staff lists', () => {
  it('include drafts and archived products but not deleted ones', async () => {
    const handles = await listedHandles(staff.accessToken)
    expect(handles).toEqual(expect.arrayContaining([active.handle, draft.handle, archived.handle]))
    expect(handles).not.toContain(deleted.handle)
  })

  it('include deleted products with includeDeleted', async () => {
    expect(await listedHandles(staff.accessToken, { includeDeleted: true })).toContain(deleted.handle)
  })

  it('of another shop are the public list: staff rights apply only in their own shop', async () => {
    expect(await listedHandles(otherStaff.accessToken)).toEqual(await listedHandles(null))
    expect(await listedHandles(null)).toEqual([active.handle])
  })
})

describe('staff-only fields', () => {
  it.each(['anonymous', 'customer', 'staff of another shop'])(
    'refuses quantityAvailable to %s with FORBIDDEN',
    async (who) => {
      const response = await app.gql(VariantStockDocument, { id: active.variants[0].id }, { token: viewers()[who] })
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN'])
      expect(response.body.errors?.[0].path).toEqual(['node', 'quantityAvailable'])
      expect(response.body.data?.node).toBeNull()
    },
  )

  it.each(['anonymous', 'customer', 'staff of another shop'])('refuses deletedAt to %s with FORBIDDEN', async (who) => {
    const response = await app.gql(ProductDeletedAtDocument, { id: active.id }, { token: viewers()[who] })
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN'])
    expect(response.body.data?.node).toEqual({ id: active.id, deletedAt: null })
  })

  it('shows quantityAvailable and deletedAt to staff of the shop', async () => {
    const stock = expectNoErrors(
      await app.gql(VariantStockDocument, { id: active.variants[0].id }, { token: staff.accessToken }),
    )
    expect(stock.node).toEqual({ id: active.variants[0].id, quantityAvailable: 5 })
    const gone = expectNoErrors(
      await app.gql(ProductDeletedAtDocument, { id: deleted.id }, { token: staff.accessToken }),
    )
    expect(gone.node).toEqual({ id: deleted.id, deletedAt: expect.any(String) })
  })
})

describe('staff-only filters', () => {
  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['customer', 'FORBIDDEN'],
    ['staff of another shop', 'FORBIDDEN'],
  ])('refuses the status filter to %s with %s', async (who, code) => {
    const response = await app.gql(
      ShopProductsDocument,
      { shop, filter: { status: ['DRAFT'] } },
      { token: viewers()[who] },
    )
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual([code])
    expect(response.body.errors?.[0].path).toEqual(['shop', 'products'])
    expect(response.body.data?.shop ?? null).toBeNull()
  })

  it.each(['customer', 'staff of another shop'])('refuses includeDeleted to %s with FORBIDDEN', async (who) => {
    const response = await app.gql(
      ShopProductsDocument,
      { shop, filter: { includeDeleted: true } },
      { token: viewers()[who] },
    )
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN'])
  })

  it('accepts includeDeleted: false from anyone (it asks for nothing extra)', async () => {
    expect(await listedHandles(null, { includeDeleted: false })).toEqual([active.handle])
  })

  it('lets staff of the shop filter by status', async () => {
    const data = expectNoErrors(
      await app.gql(
        ShopProductsDocument,
        { shop, filter: { status: ['DRAFT', 'ARCHIVED'] } },
        { token: staff.accessToken },
      ),
    )
    expect(data.shop!.products.edges.map((e) => e.node.handle).sort()).toEqual([archived.handle, draft.handle].sort())
  })
})

describe('catalog mutations', () => {
  const create = { input: { title: 'Nope', variants: [{ sku: 'NOPE-1', price: '1.00' }] } }

  it('answer UNAUTHENTICATED to anonymous callers', async () => {
    const response = await app.gql(ProductCreateDocument, create)
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED'])
    expect(response.body.data).toBeNull()
  })

  it('answer FORBIDDEN to customers', async () => {
    const created = await app.gql(ProductCreateDocument, create, { token: customer.accessToken })
    expect(created.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN'])
    const adjusted = await app.gql(
      InventoryAdjustDocument,
      { input: { variantId: active.variants[0].id, delta: 1, reason: 'x' } },
      { token: customer.accessToken },
    )
    expect(adjusted.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN'])
    const written = await app.db.selectFrom('product').select('id').where('title', '=', 'Nope').execute()
    expect(written).toEqual([])
  })

  it('answer NOT_FOUND to staff of another shop and change nothing', async () => {
    const update = expectNoErrors(
      await app.gql(
        ProductUpdateDocument,
        { input: { id: draft.id, title: 'Hijacked' } },
        { token: otherStaff.accessToken },
      ),
    ).productUpdate
    expect(update).toEqual({
      product: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'], message: expect.any(String) }],
    })
    const adjust = expectNoErrors(
      await app.gql(
        InventoryAdjustDocument,
        { input: { variantId: draft.variants[0].id, delta: -1, reason: 'theft' } },
        { token: otherStaff.accessToken },
      ),
    ).inventoryAdjust
    expect(adjust.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    const row = await app.db
      .selectFrom('product')
      .select('title')
      .where('handle', '=', draft.handle)
      .executeTakeFirstOrThrow()
    expect(row.title).toBe('Draft Tee')
    const variant = expectNoErrors(
      await app.gql(VariantStockDocument, { id: draft.variants[0].id }, { token: staff.accessToken }),
    )
    expect(variant.node).toMatchObject({ quantityAvailable: 5 })
  })

  it('are open to admins of the shop too', async () => {
    const product = await createProduct(app, admin, {
      title: 'Admin Made',
      variants: [{ sku: uniqueSku(), price: '3.00' }],
    })
    expect(product.handle).toBe('admin-made')
  })
})
