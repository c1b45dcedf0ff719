import { sql, type Expression, type ExpressionBuilder, type Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { anyOf } from '../../shared/batch.js'
import { NO_EMBEDS, type EmbedPlan } from '../../shared/embed-plan.js'
import { keysetOperator, queryDirection, seekPage, type Page } from '../../shared/pagination.js'
import type { CommentRow, CommentStatus, NewPostRow, PostRow } from '../../shared/rows.js'

type Db = Kysely<DB>

/** Who is reading, as the visibility rules need it; null for anonymous readers. */
export interface Reader {
  readonly shopId: string
  readonly userId: string
  /** STAFF or ADMIN of `shopId`. */
  readonly staff: boolean
}

/** Now, to the millisecond: the precision cursors carry (see the blog migration). */
export const NOW_MS = sql<Date>`date_trunc('milliseconds', now())`

/**
 * Live posts the reader may see: published ones of any shop; drafts only for their author and
 * staff of their shop. Staff of another shop get the public view.
 */
function visiblePost(eb: ExpressionBuilder<DB, 'post'>, reader: Reader | null) {
  const live = eb('post.deleted_at', 'is', null)
  const published = eb('post.status', '=', 'PUBLISHED')
  if (!reader) return eb.and([live, published])
  const ownShop = eb('post.shop_id', '=', reader.shopId)
  const mayReadDrafts = reader.staff ? ownShop : eb.and([ownShop, eb('post.author_id', '=', reader.userId)])
  return eb.and([live, eb.or([published, mayReadDrafts])])
}

/** Live comments the reader may see (on a post they may see): hidden ones only for staff of the shop and the author. */
function visibleComment(eb: ExpressionBuilder<DB, 'comment'>, reader: Reader | null) {
  const live = eb('comment.deleted_at', 'is', null)
  const shown = eb('comment.status', '=', 'VISIBLE')
  if (!reader) return eb.and([live, shown])
  const ownShop = eb('comment.shop_id', '=', reader.shopId)
  const mayReadHidden = reader.staff ? ownShop : eb.and([ownShop, eb('comment.author_id', '=', reader.userId)])
  return eb.and([live, eb.or([shown, mayReadHidden])])
}

export function findVisiblePostsByIds(db: Db, reader: Reader | null, ids: readonly string[]): Promise<PostRow[]> {
  return db
    .selectFrom('post')
    .selectAll()
    .where('id', '=', anyOf(ids))
    .where((eb) => visiblePost(eb, reader))
    .execute()
}

export function findVisiblePostsByHandles(
  db: Db,
  reader: Reader | null,
  keys: readonly { shopId: string; handle: string }[],
): Promise<PostRow[]> {
  return db
    .selectFrom('post')
    .selectAll()
    .where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('shop_id', 'handle'),
        'in',
        keys.map((k) => tuple(k.shopId, k.handle)),
      ),
    )
    .where((eb) => visiblePost(eb, reader))
    .execute()
}

export interface PostFilter {
  readonly tag?: string | null
  readonly authorId?: string | null
}

function publishedPostsOf(db: Db, shopId: string | Expression<string>, filter: PostFilter) {
  let query = db
    .selectFrom('post')
    .where('shop_id', '=', shopId)
    .where('status', '=', 'PUBLISHED')
    .where('deleted_at', 'is', null)
  if (filter.authorId) query = query.where('author_id', '=', filter.authorId)
  if (filter.tag) query = query.where('tags', '@>', sql<string[]>`ARRAY[${filter.tag}]::text[]`)
  return query
}

/**
 * The same page as `findPublishedPosts`, as a query to embed (graphql/embed.ts) below the statement
 * that reads the shop (`shopId` a reference to it).
 */
export function publishedPostPageQuery(
  db: Db,
  shopId: Expression<string>,
  page: Page,
  filter: PostFilter,
  embeds: EmbedPlan,
) {
  return seekPage(
    publishedPostsOf(db, shopId, filter).selectAll().select(embeds.selections),
    'published_at',
    true,
    page,
  )
}

/** One page of a shop's published posts, newest first: (published_at, id) descending. */
export async function findPublishedPosts(
  db: Db,
  shopId: string,
  page: Page,
  filter: PostFilter,
  embeds: EmbedPlan = NO_EMBEDS,
): Promise<PostRow[]> {
  const query = publishedPostsOf(db, shopId, filter).selectAll().select(embeds.selections)
  return embeds.attach(await seekPage(query, 'published_at', true, page).execute())
}

export async function countPublishedPosts(db: Db, shopId: string, filter: PostFilter): Promise<number> {
  const row = await publishedPostsOf(db, shopId, filter)
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow()
  return row.count
}

