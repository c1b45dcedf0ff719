import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BlogFeedDocument,
  PostCommentsDocument,
  PostLikeDocument,
  ShopPostsDocument,
  ViewerPostsDocument,
} from '../generated/graphql.js'
import { errorCode, expectNoErrors, startTestApp, type GraphQLResponse, type TestApp } from '../support/app.js'
import { createShop, registerCustomer, type Account } from '../support/fixtures.js'
import { createBlogWorld, createComment, createPost, type BlogWorld, type CreatedPost } from './support.js'

let app: TestApp
let w: BlogWorld

beforeAll(async () => {
  app = await startTestApp()
  w = await createBlogWorld(app)
})
afterAll(() => app?.close())

const malformedCursors = [
  'not a cursor!',
  'bm90LWpzb24',
  Buffer.from(JSON.stringify(['2026-01-01', 'not-a-uuid'])).toString('base64url'),
]

describe('Shop.posts', () => {
  let handle: string
  let published: CreatedPost[]
  let author: Account
  let otherAuthor: Account

  beforeAll(async () => {
    const shop = await createShop(app)
    handle = shop.handle
    author = await registerCustomer(app, handle)
    otherAuthor = await registerCustomer(app, handle)
    published = []
    for (let i = 0; i < 7; i++) {
      const by = i % 2 === 0 ? author : otherAuthor
      published.push(await createPost(app, by, { title: `Post ${i}`, tags: i < 3 ? ['Recipes'] : ['news'] }, true))
    }
    await createPost(app, author, { title: 'Unpublished' })
  })

  it('pages through published posts newest first with first/after', async () => {
    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    for (;;) {
      const response: GraphQLResponse<any> = await app.gql(ShopPostsDocument, { handle, first: 3, after })
      const posts = expectNoErrors(response).shop.posts
      expect(posts.totalCount).toBe(7)
      expect(posts.pageInfo.hasPreviousPage).toBe(after !== null)
      seen.push(...posts.edges.map((e: { node: { id: string } }) => e.node.id))
      pages += 1
      if (!posts.pageInfo.hasNextPage) break
      after = posts.pageInfo.endCursor
    }
    expect(pages).toBe(3)
    expect(seen).toEqual(published.map((p) => p.id).reverse())
  })

  it('filters by tag (case-insensitively) and by author', async () => {
    const byTag = expectNoErrors(await app.gql(ShopPostsDocument, { handle, filter: { tag: ' RECIPES ' } })).shop!.posts
    expect(byTag.nodes.map((n) => n.id)).toEqual(
      published
        .slice(0, 3)
        .map((p) => p.id)
        .reverse(),
    )
    expect(byTag.totalCount).toBe(3)
    const byAuthor = expectNoErrors(
      await app.gql(ShopPostsDocument, { handle, filter: { authorId: otherAuthor.globalId } }),
    ).shop!.posts
    expect(byAuthor.nodes.map((n) => n.id)).toEqual([published[5], published[3], published[1]].map((p) => p.id))
  })

  it('answers BAD_USER_INPUT for malformed cursors, page sizes out of range and a bad author id', async () => {
    for (const after of malformedCursors) {
      expect(errorCode(await app.gql(ShopPostsDocument, { handle, first: 2, after }))).toBe('BAD_USER_INPUT')
    }
    for (const first of [0, 101])
      expect(errorCode(await app.gql(ShopPostsDocument, { handle, first }))).toBe('BAD_USER_INPUT')
    const badAuthor = await app.gql(ShopPostsDocument, { handle, filter: { authorId: published[0].id } })
    expect(errorCode(badAuthor)).toBe('BAD_USER_INPUT')
  })
})

describe('Viewer.posts', () => {
  it('pages through the viewer’s own posts in any status, most recently changed first', async () => {
    const me = await registerCustomer(app, w.handle)
    const mine = [
      await createPost(app, me, { title: 'Mine 1' }, true),
      await createPost(app, me, { title: 'Mine 2' }),
      await createPost(app, me, { title: 'Mine 3' }, true),
    ]
    await createPost(app, w.author, { title: 'Not mine' })
    const first = expectNoErrors(await app.gql(ViewerPostsDocument, { first: 2 }, { token: me.accessToken })).viewer!
      .posts
    expect(first.totalCount).toBe(3)
    expect(first.pageInfo.hasNextPage).toBe(true)
    const second = expectNoErrors(
      await app.gql(ViewerPostsDocument, { first: 2, after: first.pageInfo.endCursor }, { token: me.accessToken }),
    ).viewer!.posts
    expect(second.pageInfo.hasNextPage).toBe(false)
    expect([...first.nodes, ...second.nodes].map((n) => n.id)).toEqual(mine.map((p) => p.id).reverse())
    expect([...first.nodes, ...second.nodes].map((n) => n.status)).toEqual(['PUBLISHED', 'DRAFT', 'PUBLISHED'])
  })

  it('answers BAD_USER_INPUT for a malformed cursor', async () => {
    const response = await app.gql(
      ViewerPostsDocument,
      { first: 2, after: malformedCursors[0] },
      { token: w.author.accessToken },
    )
    expect(errorCode(response)).toBe('BAD_USER_INPUT')
  })
})

