import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { CatalogDepth10Document, CatalogDepth11Document } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createProduct, createShop } from '../support/fixtures.js'

// graphql-depth-limit starts the operation's root fields (here `shop`) at depth 0 and adds one per
// nested selection set, failing when any field sits deeper than the limit (MAX_QUERY_DEPTH, 10 by
// default). So depth 10 is 11 nested fields counting `shop`; depth 11 is 12.
// Each `variants` multiplies the cost by 100 (a product's variants bound), so this app lifts the
// cost limit: the depth limit is what these tests are about.

let app: TestApp
let shop: string

beforeAll(async () => {
  const limits = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused/db',
    JWT_SECRET: 's'.repeat(32),
  }).limits
  app = await startTestApp({ limits: { ...limits, cost: 1e12, costBucketCapacity: 1e12 } })
  const created = await createShop(app)
  shop = created.handle
  await createProduct(app, created.admin, { title: 'Deep Dive', handle: 'deep-dive' })
})
afterAll(() => app?.close())

describe('query depth through product -> variants -> product ...', () => {
  it('accepts depth 10 (shop at depth 0, the innermost id at depth 10)', async () => {
    expect(app.config.limits.depth).toBe(10)
    const response = await app.gql(CatalogDepth10Document, { shop, handle: 'deep-dive' })
    expect(response.status).toBe(200)
    const data = expectNoErrors(response)
    const innermost =
      data.shop?.product?.variants[0].product.variants[0].product.variants[0].product.variants[0].product
    expect(innermost?.id).toMatch(/^gid:\/\/shopfront\/Product\//)
  })

  it('refuses depth 11 with HTTP 400 GRAPHQL_VALIDATION_FAILED before running any resolver SQL', async () => {
    app.statements.reset()
    const response = await app.gql(CatalogDepth11Document, { shop, handle: 'deep-dive' })
    // The one statement charges the refused document's size to the caller's budget.
    expect(app.statements.sql).toEqual([expect.stringMatching(/"cost_bucket"/)])
    expect(response.status).toBe(400)
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED'])
    expect(response.body.errors?.[0].message).toMatch(/exceeds maximum operation depth of 10/)
    expect(response.body.data).toBeUndefined()
  })
})
