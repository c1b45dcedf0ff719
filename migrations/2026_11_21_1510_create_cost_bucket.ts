import { sql, type Kysely } from 'kysely'

// Leaky buckets for the API's cost budget: one row per viewer (`user:<id>`) or anonymous client
// address (`addr:<ip>`). Infrastructure, not tenant data (an address spans shops), so no shop_id.
// `level` is the points in the bucket at `updated_at`; it leaks linearly from then on.
// `last_charged` is what the most recent charge added, NULL when it was refused: the one atomic
// upsert says in its RETURNING whether the operation fitted (PostgreSQL 15 has no OLD in RETURNING,
// and `level` alone cannot tell "fitted, now L" from "refused, still L").
// No index on updated_at: it changes on every request, and an index on it would rule out HOT updates.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cost_bucket')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('level', 'double precision', (c) => c.notNull())
    .addColumn('last_charged', 'integer')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('cost_bucket_level_not_negative', sql`level >= 0`)
    .addCheckConstraint('cost_bucket_last_charged_not_negative', sql`last_charged >= 0`)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cost_bucket').execute()
}
