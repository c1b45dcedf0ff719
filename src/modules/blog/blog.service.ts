import type { Expression, Kysely } from 'kysely'
import { NO_EMBEDS, type EmbedPlan } from '../../shared/embed-plan.js'
import type { DB } from '../../../db/types.js'
import { recordAudit } from '../../platform/audit.js'
import { isStaff, type Viewer } from '../../shared/viewer.js'
import { fail, forbidden, userError, type Result, type UserError } from '../../shared/errors.js'
import { toConnection, type Page } from '../../shared/pagination.js'
import type { CommentRow, CommentStatus, PostRow } from '../../shared/rows.js'
import { ownPostCursor, postCursor, type PostConnection } from './blog.loaders.js'
import { checkLength } from '../../shared/validation.js'
import * as repo from './blog.repository.js'
import { requireViewer, type RequestScope } from '../../shared/scope.js'
import { firstFreeHandle, handleFromTitle } from '../../shared/handle.js'
import { inTransaction, isUniqueViolation } from '../../shared/transaction.js'
import { HANDLE_FORMAT, HANDLE_MAX, charLength, deriveExcerpt, normalizeTag, readingTimeMinutes } from './blog.text.js'

export const TITLE_MAX = 200
export const BODY_MAX = 100_000
export const EXCERPT_MAX = 500
export const TAGS_MAX = 10
export const TAG_MAX = 30
export const COMMENT_MAX = 5_000

const POST_NOT_FOUND = userError('NOT_FOUND', 'No post has this id', ['input', 'id'])
const COMMENT_NOT_FOUND = userError('NOT_FOUND', 'No comment has this id', ['input', 'id'])

// ---- reading lists ----

/** `Shop.posts`: published posts of the shop, newest first. */
function normalizedFilter(filter: repo.PostFilter): repo.PostFilter {
  return { tag: filter.tag != null ? normalizeTag(filter.tag) : null, authorId: filter.authorId ?? null }
}

/**
 * `Shop.posts` embedded in the statement that reads the shop (`shopId` a reference to its row): the
 * query, and the connection built from its rows (the same as listPublishedPosts answers).
 */
export function publishedPostPage(
  scope: RequestScope,
  shopId: Expression<string>,
  page: Page,
  filter: repo.PostFilter,
  embeds: EmbedPlan,
): {
  query: ReturnType<typeof repo.publishedPostPageQuery>
  connection(rows: PostRow[], shopId: string): PostConnection
} {
  const normalized = normalizedFilter(filter)
  return {
    query: repo.publishedPostPageQuery(scope.db, shopId, page, normalized, embeds),
    connection: (rows, id) =>
      toConnection(rows, page, postCursor, () => repo.countPublishedPosts(scope.db, id, normalized)),
  }
}

export async function listPublishedPosts(
  scope: RequestScope,
  shopId: string,
  page: Page,
  filter: repo.PostFilter,
  embeds: EmbedPlan = NO_EMBEDS,
): Promise<PostConnection> {
  const normalized = normalizedFilter(filter)
  const rows = await repo.findPublishedPosts(scope.db, shopId, page, normalized, embeds)
  return toConnection(rows, page, postCursor, () => repo.countPublishedPosts(scope.db, shopId, normalized))
}

/** `Viewer.posts`: the viewer's live posts in any status, most recently changed first. */
export async function listOwnPosts(
  scope: RequestScope,
  page: Page,
  embeds: EmbedPlan = NO_EMBEDS,
): Promise<PostConnection> {
  const viewer = requireViewer(scope)
  const rows = await repo.findPostsOfAuthor(scope.db, viewer.shopId, viewer.userId, page, embeds)
  return toConnection(rows, page, ownPostCursor, () => repo.countPostsOfAuthor(scope.db, viewer.shopId, viewer.userId))
}

// ---- input checks ----

function checkTitle(value: string, errors: UserError[]): string {
  return checkLength(value, ['input', 'title'], 'Title', { min: 1, max: TITLE_MAX }, errors)
}