/** One page of an author's live posts in any status, most recently changed first: (updated_at, id) descending. */
export async function findPostsOfAuthor(
  db: Db,
  shopId: string,
  authorId: string,
  page: Page,
  embeds: EmbedPlan = NO_EMBEDS,
): Promise<PostRow[]> {
  const query = db
    .selectFrom('post')
    .selectAll()
    .select(embeds.selections)
    .where('shop_id', '=', shopId)
    .where('author_id', '=', authorId)
    .where('deleted_at', 'is', null)
  return embeds.attach(await seekPage(query, 'updated_at', true, page).execute())
}

export async function countPostsOfAuthor(db: Db, shopId: string, authorId: string): Promise<number> {
  const row = await db
    .selectFrom('post')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('shop_id', '=', shopId)
    .where('author_id', '=', authorId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return row.count
}

/** Comments the reader may see, on posts the reader may see. */
export function findVisibleCommentsByIds(db: Db, reader: Reader | null, ids: readonly string[]): Promise<CommentRow[]> {
  return db
    .selectFrom('comment')
    .selectAll('comment')
    .where('comment.id', '=', anyOf(ids))
    .where((eb) => visibleComment(eb, reader))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('post')
          .select(sql`1`.as('one'))
          .whereRef('post.shop_id', '=', 'comment.shop_id')
          .whereRef('post.id', '=', 'comment.post_id')
          .where((eb2) => visiblePost(eb2, reader)),
      ),
    )
    .execute()
}

/** ORDER BY of a comment page over `t` (the table or an alias of its rows): oldest first, flipped for backward pages. */
function commentOrder(t: 'comment' | 'c', page: Page) {
  const order = queryDirection(false, page) === 'asc' ? sql`ASC` : sql`DESC`
  return sql`${sql.ref(`${t}.created_at`)} ${order}, ${sql.ref(`${t}.id`)} ${order}`
}

/**
 * One post's page of the comments the reader may see, oldest first, `page.size + 1` rows after the
 * cursor. `postId` is the post's id as the enclosing statement has it (a correlated reference): a
 * LATERAL join below, an embedded `Post.comments` (blog.embeds.ts) too.
 */
export function commentPageQuery(db: Db, reader: Reader | null, postId: Expression<string>, page: Page) {
  let comments = db
    .selectFrom('comment')
    .selectAll('comment')
    .where(sql<boolean>`comment.post_id = ${postId}`)
    .where((eb) => visibleComment(eb, reader))
  if (page.cursor) {
    const [createdAt, id] = page.cursor as [Date, string]
    comments = comments.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('comment.created_at', 'comment.id'), keysetOperator(false, page), tuple(createdAt, id)),
    )
  }
  return comments.orderBy(commentOrder('comment', page)).limit(page.size + 1)
}

/**
 * The same page of comments (oldest first: (created_at, id) ascending) for many posts in one
 * statement: for each post (in the order given) a LATERAL index range scan that stops after
 * `page.size + 1` rows. The posts are ones the reader may see (the caller got them through the
 * visibility rules).
 */
export function findCommentPages(
  db: Db,
  reader: Reader | null,
  postIds: readonly string[],
  page: Page,
): Promise<CommentRow[]> {
  return (
    db
      .selectFrom(sql<{ p: string }>`unnest(${[...postIds]}::uuid[])`.as('p'))
      .innerJoinLateral(
        () => commentPageQuery(db, reader, sql<string>`p.p`, page).as('c'),
        (join) => join.onTrue(),
      )
      .selectAll('c')
      // Each post's rows together, in the page's order (the loader groups them by post).
      .orderBy('c.post_id')
      .orderBy(commentOrder('c', page))
      .execute()
  )
}

/** How many comments the reader may see on each post, in one statement. */
export function countVisibleComments(
  db: Db,
  reader: Reader | null,
  postIds: readonly string[],
): Promise<{ post_id: string; count: number }[]> {
  return db
    .selectFrom('comment')
    .select(['comment.post_id', sql<number>`count(*)::int`.as('count')])
    .where('comment.post_id', '=', anyOf(postIds))
    .where((eb) => visibleComment(eb, reader))
    .groupBy('comment.post_id')
    .execute()
}

/** Which of the posts the user likes. */
export async function findLikedPostIds(
  db: Db,
  shopId: string,
  userId: string,
  postIds: readonly string[],
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('post_like')
    .select('post_id')
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .where('post_id', '=', anyOf(postIds))
    .execute()
  return new Set(rows.map((r) => r.post_id))
}

// ---- writes (called inside the service's transaction) ----

/** A live post of the shop, locked until the transaction ends (concurrent edits queue here). */
export function lockPost(db: Db, shopId: string, id: string): Promise<PostRow | undefined> {
  return db
    .selectFrom('post')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()
}

