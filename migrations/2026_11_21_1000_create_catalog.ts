import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Timestamps are timestamptz(3): millisecond precision, exactly what a JavaScript Date holds, so a
  // keyset cursor carrying created_at compares equal to the row it came from.
  await db.schema
    .createTable('product')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull().references('shop.id').onDelete('cascade'))
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('DRAFT'))
    // Denormalized from the live variants by the catalog service, in the transaction that changes
    // them: the PRICE sort and the price filter are then index scans on product alone.
    .addColumn('min_price_minor', 'bigint', (c) => c.notNull())
    .addColumn('max_price_minor', 'bigint', (c) => c.notNull())
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', sql`timestamptz(3)`)
    .addUniqueConstraint('product_shop_id_handle_key', ['shop_id', 'handle'])
    // Target of tenant-safe composite foreign keys (variants, and later cart and order lines).
    .addUniqueConstraint('product_shop_id_id_key', ['shop_id', 'id'])
    .addCheckConstraint('product_status_valid', sql`status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')`)
    .addCheckConstraint('product_handle_format', sql`handle ~ '^[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?$'`)
    .addCheckConstraint('product_title_length', sql`char_length(title) BETWEEN 1 AND 200`)
    .addCheckConstraint('product_price_range', sql`0 <= min_price_minor AND min_price_minor <= max_price_minor`)
    .execute()
  // One index per sort key of Shop.products, each leading with shop_id and ending with id (the tie-breaker).
  await db.schema
    .createIndex('product_shop_id_created_at_id_idx')
    .on('product')
    .columns(['shop_id', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('product_shop_id_title_id_idx')
    .on('product')
    .columns(['shop_id', 'title', 'id'])
    .execute()
  await db.schema
    .createIndex('product_shop_id_min_price_minor_id_idx')
    .on('product')
    .columns(['shop_id', 'min_price_minor', 'id'])
    .execute()

  await db.schema
    .createTable('product_variant')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull())
    .addColumn('product_id', 'uuid', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('price_minor', 'bigint', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull().defaultTo(0))
    // The variant's place in its product's list: variants created together share a timestamp.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    // Variants are soft-deleted too: order and cart lines of other modules may still point at them.
    .addColumn('deleted_at', sql`timestamptz(3)`)
    .addForeignKeyConstraint(
      'product_variant_product_fkey',
      ['shop_id', 'product_id'],
      'product',
      ['shop_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addUniqueConstraint('product_variant_shop_id_id_key', ['shop_id', 'id'])
    .addCheckConstraint('product_variant_stock_nonnegative', sql`stock >= 0`)
    // Keeps stock + delta (|delta| <= 10^9) inside a 32-bit integer.
    .addCheckConstraint('product_variant_stock_max', sql`stock <= 1000000000`)
    .addCheckConstraint('product_variant_price_range', sql`price_minor BETWEEN 0 AND 999999999999999`)
    .addCheckConstraint('product_variant_sku_length', sql`char_length(sku) BETWEEN 1 AND 64`)
    .addCheckConstraint('product_variant_title_length', sql`char_length(title) BETWEEN 1 AND 200`)
    .addCheckConstraint('product_variant_options_array', sql`jsonb_typeof(options) = 'array'`)
    .addCheckConstraint('product_variant_position_nonnegative', sql`position >= 0`)
    .execute()
  // A SKU is unique among the shop's live variants; a deleted variant's SKU may be reused.
  await sql`CREATE UNIQUE INDEX product_variant_shop_id_sku_key ON product_variant (shop_id, sku) WHERE deleted_at IS NULL`.execute(
    db,
  )
  await sql`
    CREATE INDEX product_variant_shop_id_product_id_position_idx
    ON product_variant (shop_id, product_id, position, id) WHERE deleted_at IS NULL`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_variant').execute()
  await db.schema.dropTable('product').execute()
}