function checkBody(body: string, errors: UserError[]): string {
  return checkLength(body, ['input', 'body'], 'Body', { min: 0, max: BODY_MAX, trim: false }, errors)
}

function checkHandle(value: string, errors: UserError[]): string {
  const handle = value.trim()
  if (handle.length > HANDLE_MAX || !HANDLE_FORMAT.test(handle)) {
    errors.push(
      userError(
        'INVALID_INPUT',
        `Handle must be 1–${HANDLE_MAX} lowercase letters and digits in dash-separated groups`,
        ['input', 'handle'],
      ),
    )
  }
  return handle
}

/** The custom excerpt, or null to derive it from the body. */
function checkExcerpt(value: string, errors: UserError[]): string | null {
  const excerpt = value.trim()
  if (charLength(excerpt) > EXCERPT_MAX) {
    errors.push(userError('INVALID_INPUT', `Excerpt must be at most ${EXCERPT_MAX} characters`, ['input', 'excerpt']))
  }
  return excerpt === '' ? null : excerpt
}

function checkTags(values: readonly string[], errors: UserError[]): string[] {
  const tags: string[] = []
  values.forEach((value, index) => {
    const tag = normalizeTag(value)
    const length = charLength(tag)
    if (length < 1 || length > TAG_MAX) {
      errors.push(
        userError('INVALID_INPUT', `Each tag must be 1–${TAG_MAX} characters`, ['input', 'tags', String(index)]),
      )
    } else if (!tags.includes(tag)) {
      tags.push(tag)
    }
  })
  if (tags.length > TAGS_MAX) {
    errors.push(userError('INVALID_INPUT', `A post has at most ${TAGS_MAX} tags`, ['input', 'tags']))
  }
  return tags
}

function mayReadDraftsOf(viewer: Viewer, post: PostRow): boolean {
  return post.author_id === viewer.userId || isStaff(viewer)
}

/** The post as the viewer may see it in their own shop (locked), or null: drafts of others are absent. */
async function lockVisiblePost(db: Kysely<DB>, viewer: Viewer, postId: string): Promise<PostRow | null> {
  const post = await repo.lockPost(db, viewer.shopId, postId)
  if (!post) return null
  return post.status === 'PUBLISHED' || mayReadDraftsOf(viewer, post) ? post : null
}

// ---- posts ----

export interface PostCreateInput {
  title: string
  body?: string | null
  handle?: string | null
  excerpt?: string | null
  tags?: readonly string[] | null
}

/** Creates a draft by the viewer in their shop. */
export async function createPost(scope: RequestScope, input: PostCreateInput): Promise<Result<{ post: PostRow }>> {
  const viewer = requireViewer(scope)
  const errors: UserError[] = []
  const title = checkTitle(input.title, errors)
  const body = checkBody(input.body ?? '', errors)
  const givenHandle = input.handle != null ? checkHandle(input.handle, errors) : null
  const customExcerpt = input.excerpt != null ? checkExcerpt(input.excerpt, errors) : null
  const tags = checkTags(input.tags ?? [], errors)
  if (errors.length > 0) return fail(...errors)

  const row = {
    shop_id: viewer.shopId,
    author_id: viewer.userId,
    title,
    body,
    excerpt: customExcerpt ?? deriveExcerpt(body),
    excerpt_is_custom: customExcerpt !== null,
    tags,
    status: 'DRAFT' as const,
    reading_time_minutes: readingTimeMinutes(body),
  }
  if (givenHandle !== null) {
    const post = await repo.insertPost(scope.db, { ...row, handle: givenHandle })
    return post
      ? { ok: true, post }
      : fail(userError('TAKEN', 'Another post already has this handle', ['input', 'handle']))
  }
  const base = handleFromTitle(title, 'post')
  // A concurrent create can take the chosen handle between the look-up and the insert: look again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const handle = firstFreeHandle(base, await repo.findHandlesLike(scope.db, viewer.shopId, base))
    const post = await repo.insertPost(scope.db, { ...row, handle })
    if (post) return { ok: true, post }
  }
  throw new Error('could not find a free handle after 5 attempts')
}

