import { sql, type Kysely } from 'kysely'

// Every API process reloads the sessions revoked within an access token's lifetime when it boots and
// whenever its LISTEN connection comes back (src/platform/security/revocations.ts). Partial: live
// tokens, the bulk of the table, are not in it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('refresh_token_revoked_at_idx')
    .on('refresh_token')
    .column('revoked_at')
    .where(sql.ref('revoked_at'), 'is not', null)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('refresh_token_revoked_at_idx').execute()
}
