import { sql } from 'kysely'
import { datesIn, listPart, planNodes, type EmbedMap } from '../../graphql/embed.js'
import { parsePageArgs, toConnection, type Page } from '../../shared/pagination.js'
import { requireGlobalId } from '../../shared/ids.js'
import type { CommentRow, PostRow, ShopRow } from '../../shared/rows.js'
import { COMMENT_CURSOR, POST_CURSOR, commentCursor, readerOf } from './blog.loaders.js'
import * as repo from './blog.repository.js'
import { publishedPostPage } from './blog.service.js'

/** A post row as PostgreSQL's JSON writes it: the row the page query would have read. */
export function postFromJson(json: Record<string, unknown>): PostRow {
  return datesIn<PostRow>(json, ['created_at', 'updated_at', 'deleted_at', 'published_at'])
}

/** A comment row as PostgreSQL's JSON writes it: the row the loader would have read. */
export function commentFromJson(json: Record<string, unknown>): CommentRow {
  return datesIn<CommentRow>(json, ['created_at', 'updated_at', 'deleted_at'])
}

/**
 * `Post.comments(...)` inside the statement that reads the posts (graphql/embed.ts): the same page,
 * visibility and connection as the `commentPage` loader, with what is selected on the comments
 * embedded in turn.
 */
export const blogEmbeds: EmbedMap = {
  Shop: {
    // `Shop.posts` inside the statement that reads the shop: the same page and filters as the resolver.
    posts: {
      plan(ctx, parent, field) {
        const args = field.args as { filter?: { tag?: string | null; authorId?: string | null } | null }
        let page: Page
        let authorId: string | null
        try {
          page = parsePageArgs(field.args, POST_CURSOR)
          const author = args.filter?.authorId
          authorId = author != null ? requireGlobalId(author, 'User', ['filter', 'authorId']) : null
        } catch {
          // Bad arguments: the resolver runs and reports them.
          return null
        }
        const below = planNodes(ctx, 'Post', 'post', field.selection())
        const list = publishedPostPage(ctx, sql.ref(`${parent}.id`), page, { tag: args.filter?.tag, authorId }, below)
        return listPart(list.query, below, postFromJson, (rows, shop) =>
          list.connection(rows, (shop as unknown as ShopRow).id),
        )
      },
    },
  },
  Post: {
    comments: {
      plan(ctx, parent, field) {
        let page: Page
        try {
          page = parsePageArgs(field.args, COMMENT_CURSOR)
        } catch {
          // Bad page arguments: the resolver runs and reports them.
          return null
        }
        const below = planNodes(ctx, 'Comment', 'comment', field.selection())
        const query = repo
          .commentPageQuery(ctx.db, readerOf(ctx.viewer), sql.ref(`${parent}.id`), page)
          .select(below.selections)
        return listPart(query, below, commentFromJson, (rows, post) =>
          toConnection(rows, page, commentCursor, () => ctx.loaders.commentCountByPostId.load(post.id as string)),
        )
      },
    },
  },
}
