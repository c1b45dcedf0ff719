import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { sendJob } from './boss.js'
import { PASSWORD_RESET_REQUEST_QUEUE } from './queues.js'

/**
 * A `passwordResetRequest` as its job carries it: what the caller typed, nothing looked up. Only
 * what the handler needs: no address, no user agent. The email may belong to no account, so the
 * worker deletes the job once handled (see PASSWORD_RESET_REQUEST_QUEUE).
 */
export interface PasswordResetRequestJobData {
  /** Trimmed and lower-cased. */
  shopHandle: string
  /** Trimmed, at most 254 characters (matched case-insensitively). */
  email: string
  /** The request id of the mutation, for the audit event. */
  requestId: string
}

/**
 * Enqueues the handling of a password reset request: one INSERT whatever the email, so the request
 * path takes the same time for every email. The job's id becomes the id of the code's
 * `password_reset_token` row: a retried job finds its row and issues nothing twice.
 */
export async function enqueuePasswordResetRequest(
  db: Kysely<DB>,
  request: PasswordResetRequestJobData,
): Promise<string> {
  const id = await sendJob(db, PASSWORD_RESET_REQUEST_QUEUE, request)
  if (!id) throw new Error('pg-boss did not enqueue the password reset request')
  return id
}