export interface PostUpdateInput {
  title?: string | null
  body?: string | null
  handle?: string | null
  excerpt?: string | null
  tags?: readonly string[] | null
  status?: PostRow['status'] | null
}

/**
 * Changes a post. Its author may change anything; staff of the shop may only unpublish it
 * (`status: DRAFT`, audited). A draft the viewer may not see is NOT_FOUND; someone else's
 * published post is FORBIDDEN.
 */
export async function updatePost(
  scope: RequestScope,
  postId: string,
  input: PostUpdateInput,
): Promise<Result<{ post: PostRow }>> {
  const viewer = requireViewer(scope)
  const errors: UserError[] = []
  const title = input.title != null ? checkTitle(input.title, errors) : undefined
  const body = input.body != null ? checkBody(input.body, errors) : undefined
  const handle = input.handle != null ? checkHandle(input.handle, errors) : undefined
  const excerpt = input.excerpt != null ? checkExcerpt(input.excerpt, errors) : undefined
  const tags = input.tags != null ? checkTags(input.tags, errors) : undefined
  if (errors.length > 0) return fail(...errors)
  const contentChanged = [title, body, handle, excerpt, tags].some((v) => v !== undefined)

  return inTransaction(scope.db, async (trx) => {
    const post = await lockVisiblePost(trx, viewer, postId)
    if (!post) return fail(POST_NOT_FOUND)
    const isAuthor = post.author_id === viewer.userId
    if (!isAuthor) {
      if (!isStaff(viewer)) throw forbidden('Only the author can change this post')
      if (contentChanged) throw forbidden('Staff may only unpublish posts of other users (status: DRAFT)')
      if (input.status === 'PUBLISHED' && post.status !== 'PUBLISHED') {
        throw forbidden('Only the author can publish this post')
      }
    }

    const changes: repo.PostChanges = {}
    if (title !== undefined) changes.title = title
    if (handle !== undefined && handle !== post.handle) changes.handle = handle
    if (tags !== undefined) changes.tags = tags
    if (body !== undefined) {
      changes.body = body
      changes.reading_time_minutes = readingTimeMinutes(body)
    }
    if (excerpt !== undefined) {
      changes.excerpt = excerpt ?? deriveExcerpt(body ?? post.body)
      changes.excerpt_is_custom = excerpt !== null
    } else if (body !== undefined && !post.excerpt_is_custom) {
      changes.excerpt = deriveExcerpt(body)
    }
    const unpublish = input.status === 'DRAFT' && post.status === 'PUBLISHED'
    if (unpublish) {
      changes.status = 'DRAFT'
      changes.published_at = null
    } else if (input.status === 'PUBLISHED' && post.status !== 'PUBLISHED') {
      changes.status = 'PUBLISHED'
      changes.published_at = repo.NOW_MS
    }
    if (Object.keys(changes).length === 0) return { ok: true as const, post }

    let updated: PostRow
    try {
      updated = await repo.updatePost(trx, viewer.shopId, post.id, changes)
    } catch (error) {
      if (isUniqueViolation(error, 'post_shop_id_handle_idx')) {
        return fail(userError('TAKEN', 'Another post already has this handle', ['input', 'handle']))
      }
      throw error
    }
    if (unpublish && isStaff(viewer)) {
      await recordAudit(trx, {
        shopId: viewer.shopId,
        actorId: viewer.userId,
        action: 'post.unpublished',
        targetType: 'Post',
        targetId: post.id,
        diff: { status: { from: 'PUBLISHED', to: 'DRAFT' }, authorId: post.author_id },
        requestId: scope.requestId,
      })
    }
    return { ok: true as const, post: updated }
  })
}

