import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { CommentModerateDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createProduct, createShopWorld, registerCustomer, type Account, type ShopWorld } from '../support/fixtures.js'
import { createComment, createPost } from '../blog/support.js'
import { createReview, moderate } from '../reviews/support.js'

// Lists fetch what is selected below them inside their own statement (src/graphql/embed.ts). An embed
// is only a shortcut: these tests hold every embedded answer against the same selection resolved
// field by field through the loaders (`node(id:)` never embeds), for each kind of reader, and check
// the statements stay one per list whatever the page size.

const { limits } = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused/db', JWT_SECRET: 's'.repeat(32) })
let app: TestApp
let w: ShopWorld

type Json = Record<string, any>

async function query(text: string, variables: Json, account: Account | null = null): Promise<Json> {
  const response = await app.post({ query: text, variables }, { token: account?.accessToken })
  const body = JSON.parse(response.text) as { data?: Json; errors?: unknown[] }
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`)
  return body.data!
}

const PRODUCT_FIELDS = `
  id title
  variants { id sku price { amount currencyCode } selectedOptions { name value } createdAt }
  newest: reviews(first: 2) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id rating title status createdAt author { id displayName } } }
  }
  best: reviews(first: 3, sortKey: RATING) { nodes { id rating author { displayName } } }
`

const POST_FIELDS = `
  id title publishedAt
  author { id displayName }
  comments(first: 5) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id body status createdAt author { id displayName } }
  }
