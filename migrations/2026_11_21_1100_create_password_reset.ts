import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One-time password reset tokens. The token itself is never stored: only its SHA-256.
  await db.schema
    .createTable('password_reset_token')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('shop_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    // Set when the token reset the password; a token works at most once.
    .addColumn('used_at', 'timestamptz')
    // Set when a newer request or a completed reset retired the token unused.
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('password_reset_token_user_fkey', ['shop_id', 'user_id'], 'user', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addCheckConstraint('password_reset_token_expires_after_creation', sql`expires_at > created_at`)
    .addCheckConstraint('password_reset_token_used_or_revoked', sql`used_at IS NULL OR revoked_at IS NULL`)
    .execute()
  await db.schema
    .createIndex('password_reset_token_shop_id_user_id_idx')
    .on('password_reset_token')
    .columns(['shop_id', 'user_id'])
    .execute()

  // Emails the job workers have handed to the mail server, one per (shop, kind, dedupe key):
  // a retried job finds its row and does not send the same email twice.
  await db.schema
    .createTable('email_delivery')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull().references('shop.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('job_id', 'uuid')
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'email_delivery_kind_valid',
      sql`kind IN ('welcome', 'order-confirmation', 'order-status-changed', 'password-reset')`,
    )
    .addCheckConstraint('email_delivery_dedupe_key_length', sql`char_length(dedupe_key) BETWEEN 1 AND 200`)
    .addUniqueConstraint('email_delivery_shop_id_kind_dedupe_key_key', ['shop_id', 'kind', 'dedupe_key'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_delivery').execute()
  await db.schema.dropTable('password_reset_token').execute()
}