/** Publishes one of the viewer's posts (idempotent). */
export async function publishPost(scope: RequestScope, postId: string): Promise<Result<{ post: PostRow }>> {
  const viewer = requireViewer(scope)
  return inTransaction(scope.db, async (trx) => {
    const post = await lockVisiblePost(trx, viewer, postId)
    if (!post) return fail(POST_NOT_FOUND)
    if (post.author_id !== viewer.userId) throw forbidden('Only the author can publish this post')
    if (post.status === 'PUBLISHED') return { ok: true as const, post }
    const published = await repo.updatePost(trx, viewer.shopId, post.id, {
      status: 'PUBLISHED',
      published_at: repo.NOW_MS,
    })
    return { ok: true as const, post: published }
  })
}

/** Soft-deletes a post: its author, or staff of the shop (audited). */
export async function deletePost(scope: RequestScope, postId: string): Promise<Result<{ postId: string }>> {
  const viewer = requireViewer(scope)
  return inTransaction(scope.db, async (trx) => {
    const post = await lockVisiblePost(trx, viewer, postId)
    if (!post) return fail(POST_NOT_FOUND)
    if (post.author_id !== viewer.userId && !isStaff(viewer))
      throw forbidden('Only the author or staff can delete this post')
    await repo.softDeletePost(trx, viewer.shopId, post.id)
    if (isStaff(viewer)) {
      await recordAudit(trx, {
        shopId: viewer.shopId,
        actorId: viewer.userId,
        action: 'post.deleted',
        targetType: 'Post',
        targetId: post.id,
        diff: { handle: post.handle, title: post.title, status: post.status, authorId: post.author_id },
        requestId: scope.requestId,
      })
    }
    return { ok: true as const, postId: post.id }
  })
}

// ---- comments ----

/** Comments on a published post of the viewer's shop. */
export async function createComment(
  scope: RequestScope,
  input: { postId: string; body: string },
): Promise<Result<{ comment: CommentRow }>> {
  const viewer = requireViewer(scope)
  const body = input.body.trim()
  const length = charLength(body)
  if (length < 1 || length > COMMENT_MAX) {
    return fail(userError('INVALID_INPUT', `A comment must be 1–${COMMENT_MAX} characters`, ['input', 'body']))
  }
  return inTransaction(scope.db, async (trx) => {
    const post = await repo.findLivePost(trx, viewer.shopId, input.postId)
    if (!post || (post.status !== 'PUBLISHED' && !mayReadDraftsOf(viewer, post))) {
      return fail(userError('NOT_FOUND', 'No post has this id', ['input', 'postId']))
    }
    if (post.status !== 'PUBLISHED') {
      return fail(userError('INVALID_STATE', 'Comments open when the post is published', ['input', 'postId']))
    }
    const comment = await repo.insertComment(trx, {
      shopId: viewer.shopId,
      postId: post.id,
      authorId: viewer.userId,
      body,
    })
    return { ok: true as const, comment }
  })
}

/** A comment as the viewer may see it in their shop (locked), or null. */
async function lockVisibleComment(db: Kysely<DB>, viewer: Viewer, commentId: string) {
  const comment = await repo.lockComment(db, viewer.shopId, commentId)
  if (!comment) return null
  const staff = isStaff(viewer)
  const postVisible = comment.post_status === 'PUBLISHED' || comment.post_author_id === viewer.userId || staff
  const commentVisible = comment.status === 'VISIBLE' || comment.author_id === viewer.userId || staff
  return postVisible && commentVisible ? comment : null
}

/** Soft-deletes a comment: its author, or staff of the shop (audited). */
export async function deleteComment(scope: RequestScope, commentId: string): Promise<Result<{ commentId: string }>> {
  const viewer = requireViewer(scope)
  return inTransaction(scope.db, async (trx) => {
    const comment = await lockVisibleComment(trx, viewer, commentId)
    if (!comment) return fail(COMMENT_NOT_FOUND)
    if (comment.author_id !== viewer.userId && !isStaff(viewer)) {
      throw forbidden('Only the author or staff can delete this comment')
    }
    await repo.softDeleteComment(trx, viewer.shopId, comment.id)
    if (isStaff(viewer)) {
      await recordAudit(trx, {
        shopId: viewer.shopId,
        actorId: viewer.userId,
        action: 'comment.deleted',
        targetType: 'Comment',
        targetId: comment.id,
        diff: { postId: comment.post_id, authorId: comment.author_id, status: comment.status },
        requestId: scope.requestId,
      })
    }
    return { ok: true as const, commentId: comment.id }
  })
}

