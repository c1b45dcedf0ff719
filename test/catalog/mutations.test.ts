import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import {
  ProductCreateDocument,
  ProductDeleteDocument,
  ProductRestoreDocument,
  ProductUpdateDocument,
  ShopProductDocument,
  VariantCreateDocument,
  VariantDeleteDocument,
  VariantUpdateDocument,
  type ProductCreateInput,
} from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { type Account, createShop, createStaff, uniqueSku, uuidOf } from '../support/fixtures.js'

let app: TestApp
let shop: string
let staff: Account

beforeAll(async () => {
  // Every mutation here selects the product's variants, priced 100 times over (their bound): about 600
  // points each. One staff member makes them all, so the cost budget is raised; it has tests of its own.
  const limits = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused/db',
    JWT_SECRET: 's'.repeat(32),
  }).limits
  app = await startTestApp({ limits: { ...limits, costBucketCapacity: 10_000_000, costLeakPerSecond: 1_000_000 } })
  shop = (await createShop(app)).handle
  staff = await createStaff(app, shop)
})
afterAll(() => app?.close())

const as = () => ({ token: staff.accessToken })

async function create(input: Partial<ProductCreateInput>) {
  const full = { title: 'Thing', status: 'ACTIVE' as const, variants: [{ sku: uniqueSku(), price: '1.00' }], ...input }
  return expectNoErrors(await app.gql(ProductCreateDocument, { input: full }, as())).productCreate
}

async function productCount(): Promise<number> {
  const row = await app.db
    .selectFrom('product')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('shop_id', '=', staff.shopId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function auditOf(targetId: string) {
  return app.db
    .selectFrom('audit_event')
    .selectAll()
    .where('target_id', '=', uuidOf(targetId))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

async function storedPrices(productId: string) {
  return app.db
    .selectFrom('product')
    .select(['min_price_minor', 'max_price_minor'])
    .where('id', '=', uuidOf(productId))
    .executeTakeFirstOrThrow()
}

describe('productCreate', () => {
  it('creates a DRAFT product by default, with its variants and price range', async () => {
    const payload = await create({
      title: 'Wool Scarf',
      status: undefined,
      description: 'Warm.',
      variants: [
        { sku: uniqueSku(), price: '30.00', quantity: 3, selectedOptions: [{ name: 'Color', value: 'Red' }] },
        { sku: uniqueSku(), price: '25.50', selectedOptions: [{ name: 'Color', value: 'Blue' }], title: 'Blue one' },
      ],
    })
    expect(payload.userErrors).toEqual([])
    const product = payload.product!
    expect(product).toMatchObject({ handle: 'wool-scarf', status: 'DRAFT', description: 'Warm.' })
    expect(product.priceRange).toEqual({ min: { amount: '25.50' }, max: { amount: '30.00' } })
    expect(product.variants.map((v) => [v.title, v.price.amount, v.quantityAvailable, v.availableForSale])).toEqual([
      ['Red', '30.00', 3, true],
      ['Blue one', '25.50', 0, false],
    ])
    expect(product.variants[0].selectedOptions).toEqual([{ name: 'Color', value: 'Red' }])
    expect(await storedPrices(product.id)).toEqual({ min_price_minor: '2550', max_price_minor: '3000' })
  })

  it('derives the handle from the title and adds a numeric suffix when it is taken', async () => {
    const handles = []
    for (let i = 0; i < 3; i++) handles.push((await create({ title: 'Crème Brûlée Mug!' })).product!.handle)
    expect(handles).toEqual(['creme-brulee-mug', 'creme-brulee-mug-2', 'creme-brulee-mug-3'])
  })

  it('refuses an explicit handle that is taken with TAKEN and writes nothing', async () => {
    await create({ handle: 'taken-handle' })
    const before = await productCount()
    const payload = await create({ handle: 'taken-handle' })
    expect(payload.product).toBeNull()
    expect(payload.userErrors).toEqual([{ code: 'TAKEN', field: ['input', 'handle'], message: expect.any(String) }])
    expect(await productCount()).toBe(before)
  })

  it('reports every invalid field with its path', async () => {
    const payload = await create({
      handle: 'Not A Handle',
      title: '   ',
      description: 'x'.repeat(20_001),
      variants: [
        { sku: 'has space', price: '-1.00', quantity: -2 },
        { sku: uniqueSku(), price: '1.234', title: 'y'.repeat(201) },
        { sku: uniqueSku(), price: '1000000000.00' },
        {
          sku: uniqueSku(),
          price: '1.00',
          selectedOptions: [
            { name: 'Size', value: 'M' },
            { name: 'size', value: '' },
          ],
        },
      ],
    })
    expect(payload.product).toBeNull()
    expect(payload.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_INPUT', 'input.title'],
      ['INVALID_INPUT', 'input.handle'],
      ['INVALID_INPUT', 'input.description'],
      ['INVALID_INPUT', 'input.variants.0.sku'],
      ['INVALID_INPUT', 'input.variants.0.price'],
      ['INVALID_INPUT', 'input.variants.0.quantity'],
      ['INVALID_INPUT', 'input.variants.1.title'],
      ['INVALID_INPUT', 'input.variants.1.price'],
      ['INVALID_INPUT', 'input.variants.2.price'],
      ['INVALID_INPUT', 'input.variants.3.selectedOptions.1.name'],
      ['INVALID_INPUT', 'input.variants.3.selectedOptions.1.value'],
    ])
  })

  it.each([
    ['no variants', 0],
    ['101 variants', 101],
  ])('refuses %s', async (_name, count) => {
    const variants = Array.from({ length: count }, () => ({ sku: uniqueSku(), price: '1.00' }))
    const payload = await create({ variants })
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['input', 'variants']]])
  })

  it('writes a product.created audit event with the created state', async () => {
    const product = (await create({ title: 'Audited' })).product!
    const events = await auditOf(product.id)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'product.created', actor_id: staff.userId, target_type: 'Product' })
    expect(events[0].diff).toMatchObject({
      before: null,
      after: { handle: 'audited', title: 'Audited', variants: [{ priceMinor: '100' }] },
    })
  })
})

