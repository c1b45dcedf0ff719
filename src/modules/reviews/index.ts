import { type Module, seededShop } from '../module.js'
import { reviewsEmbeds } from './reviews.embeds.js'
import { createReviewsLoaders } from './reviews.loaders.js'
import { reviewsNodes, reviewsResolvers } from './reviews.resolvers.js'
import { reviewsRules } from './reviews.rules.js'
import { seedReviews } from './reviews.seed.js'

export type ReviewsLoaders = ReturnType<typeof createReviewsLoaders>

/** Product reviews, ratings and verified purchases. */
export const reviewsModule: Module<ReviewsLoaders> = {
  name: 'reviews',
  resolvers: reviewsResolvers,
  rules: reviewsRules,
  nodes: reviewsNodes,
  createLoaders: createReviewsLoaders,
  embeds: reviewsEmbeds,
  seed: async (demo) => {
    const { db, config, shop, staff, customers } = seededShop(demo)
    await seedReviews(
      db,
      config,
      shop.id,
      customers.map((c) => c.id),
      staff.id,
    )
  },
}
