/**
 * The peer benchmark's workloads (SPEC §9): for each, the Shopfront document (written against schema.graphql),
 * the equivalent PostGraphile V5 document (against the `pgl` views, bench/peers/seed.ts), the raw server's
 * request, and one normaliser per server into a common shape, so the three answers can be compared exactly.
 */
import { SHOP, SIZES } from './seed.js'

export type ServerName = 'shopfront' | 'postgraphile' | 'raw'
export const SERVERS: readonly ServerName[] = ['shopfront', 'postgraphile', 'raw']

export interface Workload {
  readonly name: string
  readonly description: string
  /** The GraphQL documents (the raw server takes `{ q, ...params }` instead). */
  readonly documents: { readonly shopfront: string; readonly postgraphile: string }
  /** The request bodies a load run cycles through, per server (the same requests, in the same order). */
  readonly bodies: Record<ServerName, string[]>
  /** Maps one server's response body (parsed) to the common shape. */
  normalise(server: ServerName, response: unknown): unknown
}

/** "12.50" (2-decimal currency) -> 1250 minor units. */
function minor(amount: string): number {
  const [whole, fraction = ''] = amount.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2))
}

// The responses are untyped JSON; the normalisers read them by path and fail loudly on a wrong shape.
type Json = any

function dataOf(response: Json): Json {
  if (!response || typeof response !== 'object') throw new Error(`not a JSON object: ${JSON.stringify(response)}`)
  if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors).slice(0, 500)}`)
  return response.data
}

function gql(query: string): string {
  return query.replace(/\s+/g, ' ').trim()
}

const SF_LISTING = gql(`
  query Listing($shop: String!, $first: Int!) {
    shop(handle: $shop) {
      products(first: $first) { nodes { title handle priceRange { min { amount } max { amount } } } }
    }
  }`)
const PG_LISTING = gql(`
  query Listing($shop: String!, $first: Int!) {
    shopByHandle(handle: $shop) {
      productsByShopId(first: $first, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
        nodes { title handle minPriceMinor maxPriceMinor }
      }
    }
  }`)

const SF_PRODUCT = gql(`
  query ProductPage($shop: String!, $handle: String!) {
    shop(handle: $shop) {
      product(handle: $handle) {
        title handle
        variants { sku title price { amount } selectedOptions { name value } }
      }
    }
  }`)
const PG_PRODUCT = gql(`
  query ProductPage($shop: String!, $handle: String!) {
    shopByHandle(handle: $shop) {
      productsByShopId(condition: { handle: $handle }, first: 1) {
        nodes {
          title handle
          productVariantsByShopIdAndProductId(orderBy: [POSITION_ASC, ROW_ID_ASC]) {
            nodes { sku title priceMinor options }
          }
        }
      }
    }
  }`)

const SF_NESTED = gql(`
  query Nested($shop: String!, $first: Int!) {
    shop(handle: $shop) {
      products(first: $first) {
        nodes {
          title handle
          variants { sku title price { amount } }
          reviews(first: 5) { nodes { rating title author { displayName } } }
        }
      }
    }
  }`)
const PG_NESTED = gql(`
  query Nested($shop: String!, $first: Int!) {
    shopByHandle(handle: $shop) {
      productsByShopId(first: $first, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
        nodes {
          title handle
          productVariantsByShopIdAndProductId(orderBy: [POSITION_ASC, ROW_ID_ASC]) { nodes { sku title priceMinor } }
          reviewsByShopIdAndProductId(first: 5, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
            nodes { rating title userByShopIdAndAuthorId { displayName } }
          }
        }
      }
    }
  }`)

const SF_BLOG = gql(`
  query BlogFeed($shop: String!, $first: Int!) {
    shop(handle: $shop) {
      posts(first: $first) {
        nodes {
          title handle
          author { displayName }
          comments(first: 10) { nodes { body author { displayName } } }
        }
      }
    }
  }`)
const PG_BLOG = gql(`
  query BlogFeed($shop: String!, $first: Int!) {
    shopByHandle(handle: $shop) {
      postsByShopId(first: $first, orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC]) {
        nodes {
          title handle
          userByShopIdAndAuthorId { displayName }
          commentsByShopIdAndPostId(first: 10, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
            nodes { body userByShopIdAndAuthorId { displayName } }
          }
        }
      }
    }
  }`)

const body = (query: string, variables: Record<string, unknown>): string => JSON.stringify({ query, variables })

/** Whether product n of the seed is visible to anonymous callers (the seed's traps, mirrored). */
function productIsPublic(n: number): boolean {
  return !(n % 50 === 7 || n % 113 === 5 || n % 97 === 3)
}

/** 50 public product handles spread over the catalog, for the product page. */
export const PRODUCT_HANDLES: readonly string[] = (() => {
  const handles: string[] = []
  for (let n = 37; handles.length < 50 && n <= SIZES.products; n += 197)
    if (productIsPublic(n)) handles.push(`product-${n}`)
  return handles
})()

type Variant = { sku: string; title: string; price: number }

function listing(first: number): Workload {
  return {
    name: 'listing',
    description: `${first} products: title, handle, price range (min/max)`,
    documents: { shopfront: SF_LISTING, postgraphile: PG_LISTING },
    bodies: {
      shopfront: [body(SF_LISTING, { shop: SHOP, first })],
      postgraphile: [body(PG_LISTING, { shop: SHOP, first })],
      raw: [JSON.stringify({ q: 'listing', shop: SHOP, first })],
    },
    normalise(server, response) {
      const data = dataOf(response)
      if (server === 'shopfront') {
        return data.shop.products.nodes.map((p: Json) => ({
          title: p.title,
          handle: p.handle,
          min: minor(p.priceRange.min.amount),
          max: minor(p.priceRange.max.amount),
        }))
      }
      const nodes = server === 'postgraphile' ? data.shopByHandle.productsByShopId.nodes : data
      return nodes.map((p: Json) => ({
        title: p.title,
        handle: p.handle,
        min: Number(server === 'postgraphile' ? p.minPriceMinor : p.min),
        max: Number(server === 'postgraphile' ? p.maxPriceMinor : p.max),
      }))
    },
  }
}

function productPage(): Workload {
  return {
    name: 'product',
    description: `one product by handle with its variants (sku, title, price, options); cycles over ${PRODUCT_HANDLES.length} handles`,
    documents: { shopfront: SF_PRODUCT, postgraphile: PG_PRODUCT },
    bodies: {
      shopfront: PRODUCT_HANDLES.map((handle) => body(SF_PRODUCT, { shop: SHOP, handle })),
      postgraphile: PRODUCT_HANDLES.map((handle) => body(PG_PRODUCT, { shop: SHOP, handle })),
      raw: PRODUCT_HANDLES.map((handle) => JSON.stringify({ q: 'product', shop: SHOP, handle })),
    },
    normalise(server, response) {
      const data = dataOf(response)
      let p: Json
      let variants: Json[]
      if (server === 'shopfront') {
        p = data.shop.product
        variants = p?.variants.map((v: Json) => ({
          sku: v.sku,
          title: v.title,
          price: minor(v.price.amount),
          options: v.selectedOptions.map((o: Json) => ({ name: o.name, value: o.value })),
        }))
      } else {
        p = server === 'postgraphile' ? data.shopByHandle.productsByShopId.nodes[0] : data
        const list = server === 'postgraphile' ? p?.productVariantsByShopIdAndProductId.nodes : p?.variants
        variants = list?.map((v: Json) => ({
          sku: v.sku,
          title: v.title,
          price: Number(server === 'postgraphile' ? v.priceMinor : v.price),
          options: v.options.map((o: Json) => ({ name: o.name, value: o.value })),
        }))
      }
      if (!p) return null
      return { title: p.title, handle: p.handle, variants }
    },
  }
}

function nested(first: number): Workload {
  return {
    name: first === 20 ? 'nested' : `nested-${first}`,
    description: `${first} products x variants x 5 newest reviews x author displayName`,
    documents: { shopfront: SF_NESTED, postgraphile: PG_NESTED },
    bodies: {
      shopfront: [body(SF_NESTED, { shop: SHOP, first })],
      postgraphile: [body(PG_NESTED, { shop: SHOP, first })],
      raw: [JSON.stringify({ q: 'nested', shop: SHOP, first })],
    },
    normalise(server, response) {
      const data = dataOf(response)
      if (server === 'shopfront') {
        return data.shop.products.nodes.map((p: Json) => ({
          title: p.title,
          handle: p.handle,
          variants: p.variants.map((v: Json): Variant => ({
            sku: v.sku,
            title: v.title,
            price: minor(v.price.amount),
          })),
          reviews: p.reviews.nodes.map((r: Json) => ({
            rating: r.rating,
            title: r.title,
            author: r.author.displayName,
          })),
        }))
      }
      if (server === 'postgraphile') {
        return data.shopByHandle.productsByShopId.nodes.map((p: Json) => ({
          title: p.title,
          handle: p.handle,
          variants: p.productVariantsByShopIdAndProductId.nodes.map((v: Json): Variant => ({
            sku: v.sku,
            title: v.title,
            price: Number(v.priceMinor),
          })),
          reviews: p.reviewsByShopIdAndProductId.nodes.map((r: Json) => ({
            rating: r.rating,
            title: r.title,
            author: r.userByShopIdAndAuthorId.displayName,
          })),
        }))
      }
      return data.map((p: Json) => ({
        title: p.title,
        handle: p.handle,
        variants: p.variants.map((v: Json): Variant => ({ sku: v.sku, title: v.title, price: Number(v.price) })),
        reviews: p.reviews.map((r: Json) => ({ rating: r.rating, title: r.title, author: r.author })),
      }))
    },
  }
}

function blog(first: number): Workload {
  return {
    name: 'blog',
    description: `${first} newest posts x author x 10 oldest comments x author`,
    documents: { shopfront: SF_BLOG, postgraphile: PG_BLOG },
    bodies: {
      shopfront: [body(SF_BLOG, { shop: SHOP, first })],
      postgraphile: [body(PG_BLOG, { shop: SHOP, first })],
      raw: [JSON.stringify({ q: 'blog', shop: SHOP, first })],
    },
    normalise(server, response) {
      const data = dataOf(response)
      if (server === 'shopfront') {
        return data.shop.posts.nodes.map((p: Json) => ({
          title: p.title,
          handle: p.handle,
          author: p.author.displayName,
          comments: p.comments.nodes.map((c: Json) => ({ body: c.body, author: c.author.displayName })),
        }))
      }
      if (server === 'postgraphile') {
        return data.shopByHandle.postsByShopId.nodes.map((p: Json) => ({
          title: p.title,
          handle: p.handle,
          author: p.userByShopIdAndAuthorId.displayName,
          comments: p.commentsByShopIdAndPostId.nodes.map((c: Json) => ({
            body: c.body,
            author: c.userByShopIdAndAuthorId.displayName,
          })),
        }))
      }
      return data.map((p: Json) => ({
        title: p.title,
        handle: p.handle,
        author: p.author,
        comments: p.comments.map((c: Json) => ({ body: c.body, author: c.author })),
      }))
    },
  }
}

export const WORKLOADS: readonly Workload[] = [listing(20), productPage(), nested(20), nested(50), blog(20)]

/**
 * Expected facts about the seeded data every server's answer must show (besides agreeing with the others), so
 * three servers that all forgot the same filter still fail: e.g. the listing's first page skips the DRAFT
 * product 7 and the deleted product 3, and never shows the other shop.
 */
export function sanityCheck(workload: string, common: unknown): string | null {
  const text = JSON.stringify(common)
  if (text.includes('Other shop')) return 'shows the other shop' // its products' titles
  if (workload === 'listing' || workload.startsWith('nested')) {
    const handles = (common as { handle: string }[]).map((p) => p.handle)
    if (handles.includes('product-3') || handles.includes('product-7')) return 'shows a deleted or draft product'
    if (handles.length === 0) return 'no products'
  }
  if (workload.startsWith('nested')) {
    const reviews = (common as { reviews: { title: string }[] }[]).flatMap((p) => p.reviews.map((r) => r.title))
    // Review i of product n is hidden when (n + i) % 11 = 0: review 5 of product 6 is among its newest five.
    if (reviews.includes('Review 5 of product 6')) return 'shows a hidden review'
    if (reviews.length === 0) return 'no reviews'
  }
  if (workload === 'blog') {
    const handles = (common as { handle: string; comments: { body: string }[] }[]).map((p) => p.handle)
    if (handles.includes('post-1994') || handles.includes('post-1963')) return 'shows a draft or deleted post'
    const bodies = (common as { comments: { body: string }[] }[]).flatMap((p) => p.comments.map((c) => c.body))
    // Comment j of post n is hidden when (n + j) % 7 = 0, deleted when (n + j) % 29 = 0.
    if (bodies.includes('Comment 1 on post 2000') || bodies.includes('Comment 3 on post 1999'))
      return 'shows a hidden comment'
    if (bodies.length === 0) return 'no comments'
  }
  if (workload === 'product' && common === null) return 'product not found'
  return null
}