describe('SKU uniqueness', () => {
  it('refuses a SKU already live in the shop with TAKEN on that variant and writes nothing', async () => {
    const sku = uniqueSku()
    await create({ variants: [{ sku, price: '1.00' }] })
    const before = await productCount()
    const payload = await create({
      variants: [
        { sku: uniqueSku(), price: '1.00' },
        { sku, price: '2.00' },
      ],
    })
    expect(payload).toEqual({
      product: null,
      userErrors: [{ code: 'TAKEN', field: ['input', 'variants', '1', 'sku'], message: expect.any(String) }],
    })
    expect(await productCount()).toBe(before)
  })

  it('refuses the same SKU twice in one input', async () => {
    const sku = uniqueSku()
    const payload = await create({
      variants: [
        { sku, price: '1.00' },
        { sku, price: '2.00' },
      ],
    })
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['TAKEN', ['input', 'variants', '1', 'sku']]])
  })

  it('lets exactly one of several concurrent creates with the same SKU win', async () => {
    const sku = uniqueSku('RACE')
    const payloads = await Promise.all(Array.from({ length: 6 }, () => create({ variants: [{ sku, price: '1.00' }] })))
    expect(payloads.filter((p) => p.product !== null)).toHaveLength(1)
    expect(payloads.flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(Array(5).fill('TAKEN'))
    const live = await app.db.selectFrom('product_variant').select('id').where('sku', '=', sku).execute()
    expect(live).toHaveLength(1)
  })

  it('refuses variantCreate and variantUpdate to a taken SKU with TAKEN', async () => {
    const taken = uniqueSku()
    await create({ variants: [{ sku: taken, price: '1.00' }] })
    const product = (await create({})).product!
    const created = expectNoErrors(
      await app.gql(VariantCreateDocument, { input: { productId: product.id, sku: taken, price: '1.00' } }, as()),
    ).variantCreate
    expect(created.userErrors.map((e) => [e.code, e.field])).toEqual([['TAKEN', ['input', 'sku']]])
    const updated = expectNoErrors(
      await app.gql(VariantUpdateDocument, { input: { id: product.variants[0].id, sku: taken } }, as()),
    ).variantUpdate
    expect(updated.userErrors.map((e) => [e.code, e.field])).toEqual([['TAKEN', ['input', 'sku']]])
  })

  it('frees the SKU of a deleted variant', async () => {
    const sku = uniqueSku()
    const product = (
      await create({
        variants: [
          { sku, price: '1.00' },
          { sku: uniqueSku(), price: '2.00' },
        ],
      })
    ).product!
    const removed = expectNoErrors(
      await app.gql(VariantDeleteDocument, { input: { id: product.variants[0].id } }, as()),
    ).variantDelete
    expect(removed.userErrors).toEqual([])
    const again = await create({ variants: [{ sku, price: '1.00' }] })
    expect(again.userErrors).toEqual([])
  })
})

