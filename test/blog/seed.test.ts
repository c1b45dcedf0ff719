import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BlogFeedDocument,
  ShopPostsDocument,
  ViewerPostsDocument,
  SessionCreateDocument,
} from '../generated/graphql.js'
import { DEMO_PASSWORD, DEMO_SHOP_HANDLE, DEMO_USERS, seedDemoData } from '../../db/seed.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
  await seedDemoData(app.db, app.config)
})
afterAll(() => app?.close())

describe('demo blog', () => {
  it('publishes four posts, newest first, with comments and likes by the demo customers', async () => {
    const posts = expectNoErrors(await app.gql(ShopPostsDocument, { handle: DEMO_SHOP_HANDLE })).shop!.posts
    expect(posts.edges.map((e) => e.node.title)).toEqual([
      'A Weekend in Lisbon',
      'Five Ways to Brew at Home',
      'How We Pick Our Coffee Beans',
      'Welcome to the Shopfront Demo Store',
    ])
    const feed = expectNoErrors(await app.gql(BlogFeedDocument, { handle: DEMO_SHOP_HANDLE })).shop!.posts.nodes
    expect(feed.map((p) => p.likeCount)).toEqual([1, 2, 1, 4])
    // The spam comment on the coffee-beans post is hidden by staff.
    expect(feed.map((p) => p.comments.nodes.length)).toEqual([1, 2, 1, 3])
  })

  it('keeps Alice’s draft out of the feed but in her own posts', async () => {
    const login = expectNoErrors(
      await app.gql(SessionCreateDocument, {
        input: { shopHandle: DEMO_SHOP_HANDLE, email: DEMO_USERS.customers[0].email, password: DEMO_PASSWORD },
      }),
    ).sessionCreate.session!
    const own = expectNoErrors(await app.gql(ViewerPostsDocument, {}, { token: login.accessToken })).viewer!.posts
    expect(own.nodes.map((n) => [n.title, n.status])).toEqual([
      ['Notes for the Autumn Catalog', 'DRAFT'],
      ['Five Ways to Brew at Home', 'PUBLISHED'],
    ])
  })
})
