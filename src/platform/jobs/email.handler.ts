import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type { Config } from '../../config.js'
import type { EmailKind } from '../../shared/rows.js'
import { emailDigest, type EmailJobData } from './emails.js'
import { renderEmail } from './email.templates.js'
import type { Mailer } from './mailer.js'
import * as repo from './email.repository.js'

export interface EmailHandlerDeps {
  db: Kysely<DB>
  config: Pick<Config, 'jwtSecret' | 'mailFrom'>
  mailer: Mailer
}

/** What a job stores as its output. */
export type EmailOutcome =
  | { delivered: true; messageId: string }
  | { delivered: false; reason: 'already-delivered' | 'shop-gone' | 'unverified-recipient'; messageId?: string }

/**
 * The emails that may go to an address nobody proved: the welcome email (fixed text and the
 * verification code) and the password reset / invitation codes (how a person proves the address).
 * Every other kind carries text others wrote (shop names, product titles) and is sent only to a
 * verified address of the shop.
 */
const SENT_UNVERIFIED: ReadonlySet<EmailKind> = new Set<EmailKind>(['welcome', 'password-reset'])

/** `<digest@domain-of-MAIL_FROM>`: every try of one email carries the same Message-ID. */
export function messageIdOf(
  kind: EmailKind,
  job: Pick<EmailJobData, 'shopId' | 'dedupeKey'>,
  mailFrom: string,
): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim()
  const domain = address.slice(address.lastIndexOf('@') + 1) || 'shopfront.local'
  return `<${emailDigest(kind, job.shopId, job.dedupeKey).slice(0, 32)}@${domain}>`
}

/**
 * Sends the email of one job, at most once per (shop, kind, dedupe key) as far as this side can
 * tell: a try first looks for the delivery record, and records the delivery after the server took
 * the message. Only a crash between those two steps can send twice; the repeat then carries the
 * same Message-ID. Throws when the server refuses or cannot be reached: the job is retried.
 */
export async function deliverEmail<K extends EmailKind>(
  deps: EmailHandlerDeps,
  kind: K,
  jobId: string,
  job: EmailJobData<K>,
): Promise<EmailOutcome> {
  const messageId = messageIdOf(kind, job, deps.config.mailFrom)
  const earlier = await repo.findEmailDelivery(deps.db, job.shopId, kind, job.dedupeKey)
  if (earlier) return { delivered: false, reason: 'already-delivered', messageId: earlier.message_id }
  const shopName = await repo.findShopName(deps.db, job.shopId)
  if (shopName === undefined) return { delivered: false, reason: 'shop-gone' }
  // Checked when sending, not when enqueuing: a verification between the two counts, and every
  // enqueuing path (checkout, status changes, whatever comes next) is covered in one place.
  if (!SENT_UNVERIFIED.has(kind) && !(await repo.isVerifiedRecipient(deps.db, job.shopId, job.to))) {
    return { delivered: false, reason: 'unverified-recipient' }
  }

  const rendered = renderEmail(kind, job.data, { shopName, secret: deps.config.jwtSecret })
  await deps.mailer.send({ to: job.to, messageId, ...rendered })
  await repo.insertEmailDelivery(deps.db, {
    shopId: job.shopId,
    kind,
    dedupeKey: job.dedupeKey,
    recipient: job.to,
    messageId,
    jobId,
  })
  return { delivered: true, messageId }
}