describe('productUpdate', () => {
  it('changes the given fields and audits the before and after of each', async () => {
    const product = (await create({ title: 'Old Title', status: 'DRAFT' })).product!
    const payload = expectNoErrors(
      await app.gql(ProductUpdateDocument, { input: { id: product.id, title: 'New Title', status: 'ACTIVE' } }, as()),
    ).productUpdate
    expect(payload.userErrors).toEqual([])
    expect(payload.product).toMatchObject({ title: 'New Title', status: 'ACTIVE', handle: product.handle })
    const [, event] = await auditOf(product.id)
    expect(event).toMatchObject({
      action: 'product.updated',
      actor_id: staff.userId,
      diff: { before: { title: 'Old Title', status: 'DRAFT' }, after: { title: 'New Title', status: 'ACTIVE' } },
    })
  })

  it('refuses a handle taken by another product with TAKEN', async () => {
    await create({ handle: 'already-here' })
    const product = (await create({})).product!
    const payload = expectNoErrors(
      await app.gql(ProductUpdateDocument, { input: { id: product.id, handle: 'already-here' } }, as()),
    ).productUpdate
    expect(payload.product).toBeNull()
    expect(payload.userErrors).toEqual([{ code: 'TAKEN', field: ['input', 'handle'], message: expect.any(String) }])
  })

  it('refuses a title over 200 characters, naming the field', async () => {
    const product = (await create({})).product!
    const payload = expectNoErrors(
      await app.gql(ProductUpdateDocument, { input: { id: product.id, title: 'x'.repeat(201) } }, as()),
    ).productUpdate
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['input', 'title']]])
  })

  it('answers BAD_USER_INPUT for an id that is not a product id', async () => {
    const product = (await create({})).product!
    for (const id of ['nope', product.variants[0].id]) {
      const response = await app.gql(ProductUpdateDocument, { input: { id, title: 'x' } }, as())
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT'])
    }
  })
})

