import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { recordAudit } from '../../platform/audit.js'
import { isStaff, type Viewer } from '../../shared/viewer.js'
import { badUserInput, fail, forbidden, userError, type Result, type UserError } from '../../shared/errors.js'
import { parsePageArgs, type Page } from '../../shared/pagination.js'
import type { ReviewRow, ReviewStatus } from '../../shared/rows.js'
import * as catalog from '../catalog/catalog.service.js'
import { REVIEW_CURSOR } from './reviews.loaders.js'
import { checkLength } from '../../shared/validation.js'
import * as repo from './reviews.repository.js'
import { requireViewer, type RequestScope } from '../../shared/scope.js'
import { inTransaction } from '../../shared/transaction.js'

export const RATING_MIN = 1
export const RATING_MAX = 5
export const TITLE_MAX = 200
export const BODY_MAX = 5_000

const REVIEW_NOT_FOUND = userError('NOT_FOUND', 'No review has this id', ['input', 'id'])

// ---- reading ----

export interface ReviewListArgs {
  first?: number | null
  after?: string | null
  last?: number | null
  before?: string | null
  sortKey?: repo.ReviewSortKey | null
  reverse?: boolean | null
}

/**
 * The sort and page of `Product.reviews(...)`: newest first by default, highest rating first for
 * RATING; `reverse` flips either. A cursor made for the other sort is BAD_USER_INPUT.
 */
export function reviewPageOf(args: ReviewListArgs): { sort: repo.ReviewSort; page: Page } {
  const key = args.sortKey ?? 'CREATED_AT'
  const tagged = parsePageArgs(
    { first: args.first, after: args.after, last: args.last, before: args.before },
    REVIEW_CURSOR,
  )
  if (tagged.cursor && tagged.cursor[0] !== key) {
    const argument = tagged.backward ? 'before' : 'after'
    throw badUserInput(`"${argument}" is a cursor of another sort order`, [argument])
  }
  return {
    sort: { key, descending: args.reverse !== true },
    page: { ...tagged, cursor: tagged.cursor ? tagged.cursor.slice(1) : null },
  }
}

// ---- input checks ----

function checkRating(value: number, errors: UserError[]): number {
  if (!Number.isInteger(value) || value < RATING_MIN || value > RATING_MAX) {
    errors.push(
      userError('INVALID_INPUT', `Rating must be a whole number from ${RATING_MIN} to ${RATING_MAX}`, [
        'input',
        'rating',
      ]),
    )
  }
  return value
}

function checkTitle(value: string, errors: UserError[]): string {
  return checkLength(value, ['input', 'title'], 'Title', { min: 1, max: TITLE_MAX }, errors)
}

function checkBody(value: string, errors: UserError[]): string {
  return checkLength(value, ['input', 'body'], 'Body', { min: 0, max: BODY_MAX }, errors)
}

/**
 * The review as the viewer may see it in their own shop (locked), or null: hidden reviews of
 * others (for non-staff), and reviews of products the viewer cannot see, are absent.
 */
async function lockVisibleReview(db: Kysely<DB>, viewer: Viewer, reviewId: string): Promise<ReviewRow | null> {
  const review = await repo.lockReview(db, viewer.shopId, reviewId)
  if (!review) return null
  if (review.status !== 'PUBLISHED' && review.author_id !== viewer.userId && !isStaff(viewer)) return null
  return (await catalog.findVisibleProduct(db, viewer, review.product_id)) ? review : null
}

// ---- writes ----

export interface ReviewCreateInput {
  productId: string
  rating: number
  title: string
  body?: string | null
}

/**
 * Reviews an ACTIVE product of the viewer's shop. One review per (product, author): the insert
 * does nothing on the UNIQUE constraint, so a second review, even a concurrent one, is CONFLICT.
 */
export async function createReview(
  scope: RequestScope,
  input: ReviewCreateInput,
): Promise<Result<{ review: ReviewRow }>> {
  const viewer = requireViewer(scope)
  const errors: UserError[] = []
  const rating = checkRating(input.rating, errors)
  const title = checkTitle(input.title, errors)
  const body = checkBody(input.body ?? '', errors)
  if (errors.length > 0) return fail(...errors)

  const product = await catalog.findVisibleProduct(scope.db, viewer, input.productId)
  if (!product || product.shop_id !== viewer.shopId) {
    return fail(userError('NOT_FOUND', 'No product has this id', ['input', 'productId']))
  }
  // Only staff see products that are not on sale; nobody reviews them.
  if (product.status !== 'ACTIVE' || product.deleted_at !== null) {
    return fail(userError('INVALID_STATE', 'Only products on sale (ACTIVE) can be reviewed', ['input', 'productId']))
  }
  const review = await repo.insertReview(scope.db, {
    shopId: viewer.shopId,
    productId: product.id,
    authorId: viewer.userId,
    rating,
    title,
    body,
  })
  if (!review) {
    return fail(
      userError('CONFLICT', 'You have already reviewed this product: change that review instead', [
        'input',
        'productId',
      ]),
    )
  }
  return { ok: true, review }
}

