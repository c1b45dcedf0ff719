import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One cart per user, kept (and emptied by checkout) rather than closed.
  await db.schema
    .createTable('cart')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('cart_user_fkey', ['shop_id', 'user_id'], 'user', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addUniqueConstraint('cart_shop_id_user_id_key', ['shop_id', 'user_id'])
    .addUniqueConstraint('cart_shop_id_id_key', ['shop_id', 'id'])
    .execute()

  await db.schema
    .createTable('cart_line')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull())
    .addColumn('cart_id', 'uuid', (c) => c.notNull())
    .addColumn('variant_id', 'uuid', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    // Insertion order: lines added in one statement share created_at, and the cart lists them as added.
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('cart_line_cart_fkey', ['shop_id', 'cart_id'], 'cart', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'cart_line_variant_fkey',
      ['shop_id', 'variant_id'],
      'product_variant',
      ['shop_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addUniqueConstraint('cart_line_cart_id_variant_id_key', ['cart_id', 'variant_id'])
    .addCheckConstraint('cart_line_quantity_range', sql`quantity BETWEEN 1 AND 999`)
    .execute()

  // The last order number handed out per shop: one row lock serializes numbering, gap-free.
  await db.schema
    .createTable('order_number_counter')
    .addColumn('shop_id', 'uuid', (c) => c.primaryKey().references('shop.id').onDelete('cascade'))
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('order')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('currency_code', 'char(3)', (c) => c.notNull())
    .addColumn('tax_rate_bps', 'integer', (c) => c.notNull())
    .addColumn('subtotal_minor', 'bigint', (c) => c.notNull())
    .addColumn('tax_minor', 'bigint', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('placed_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('paid_at', sql`timestamptz(3)`)
    .addColumn('fulfilled_at', sql`timestamptz(3)`)
    .addColumn('cancelled_at', sql`timestamptz(3)`)
    .addColumn('refunded_at', sql`timestamptz(3)`)
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('order_customer_fkey', ['shop_id', 'customer_id'], 'user', ['shop_id', 'id'])
    .addUniqueConstraint('order_shop_id_number_key', ['shop_id', 'number'])
    .addUniqueConstraint('order_shop_id_id_key', ['shop_id', 'id'])
    .addCheckConstraint(
      'order_status_valid',
      sql`status IN ('PENDING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED')`,
    )
    .addCheckConstraint(
      'order_totals_consistent',
      sql`subtotal_minor >= 0 AND tax_minor >= 0 AND total_minor = subtotal_minor + tax_minor`,
    )
    .addCheckConstraint('order_number_positive', sql`number > 0`)
    .execute()
  // Shop.orders (newest first, optionally by status), Viewer.orders, and the reports over paid orders.
  await db.schema
    .createIndex('order_shop_id_placed_at_id_idx')
    .on('order')
    .columns(['shop_id', 'placed_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('order_shop_id_status_placed_at_id_idx')
    .on('order')
    .columns(['shop_id', 'status', 'placed_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('order_shop_id_customer_id_placed_at_id_idx')
    .on('order')
    .columns(['shop_id', 'customer_id', 'placed_at desc', 'id desc'])
    .execute()

  await db.schema
    .createTable('order_line')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull())
    .addColumn('order_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('variant_id', 'uuid')
    .addColumn('product_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('unit_price_minor', 'bigint', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('line_total_minor', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint('order_line_order_fkey', ['shop_id', 'order_id'], 'order', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addUniqueConstraint('order_line_order_id_position_key', ['order_id', 'position'])
    .addCheckConstraint('order_line_quantity_range', sql`quantity BETWEEN 1 AND 999`)
    .addCheckConstraint(
      'order_line_total',
      sql`unit_price_minor >= 0 AND line_total_minor = unit_price_minor * quantity`,
    )
    .execute()
  // The line keeps its snapshot when the variant goes: only variant_id is cleared (PostgreSQL 15+ column list).
  await sql`
    ALTER TABLE order_line ADD CONSTRAINT order_line_variant_fkey
    FOREIGN KEY (shop_id, variant_id) REFERENCES product_variant (shop_id, id) ON DELETE SET NULL (variant_id)`.execute(
    db,
  )
  await db.schema
    .createIndex('order_line_shop_id_variant_id_idx')
    .on('order_line')
    .columns(['shop_id', 'variant_id'])
    .execute()

  await db.schema
    .createTable('order_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull())
    .addColumn('order_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('occurred_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addForeignKeyConstraint('order_event_order_fkey', ['shop_id', 'order_id'], 'order', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('order_event_order_id_occurred_at_idx')
    .on('order_event')
    .columns(['order_id', 'occurred_at'])
    .execute()

  // The stored outcome of a mutation sent with an idempotency key, per (shop, user, key).
  await db.schema
    .createTable('idempotency_key')
    .addColumn('shop_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    // The fingerprint of the state a completed request left behind (an emptied cart), which a retry also matches.
    .addColumn('result_fingerprint', 'text')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', sql`timestamptz(3)`, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_key_pkey', ['shop_id', 'user_id', 'key'])
    .addForeignKeyConstraint('idempotency_key_user_fkey', ['shop_id', 'user_id'], 'user', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addCheckConstraint('idempotency_key_length', sql`char_length(key) BETWEEN 1 AND 100`)
    .execute()
  await db.schema.createIndex('idempotency_key_expires_at_idx').on('idempotency_key').column('expires_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_key').execute()
  await db.schema.dropTable('order_event').execute()
  await db.schema.dropTable('order_line').execute()
  await db.schema.dropTable('order').execute()
  await db.schema.dropTable('order_number_counter').execute()
  await db.schema.dropTable('cart_line').execute()
  await db.schema.dropTable('cart').execute()
}
