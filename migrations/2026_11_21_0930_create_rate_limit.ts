import { sql, type Kysely } from 'kysely'

// Fixed-window counters for rate limits (failed logins per account and per client address).
// Infrastructure, not tenant data: a key may span shops (a client address), so no shop_id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('rate_limit_hits_positive', sql`hits > 0`)
    .execute()
  await db.schema.createIndex('rate_limit_reset_at_idx').on('rate_limit').column('reset_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit').execute()
}
