import { sql } from 'kysely'
import { datesIn, listPart, planNodes, type EmbedMap } from '../../graphql/embed.js'
import { toConnection } from '../../shared/pagination.js'
import type { ReviewRow } from '../../shared/rows.js'
import { readerOf, reviewCursor } from './reviews.loaders.js'
import * as repo from './reviews.repository.js'
import { reviewPageOf, type ReviewListArgs } from './reviews.service.js'

/** A review row as PostgreSQL's JSON writes it: the row the loader would have read. */
export function reviewFromJson(json: Record<string, unknown>): ReviewRow {
  return datesIn<ReviewRow>(json, ['created_at', 'updated_at'])
}

/**
 * `Product.reviews(...)` inside the statement that reads the products (graphql/embed.ts): the same
 * page, visibility and connection as the `reviewPage` loader, with what is selected on the
 * reviews embedded in turn.
 */
export const reviewsEmbeds: EmbedMap = {
  Product: {
    reviews: {
      plan(ctx, parent, field) {
        let request: ReturnType<typeof reviewPageOf>
        try {
          request = reviewPageOf(field.args as ReviewListArgs)
        } catch {
          // Bad page arguments: the resolver runs and reports them.
          return null
        }
        const { sort, page } = request
        const below = planNodes(ctx, 'Review', 'review', field.selection())
        const query = repo
          .reviewPageQuery(ctx.db, readerOf(ctx.viewer), sql.ref(`${parent}.id`), sort, page)
          .select(below.selections)
        const cursor = reviewCursor(sort.key)
        return listPart(query, below, reviewFromJson, (rows, product) =>
          toConnection(
            rows,
            page,
            cursor,
            async () => (await ctx.loaders.reviewStatsByProductId.load(product.id as string)).visibleCount,
          ),
        )
      },
    },
  },
}
