import type PgBoss from 'pg-boss'
import type { Config } from '../../config.js'
import type { EmailKind } from '../../shared/rows.js'

/** The PostgreSQL schema pg-boss keeps its tables in. */
export const JOB_SCHEMA = 'pgboss'

/** One queue per kind of email, so each has its own policy and a stuck kind does not hold up the others. */
export const EMAIL_QUEUES: Readonly<Record<EmailKind, string>> = Object.freeze({
  welcome: 'email-welcome',
  'order-confirmation': 'email-order-confirmation',
  'order-status-changed': 'email-order-status-changed',
  'password-reset': 'email-password-reset',
})

export const EMAIL_KINDS = Object.keys(EMAIL_QUEUES) as EmailKind[]

/**
 * `passwordResetRequest` enqueues one job here whatever the email; its handler looks the account
 * up, issues the code and enqueues the email, so the request path does the same work for every
 * email. Its jobs carry an email address that may belong to no account: the worker deletes each
 * job once handled (or failed for good) rather than letting pg-boss keep it, and it has no
 * dead-letter queue.
 */
export const PASSWORD_RESET_REQUEST_QUEUE = 'password-reset-request'

/**
 * Where an email job goes when its last try failed. Nothing works this queue: its jobs wait (with
 * their data and the last error) for someone to look at them and resend them
 * (`SELECT * FROM pgboss.job WHERE name = 'email-dead-letter'`).
 */
export const EMAIL_DEAD_LETTER_QUEUE = 'email-dead-letter'

/**
 * A job in hand longer than this is taken to be lost with its worker (a crash, a kill) and is
 * retried at once by the runtime's reaper (src/jobs/runtime.ts), well within 30 s of the crash.
 * Handlers are cut at half of it, so a live worker never holds a job that long.
 */
export const JOB_EXPIRE_SECONDS = 20

/** The retry policy of the email queues and the password reset request queue. */
export type RetryPolicy = Pick<Config, 'jobsRetryLimit' | 'jobsRetryDelaySeconds' | 'jobsRetryBackoff'>

/** The production defaults: five tries, 30 s, 60 s, 120 s, 240 s apart (plus jitter), then the dead-letter queue. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  jobsRetryLimit: 4,
  jobsRetryDelaySeconds: 30,
  jobsRetryBackoff: true,
})

/** The pg-boss definition of every queue, dead-letter queue first (the others reference it). */
export function queueDefinitions(policy: RetryPolicy): PgBoss.Queue[] {
  return [
    { name: EMAIL_DEAD_LETTER_QUEUE, policy: 'standard' },
    ...EMAIL_KINDS.map((kind): PgBoss.Queue => ({
      name: EMAIL_QUEUES[kind],
      policy: 'standard',
      retryLimit: policy.jobsRetryLimit,
      retryDelay: policy.jobsRetryDelaySeconds,
      retryBackoff: policy.jobsRetryBackoff,
      expireInSeconds: JOB_EXPIRE_SECONDS,
      deadLetter: EMAIL_DEAD_LETTER_QUEUE,
    })),
    {
      name: PASSWORD_RESET_REQUEST_QUEUE,
      policy: 'standard',
      retryLimit: policy.jobsRetryLimit,
      retryDelay: policy.jobsRetryDelaySeconds,
      retryBackoff: policy.jobsRetryBackoff,
      expireInSeconds: JOB_EXPIRE_SECONDS,
    },
  ]
}