`

beforeAll(async () => {
  // Every request comes from one address: a budget that the many comparisons below do not exhaust.
  app = await startTestApp({ limits: { ...limits, costBucketCapacity: 10_000_000, costLeakPerSecond: 1_000_000 } })
  w = await createShopWorld(app)
  const customers = [w.author, w.customer, await registerCustomer(app, w.handle)]
  for (let p = 0; p < 4; p++) {
    const product = await createProduct(app, w.staff, {
      title: `Embedded ${p}`,
      variants: [
        { sku: `EMB-${p}-A`, price: '10.00', quantity: 5, selectedOptions: [{ name: 'Size', value: 'M' }] },
        { sku: `EMB-${p}-B`, price: '12.50', quantity: 0 },
      ],
    })
    for (const [i, customer] of customers.entries()) {
      const review = await createReview(app, customer, product.id, { rating: 1 + ((p + i) % 5), title: `R${p}${i}` })
      // One hidden review per product: staff and its author see it, nobody else.
      if (i === 1) await moderate(app, w.staff, review, 'HIDE')
    }
  }
  for (let p = 0; p < 3; p++) {
    const post = await createPost(app, w.author, { title: `Embedded post ${p}` }, true)
    for (const [i, customer] of customers.entries()) {
      const comment = await createComment(app, customer, post.id, `comment ${p}.${i}`)
      if (i === 2) {
        expectNoErrors(
          await app.gql(
            CommentModerateDocument,
            { input: { id: comment, status: 'HIDDEN' } },
            { token: w.staff.accessToken },
          ),
        )
      }
    }
  }
  // The other shop's catalog and blog must never show up in this one's embeds.
  const other = await createProduct(app, w.otherShopStaff, { title: 'Elsewhere' })
  await createReview(app, w.otherShopCustomer, other.id, { title: 'Elsewhere' })
})
afterAll(() => app?.close())

const readers = () =>
  [
    ['anonymous', null],
    ['a customer', w.author],
    ['the author of the hidden reviews', w.customer],
    ['staff', w.staff],
    ['staff of another shop', w.otherShopStaff],
  ] as const

/**
 * The nodes of `shop.<list>` (embedded), each checked equal to the same selection read through
 * `node(id:)` (field by field, through the loaders) by the same reader.
 */
async function listedAsByNode(list: string, type: string, fields: string, reader: Account | null): Promise<Json[]> {
  const field = list.slice(0, list.indexOf('('))
  const listed = await query(
    `query($shop: String!) { shop(handle: $shop) { ${list} { nodes { ${fields} } } } }`,
    { shop: w.handle },
    reader,
  )
  const nodes = listed.shop[field].nodes as Json[]
  for (const node of nodes) {
    const single = await query(
      `query($id: ID!) { node(id: $id) { ... on ${type} { ${fields} } } }`,
      { id: node.id },
      reader,
    )
    expect(node).toEqual(single.node)
  }
  return nodes
}

describe('embedded lists', () => {
  it.each([0, 1, 2, 3, 4])('answer products exactly as the loaders do (reader %#)', async (index) => {
    const [, reader] = readers()[index]
    const nodes = await listedAsByNode('products(first: 6)', 'Product', PRODUCT_FIELDS, reader)
    expect(nodes.length).toBeGreaterThanOrEqual(4)
    // What the readers may see: hidden reviews for staff of the shop and their author only.
    const statuses = new Set(nodes.flatMap((n) => n.newest.edges.map((e: Json) => e.node.status)))
    expect(statuses.has('HIDDEN')).toBe(reader === w.staff || reader === w.customer)
    expect(JSON.stringify(nodes)).not.toContain('Elsewhere')
  })

  it.each([0, 1, 3, 4])('answer posts exactly as the loaders do (reader %#)', async (index) => {
    const [, reader] = readers()[index]
    const nodes = await listedAsByNode('posts(first: 10)', 'Post', POST_FIELDS, reader)
    expect(nodes).toHaveLength(3)
    const hidden = nodes.flatMap((n) => n.comments.nodes).filter((c: Json) => c.status === 'HIDDEN')
    expect(hidden.length > 0).toBe(reader === w.staff)
  })

  it('answers the product page (one product by handle) as the loaders do', async () => {
    const listed = await query(
      `query($shop: String!) { shop(handle: $shop) { products(first: 1) { nodes { handle ${PRODUCT_FIELDS} } } } }`,
      { shop: w.handle },
    )
    const [first] = listed.shop.products.nodes as Json[]
    app.statements.reset()
    const page = await query(
      `query($shop: String!, $handle: String!) { shop(handle: $shop) { product(handle: $handle) { handle ${PRODUCT_FIELDS} } } }`,
      { shop: w.handle, handle: first.handle },
    )
    expect(page.shop.product).toEqual(first)
    // The cost charge, the shop, the product with its variants, review pages and authors; the
    // review counts (totalCount) come from their loader.
    expect(app.statements.count).toBe(4)
  })

  it('serve the same field under two aliases with different arguments, each its own page', async () => {
    const data = await query(
      `query($shop: String!) { shop(handle: $shop) { products(first: 4) { nodes {
        one: reviews(first: 1) { nodes { title } }
        two: reviews(first: 2) { nodes { title } }
      } } } }`,
      { shop: w.handle },
    )
    for (const node of data.shop.products.nodes as Json[]) {
      expect(node.one.nodes).toHaveLength(1)
      expect(node.two.nodes).toHaveLength(2)
      expect(node.two.nodes[0]).toEqual(node.one.nodes[0])
    }
  })

  it('fall back to the loaders when nodes and edges ask the same key with different arguments', async () => {
    app.statements.reset()
    const data = await query(
      `query($shop: String!) { shop(handle: $shop) { products(first: 4) {
        nodes { reviews(first: 1) { nodes { title } } }
        edges { node { reviews(first: 2) { nodes { title } } } }
      } } }`,
      { shop: w.handle },
    )
    const { nodes, edges } = data.shop.products as { nodes: Json[]; edges: Json[] }
    nodes.forEach((node, i) => {
      expect(node.reviews.nodes).toHaveLength(1)
      expect(edges[i].node.reviews.nodes).toHaveLength(2)
    })
    // cost, the shop with its products, and one review-page batch per distinct page (no embedding below).
    expect(app.statements.count).toBe(4)
  })

  it('leave bad page arguments below a list to the resolver, which reports them', async () => {
    const response = await app.post(
      {
        query: `query($shop: String!) { shop(handle: $shop) { products(first: 2) { nodes { reviews(first: 1000) { nodes { title } } } } } }`,
        variables: { shop: w.handle },
      },
      {},
    )
    const body = JSON.parse(response.text) as { errors?: { extensions?: { code?: string } }[] }
    expect(body.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT')
  })

  it('run one statement per list whatever the page size', async () => {
    const count = async (first: number) => {
      app.statements.reset()
      const data = await query(
        `query($shop: String!, $first: Int!) { shop(handle: $shop) { products(first: $first) { nodes {
          title variants { sku price { amount } } reviews(first: 5) { nodes { rating title author { displayName } } }
        } } } }`,
        { shop: w.handle, first },
      )
      expect(data.shop.products.nodes.length).toBe(Math.min(first, 4))
      return app.statements.count
    }
    // The cost charge, and the shop with the products and everything below them.
    expect(await count(1)).toBe(2)
    expect(await count(20)).toBe(2)
  })
})