/** Hides or shows a comment (staff of the shop; each change audited). */
export async function moderateComment(
  scope: RequestScope,
  input: { commentId: string; status: CommentStatus },
): Promise<Result<{ comment: CommentRow }>> {
  const viewer = requireViewer(scope)
  if (!isStaff(viewer)) throw forbidden('Only staff can moderate comments')
  return inTransaction(scope.db, async (trx) => {
    const comment = await lockVisibleComment(trx, viewer, input.commentId)
    if (!comment) return fail(COMMENT_NOT_FOUND)
    const { post_author_id: _author, post_status: _status, ...row } = comment
    if (comment.status === input.status) return { ok: true as const, comment: row }
    const updated = await repo.updateCommentStatus(trx, viewer.shopId, comment.id, input.status)
    await recordAudit(trx, {
      shopId: viewer.shopId,
      actorId: viewer.userId,
      action: input.status === 'HIDDEN' ? 'comment.hidden' : 'comment.shown',
      targetType: 'Comment',
      targetId: comment.id,
      diff: {
        status: { from: comment.status, to: input.status },
        postId: comment.post_id,
        authorId: comment.author_id,
      },
      requestId: scope.requestId,
    })
    return { ok: true as const, comment: updated }
  })
}

// ---- likes ----

const LIKE_POST_NOT_FOUND = userError('NOT_FOUND', 'No post has this id', ['input', 'postId'])

/**
 * Likes a published post of the viewer's shop. Idempotent: the like is inserted with ON CONFLICT
 * DO NOTHING, and the stored count moves only when a row was actually inserted, in the same
 * transaction.
 */
export async function likePost(scope: RequestScope, postId: string): Promise<Result<{ post: PostRow }>> {
  const viewer = requireViewer(scope)
  return inTransaction(scope.db, async (trx) => {
    const post = await repo.findLivePost(trx, viewer.shopId, postId)
    if (!post || (post.status !== 'PUBLISHED' && !mayReadDraftsOf(viewer, post))) return fail(LIKE_POST_NOT_FOUND)
    if (post.status !== 'PUBLISHED') {
      return fail(userError('INVALID_STATE', 'Only published posts can be liked', ['input', 'postId']))
    }
    const inserted = await repo.insertLike(trx, viewer.shopId, post.id, viewer.userId)
    // Not inserted: a concurrent like of the same user won; read the count it committed.
    const current = inserted
      ? await repo.addToLikeCount(trx, viewer.shopId, post.id, 1)
      : ((await repo.findLivePost(trx, viewer.shopId, post.id)) ?? post)
    return { ok: true as const, post: current }
  })
}

/** Removes the viewer's like from a post they can see (idempotent). */
export async function unlikePost(scope: RequestScope, postId: string): Promise<Result<{ post: PostRow }>> {
  const viewer = requireViewer(scope)
  return inTransaction(scope.db, async (trx) => {
    const post = await repo.findLivePost(trx, viewer.shopId, postId)
    if (!post || (post.status !== 'PUBLISHED' && !mayReadDraftsOf(viewer, post))) return fail(LIKE_POST_NOT_FOUND)
    const deleted = await repo.deleteLike(trx, viewer.shopId, post.id, viewer.userId)
    const current = deleted
      ? await repo.addToLikeCount(trx, viewer.shopId, post.id, -1)
      : ((await repo.findLivePost(trx, viewer.shopId, post.id)) ?? post)
    return { ok: true as const, post: current }
  })
}
