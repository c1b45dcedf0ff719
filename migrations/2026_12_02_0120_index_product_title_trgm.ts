import { sql, type Kysely } from 'kysely'

// `titleContains` is an ILIKE '%...%' search: no B-tree serves it, and on a large shop it read every
// product of the shop. A trigram GIN index serves ILIKE with patterns of three or more characters.
// pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. The embedded
// database loads it from @electric-sql/pglite/contrib (db/embedded.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)
  await sql`CREATE INDEX product_title_trgm_idx ON product USING gin (title gin_trgm_ops)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('product_title_trgm_idx').execute()
  // The extension stays: something else may use it, and dropping it needs more rights than creating.
}
