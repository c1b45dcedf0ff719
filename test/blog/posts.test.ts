import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BlogNodeDocument,
  PostAuthorEmailDocument,
  PostCreateDocument,
  PostDeleteDocument,
  PostPublishDocument,
  PostUpdateDocument,
  ShopPostDocument,
  ShopPostsDocument,
  ViewerPostsDocument,
} from '../generated/graphql.js'
import { errorCode, expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { auditActions, registerCustomer, type Account } from '../support/fixtures.js'
import { createBlogWorld, createPost, uuidOf, type BlogWorld } from './support.js'

let app: TestApp
let w: BlogWorld

beforeAll(async () => {
  app = await startTestApp()
  w = await createBlogWorld(app)
})
afterAll(() => app?.close())

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

async function readPost(handle: string, account: Account | null) {
  return expectNoErrors(
    await app.gql(ShopPostDocument, { handle: w.handle, postHandle: handle }, { token: account?.accessToken }),
  ).shop!.post
}

async function readNode(id: string, account: Account | null) {
  return expectNoErrors(await app.gql(BlogNodeDocument, { id }, { token: account?.accessToken })).node
}

describe('postCreate', () => {
  it('creates a draft with a derived handle, excerpt, reading time and normalized tags', async () => {
    const created = expectNoErrors(
      await app.gql(
        PostCreateDocument,
        {
          input: {
            title: 'Spring Collection: Größen & Farben!',
            body: `# Hello\n\n**${words(250)}**`,
            tags: [' News ', 'news', 'Fashion  Week'],
          },
        },
        { token: w.author.accessToken },
      ),
    ).postCreate
    expect(created.userErrors).toEqual([])
    const post = created.post!
    expect(post.handle).toBe('spring-collection-grossen-farben')
    expect(post.status).toBe('DRAFT')
    expect(post.publishedAt).toBeNull()
    expect(post.readingTimeMinutes).toBe(2)
    expect(post.tags).toEqual(['news', 'fashion week'])
    expect(post.excerpt.startsWith('Hello word0 word1')).toBe(true)
    expect(post.excerpt.endsWith('…')).toBe(true)
    expect(post.author).toEqual({ id: w.author.globalId, displayName: 'Customer' })
    expect(post.likeCount).toBe(0)
    expect(post.viewerHasLiked).toBe(false)
  })

  it('adds a numeric suffix when the derived handle is taken', async () => {
    const handles = []
    for (let i = 0; i < 3; i++) handles.push((await createPost(app, w.author, { title: 'Same Title' })).handle)
    expect(handles).toEqual(['same-title', 'same-title-2', 'same-title-3'])
  })

  it('gives concurrent posts with one title distinct handles', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        app.gql(PostCreateDocument, { input: { title: 'Race Title' } }, { token: w.author.accessToken }),
      ),
    )
    const handles = results.map((r) => expectNoErrors(r).postCreate.post!.handle).sort()
    expect(handles).toEqual(['race-title', 'race-title-2', 'race-title-3', 'race-title-4', 'race-title-5'])
  })

  it('refuses a given handle that another post has, naming the field', async () => {
    await createPost(app, w.customer, { title: 'Taken', handle: 'taken-handle' })
    const created = expectNoErrors(
      await app.gql(
        PostCreateDocument,
        { input: { title: 'Mine', handle: 'taken-handle' } },
        { token: w.author.accessToken },
      ),
    ).postCreate
    expect(created.post).toBeNull()
    expect(created.userErrors).toEqual([{ code: 'TAKEN', field: ['input', 'handle'], message: expect.any(String) }])
  })

  it('frees the handle of a deleted post', async () => {
    const post = await createPost(app, w.author, { title: 'Reusable', handle: 'reusable' })
    expectNoErrors(await app.gql(PostDeleteDocument, { input: { id: post.id } }, { token: w.author.accessToken }))
    const again = await createPost(app, w.author, { title: 'Reusable', handle: 'reusable' })
    expect(again.handle).toBe('reusable')
  })

  it('reports every invalid field with its path', async () => {
    const created = expectNoErrors(
      await app.gql(
        PostCreateDocument,
        {
          input: {
            title: '   ',
            handle: 'Not A Handle',
            excerpt: 'x'.repeat(501),
            tags: ['ok', 'y'.repeat(31), '  '],
          },
        },
        { token: w.author.accessToken },
      ),
    ).postCreate
    expect(created.post).toBeNull()
    expect(created.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['input', 'title']],
      ['INVALID_INPUT', ['input', 'handle']],
      ['INVALID_INPUT', ['input', 'excerpt']],
      ['INVALID_INPUT', ['input', 'tags', '1']],
      ['INVALID_INPUT', ['input', 'tags', '2']],
    ])
  })

  it('refuses a title over 200 characters, more than 10 tags and a body over 100,000 characters', async () => {
    const created = expectNoErrors(
      await app.gql(
        PostCreateDocument,
        {
          input: {
            title: 't'.repeat(201),
            body: 'b'.repeat(100_001),
            tags: Array.from({ length: 11 }, (_, i) => `tag${i}`),
          },
        },
        { token: w.author.accessToken },
      ),
    ).postCreate
    expect(created.userErrors.map((e) => e.field)).toEqual([
      ['input', 'title'],
      ['input', 'body'],
      ['input', 'tags'],
    ])
  })

  it('accepts a title of exactly 200 characters and a body of exactly 100,000', async () => {
    const created = expectNoErrors(
      await app.gql(
        PostCreateDocument,
        { input: { title: 't'.repeat(200), body: 'b'.repeat(100_000) } },
        { token: w.author.accessToken },
      ),
    ).postCreate
    expect(created.userErrors).toEqual([])
    expect(created.post!.readingTimeMinutes).toBe(1)
  })

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const response = await app.gql(PostCreateDocument, { input: { title: 'Anon' } })
    expect(errorCode(response)).toBe('UNAUTHENTICATED')
    expect(response.body.data).toBeNull()
  })
})

