import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PostCommentsBackwardDocument,
  ProductReviewsBackwardDocument,
  ShopPostsBackwardDocument,
  ViewerPostsBackwardDocument,
} from '../generated/graphql.js'
import { createReview, product } from '../reviews/support.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'
import { createComment, createPost, type CreatedPost } from './support.js'

// SPEC §5: every connection takes first/after and last/before. These are the connections that
// took only one direction; the others have their own tests.

let app: TestApp
let handle: string
let author: Account
let posts: CreatedPost[]

beforeAll(async () => {
  app = await startTestApp()
  handle = (await createShop(app)).handle
  author = await registerCustomer(app, handle)
  posts = []
  for (let i = 0; i < 5; i++) posts.push(await createPost(app, author, { title: `Post ${i}` }, true))
})
afterAll(() => app?.close())

interface PageOf {
  nodes: { id: string }[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null }
}

/** Walks a connection backward from its end, `size` at a time; answers the ids in list order. */
async function walkBackward(fetch: (before: string | null) => Promise<PageOf>): Promise<string[]> {
  const ids: string[] = []
  let before: string | null = null
  for (let guard = 0; guard < 20; guard++) {
    const page: PageOf = await fetch(before)
    ids.unshift(...page.nodes.map((n) => n.id))
    expect(page.pageInfo.hasNextPage).toBe(before !== null)
    if (!page.pageInfo.hasPreviousPage) return ids
    before = page.pageInfo.startCursor!
  }
  throw new Error('the walk did not end')
}

describe('backward pages', () => {
  it('Shop.posts: last/before walks the list back to its start, in the same order as first/after', async () => {
    const ids = await walkBackward(
      async (before) =>
        expectNoErrors(await app.gql(ShopPostsBackwardDocument, { handle, last: 2, before })).shop!.posts,
    )
    expect(ids).toEqual(posts.map((p) => p.id).reverse())
  })

  it("Viewer.posts: last/before walks the viewer's posts back to the start", async () => {
    const ids = await walkBackward(
      async (before) =>
        expectNoErrors(await app.gql(ViewerPostsBackwardDocument, { last: 2, before }, { token: author.accessToken }))
          .viewer!.posts,
    )
    const forward = expectNoErrors(
      await app.gql(ViewerPostsBackwardDocument, { first: 10 }, { token: author.accessToken }),
    ).viewer!.posts
    expect(ids).toEqual(forward.nodes.map((n) => n.id))
  })

  it('Post.comments: last/before gives the newest comments first, then the older ones', async () => {
    const post = posts[4]
    const comments: string[] = []
    for (let i = 0; i < 5; i++) comments.push(await createComment(app, author, post.id, `Comment ${i}`))
    const ids = await walkBackward(async (before) => {
      const data = expectNoErrors(await app.gql(PostCommentsBackwardDocument, { handle, first: 1, last: 2, before }))
      return data.shop!.posts.nodes[0].comments
    })
    expect(ids).toEqual(comments)
  })

  it('Post.comments: one statement for the comments of a whole page of posts, whatever the page size', async () => {
    const counts: number[] = []
    for (const last of [1, 50]) {
      app.statements.reset()
      expectNoErrors(await app.gql(PostCommentsBackwardDocument, { handle, first: 5, last }))
      counts.push(app.statements.sql.filter((s) => s.includes('from "comment"')).length)
    }
    expect(counts).toEqual([1, 1])
  })

  it('Product.reviews: last/before walks the reviews back to the start', async () => {
    const staff = await createStaff(app, handle)
    const target = await product(app, staff)
    const reviews: string[] = []
    for (let i = 0; i < 5; i++)
      reviews.push(await createReview(app, await registerCustomer(app, handle), target.id, { title: `R${i}` }))
    const ids = await walkBackward(
      async (before) =>
        expectNoErrors(
          await app.gql(ProductReviewsBackwardDocument, { shop: handle, product: target.handle, last: 2, before }),
        ).shop!.product!.reviews,
    )
    expect(ids).toEqual(reviews.reverse()) // newest first
  })

  it('refuses last with after, first with before, and last out of range with BAD_USER_INPUT', async () => {
    const first = expectNoErrors(await app.gql(ShopPostsBackwardDocument, { handle, first: 1 })).shop!.posts
    const cursor = first.pageInfo.endCursor!
    for (const variables of [{ last: 2, after: cursor }, { first: 2, before: cursor }, { last: 0 }, { last: 101 }]) {
      const response = await app.gql(ShopPostsBackwardDocument, { handle, ...variables })
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    }
  })
})
