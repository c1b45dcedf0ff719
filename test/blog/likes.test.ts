import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PostLikeDocument, PostUnlikeDocument, ShopPostDocument } from '../generated/graphql.js'
import { errorCode, expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { registerCustomer, type Account } from '../support/fixtures.js'
import { createBlogWorld, createPost, uuidOf, type BlogWorld } from './support.js'

let app: TestApp
let w: BlogWorld

beforeAll(async () => {
  app = await startTestApp()
  w = await createBlogWorld(app)
})
afterAll(() => app?.close())

const like = async (postId: string, account: Account) =>
  expectNoErrors(await app.gql(PostLikeDocument, { input: { postId } }, { token: account.accessToken })).postLike

const unlike = async (postId: string, account: Account) =>
  expectNoErrors(await app.gql(PostUnlikeDocument, { input: { postId } }, { token: account.accessToken })).postUnlike

async function likeRows(postId: string) {
  return app.db.selectFrom('post_like').selectAll().where('post_id', '=', uuidOf(postId)).execute()
}

async function storedLikeCount(postId: string) {
  const row = await app.db
    .selectFrom('post')
    .select('like_count')
    .where('id', '=', uuidOf(postId))
    .executeTakeFirstOrThrow()
  return row.like_count
}

describe('postLike', () => {
  it('records one like however often the same user likes', async () => {
    const post = await createPost(app, w.author, { title: 'Liked Twice' }, true)
    const first = await like(post.id, w.customer)
    expect(first).toEqual({ post: { id: post.id, likeCount: 1, viewerHasLiked: true }, userErrors: [] })
    const second = await like(post.id, w.customer)
    expect(second).toEqual({ post: { id: post.id, likeCount: 1, viewerHasLiked: true }, userErrors: [] })
    expect(await likeRows(post.id)).toHaveLength(1)
  })

  it('leaves exactly one like after 20 concurrent likes by one user', async () => {
    const post = await createPost(app, w.author, { title: 'Liked Concurrently' }, true)
    const results = await Promise.all(Array.from({ length: 20 }, () => like(post.id, w.customer)))
    for (const result of results) {
      expect(result.userErrors).toEqual([])
      expect(result.post).toEqual({ id: post.id, likeCount: 1, viewerHasLiked: true })
    }
    expect(await likeRows(post.id)).toHaveLength(1)
    expect(await storedLikeCount(post.id)).toBe(1)
  })

  it('counts concurrent likes by different users without losing any', async () => {
    const post = await createPost(app, w.author, { title: 'Liked By Many' }, true)
    const fans = await Promise.all(Array.from({ length: 8 }, () => registerCustomer(app, w.handle)))
    await Promise.all(fans.map((fan) => like(post.id, fan)))
    expect(await storedLikeCount(post.id)).toBe(8)
    expect(await likeRows(post.id)).toHaveLength(8)
  })

  it('shows viewerHasLiked only to the user who liked', async () => {
    const post = await createPost(app, w.author, { title: 'Whose Like' }, true)
    await like(post.id, w.customer)
    const read = async (account: Account | null) =>
      expectNoErrors(
        await app.gql(ShopPostDocument, { handle: w.handle, postHandle: post.handle }, { token: account?.accessToken }),
      ).shop!.post!
    expect(await read(w.customer)).toMatchObject({ likeCount: 1, viewerHasLiked: true })
    expect(await read(w.staff)).toMatchObject({ likeCount: 1, viewerHasLiked: false })
    expect(await read(null)).toMatchObject({ likeCount: 1, viewerHasLiked: false })
  })

  it('answers INVALID_STATE for the author’s own draft and NOT_FOUND for someone else’s', async () => {
    const draft = await createPost(app, w.author, { title: 'Unlikeable Draft' })
    expect((await like(draft.id, w.author)).userErrors.map((e) => e.code)).toEqual(['INVALID_STATE'])
    expect((await like(draft.id, w.customer)).userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'postId'], message: expect.any(String) },
    ])
    expect(await likeRows(draft.id)).toHaveLength(0)
  })

  it('answers NOT_FOUND to staff of another shop and UNAUTHENTICATED to anonymous callers', async () => {
    const post = await createPost(app, w.author, { title: 'Foreign Like' }, true)
    expect((await like(post.id, w.otherShopStaff)).userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    expect(errorCode(await app.gql(PostLikeDocument, { input: { postId: post.id } }))).toBe('UNAUTHENTICATED')
    expect(await likeRows(post.id)).toHaveLength(0)
  })
})

describe('postUnlike', () => {
  it('removes the like once and is a no-op afterwards', async () => {
    const post = await createPost(app, w.author, { title: 'Unliked' }, true)
    await like(post.id, w.customer)
    await like(post.id, w.staff)
    expect(await unlike(post.id, w.customer)).toEqual({
      post: { id: post.id, likeCount: 1, viewerHasLiked: false },
      userErrors: [],
    })
    expect(await unlike(post.id, w.customer)).toEqual({
      post: { id: post.id, likeCount: 1, viewerHasLiked: false },
      userErrors: [],
    })
    expect(await storedLikeCount(post.id)).toBe(1)
  })

  it('keeps the count right under concurrent unlikes by one user', async () => {
    const post = await createPost(app, w.author, { title: 'Unliked Concurrently' }, true)
    await like(post.id, w.customer)
    await Promise.all(Array.from({ length: 10 }, () => unlike(post.id, w.customer)))
    expect(await storedLikeCount(post.id)).toBe(0)
  })

  it('answers NOT_FOUND to staff of another shop and UNAUTHENTICATED to anonymous callers', async () => {
    const post = await createPost(app, w.author, { title: 'Foreign Unlike' }, true)
    await like(post.id, w.customer)
    expect((await unlike(post.id, w.otherShopStaff)).userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    expect(errorCode(await app.gql(PostUnlikeDocument, { input: { postId: post.id } }))).toBe('UNAUTHENTICATED')
    expect(await storedLikeCount(post.id)).toBe(1)
  })
})