describe('saving recomputes reading time and the derived excerpt', () => {
  it('recomputes the reading time on every body change', async () => {
    const post = await createPost(app, w.author, { title: 'Timing', body: words(201) })
    const before = (await readPost(post.handle, w.author))!
    expect(before.readingTimeMinutes).toBe(2)
    const updated = expectNoErrors(
      await app.gql(PostUpdateDocument, { input: { id: post.id, body: words(10) } }, { token: w.author.accessToken }),
    ).postUpdate
    expect(updated.userErrors).toEqual([])
    expect(updated.post!.readingTimeMinutes).toBe(1)
    expect(updated.post!.excerpt).toBe(words(10))
  })

  it('keeps a custom excerpt when the body changes, and derives again after an empty one', async () => {
    const post = await createPost(app, w.author, { title: 'Excerpts', body: 'first body', excerpt: 'My summary' })
    const kept = expectNoErrors(
      await app.gql(
        PostUpdateDocument,
        { input: { id: post.id, body: 'second body' } },
        { token: w.author.accessToken },
      ),
    ).postUpdate.post!
    expect(kept.excerpt).toBe('My summary')
    const reset = expectNoErrors(
      await app.gql(PostUpdateDocument, { input: { id: post.id, excerpt: '' } }, { token: w.author.accessToken }),
    ).postUpdate.post!
    expect(reset.excerpt).toBe('second body')
  })

  it('changes the handle only when asked, and refuses a taken one', async () => {
    const post = await createPost(app, w.author, { title: 'Handle Stays' })
    await createPost(app, w.author, { title: 'Occupied', handle: 'occupied' })
    const retitled = expectNoErrors(
      await app.gql(
        PostUpdateDocument,
        { input: { id: post.id, title: 'New Title' } },
        { token: w.author.accessToken },
      ),
    ).postUpdate.post!
    expect(retitled.handle).toBe('handle-stays')
    const clash = expectNoErrors(
      await app.gql(
        PostUpdateDocument,
        { input: { id: post.id, handle: 'occupied' } },
        { token: w.author.accessToken },
      ),
    ).postUpdate
    expect(clash.userErrors).toEqual([{ code: 'TAKEN', field: ['input', 'handle'], message: expect.any(String) }])
    expect((await readPost('handle-stays', w.author))!.title).toBe('New Title')
  })
})