describe('soft delete and restore', () => {
  it('hides a deleted product from the storefront and brings it back on restore', async () => {
    const product = (await create({ title: 'Phoenix' })).product!
    const publicView = async () =>
      expectNoErrors(await app.gql(ShopProductDocument, { shop, handle: 'phoenix' })).shop!.product
    expect((await publicView())?.id).toBe(product.id)

    const deleted = expectNoErrors(
      await app.gql(ProductDeleteDocument, { input: { id: product.id } }, as()),
    ).productDelete
    expect(deleted.userErrors).toEqual([])
    expect(deleted.product?.deletedAt).toEqual(expect.any(String))
    expect(await publicView()).toBeNull()

    const restored = expectNoErrors(
      await app.gql(ProductRestoreDocument, { input: { id: product.id } }, as()),
    ).productRestore
    expect(restored).toEqual({ product: { id: product.id, deletedAt: null }, userErrors: [] })
    expect((await publicView())?.variants).toHaveLength(1)
    expect((await auditOf(product.id)).map((e) => e.action)).toEqual([
      'product.created',
      'product.deleted',
      'product.restored',
    ])
  })

  it('refuses to delete a deleted product, restore a live one, or edit a deleted one (INVALID_STATE)', async () => {
    const product = (await create({})).product!
    const restoreLive = expectNoErrors(
      await app.gql(ProductRestoreDocument, { input: { id: product.id } }, as()),
    ).productRestore
    expect(restoreLive.userErrors.map((e) => e.code)).toEqual(['INVALID_STATE'])
    expectNoErrors(await app.gql(ProductDeleteDocument, { input: { id: product.id } }, as()))
    const again = expectNoErrors(
      await app.gql(ProductDeleteDocument, { input: { id: product.id } }, as()),
    ).productDelete
    expect(again.userErrors.map((e) => e.code)).toEqual(['INVALID_STATE'])
    const edit = expectNoErrors(
      await app.gql(ProductUpdateDocument, { input: { id: product.id, title: 'Zombie' } }, as()),
    ).productUpdate
    expect(edit.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_STATE', ['input', 'id']]])
    const variant = expectNoErrors(
      await app.gql(VariantCreateDocument, { input: { productId: product.id, sku: uniqueSku(), price: '1.00' } }, as()),
    ).variantCreate
    expect(variant.userErrors.map((e) => e.code)).toEqual(['INVALID_STATE'])
  })
})

describe('variants and the denormalized price range', () => {
  it('keeps min and max price in step through variantCreate, variantUpdate and variantDelete', async () => {
    const product = (await create({ variants: [{ sku: uniqueSku(), price: '10.00' }] })).product!
    const added = expectNoErrors(
      await app.gql(
        VariantCreateDocument,
        {
          input: {
            productId: product.id,
            sku: uniqueSku(),
            price: '4.00',
            quantity: 2,
            selectedOptions: [{ name: 'Size', value: 'S' }],
          },
        },
        as(),
      ),
    ).variantCreate
    expect(added.userErrors).toEqual([])
    expect(added.variant).toMatchObject({ title: 'S', quantityAvailable: 2 })
    expect(added.variant!.product.priceRange).toEqual({ min: { amount: '4.00' }, max: { amount: '10.00' } })
    expect(await storedPrices(product.id)).toEqual({ min_price_minor: '400', max_price_minor: '1000' })

    const raised = expectNoErrors(
      await app.gql(VariantUpdateDocument, { input: { id: added.variant!.id, price: '12.00' } }, as()),
    ).variantUpdate
    expect(raised.userErrors).toEqual([])
    expect(raised.variant!.product.priceRange).toEqual({ min: { amount: '10.00' }, max: { amount: '12.00' } })

    const removed = expectNoErrors(
      await app.gql(VariantDeleteDocument, { input: { id: added.variant!.id } }, as()),
    ).variantDelete
    expect(removed.deletedVariantId).toBe(added.variant!.id)
    expect(removed.product?.variants.map((v) => v.id)).toEqual([product.variants[0].id])
    expect(removed.product?.priceRange).toEqual({ min: { amount: '10.00' }, max: { amount: '10.00' } })
    expect(await storedPrices(product.id)).toEqual({ min_price_minor: '1000', max_price_minor: '1000' })
    expect((await auditOf(added.variant!.id)).map((e) => e.action)).toEqual([
      'variant.created',
      'variant.updated',
      'variant.deleted',
    ])
  })

  it('refuses to delete the last variant of a product', async () => {
    const product = (await create({})).product!
    const payload = expectNoErrors(
      await app.gql(VariantDeleteDocument, { input: { id: product.variants[0].id } }, as()),
    ).variantDelete
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_STATE', ['input', 'id']]])
  })

  it('refuses a 101st variant', async () => {
    const variants = Array.from({ length: 100 }, () => ({ sku: uniqueSku(), price: '1.00' }))
    const product = (await create({ variants })).product!
    expect(product.variants).toHaveLength(100)
    const payload = expectNoErrors(
      await app.gql(VariantCreateDocument, { input: { productId: product.id, sku: uniqueSku(), price: '1.00' } }, as()),
    ).variantCreate
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_STATE', ['input', 'productId']]])
  })

  it('writes nothing for a variantUpdate that changes nothing', async () => {
    const sku = uniqueSku()
    const product = (await create({ variants: [{ sku, price: '2.00' }] })).product!
    const payload = expectNoErrors(
      await app.gql(VariantUpdateDocument, { input: { id: product.variants[0].id, sku, price: '2' } }, as()),
    ).variantUpdate
    expect(payload.userErrors).toEqual([])
    expect((await auditOf(product.variants[0].id)).map((e) => e.action)).toEqual([])
  })

  it('validates variantUpdate fields with their paths', async () => {
    const product = (await create({})).product!
    const payload = expectNoErrors(
      await app.gql(
        VariantUpdateDocument,
        { input: { id: product.variants[0].id, sku: '', price: '-3', selectedOptions: [{ name: '', value: 'x' }] } },
        as(),
      ),
    ).variantUpdate
    expect(payload.userErrors.map((e) => e.field?.join('.'))).toEqual([
      'input.sku',
      'input.selectedOptions.0.name',
      'input.price',
    ])
  })
})
