import DataLoader from 'dataloader'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { isStaff, type Viewer } from '../../shared/viewer.js'
import { toConnection, type Connection, type Page } from '../../shared/pagination.js'
import type { CommentRow, PostRow } from '../../shared/rows.js'
import { byKey } from '../../shared/batch.js'
import * as repo from './blog.repository.js'

export type PostConnection = Connection<PostRow>
export type CommentConnection = Connection<CommentRow>

/** Cursor shapes: posts by (published_at or updated_at, id), comments by (created_at, id). */
export const POST_CURSOR = ['date', 'uuid'] as const
export const COMMENT_CURSOR = ['date', 'uuid'] as const

export const postCursor = (row: PostRow) => [row.published_at, row.id] as const
export const ownPostCursor = (row: PostRow) => [row.updated_at, row.id] as const
export const commentCursor = (row: CommentRow) => [row.created_at, row.id] as const

export interface CommentPageKey {
  readonly postId: string
  readonly page: Page
}

const pageKey = (page: Page) => JSON.stringify([page.size, page.backward, page.cursor])

export function readerOf(viewer: Viewer | null): repo.Reader | null {
  return viewer ? { shopId: viewer.shopId, userId: viewer.userId, staff: isStaff(viewer) } : null
}

export function createBlogLoaders(db: Kysely<DB>, viewer: Viewer | null) {
  const reader = readerOf(viewer)

  const commentCountByPostId = new DataLoader<string, number>(async (postIds) => {
    const rows = await repo.countVisibleComments(db, reader, postIds)
    return byKey(postIds, rows, (row) => row.post_id).map((row) => row?.count ?? 0)
  })

  return {
    /** Posts the viewer may see (drafts only for their author and staff of their shop). */
    postById: new DataLoader<string, PostRow | null>(async (ids) =>
      byKey(ids, await repo.findVisiblePostsByIds(db, reader, ids), (row) => row.id),
    ),
    /** `Shop.post(handle)`, with the same visibility as `postById`. */
    postByHandle: new DataLoader<{ shopId: string; handle: string }, PostRow | null, string>(
      async (keys) => {
        const rows = await repo.findVisiblePostsByHandles(db, reader, keys)
        return byKey(
          keys.map((k) => `${k.shopId}/${k.handle}`),
          rows,
          (row) => `${row.shop_id}/${row.handle}`,
        )
      },
      { cacheKeyFn: (k) => `${k.shopId}/${k.handle}` },
    ),
    /** Comments the viewer may see (hidden ones only for staff of the shop and their author). */
    commentById: new DataLoader<string, CommentRow | null>(async (ids) =>
      byKey(ids, await repo.findVisibleCommentsByIds(db, reader, ids), (row) => row.id),
    ),
    /**
     * `Post.comments(first, after)` for many posts at once: one statement per distinct page
     * (usually one per request level), however many posts ask.
     */
    commentPage: new DataLoader<CommentPageKey, CommentConnection, string>(
      async (keys) => {
        const groups = new Map<string, { page: Page; postIds: string[] }>()
        for (const key of keys) {
          const id = pageKey(key.page)
          const group = groups.get(id) ?? { page: key.page, postIds: [] }
          group.postIds.push(key.postId)
          groups.set(id, group)
        }
        const rowsByGroup = new Map<string, Map<string, CommentRow[]>>()
        await Promise.all(
          [...groups].map(async ([id, group]) => {
            const byPost = new Map<string, CommentRow[]>()
            for (const row of await repo.findCommentPages(db, reader, group.postIds, group.page)) {
              const list = byPost.get(row.post_id) ?? []
              list.push(row)
              byPost.set(row.post_id, list)
            }
            rowsByGroup.set(id, byPost)
          }),
        )
        return keys.map((key) => {
          const rows = rowsByGroup.get(pageKey(key.page))?.get(key.postId) ?? []
          return toConnection(rows, key.page, commentCursor, () => commentCountByPostId.load(key.postId))
        })
      },
      { cacheKeyFn: (key) => `${key.postId}|${pageKey(key.page)}` },
    ),
    commentCountByPostId,
    /** Whether the viewer likes each post; always false for anonymous readers (no query). */
    viewerLikesPost: new DataLoader<string, boolean>(async (postIds) => {
      if (!viewer) return postIds.map(() => false)
      const liked = await repo.findLikedPostIds(db, viewer.shopId, viewer.userId, postIds)
      return postIds.map((id) => liked.has(id))
    }),
  }
}