describe('who sees a draft', () => {
  let draft: { id: string; handle: string }
  beforeAll(async () => {
    draft = await createPost(app, w.author, { title: 'Secret Draft' })
  })

  it('shows it to its author and to staff of the shop', async () => {
    expect((await readPost(draft.handle, w.author))?.id).toBe(draft.id)
    expect((await readPost(draft.handle, w.staff))?.id).toBe(draft.id)
    expect((await readPost(draft.handle, w.admin))?.id).toBe(draft.id)
  })

  it('answers null to anonymous readers, another customer and staff of another shop', async () => {
    for (const reader of [null, w.customer, w.otherShopStaff]) expect(await readPost(draft.handle, reader)).toBeNull()
  })

  it('answers node(id) only for its author and staff of the shop', async () => {
    expect((await readNode(draft.id, w.author))?.id).toBe(draft.id)
    expect((await readNode(draft.id, w.staff))?.id).toBe(draft.id)
    for (const reader of [null, w.customer, w.otherShopStaff]) expect(await readNode(draft.id, reader)).toBeNull()
  })

  it('never lists it in Shop.posts, even for its author', async () => {
    const posts = expectNoErrors(
      await app.gql(ShopPostsDocument, { handle: w.handle, first: 100 }, { token: w.author.accessToken }),
    ).shop!.posts
    expect(posts.nodes.map((n) => n.id)).not.toContain(draft.id)
  })

  it('lists it in the author’s Viewer.posts and nobody else’s', async () => {
    const own = expectNoErrors(await app.gql(ViewerPostsDocument, { first: 100 }, { token: w.author.accessToken }))
      .viewer!.posts
    expect(own.nodes.map((n) => n.id)).toContain(draft.id)
    const others = expectNoErrors(await app.gql(ViewerPostsDocument, { first: 100 }, { token: w.staff.accessToken }))
      .viewer!.posts
    expect(others.nodes.map((n) => n.id)).not.toContain(draft.id)
  })

  it('shows a published post to everyone, staff of another shop included', async () => {
    const post = await createPost(app, w.author, { title: 'Public Post' }, true)
    for (const reader of [null, w.customer, w.otherShopStaff, w.staff]) {
      expect((await readPost(post.handle, reader))?.status).toBe('PUBLISHED')
      expect((await readNode(post.id, reader))?.id).toBe(post.id)
    }
  })

  it('refuses Viewer.posts to anonymous callers', async () => {
    const response = await app.gql(ViewerPostsDocument, {})
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data?.viewer).toBeNull()
  })
})

