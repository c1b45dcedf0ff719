import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type { EmailKind } from '../../shared/rows.js'
import { sendJob } from './boss.js'
import type { EmailData } from './email.templates.js'
import { EMAIL_QUEUES } from './queues.js'

export type { EmailKind } from '../../shared/rows.js'
export type { EmailData, MinorUnits, OrderEmailLine, OrderStatusName } from './email.templates.js'

/** An email to send, as a service asks for it. */
export interface EmailRequest<K extends EmailKind = EmailKind> {
  kind: K
  /** The shop the email is about (its name is read when the email is rendered). */
  shopId: string
  /** The recipient's address. */
  to: string
  /**
   * Names the event the email is about, unique per (shop, kind): the user id for a welcome, the
   * order id for a confirmation, `${orderId}:${status}` for a status change. Enqueuing the same
   * key twice makes one job, and a retried job never sends a second email for it.
   */
  dedupeKey: string
  data: EmailData[K]
}

/** The job as stored: the request without its kind (the queue says it), amounts as JSON allows. */
export interface EmailJobData<K extends EmailKind = EmailKind> {
  shopId: string
  to: string
  dedupeKey: string
  data: EmailData[K]
}

/** The deterministic digest of an email's identity: the job id and the Message-ID derive from it. */
export function emailDigest(kind: EmailKind, shopId: string, dedupeKey: string): string {
  return createHash('sha256').update(`${kind}\u0000${shopId}\u0000${dedupeKey}`, 'utf8').digest('hex')
}

/** A UUID (version 8: custom) from the digest, so the same email always has the same job id. */
function jobIdOf(digest: string): string {
  const hex = digest.slice(0, 32).split('')
  hex[12] = '8'
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

/** JSON cannot carry bigints: money in minor units travels as decimal strings. */
function toJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)))
}

/**
 * Enqueues an email job through `trx`. Pass the transaction of the business change: the job is
 * committed with it (and sent afterwards by a worker, retried with backoff, dead-lettered after the
 * last try), or rolled back with it, so a failed change sends nothing. Never waits for the mail server.
 *
 * Answers the job id, or null when an email with this (shop, kind, dedupeKey) is already queued.
 *
 * ```ts
 * await enqueueEmail(trx, {
 *   kind: 'order-confirmation',
 *   shopId: order.shop_id,
 *   to: customer.email,
 *   dedupeKey: order.id,
 *   data: { orderNumber: order.number, currencyCode: shop.currency_code,
 *           subtotalMinor: order.subtotal_minor, taxMinor: order.tax_minor, totalMinor: order.total_minor },
 * })
 * ```
 */
export async function enqueueEmail<K extends EmailKind>(
  trx: Kysely<DB>,
  email: EmailRequest<K>,
): Promise<string | null> {
  const queue = EMAIL_QUEUES[email.kind]
  if (!queue) throw new Error(`unknown email kind "${email.kind}"`)
  if (!email.dedupeKey || email.dedupeKey.length > 200)
    throw new Error('an email needs a dedupeKey of 1-200 characters')
  const job: EmailJobData<K> = toJson({
    shopId: email.shopId,
    to: email.to,
    dedupeKey: email.dedupeKey,
    data: email.data,
  })
  return sendJob(trx, queue, job, { id: jobIdOf(emailDigest(email.kind, email.shopId, email.dedupeKey)) })
}