/** A live post of the shop, unlocked. */
export function findLivePost(db: Db, shopId: string, id: string): Promise<PostRow | undefined> {
  return db
    .selectFrom('post')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/** Handles of live posts that are `base` or `base-<anything>` (candidates a suffix must avoid). */
export async function findHandlesLike(db: Db, shopId: string, base: string): Promise<string[]> {
  // Handles are [a-z0-9-] only, so `base` holds no LIKE wildcards.
  const rows = await db
    .selectFrom('post')
    .select('handle')
    .where('shop_id', '=', shopId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('handle', '=', base), eb('handle', 'like', `${base}-%`)]))
    .execute()
  return rows.map((r) => r.handle)
}

/** Inserts a post unless a live post of the shop has its handle (then undefined): race-free. */
export function insertPost(db: Db, row: NewPostRow): Promise<PostRow | undefined> {
  return db
    .insertInto('post')
    .values(row)
    .onConflict((oc) => oc.columns(['shop_id', 'handle']).where('deleted_at', 'is', null).doNothing())
    .returningAll()
    .executeTakeFirst()
}

export type PostChanges = Partial<
  Pick<
    PostRow,
    'title' | 'body' | 'handle' | 'excerpt' | 'excerpt_is_custom' | 'tags' | 'reading_time_minutes' | 'status'
  >
> & { published_at?: Date | null | typeof NOW_MS; deleted_at?: typeof NOW_MS }

export function updatePost(db: Db, shopId: string, id: string, changes: PostChanges): Promise<PostRow> {
  return db
    .updateTable('post')
    .set({ ...changes, updated_at: NOW_MS })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function softDeletePost(db: Db, shopId: string, id: string): Promise<void> {
  await db
    .updateTable('post')
    .set({ deleted_at: NOW_MS, updated_at: NOW_MS })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .execute()
}

export function insertComment(
  db: Db,
  row: { shopId: string; postId: string; authorId: string; body: string },
): Promise<CommentRow> {
  return db
    .insertInto('comment')
    .values({ shop_id: row.shopId, post_id: row.postId, author_id: row.authorId, body: row.body })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A live comment of the shop with its live post's author and status, locked until the transaction ends. */
export function lockComment(
  db: Db,
  shopId: string,
  id: string,
): Promise<(CommentRow & { post_author_id: string; post_status: PostRow['status'] }) | undefined> {
  return db
    .selectFrom('comment')
    .innerJoin('post', (join) =>
      join.onRef('post.shop_id', '=', 'comment.shop_id').onRef('post.id', '=', 'comment.post_id'),
    )
    .selectAll('comment')
    .select(['post.author_id as post_author_id', 'post.status as post_status'])
    .where('comment.shop_id', '=', shopId)
    .where('comment.id', '=', id)
    .where('comment.deleted_at', 'is', null)
    .where('post.deleted_at', 'is', null)
    .forUpdate('comment')
    .executeTakeFirst()
}

export function updateCommentStatus(db: Db, shopId: string, id: string, status: CommentStatus): Promise<CommentRow> {
  return db
    .updateTable('comment')
    .set({ status, updated_at: NOW_MS })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function softDeleteComment(db: Db, shopId: string, id: string): Promise<void> {
  await db
    .updateTable('comment')
    .set({ deleted_at: NOW_MS, updated_at: NOW_MS })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .execute()
}

/**
 * Records a like unless the user already likes the post: answers whether a row was inserted.
 * Concurrent likes by one user wait on the primary key and all but one do nothing.
 */
export async function insertLike(db: Db, shopId: string, postId: string, userId: string): Promise<boolean> {
  const row = await db
    .insertInto('post_like')
    .values({ shop_id: shopId, post_id: postId, user_id: userId })
    .onConflict((oc) => oc.columns(['post_id', 'user_id']).doNothing())
    .returning('post_id')
    .executeTakeFirst()
  return row !== undefined
}

/** Removes the user's like, if any: answers whether a row was deleted. */
export async function deleteLike(db: Db, shopId: string, postId: string, userId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('post_like')
    .where('shop_id', '=', shopId)
    .where('post_id', '=', postId)
    .where('user_id', '=', userId)
    .returning('post_id')
    .executeTakeFirst()
  return row !== undefined
}

/** Moves the stored like count by `delta` atomically (row lock), answering the post as it is now. */
export function addToLikeCount(db: Db, shopId: string, postId: string, delta: 1 | -1): Promise<PostRow> {
  return db
    .updateTable('post')
    .set((eb) => ({ like_count: eb('like_count', '+', delta) }))
    .where('shop_id', '=', shopId)
    .where('id', '=', postId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Moves a post's timestamps into the past (demo data only: the API never backdates). */
export async function backdatePost(db: Db, shopId: string, id: string, at: Date): Promise<void> {
  await db
    .updateTable('post')
    .set({
      created_at: at,
      updated_at: at,
      published_at: sql<Date>`CASE WHEN status = 'PUBLISHED' THEN ${at}::timestamptz END`,
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .execute()
}
