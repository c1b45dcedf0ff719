import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BlogNodeDocument,
  CommentCreateDocument,
  CommentDeleteDocument,
  CommentModerateDocument,
  PostCommentsDocument,
  PostUpdateDocument,
} from '../generated/graphql.js'
import { errorCode, expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { auditActions, type Account } from '../support/fixtures.js'
import { createBlogWorld, createComment, createPost, type BlogWorld, type CreatedPost } from './support.js'

let app: TestApp
let w: BlogWorld

beforeAll(async () => {
  app = await startTestApp()
  w = await createBlogWorld(app)
})
afterAll(() => app?.close())

async function commentsOf(post: CreatedPost, account: Account | null) {
  const data = expectNoErrors(
    await app.gql(
      PostCommentsDocument,
      { handle: w.handle, postHandle: post.handle, first: 100 },
      { token: account?.accessToken },
    ),
  )
  return data.shop!.post!.comments
}

async function commentIds(post: CreatedPost, account: Account | null) {
  return (await commentsOf(post, account)).edges.map((e) => e.node.id)
}

async function readComment(id: string, account: Account | null) {
  return expectNoErrors(await app.gql(BlogNodeDocument, { id }, { token: account?.accessToken })).node
}

async function hide(commentId: string) {
  const result = expectNoErrors(
    await app.gql(
      CommentModerateDocument,
      { input: { id: commentId, status: 'HIDDEN' } },
      { token: w.staff.accessToken },
    ),
  ).commentModerate
  if (result.userErrors.length) throw new Error(JSON.stringify(result.userErrors))
}

describe('commentCreate', () => {
  let post: CreatedPost
  beforeAll(async () => {
    post = await createPost(app, w.author, { title: 'Commentable' }, true)
  })

  it('lets any signed-in user of the shop comment on a published post, oldest first', async () => {
    const first = await createComment(app, w.customer, post.id, 'First!')
    const second = await createComment(app, w.staff, post.id, 'Second')
    const third = await createComment(app, w.author, post.id, '  Thanks  ')
    const comments = await commentsOf(post, null)
    expect(comments.edges.map((e) => e.node.id)).toEqual([first, second, third])
    expect(comments.edges[2].node.body).toBe('Thanks')
    expect(comments.edges[0].node.author.displayName).toBe('Customer')
    expect(comments.totalCount).toBe(3)
  })

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const response = await app.gql(CommentCreateDocument, { input: { postId: post.id, body: 'hi' } })
    expect(errorCode(response)).toBe('UNAUTHENTICATED')
  })

  it('answers INVALID_STATE on the author’s own draft and NOT_FOUND on someone else’s', async () => {
    const draft = await createPost(app, w.author, { title: 'Draft For Comments' })
    const own = expectNoErrors(
      await app.gql(
        CommentCreateDocument,
        { input: { postId: draft.id, body: 'hi' } },
        { token: w.author.accessToken },
      ),
    ).commentCreate
    expect(own.userErrors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'postId'], message: expect.any(String) }])
    const other = expectNoErrors(
      await app.gql(
        CommentCreateDocument,
        { input: { postId: draft.id, body: 'hi' } },
        { token: w.customer.accessToken },
      ),
    ).commentCreate
    expect(other.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'postId'], message: expect.any(String) }])
  })

  it('answers NOT_FOUND to staff of another shop', async () => {
    const result = expectNoErrors(
      await app.gql(
        CommentCreateDocument,
        { input: { postId: post.id, body: 'hi' } },
        { token: w.otherShopStaff.accessToken },
      ),
    ).commentCreate
    expect(result.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
  })

  it('refuses an empty body and one over 5,000 characters, naming the field', async () => {
    for (const body of ['   ', 'x'.repeat(5001)]) {
      const result = expectNoErrors(
        await app.gql(CommentCreateDocument, { input: { postId: post.id, body } }, { token: w.customer.accessToken }),
      ).commentCreate
      expect(result.userErrors).toEqual([
        { code: 'INVALID_INPUT', field: ['input', 'body'], message: expect.any(String) },
      ])
    }
    const longest = expectNoErrors(
      await app.gql(
        CommentCreateDocument,
        { input: { postId: post.id, body: 'x'.repeat(5000) } },
        { token: w.customer.accessToken },
      ),
    ).commentCreate
    expect(longest.userErrors).toEqual([])
  })
})

describe('hidden comments', () => {
  let post: CreatedPost
  let hidden: string
  let shown: string
  beforeAll(async () => {
    post = await createPost(app, w.author, { title: 'Moderation Target' }, true)
    hidden = await createComment(app, w.customer, post.id, 'Spam spam spam')
    shown = await createComment(app, w.author, post.id, 'Fine comment')
    await hide(hidden)
  })

  it('are absent for anonymous readers, other customers and staff of another shop (list, count and node)', async () => {
    for (const reader of [null, w.author, w.otherShopStaff]) {
      const comments = await commentsOf(post, reader)
      expect(comments.edges.map((e) => e.node.id)).toEqual([shown])
      expect(comments.totalCount).toBe(1)
      expect(await readComment(hidden, reader)).toBeNull()
    }
  })

  it('are visible, marked HIDDEN, to staff of the shop and to the comment’s author', async () => {
    for (const reader of [w.staff, w.customer]) {
      const comments = await commentsOf(post, reader)
      expect(comments.edges.map((e) => [e.node.id, e.node.status])).toEqual([
        [hidden, 'HIDDEN'],
        [shown, 'VISIBLE'],
      ])
      expect(await readComment(hidden, reader)).toMatchObject({ id: hidden, commentStatus: 'HIDDEN' })
    }
  })

  it('come back when staff show them again, each change audited', async () => {
    const again = expectNoErrors(
      await app.gql(
        CommentModerateDocument,
        { input: { id: hidden, status: 'VISIBLE' } },
        { token: w.staff.accessToken },
      ),
    ).commentModerate
    expect(again.comment?.status).toBe('VISIBLE')
    expect(await commentIds(post, null)).toEqual([hidden, shown])
    const actions = await auditActions(app, w.shopId)
    expect(actions).toContain('comment.hidden')
    expect(actions).toContain('comment.shown')
    await hide(hidden)
  })
})

