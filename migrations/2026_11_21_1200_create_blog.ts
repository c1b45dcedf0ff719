import { sql, type Kysely } from 'kysely'

// Timestamps that serve as keyset cursors are kept to milliseconds: cursors carry ISO strings
// (millisecond precision), and a microsecond remainder would make `(t, id) < cursor` skip rows.
const NOW_MS = sql`date_trunc('milliseconds', now())`

export async function up(db: Kysely<any>): Promise<void> {
  // Each tag is 1–30 characters and already normalized to lower case (the service normalizes).
  await sql`
    CREATE FUNCTION post_tags_valid(tags text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(bool_and(char_length(t) BETWEEN 1 AND 30 AND t = lower(t)), true) FROM unnest(tags) AS t
    $$`.execute(db)

  await db.schema
    .createTable('post')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull().references('shop.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
    // false: the excerpt is derived from the body and follows it on every save.
    .addColumn('excerpt_is_custom', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('DRAFT'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('reading_time_minutes', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(NOW_MS))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(NOW_MS))
    .addColumn('deleted_at', 'timestamptz')
    .addUniqueConstraint('post_shop_id_id_key', ['shop_id', 'id'])
    .addForeignKeyConstraint('post_author_fkey', ['shop_id', 'author_id'], 'user', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addCheckConstraint('post_status_valid', sql`status IN ('DRAFT', 'PUBLISHED')`)
    .addCheckConstraint('post_published_at_iff_published', sql`(status = 'PUBLISHED') = (published_at IS NOT NULL)`)
    .addCheckConstraint('post_handle_format', sql`char_length(handle) <= 100 AND handle ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
    .addCheckConstraint('post_title_length', sql`char_length(title) BETWEEN 1 AND 200`)
    .addCheckConstraint('post_body_length', sql`char_length(body) <= 100000`)
    .addCheckConstraint('post_excerpt_length', sql`char_length(excerpt) <= 500`)
    .addCheckConstraint('post_tags_count', sql`cardinality(tags) <= 10`)
    .addCheckConstraint('post_tags_format', sql`post_tags_valid(tags)`)
    .addCheckConstraint('post_reading_time_positive', sql`reading_time_minutes >= 1`)
    .addCheckConstraint('post_like_count_nonnegative', sql`like_count >= 0`)
    .execute()
  // Handles are unique among live posts: deleting a post frees its handle.
  await sql`CREATE UNIQUE INDEX post_shop_id_handle_idx ON post (shop_id, handle) WHERE deleted_at IS NULL`.execute(db)
  // Shop.posts: published, newest first.
  await sql`
    CREATE INDEX post_shop_id_published_at_idx ON post (shop_id, published_at DESC, id DESC)
    WHERE status = 'PUBLISHED' AND deleted_at IS NULL`.execute(db)
  // Shop.posts(filter: { authorId }).
  await sql`
    CREATE INDEX post_shop_id_author_id_published_at_idx ON post (shop_id, author_id, published_at DESC, id DESC)
    WHERE status = 'PUBLISHED' AND deleted_at IS NULL`.execute(db)
  // Shop.posts(filter: { tag }).
  await sql`CREATE INDEX post_tags_idx ON post USING gin (tags) WHERE status = 'PUBLISHED' AND deleted_at IS NULL`.execute(
    db,
  )
  // Viewer.posts: the author's own posts in any status, most recently changed first.
  await sql`
    CREATE INDEX post_shop_id_author_id_updated_at_idx ON post (shop_id, author_id, updated_at DESC, id DESC)
    WHERE deleted_at IS NULL`.execute(db)

  await db.schema
    .createTable('comment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull().references('shop.id').onDelete('cascade'))
    .addColumn('post_id', 'uuid', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('VISIBLE'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(NOW_MS))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(NOW_MS))
    .addColumn('deleted_at', 'timestamptz')
    .addUniqueConstraint('comment_shop_id_id_key', ['shop_id', 'id'])
    .addForeignKeyConstraint('comment_post_fkey', ['shop_id', 'post_id'], 'post', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('comment_author_fkey', ['shop_id', 'author_id'], 'user', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addCheckConstraint('comment_status_valid', sql`status IN ('VISIBLE', 'HIDDEN')`)
    .addCheckConstraint('comment_body_length', sql`char_length(body) BETWEEN 1 AND 5000`)
    .execute()
  // Post.comments: oldest first. post_id is globally unique, so it leads (no shop_id needed to narrow).
  await sql`CREATE INDEX comment_post_id_created_at_idx ON comment (post_id, created_at, id) WHERE deleted_at IS NULL`.execute(
    db,
  )
  await db.schema.createIndex('comment_shop_id_author_id_idx').on('comment').columns(['shop_id', 'author_id']).execute()

  await db.schema
    .createTable('post_like')
    .addColumn('shop_id', 'uuid', (c) => c.notNull().references('shop.id').onDelete('cascade'))
    .addColumn('post_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // One like per (post, user): concurrent likes by one user collapse into one row.
    .addPrimaryKeyConstraint('post_like_pkey', ['post_id', 'user_id'])
    .addForeignKeyConstraint('post_like_post_fkey', ['shop_id', 'post_id'], 'post', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('post_like_user_fkey', ['shop_id', 'user_id'], 'user', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute()
  await db.schema.createIndex('post_like_shop_id_user_id_idx').on('post_like').columns(['shop_id', 'user_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('post_like').execute()
  await db.schema.dropTable('comment').execute()
  await db.schema.dropTable('post').execute()
  await sql`DROP FUNCTION post_tags_valid(text[])`.execute(db)
}