describe('postPublish', () => {
  it('publishes the author’s draft into Shop.posts and is idempotent', async () => {
    const post = await createPost(app, w.author, { title: 'To Publish' })
    const first = expectNoErrors(
      await app.gql(PostPublishDocument, { input: { id: post.id } }, { token: w.author.accessToken }),
    ).postPublish.post!
    expect(first.status).toBe('PUBLISHED')
    expect(first.publishedAt).not.toBeNull()
    const second = expectNoErrors(
      await app.gql(PostPublishDocument, { input: { id: post.id } }, { token: w.author.accessToken }),
    ).postPublish
    expect(second.userErrors).toEqual([])
    expect(second.post!.publishedAt).toBe(first.publishedAt)
    const listed = expectNoErrors(await app.gql(ShopPostsDocument, { handle: w.handle, first: 100 })).shop!.posts
    expect(listed.nodes.map((n) => n.id)).toContain(post.id)
  })

  it('answers NOT_FOUND for another customer’s draft and for staff of another shop', async () => {
    const post = await createPost(app, w.author, { title: 'Not Yours' })
    for (const caller of [w.customer, w.otherShopStaff]) {
      const result = expectNoErrors(
        await app.gql(PostPublishDocument, { input: { id: post.id } }, { token: caller.accessToken }),
      ).postPublish
      expect(result.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'], message: expect.any(String) }])
    }
    expect((await readPost(post.handle, w.author))!.status).toBe('DRAFT')
  })

  it('answers FORBIDDEN to staff, who may see the draft but not publish it', async () => {
    const post = await createPost(app, w.author, { title: 'Staff Cannot Publish' })
    const response = await app.gql(PostPublishDocument, { input: { id: post.id } }, { token: w.staff.accessToken })
    expect(errorCode(response)).toBe('FORBIDDEN')
    expect((await readPost(post.handle, w.author))!.status).toBe('DRAFT')
  })

  it('refuses anonymous callers and malformed ids', async () => {
    const post = await createPost(app, w.author, { title: 'Anon Publish' })
    expect(errorCode(await app.gql(PostPublishDocument, { input: { id: post.id } }))).toBe('UNAUTHENTICATED')
    const malformed = await app.gql(
      PostPublishDocument,
      { input: { id: 'gid://shopfront/User/' + uuidOf(post.id) } },
      {
        token: w.author.accessToken,
      },
    )
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT')
  })
})

describe('postUpdate permissions', () => {
  it('lets the author change anything', async () => {
    const post = await createPost(app, w.author, { title: 'Editable' }, true)
    const updated = expectNoErrors(
      await app.gql(
        PostUpdateDocument,
        { input: { id: post.id, title: 'Edited', tags: ['A'], status: 'DRAFT' } },
        { token: w.author.accessToken },
      ),
    ).postUpdate
    expect(updated.userErrors).toEqual([])
    expect(updated.post).toMatchObject({ title: 'Edited', tags: ['a'], status: 'DRAFT', publishedAt: null })
  })

  it('answers FORBIDDEN to another customer on a published post and NOT_FOUND on a draft', async () => {
    const published = await createPost(app, w.author, { title: 'Others Published' }, true)
    const draft = await createPost(app, w.author, { title: 'Others Draft' })
    const onPublished = await app.gql(
      PostUpdateDocument,
      { input: { id: published.id, title: 'Hijack' } },
      { token: w.customer.accessToken },
    )
    expect(errorCode(onPublished)).toBe('FORBIDDEN')
    const onDraft = expectNoErrors(
      await app.gql(
        PostUpdateDocument,
        { input: { id: draft.id, title: 'Hijack' } },
        { token: w.customer.accessToken },
      ),
    ).postUpdate
    expect(onDraft.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    expect((await readPost(published.handle, null))!.title).toBe('Others Published')
  })

  it('lets staff unpublish any post of their shop, with an audit event', async () => {
    const post = await createPost(app, w.author, { title: 'Moderated' }, true)
    const updated = expectNoErrors(
      await app.gql(PostUpdateDocument, { input: { id: post.id, status: 'DRAFT' } }, { token: w.staff.accessToken }),
    ).postUpdate
    expect(updated.userErrors).toEqual([])
    expect(updated.post!.status).toBe('DRAFT')
    expect(await readPost(post.handle, null)).toBeNull()
    expect(await auditActions(app, w.shopId)).toContain('post.unpublished')
  })

  it('answers FORBIDDEN to staff changing the content of someone else’s post', async () => {
    const post = await createPost(app, w.author, { title: 'Staff Edit' }, true)
    const response = await app.gql(
      PostUpdateDocument,
      { input: { id: post.id, title: 'Rewritten' } },
      { token: w.staff.accessToken },
    )
    expect(errorCode(response)).toBe('FORBIDDEN')
    expect((await readPost(post.handle, null))!.title).toBe('Staff Edit')
  })

  it('answers NOT_FOUND to staff of another shop, even for a published post', async () => {
    const post = await createPost(app, w.author, { title: 'Foreign Staff' }, true)
    const result = expectNoErrors(
      await app.gql(
        PostUpdateDocument,
        { input: { id: post.id, status: 'DRAFT' } },
        { token: w.otherShopStaff.accessToken },
      ),
    ).postUpdate
    expect(result.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    expect((await readPost(post.handle, null))!.status).toBe('PUBLISHED')
  })

  it('refuses anonymous callers', async () => {
    const post = await createPost(app, w.author, { title: 'Anon Update' }, true)
    expect(errorCode(await app.gql(PostUpdateDocument, { input: { id: post.id, title: 'x' } }))).toBe('UNAUTHENTICATED')
  })

  it('validates changed fields with their paths', async () => {
    const post = await createPost(app, w.author, { title: 'Validate Update' })
    const result = expectNoErrors(
      await app.gql(
        PostUpdateDocument,
        { input: { id: post.id, title: '', tags: ['ok', ''] } },
        { token: w.author.accessToken },
      ),
    ).postUpdate
    expect(result.userErrors.map((e) => e.field)).toEqual([
      ['input', 'title'],
      ['input', 'tags', '1'],
    ])
  })
})

describe('postDelete', () => {
  it('lets the author delete their post without an audit event; it is then gone for everyone', async () => {
    const post = await createPost(app, w.author, { title: 'Author Deletes' }, true)
    const before = (await auditActions(app, w.shopId)).filter((a) => a === 'post.deleted').length
    const result = expectNoErrors(
      await app.gql(PostDeleteDocument, { input: { id: post.id } }, { token: w.author.accessToken }),
    ).postDelete
    expect(result).toEqual({ deletedPostId: post.id, userErrors: [] })
    for (const reader of [null, w.author, w.staff]) {
      expect(await readPost(post.handle, reader)).toBeNull()
      expect(await readNode(post.id, reader)).toBeNull()
    }
    const own = expectNoErrors(await app.gql(ViewerPostsDocument, { first: 100 }, { token: w.author.accessToken }))
      .viewer!.posts
    expect(own.nodes.map((n) => n.id)).not.toContain(post.id)
    expect((await auditActions(app, w.shopId)).filter((a) => a === 'post.deleted').length).toBe(before)
    const again = expectNoErrors(
      await app.gql(PostDeleteDocument, { input: { id: post.id } }, { token: w.author.accessToken }),
    ).postDelete
    expect(again.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
  })

  it('lets staff delete any post of their shop, with an audit event', async () => {
    const post = await createPost(app, w.author, { title: 'Staff Deletes' })
    const result = expectNoErrors(
      await app.gql(PostDeleteDocument, { input: { id: post.id } }, { token: w.staff.accessToken }),
    ).postDelete
    expect(result.userErrors).toEqual([])
    expect(await auditActions(app, w.shopId)).toContain('post.deleted')
    const row = await app.db
      .selectFrom('post')
      .select('deleted_at')
      .where('id', '=', uuidOf(post.id))
      .executeTakeFirstOrThrow()
    expect(row.deleted_at).not.toBeNull()
  })

  it('answers FORBIDDEN to another customer on a published post and NOT_FOUND on a draft', async () => {
    const published = await createPost(app, w.author, { title: 'Keep Published' }, true)
    const draft = await createPost(app, w.author, { title: 'Keep Draft' })
    expect(
      errorCode(await app.gql(PostDeleteDocument, { input: { id: published.id } }, { token: w.customer.accessToken })),
    ).toBe('FORBIDDEN')
    const onDraft = expectNoErrors(
      await app.gql(PostDeleteDocument, { input: { id: draft.id } }, { token: w.customer.accessToken }),
    ).postDelete
    expect(onDraft.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    expect(await readPost(published.handle, null)).not.toBeNull()
  })

  it('answers NOT_FOUND to staff of another shop and UNAUTHENTICATED to anonymous callers', async () => {
    const post = await createPost(app, w.author, { title: 'Foreign Delete' }, true)
    const foreign = expectNoErrors(
      await app.gql(PostDeleteDocument, { input: { id: post.id } }, { token: w.otherShopStaff.accessToken }),
    ).postDelete
    expect(foreign.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    expect(errorCode(await app.gql(PostDeleteDocument, { input: { id: post.id } }))).toBe('UNAUTHENTICATED')
    expect(await readPost(post.handle, null)).not.toBeNull()
  })
})

describe('post authors', () => {
  it('shows the author’s display name to anonymous readers and staff of another shop', async () => {
    const post = await createPost(app, w.author, { title: 'Authored' }, true)
    for (const reader of [null, w.otherShopStaff]) {
      expect((await readPost(post.handle, reader))!.author).toEqual({ id: w.author.globalId, displayName: 'Customer' })
    }
  })

  it('guards the author’s email: staff of the shop see it, other readers get null without an error', async () => {
    const post = await createPost(app, w.author, { title: 'Private Email' }, true)
    const variables = { handle: w.handle, postHandle: post.handle }
    const staff = expectNoErrors(await app.gql(PostAuthorEmailDocument, variables, { token: w.staff.accessToken }))
    expect(staff.shop!.post!.author.email).toBe(w.author.email)
    for (const reader of [null, w.customer, w.otherShopStaff]) {
      const response = await app.gql(PostAuthorEmailDocument, variables, { token: reader?.accessToken })
      expect(response.body.errors).toBeUndefined()
      expect(response.body.data?.shop?.post?.author).toEqual({ displayName: 'Customer', email: null })
    }
  })

  it('attributes the posts of an erased account to "Deleted user"', async () => {
    const leaver = await registerCustomer(app, w.handle)
    const post = await createPost(app, leaver, { title: 'Left Behind' }, true)
    await app.db.updateTable('user').set({ deleted_at: new Date() }).where('id', '=', leaver.userId).execute()
    expect((await readPost(post.handle, null))!.author.displayName).toBe('Deleted user')
  })
})