export interface ReviewUpdateInput {
  rating?: number | null
  title?: string | null
  body?: string | null
}

/**
 * Changes one of the viewer's reviews (author only). A review the viewer cannot see is NOT_FOUND;
 * someone else's review they can see is FORBIDDEN (the blog's convention).
 */
export async function updateReview(
  scope: RequestScope,
  reviewId: string,
  input: ReviewUpdateInput,
): Promise<Result<{ review: ReviewRow }>> {
  const viewer = requireViewer(scope)
  const errors: UserError[] = []
  const changes: repo.ReviewChanges = {}
  if (input.rating != null) changes.rating = checkRating(input.rating, errors)
  if (input.title != null) changes.title = checkTitle(input.title, errors)
  if (input.body != null) changes.body = checkBody(input.body, errors)
  if (errors.length > 0) return fail(...errors)

  return inTransaction(scope.db, async (trx) => {
    const review = await lockVisibleReview(trx, viewer, reviewId)
    if (!review) return fail(REVIEW_NOT_FOUND)
    if (review.author_id !== viewer.userId) throw forbidden('Only the author can change this review')
    const changed = (Object.keys(changes) as (keyof repo.ReviewChanges)[]).some((key) => changes[key] !== review[key])
    if (!changed) return { ok: true as const, review }
    return { ok: true as const, review: await repo.updateReview(trx, viewer.shopId, review.id, changes) }
  })
}

/**
 * Deletes a review for good (there is nothing to restore: the author may simply review again).
 * Its author, or staff of the shop; a staff deletion of someone else's review is audited with
 * what the review said.
 */
export async function deleteReview(scope: RequestScope, reviewId: string): Promise<Result<{ review: ReviewRow }>> {
  const viewer = requireViewer(scope)
  return inTransaction(scope.db, async (trx) => {
    const review = await lockVisibleReview(trx, viewer, reviewId)
    if (!review) return fail(REVIEW_NOT_FOUND)
    const isAuthor = review.author_id === viewer.userId
    if (!isAuthor && !isStaff(viewer)) throw forbidden('Only the author or staff can delete this review')
    await repo.deleteReview(trx, viewer.shopId, review.id)
    if (!isAuthor) {
      await recordAudit(trx, {
        shopId: viewer.shopId,
        actorId: viewer.userId,
        action: 'review.deleted',
        targetType: 'Review',
        targetId: review.id,
        diff: {
          productId: review.product_id,
          authorId: review.author_id,
          rating: review.rating,
          title: review.title,
          body: review.body,
          status: review.status,
        },
        requestId: scope.requestId,
      })
    }
    return { ok: true as const, review }
  })
}

export type ReviewModerationAction = 'HIDE' | 'PUBLISH'

const STATUS_OF: Record<ReviewModerationAction, ReviewStatus> = { HIDE: 'HIDDEN', PUBLISH: 'PUBLISHED' }

/** Hides or publishes a review (staff of the shop; each change audited in the same transaction). */
export async function moderateReview(
  scope: RequestScope,
  input: { reviewId: string; action: ReviewModerationAction },
): Promise<Result<{ review: ReviewRow }>> {
  const viewer = requireViewer(scope)
  if (!isStaff(viewer)) throw forbidden('Only staff can moderate reviews')
  const status = STATUS_OF[input.action]
  return inTransaction(scope.db, async (trx) => {
    const review = await lockVisibleReview(trx, viewer, input.reviewId)
    if (!review) return fail(REVIEW_NOT_FOUND)
    if (review.status === status) return { ok: true as const, review }
    const updated = await repo.updateReview(trx, viewer.shopId, review.id, { status })
    await recordAudit(trx, {
      shopId: viewer.shopId,
      actorId: viewer.userId,
      action: status === 'HIDDEN' ? 'review.hidden' : 'review.published',
      targetType: 'Review',
      targetId: review.id,
      diff: { status: { from: review.status, to: status }, productId: review.product_id, authorId: review.author_id },
      requestId: scope.requestId,
    })
    return { ok: true as const, review: updated }
  })
}
