import { sql, type Kysely } from 'kysely'

// Email verification (issue 9, item 16): emails other than the welcome and the password reset or
// invitation codes go only to an address its owner proved. Accounts that exist before this
// migration are treated as verified (from their creation): they have been receiving order emails,
// and taking those away from every existing customer at deploy time would be the bigger harm.
// Accounts created afterwards start unverified and prove the address with the welcome email's code
// (userEmailVerify) or by completing a password reset or a staff invitation.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user').addColumn('email_verified_at', 'timestamptz').execute()
  await sql`UPDATE "user" SET email_verified_at = created_at`.execute(db)

  // One-time email verification codes, shaped like password_reset_token: only the SHA-256 is kept.
  await db.schema
    .createTable('email_verification_token')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('shop_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    // Set when the code verified the address; a code works at most once.
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint(
      'email_verification_token_user_fkey',
      ['shop_id', 'user_id'],
      'user',
      ['shop_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint('email_verification_token_expires_after_creation', sql`expires_at > created_at`)
    .execute()
  await db.schema
    .createIndex('email_verification_token_shop_id_user_id_idx')
    .on('email_verification_token')
    .columns(['shop_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_verification_token').execute()
  await db.schema.alterTable('user').dropColumn('email_verified_at').execute()
}
