import { sql, type Expression, type ExpressionBuilder, type Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { anyOf } from '../../shared/batch.js'
import { keysetOperator, queryDirection, type Page } from '../../shared/pagination.js'
import type { ReviewRow } from '../../shared/rows.js'

type Db = Kysely<DB>

/** Who is reading, as the visibility rules need it; null for anonymous readers. */
export interface Reader {
  readonly shopId: string
  readonly userId: string
  /** STAFF or ADMIN of `shopId`. */
  readonly staff: boolean
}

export type ReviewSortKey = 'CREATED_AT' | 'RATING'

export interface ReviewSort {
  readonly key: ReviewSortKey
  /** Newest (and, for RATING, highest) first unless the client asked for `reverse`. */
  readonly descending: boolean
}

/**
 * Reviews the reader may see: published ones; hidden ones only for staff of the review's shop and
 * its author. Staff of another shop get the public view. (Whether the reader may see the product
 * is the caller's business: lists hang off a visible product, `node` checks it through the catalog.)
 */
function visibleReview(eb: ExpressionBuilder<DB, 'review'>, reader: Reader | null) {
  const published = eb('review.status', '=', 'PUBLISHED')
  if (!reader) return published
  const ownShop = eb('review.shop_id', '=', reader.shopId)
  const mayReadHidden = reader.staff ? ownShop : eb.and([ownShop, eb('review.author_id', '=', reader.userId)])
  return eb.or([published, mayReadHidden])
}

export function findVisibleReviewsByIds(db: Db, reader: Reader | null, ids: readonly string[]): Promise<ReviewRow[]> {
  return db
    .selectFrom('review')
    .selectAll('review')
    .where('review.id', '=', anyOf(ids))
    .where((eb) => visibleReview(eb, reader))
    .execute()
}

/** ORDER BY of a review page over `t` (the table or an alias of its rows), in the page's query direction. */
function reviewOrder(t: 'review' | 'r', sort: ReviewSort, page: Page) {
  const direction = queryDirection(sort.descending, page) === 'asc' ? sql`ASC` : sql`DESC`
  return sort.key === 'RATING'
    ? sql`${sql.ref(`${t}.rating`)} ${direction}, ${sql.ref(`${t}.created_at`)} ${direction}, ${sql.ref(`${t}.id`)} ${direction}`
    : sql`${sql.ref(`${t}.created_at`)} ${direction}, ${sql.ref(`${t}.id`)} ${direction}`
}

/**
 * One product's page of the reviews the reader may see: an index range scan that stops after
 * `page.size + 1` rows, in the sort's order (CREATED_AT: (created_at, id); RATING: (rating,
 * created_at, id); all descending unless reversed), after the cursor (which holds the sort's
 * values). `productId` is the product's id as the enclosing statement has it (a correlated
 * reference): a LATERAL join below, an embedded `Product.reviews` (reviews.embeds.ts) too.
 */
export function reviewPageQuery(
  db: Db,
  reader: Reader | null,
  productId: Expression<string>,
  sort: ReviewSort,
  page: Page,
) {
  let reviews = db
    .selectFrom('review')
    .selectAll('review')
    .where(sql<boolean>`review.product_id = ${productId}`)
    .where((eb) => visibleReview(eb, reader))
  if (page.cursor) {
    const [rating, createdAt, id] = page.cursor as [number, Date, string]
    const operator = keysetOperator(sort.descending, page)
    reviews =
      sort.key === 'RATING'
        ? reviews.where(({ eb, refTuple, tuple }) =>
            eb(refTuple('review.rating', 'review.created_at', 'review.id'), operator, tuple(rating, createdAt, id)),
          )
        : reviews.where(({ eb, refTuple, tuple }) =>
            eb(refTuple('review.created_at', 'review.id'), operator, tuple(createdAt, id)),
          )
  }
  return reviews.orderBy(reviewOrder('review', sort, page)).limit(page.size + 1)
}

/**
 * The same page of reviews for many products in one statement: for each product (in the order
 * given) a LATERAL `reviewPageQuery`.
 */
export function findReviewPages(
  db: Db,
  reader: Reader | null,
  productIds: readonly string[],
  sort: ReviewSort,
  page: Page,
): Promise<ReviewRow[]> {
  return (
    db
      .selectFrom(sql<{ p: string }>`unnest(${[...productIds]}::uuid[])`.as('p'))
      .innerJoinLateral(
        () => reviewPageQuery(db, reader, sql<string>`p.p`, sort, page).as('r'),
        (join) => join.onTrue(),
      )
      .selectAll('r')
      // Each product's rows together, in the page's order (the loader groups them by product).
      .orderBy('r.product_id')
      .orderBy(reviewOrder('r', sort, page))
      .execute()
  )
}

export interface ReviewStatsRow {
  product_id: string
  /** Published reviews: what `Product.rating` counts. */
  published_count: number
  /** The mean rating of the published reviews, rounded to 2 decimals; null when there are none. */
  average: number | null
  /** Reviews the reader may see: `Product.reviews.totalCount`. */
  visible_count: number
}

/** Per product, in one statement: the published count and average, and how many reviews the reader may see. */
export function findReviewStats(
  db: Db,
  reader: Reader | null,
  productIds: readonly string[],
): Promise<ReviewStatsRow[]> {
  return db
    .selectFrom('review')
    .select((eb) => [
      'review.product_id',
      sql<number>`(count(*) FILTER (WHERE review.status = 'PUBLISHED'))::int`.as('published_count'),
      // avg() of integers is numeric: round exactly, then hand the client a float.
      sql<number | null>`round(avg(review.rating) FILTER (WHERE review.status = 'PUBLISHED'), 2)::float8`.as('average'),
      sql<number>`(count(*) FILTER (WHERE ${visibleReview(eb, reader)}))::int`.as('visible_count'),
    ])
    .where('review.product_id', '=', anyOf(productIds))
    .groupBy('review.product_id')
    .execute()
}

// ---- writes (called inside the service's transaction where one is needed) ----

/**
 * Inserts the review unless the author already reviewed the product (then undefined). Concurrent
 * duplicates wait on the UNIQUE (product_id, author_id) index and all but one do nothing.
 */
export function insertReview(
  db: Db,
  row: { shopId: string; productId: string; authorId: string; rating: number; title: string; body: string },
): Promise<ReviewRow | undefined> {
  return db
    .insertInto('review')
    .values({
      shop_id: row.shopId,
      product_id: row.productId,
      author_id: row.authorId,
      rating: row.rating,
      title: row.title,
      body: row.body,
    })
    .onConflict((oc) => oc.columns(['product_id', 'author_id']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

/** A review of the shop, locked until the transaction ends (concurrent edits queue here). */
export function lockReview(db: Db, shopId: string, id: string): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('review')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export type ReviewChanges = Partial<Pick<ReviewRow, 'rating' | 'title' | 'body' | 'status'>>

export function updateReview(db: Db, shopId: string, id: string, changes: ReviewChanges): Promise<ReviewRow> {
  return db
    .updateTable('review')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function deleteReview(db: Db, shopId: string, id: string): Promise<void> {
  await db.deleteFrom('review').where('shop_id', '=', shopId).where('id', '=', id).execute()
}
