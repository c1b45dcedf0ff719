import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { purgeAuditEvents } from '../audit.js'
import type { Retention } from '../../config.js'
import { deleteIdempotencyKeysOlderThan } from '../../modules/orders/orders.repository.js'
import { deleteEmailDeliveriesOlderThan } from './email.repository.js'
import { EMAIL_DEAD_LETTER_QUEUE } from './queues.js'

/**
 * Deletes failed jobs (and dead-lettered ones, which nothing works) whose last try ended more
 * than `seconds` ago, with their data, from pg-boss's live and archive tables.
 */
export async function purgeFailedJobs(db: Kysely<DB>, seconds: number): Promise<number> {
  const cutoff = sql`now() - make_interval(secs => ${seconds})`
  const live = await sql`
    DELETE FROM pgboss.job
    WHERE (state = 'failed' AND coalesce(completed_on, created_on) < ${cutoff})
       OR (name = ${EMAIL_DEAD_LETTER_QUEUE} AND created_on < ${cutoff})`.execute(db)
  const archived = await sql`
    DELETE FROM pgboss.archive
    WHERE (state = 'failed' OR name = ${EMAIL_DEAD_LETTER_QUEUE}) AND coalesce(completed_on, created_on) < ${cutoff}`.execute(
    db,
  )
  return Number(live.numAffectedRows ?? 0n) + Number(archived.numAffectedRows ?? 0n)
}

/** What one retention round deleted, by data class. */
export interface RetentionOutcome {
  readonly idempotencyKeys: number
  readonly emailLog: number
  readonly failedJobs: number
  readonly auditEvents: number
}

/** Purges every data class past its window (SPEC §4). Idempotent: several workers may run it at once. */
export async function purgeExpiredData(db: Kysely<DB>, retention: Retention): Promise<RetentionOutcome> {
  return {
    idempotencyKeys: await deleteIdempotencyKeysOlderThan(db, retention.idempotencyKeySeconds),
    emailLog: await deleteEmailDeliveriesOlderThan(db, retention.emailLogSeconds),
    failedJobs: await purgeFailedJobs(db, retention.failedJobSeconds),
    auditEvents: await purgeAuditEvents(db, retention.auditEventSeconds),
  }
}

/**
 * Erasure: deletes the jobs of a shop, queued or kept, whose data or output holds the address
 * (emails waiting to be sent to it, password reset requests for it). Answers how many.
 */
export async function deleteJobsMentioning(
  db: Kysely<DB>,
  shop: { id: string; handle: string },
  email: string,
): Promise<number> {
  // The address as it appears inside JSON text (escaped), lower-cased like the text it is searched in.
  const needle = sql`lower(trim(both '"' from to_json(${email}::text)::text))`
  const ofShop = sql`(data->>'shopId' = ${shop.id} OR data->>'shopHandle' = ${shop.handle})`
  const mentions = sql`(strpos(lower(data::text), ${needle}) > 0 OR strpos(lower(coalesce(output::text, '')), ${needle}) > 0)`
  const live = await sql`DELETE FROM pgboss.job WHERE ${ofShop} AND ${mentions}`.execute(db)
  const archived = await sql`DELETE FROM pgboss.archive WHERE ${ofShop} AND ${mentions}`.execute(db)
  return Number(live.numAffectedRows ?? 0n) + Number(archived.numAffectedRows ?? 0n)
}
