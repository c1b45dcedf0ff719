import type { NodeFetchers } from '../../graphql/node-types.js'
import type { Context } from '../../graphql/context.js'
import type { Resolvers } from '../../generated/graphql.js'
import { requireGlobalId, toGlobalId } from '../../shared/ids.js'
import type { ReviewRow } from '../../shared/rows.js'
import * as reviews from './reviews.service.js'
import { toPayload } from '../../graphql/payload.js'
import type { Result } from '../../shared/errors.js'

/** A write changed this review: later reads in the same request must not see cached copies. */
function forget(ctx: Context, review: ReviewRow) {
  ctx.loaders.reviewById.clear(review.id)
  ctx.loaders.reviewPage.clearAll()
  ctx.loaders.reviewStatsByProductId.clear(review.product_id)
}

/** The `review` payload of a write, with the loaders' copies of the review forgotten. */
function payload(ctx: Context, result: Result<{ review: ReviewRow }>) {
  if (result.ok) forget(ctx, result.review)
  return toPayload(result, 'review')
}

export const reviewsResolvers: Resolvers = {
  Product: {
    reviews: (product, args, ctx) =>
      ctx.loaders.reviewPage.load({ productId: product.id, ...reviews.reviewPageOf(args) }),
    rating: async (product, _args, ctx) => {
      const stats = await ctx.loaders.reviewStatsByProductId.load(product.id)
      return { average: stats.average, count: stats.publishedCount }
    },
  },
  Review: {
    id: (review) => toGlobalId('Review', review.id),
    author: async (review, _args, ctx) => {
      const user = await ctx.loaders.publicUserById.load({ shopId: review.shop_id, userId: review.author_id })
      if (!user) throw new Error(`author ${review.author_id} of review ${review.id} is missing`)
      return user
    },
    verifiedPurchase: (review, _args, ctx) =>
      ctx.loaders.verifiedPurchase.load({
        shopId: review.shop_id,
        customerId: review.author_id,
        productId: review.product_id,
      }),
    product: async (review, _args, ctx) => {
      const product = await ctx.loaders.productById.load(review.product_id)
      // Reviews are only found on products the viewer may see.
      if (!product) throw new Error(`product ${review.product_id} of review ${review.id} is not visible`)
      return product
    },
    createdAt: (review) => review.created_at,
    updatedAt: (review) => review.updated_at,
  },
  Mutation: {
    reviewCreate: async (_parent, { input }, ctx) => {
      const productId = requireGlobalId(input.productId, 'Product', ['input', 'productId'])
      return payload(ctx, await reviews.createReview(ctx, { ...input, productId }))
    },
    reviewUpdate: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Review', ['input', 'id'])
      return payload(ctx, await reviews.updateReview(ctx, id, input))
    },
    reviewDelete: async (_parent, { input }, ctx) => {
      const id = requireGlobalId(input.id, 'Review', ['input', 'id'])
      const result = await reviews.deleteReview(ctx, id)
      if (result.ok) forget(ctx, result.review)
      return toPayload(result, () => ({ deletedReviewId: toGlobalId('Review', id) }), { deletedReviewId: null })
    },
    reviewModerate: async (_parent, { input }, ctx) => {
      const reviewId = requireGlobalId(input.id, 'Review', ['input', 'id'])
      return payload(ctx, await reviews.moderateReview(ctx, { reviewId, action: input.action }))
    },
  },
}

/**
 * How `node(id:)` fetches reviews: the loader applies the review's own visibility (hidden ones for
 * staff of the shop and the author), the catalog's loader the product's (a review of a draft is
 * absent for whoever may not see the draft).
 */
export const reviewsNodes: NodeFetchers = {
  Review: async (ctx, id) => {
    const review = await ctx.loaders.reviewById.load(id)
    if (!review) return null
    return (await ctx.loaders.productById.load(review.product_id)) ? review : null
  },
}
