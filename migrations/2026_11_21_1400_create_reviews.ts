import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull().references('shop.id').onDelete('cascade'))
    .addColumn('product_id', 'uuid', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('PUBLISHED'))
    // Millisecond precision: cursors carry ISO strings, and (created_at, id) must compare equal to them.
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('review_shop_id_id_key', ['shop_id', 'id'])
    // One review per (product, author): concurrent duplicate creates collapse on this constraint.
    .addUniqueConstraint('review_product_id_author_id_key', ['product_id', 'author_id'])
    .addForeignKeyConstraint('review_product_fkey', ['shop_id', 'product_id'], 'product', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('review_author_fkey', ['shop_id', 'author_id'], 'user', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addCheckConstraint('review_rating_range', sql`rating BETWEEN 1 AND 5`)
    .addCheckConstraint('review_title_length', sql`char_length(title) BETWEEN 1 AND 200`)
    .addCheckConstraint('review_body_length', sql`char_length(body) <= 5000`)
    .addCheckConstraint('review_status_valid', sql`status IN ('PUBLISHED', 'HIDDEN')`)
    .execute()
  // Product.reviews, newest first (product_id is globally unique, so it leads: no shop_id needed to narrow).
  await sql`CREATE INDEX review_product_id_created_at_id_idx ON review (product_id, created_at DESC, id DESC)`.execute(
    db,
  )
  // Product.reviews(sortKey: RATING), and Product.rating's aggregate over the same rows.
  await sql`
    CREATE INDEX review_product_id_rating_created_at_id_idx ON review (product_id, rating DESC, created_at DESC, id DESC)`.execute(
    db,
  )
  // A user's reviews (data export, erasure).
  await db.schema.createIndex('review_shop_id_author_id_idx').on('review').columns(['shop_id', 'author_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review').execute()
}