describe('commentModerate permissions', () => {
  let comment: string
  beforeAll(async () => {
    const post = await createPost(app, w.author, { title: 'Moderation Rights' }, true)
    comment = await createComment(app, w.customer, post.id, 'Judge me')
  })

  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to customers, the author included', async () => {
    expect(errorCode(await app.gql(CommentModerateDocument, { input: { id: comment, status: 'HIDDEN' } }))).toBe(
      'UNAUTHENTICATED',
    )
    for (const caller of [w.customer, w.author]) {
      const response = await app.gql(
        CommentModerateDocument,
        { input: { id: comment, status: 'HIDDEN' } },
        { token: caller.accessToken },
      )
      expect(errorCode(response)).toBe('FORBIDDEN')
    }
    expect(await readComment(comment, null)).not.toBeNull()
  })

  it('answers NOT_FOUND to staff of another shop', async () => {
    const result = expectNoErrors(
      await app.gql(
        CommentModerateDocument,
        { input: { id: comment, status: 'HIDDEN' } },
        { token: w.otherShopStaff.accessToken },
      ),
    ).commentModerate
    expect(result.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'], message: expect.any(String) }])
    expect(await readComment(comment, null)).not.toBeNull()
  })

  it('refuses a malformed comment id with BAD_USER_INPUT', async () => {
    const response = await app.gql(
      CommentModerateDocument,
      { input: { id: 'nope', status: 'HIDDEN' } },
      { token: w.staff.accessToken },
    )
    expect(errorCode(response)).toBe('BAD_USER_INPUT')
  })
})

describe('commentDelete', () => {
  let post: CreatedPost
  beforeAll(async () => {
    post = await createPost(app, w.author, { title: 'Deletions' }, true)
  })

  it('lets the comment’s author delete it, without an audit event; it is then gone', async () => {
    const comment = await createComment(app, w.customer, post.id, 'Oops')
    const before = (await auditActions(app, w.shopId)).filter((a) => a === 'comment.deleted').length
    const result = expectNoErrors(
      await app.gql(CommentDeleteDocument, { input: { id: comment } }, { token: w.customer.accessToken }),
    ).commentDelete
    expect(result).toEqual({ deletedCommentId: comment, userErrors: [] })
    for (const reader of [null, w.customer, w.staff]) {
      expect(await commentIds(post, reader)).not.toContain(comment)
      expect(await readComment(comment, reader)).toBeNull()
    }
    expect((await auditActions(app, w.shopId)).filter((a) => a === 'comment.deleted').length).toBe(before)
  })

  it('lets staff delete any comment of their shop, with an audit event', async () => {
    const comment = await createComment(app, w.customer, post.id, 'Rude')
    const result = expectNoErrors(
      await app.gql(CommentDeleteDocument, { input: { id: comment } }, { token: w.staff.accessToken }),
    ).commentDelete
    expect(result.userErrors).toEqual([])
    expect(await auditActions(app, w.shopId)).toContain('comment.deleted')
  })

  it('answers FORBIDDEN to another customer (even the post’s author) on a visible comment', async () => {
    const comment = await createComment(app, w.customer, post.id, 'Mine')
    const response = await app.gql(CommentDeleteDocument, { input: { id: comment } }, { token: w.author.accessToken })
    expect(errorCode(response)).toBe('FORBIDDEN')
    expect(await commentIds(post, null)).toContain(comment)
  })

  it('answers NOT_FOUND to another customer on a hidden comment and to staff of another shop', async () => {
    const comment = await createComment(app, w.customer, post.id, 'Hidden one')
    await hide(comment)
    for (const caller of [w.author, w.otherShopStaff]) {
      const result = expectNoErrors(
        await app.gql(CommentDeleteDocument, { input: { id: comment } }, { token: caller.accessToken }),
      ).commentDelete
      expect(result.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    }
    expect(await commentIds(post, w.staff)).toContain(comment)
  })

  it('answers UNAUTHENTICATED to anonymous callers', async () => {
    const comment = await createComment(app, w.customer, post.id, 'Stays')
    expect(errorCode(await app.gql(CommentDeleteDocument, { input: { id: comment } }))).toBe('UNAUTHENTICATED')
  })
})

describe('comments of posts that disappear', () => {
  it('are absent when their post is unpublished, except for its author and staff', async () => {
    const post = await createPost(app, w.author, { title: 'Soon Unpublished' }, true)
    const comment = await createComment(app, w.customer, post.id, 'Before unpublishing')
    expectNoErrors(
      await app.gql(PostUpdateDocument, { input: { id: post.id, status: 'DRAFT' } }, { token: w.author.accessToken }),
    )
    for (const reader of [null, w.customer, w.otherShopStaff]) expect(await readComment(comment, reader)).toBeNull()
    for (const reader of [w.author, w.staff]) expect((await readComment(comment, reader))?.id).toBe(comment)
  })
})
