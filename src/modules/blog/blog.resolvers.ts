import type { NodeFetchers } from '../../graphql/node-types.js'
import type { Context } from '../../graphql/context.js'
import type { Resolvers } from '../../generated/graphql.js'
import { requireGlobalId, toGlobalId } from '../../shared/ids.js'
import { parsePageArgs } from '../../shared/pagination.js'
import type { CommentRow, PostRow } from '../../shared/rows.js'
import { COMMENT_CURSOR, POST_CURSOR } from './blog.loaders.js'
import * as blog from './blog.service.js'
import { toPayload } from '../../graphql/payload.js'
import { planNodes } from '../../graphql/embed.js'
import { lookAhead } from '../../graphql/lookahead.js'

async function authorOf(ctx: Context, row: PostRow | CommentRow) {
  const user = await ctx.loaders.publicUserById.load({ shopId: row.shop_id, userId: row.author_id })
  if (!user) throw new Error(`author ${row.author_id} of ${row.id} is missing`)
  return user
}

export const blogResolvers: Resolvers = {
  Shop: {
    posts: (shop, args, ctx, info) => {
      const page = parsePageArgs(args, POST_CURSOR)
      const authorId =
        args.filter?.authorId != null ? requireGlobalId(args.filter.authorId, 'User', ['filter', 'authorId']) : null
      return blog.listPublishedPosts(
        ctx,
        shop.id,
        page,
        { tag: args.filter?.tag, authorId },
        planNodes(ctx, 'Post', 'post', lookAhead(info)),
      )
    },
    post: (shop, { handle }, ctx) => ctx.loaders.postByHandle.load({ shopId: shop.id, handle }),
  },
  Viewer: {
    posts: (_viewer, args, ctx, info) =>
      blog.listOwnPosts(ctx, parsePageArgs(args, POST_CURSOR), planNodes(ctx, 'Post', 'post', lookAhead(info))),
  },
  Post: {
    id: (post) => toGlobalId('Post', post.id),
    author: (post, _args, ctx) => authorOf(ctx, post),
    publishedAt: (post) => post.published_at,
    readingTimeMinutes: (post) => post.reading_time_minutes,
    likeCount: (post) => post.like_count,
    viewerHasLiked: (post, _args, ctx) => ctx.loaders.viewerLikesPost.load(post.id),
    comments: (post, args, ctx) =>
      ctx.loaders.commentPage.load({ postId: post.id, page: parsePageArgs(args, COMMENT_CURSOR) }),
    createdAt: (post) => post.created_at,
    updatedAt: (post) => post.updated_at,
  },
  Comment: {
    id: (comment) => toGlobalId('Comment', comment.id),
    author: (comment, _args, ctx) => authorOf(ctx, comment),
    post: async (comment, _args, ctx) => {
      const post = await ctx.loaders.postById.load(comment.post_id)
      // Comments are only found on posts the viewer may see.
      if (!post) throw new Error(`post ${comment.post_id} of comment ${comment.id} is not visible`)
      return post
    },
    createdAt: (comment) => comment.created_at,
  },
  Mutation: {
    postCreate: async (_parent, { input }, ctx) => toPayload(await blog.createPost(ctx, input), 'post'),
    postUpdate: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Post', ['input', 'id'])
      return toPayload(await blog.updatePost(ctx, id, input), 'post')
    },
    postPublish: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Post', ['input', 'id'])
      return toPayload(await blog.publishPost(ctx, id), 'post')
    },
    postDelete: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Post', ['input', 'id'])
      return toPayload(await blog.deletePost(ctx, id), (ok) => ({ deletedPostId: toGlobalId('Post', ok.postId) }), {
        deletedPostId: null,
      })
    },
    commentCreate: async (_parent, { input }, ctx) => {
      const postId = requireGlobalId(input.postId, 'Post', ['input', 'postId'])
      return toPayload(await blog.createComment(ctx, { postId, body: input.body }), 'comment')
    },
    commentDelete: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Comment', ['input', 'id'])
      return toPayload(
        await blog.deleteComment(ctx, id),
        (ok) => ({ deletedCommentId: toGlobalId('Comment', ok.commentId) }),
        { deletedCommentId: null },
      )
    },
    commentModerate: async (_parent, { input }, ctx) => {
      const commentId = requireGlobalId(input.id, 'Comment', ['input', 'id'])
      return toPayload(await blog.moderateComment(ctx, { commentId, status: input.status }), 'comment')
    },
    postLike: async (_parent, { input }, ctx) => {
      const postId = requireGlobalId(input.postId, 'Post', ['input', 'postId'])
      return toPayload(await blog.likePost(ctx, postId), 'post')
    },
    postUnlike: async (_parent, { input }, ctx) => {
      const postId = requireGlobalId(input.postId, 'Post', ['input', 'postId'])
      return toPayload(await blog.unlikePost(ctx, postId), 'post')
    },
  },
}

/** How `node(id:)` fetches this module's types; the loaders apply the visibility rules. */
export const blogNodes: NodeFetchers = {
  Post: (ctx, id) => ctx.loaders.postById.load(id),
  Comment: (ctx, id) => ctx.loaders.commentById.load(id),
}