describe('Post.comments', () => {
  let post: CreatedPost
  let comments: string[]
  beforeAll(async () => {
    post = await createPost(app, w.author, { title: 'Many Comments' }, true)
    comments = []
    for (let i = 0; i < 5; i++)
      comments.push(await createComment(app, i % 2 ? w.customer : w.staff, post.id, `Comment ${i}`))
  })

  it('pages through comments oldest first with first/after', async () => {
    const page = async (after: string | null) =>
      expectNoErrors(
        await app.gql(PostCommentsDocument, { handle: w.handle, postHandle: post.handle, first: 2, after }),
      ).shop!.post!.comments
    const one = await page(null)
    const two = await page(one.pageInfo.endCursor!)
    const three = await page(two.pageInfo.endCursor!)
    expect([one, two, three].map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false])
    expect(two.pageInfo.hasPreviousPage).toBe(true)
    expect([...one.edges, ...two.edges, ...three.edges].map((e) => e.node.id)).toEqual(comments)
    expect(one.totalCount).toBe(5)
  })

  it('answers BAD_USER_INPUT for malformed cursors and page sizes out of range', async () => {
    for (const after of malformedCursors) {
      const response = await app.gql(PostCommentsDocument, {
        handle: w.handle,
        postHandle: post.handle,
        first: 2,
        after,
      })
      expect(errorCode(response)).toBe('BAD_USER_INPUT')
    }
    const tooMany = await app.gql(PostCommentsDocument, { handle: w.handle, postHandle: post.handle, first: 101 })
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT')
  })
})

describe('statement counts', () => {
  /**
   * A shop with `posts` published posts by 3 authors, each with `perPost` comments by 3 other
   * users (so comment authors are a second batch of users), and a like on every other post.
   */
  async function seedFeed(posts: number, perPost: number): Promise<{ handle: string; reader: Account }> {
    const shop = await createShop(app)
    const authors = await Promise.all([0, 1, 2].map(() => registerCustomer(app, shop.handle)))
    const commenters = await Promise.all([0, 1, 2].map(() => registerCustomer(app, shop.handle)))
    const reader = await registerCustomer(app, shop.handle)
    for (let i = 0; i < posts; i++) {
      const post = await createPost(app, authors[i % 3], { title: `Feed ${i}` }, true)
      for (let c = 0; c < perPost; c++) await createComment(app, commenters[(i + c) % 3], post.id, `c${c}`)
      if (i % 2 === 0) {
        expectNoErrors(await app.gql(PostLikeDocument, { input: { postId: post.id } }, { token: reader.accessToken }))
      }
    }
    return { handle: shop.handle, reader }
  }

  async function countFeedStatements(
    handle: string,
    reader: Account | null,
    expectedPosts: number,
    expectedComments: number,
  ): Promise<number> {
    app.statements.reset()
    const feed = expectNoErrors(await app.gql(BlogFeedDocument, { handle }, { token: reader?.accessToken })).shop!.posts
    const count = app.statements.count
    expect(feed.nodes).toHaveLength(expectedPosts)
    expect(feed.nodes.every((n) => n.comments.nodes.length === expectedComments)).toBe(true)
    expect(feed.nodes.every((n) => n.author.displayName === 'Customer')).toBe(true)
    expect(feed.nodes.every((n) => n.comments.nodes.every((c) => c.author.displayName === 'Customer'))).toBe(true)
    return count
  }

  it('reads a feed of 5 or 30 posts with comments, authors and likes in the same few statements', async () => {
    const small = await seedFeed(5, 2)
    const large = await seedFeed(30, 4)
    const smallAnonymous = await countFeedStatements(small.handle, null, 5, 2)
    const largeAnonymous = await countFeedStatements(large.handle, null, 30, 4)
    const smallSignedIn = await countFeedStatements(small.handle, small.reader, 5, 2)
    const largeSignedIn = await countFeedStatements(large.handle, large.reader, 30, 4)
    expect(largeAnonymous).toBe(smallAnonymous)
    expect(largeSignedIn).toBe(smallSignedIn)
    // the cost bucket's charge (+1, once per operation), and the shop with its page of posts, their
    // authors, comment pages and comment authors embedded as JSON (graphql/embed.ts); + the
    // viewer's likes when signed in.
    expect(smallAnonymous).toBe(2)
    expect(smallSignedIn).toBe(3)
    const likes = expectNoErrors(
      await app.gql(BlogFeedDocument, { handle: large.handle }, { token: large.reader.accessToken }),
    ).shop!.posts.nodes.map((n) => [n.likeCount, n.viewerHasLiked])
    expect(likes.filter(([count]) => count === 1)).toHaveLength(15)
    expect(likes.every(([count, liked]) => (count === 1) === liked)).toBe(true)
  })
})
