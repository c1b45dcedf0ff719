import { sql, type Kysely } from 'kysely'

/**
 * Shop.customers lists accounts newest first and searches them by email or display-name prefix
 * (`lower(x) LIKE 'abc%'`). The unique index on (shop_id, lower(email)) uses the database collation
 * and cannot serve LIKE; these text_pattern_ops indexes can, whatever the collation. created_at
 * becomes timestamptz(3), the precision of a JavaScript Date, so a cursor compares equal to its row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE "user" ALTER COLUMN created_at TYPE timestamptz(3)`.execute(db)
  await sql`CREATE INDEX user_shop_id_lower_email_pattern_idx ON "user" (shop_id, lower(email) text_pattern_ops)`.execute(
    db,
  )
  await sql`CREATE INDEX user_shop_id_lower_display_name_pattern_idx ON "user" (shop_id, lower(display_name) text_pattern_ops)`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('user_shop_id_lower_display_name_pattern_idx').execute()
  await db.schema.dropIndex('user_shop_id_lower_email_pattern_idx').execute()
  await sql`ALTER TABLE "user" ALTER COLUMN created_at TYPE timestamptz`.execute(db)
}
