import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type { EmailDeliveryRow, EmailKind } from '../../shared/rows.js'

type Db = Kysely<DB>

export function findEmailDelivery(
  db: Db,
  shopId: string,
  kind: EmailKind,
  dedupeKey: string,
): Promise<EmailDeliveryRow | undefined> {
  return db
    .selectFrom('email_delivery')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('kind', '=', kind)
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirst()
}

/** Records a sent email; a row already there (a concurrent try of the same email) is kept. */
export async function insertEmailDelivery(
  db: Db,
  row: { shopId: string; kind: EmailKind; dedupeKey: string; recipient: string; messageId: string; jobId: string },
): Promise<void> {
  await db
    .insertInto('email_delivery')
    .values({
      shop_id: row.shopId,
      kind: row.kind,
      dedupe_key: row.dedupeKey,
      recipient: row.recipient,
      message_id: row.messageId,
      job_id: row.jobId,
    })
    .onConflict((oc) => oc.columns(['shop_id', 'kind', 'dedupe_key']).doNothing())
    .execute()
}

/** The name an email signs with. The shop is read here, not through the auth module: workers have no request. */
export async function findShopName(db: Db, shopId: string): Promise<string | undefined> {
  const row = await db.selectFrom('shop').select('name').where('id', '=', shopId).executeTakeFirst()
  return row?.name
}

/** Erasure: replaces an address in the shop's email log (the rows stay: they stop a resend). */
export async function anonymizeEmailDeliveries(
  db: Db,
  shopId: string,
  email: string,
  replacement: string,
): Promise<number> {
  const result = await db
    .updateTable('email_delivery')
    .set({ recipient: replacement })
    .where('shop_id', '=', shopId)
    .where(sql<string>`lower(recipient)`, '=', email.toLowerCase())
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Retention: deletes email log rows sent more than `seconds` ago; answers how many. */
export async function deleteEmailDeliveriesOlderThan(db: Db, seconds: number): Promise<number> {
  const result = await db
    .deleteFrom('email_delivery')
    .where('sent_at', '<', sql<Date>`now() - make_interval(secs => ${seconds})`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * Whether `address` is the verified address of a live account of the shop (case-insensitively).
 * Read here, not through the auth module, for the same reason as the shop name.
 */
export async function isVerifiedRecipient(db: Db, shopId: string, address: string): Promise<boolean> {
  const row = await db
    .selectFrom('user')
    .select('id')
    .where('shop_id', '=', shopId)
    .where(sql<string>`lower(email)`, '=', address.toLowerCase())
    .where('deleted_at', 'is', null)
    .where('email_verified_at', 'is not', null)
    .executeTakeFirst()
  return row !== undefined
}
