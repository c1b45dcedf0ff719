import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shop')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('handle', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency_code', 'char(3)', (c) => c.notNull())
    .addColumn('tax_rate_bps', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('shop_handle_format', sql`handle ~ '^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$'`)
    .addCheckConstraint('shop_currency_code_format', sql`currency_code ~ '^[A-Z]{3}$'`)
    .addCheckConstraint('shop_tax_rate_bps_range', sql`tax_rate_bps BETWEEN 0 AND 10000`)
    .execute()

  await db.schema
    .createTable('user')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull().references('shop.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('CUSTOMER'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .addCheckConstraint('user_role_valid', sql`role IN ('CUSTOMER', 'STAFF', 'ADMIN')`)
    // (shop_id, id) is the target of tenant-safe composite foreign keys: a row can only point at a
    // user of its own shop.
    .addUniqueConstraint('user_shop_id_id_key', ['shop_id', 'id'])
    .execute()
  await sql`CREATE UNIQUE INDEX user_shop_id_lower_email_idx ON "user" (shop_id, lower(email))`.execute(db)
  await db.schema
    .createIndex('user_shop_id_created_at_idx')
    .on('user')
    .columns(['shop_id', 'created_at', 'id'])
    .execute()

  await db.schema
    .createTable('refresh_token')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('family_id', 'uuid', (c) => c.notNull())
    .addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('rotated_at', 'timestamptz')
    .addColumn('replaced_by', 'uuid', (c) => c.references('refresh_token.id').onDelete('set null'))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('refresh_token_user_fkey', ['shop_id', 'user_id'], 'user', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute()
  await db.schema.createIndex('refresh_token_family_id_idx').on('refresh_token').column('family_id').execute()
  await db.schema.createIndex('refresh_token_user_id_idx').on('refresh_token').column('user_id').execute()

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shop_id', 'uuid', (c) => c.notNull().references('shop.id'))
    .addColumn('actor_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'uuid')
    .addColumn('diff', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('request_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('audit_event_shop_id_created_at_idx')
    .on('audit_event')
    .columns(['shop_id', 'created_at desc', 'id desc'])
    .execute()
  await db.schema
    .createIndex('audit_event_shop_id_target_idx')
    .on('audit_event')
    .columns(['shop_id', 'target_type', 'target_id'])
    .execute()
  // Append-only: the audit log is evidence, so the database refuses to change or remove it.
  await sql`
    CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_event is append-only';
    END
    $$`.execute(db)
  await sql`
    CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_event').execute()
  await sql`DROP FUNCTION audit_event_append_only()`.execute(db)
  await db.schema.dropTable('refresh_token').execute()
  await db.schema.dropTable('user').execute()
  await db.schema.dropTable('shop').execute()
}
