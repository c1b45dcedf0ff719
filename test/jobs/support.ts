import { sql } from 'kysely'
import { PASSWORD_RESET_REQUEST_QUEUE } from '../../src/platform/jobs/queues.js'
import type { TestApp } from '../support/app.js'

/** A pg-boss job as the tests look at it. */
export interface JobRow {
  id: string
  name: string
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed'
  retry_count: number
  retry_limit: number
  retry_delay: number
  retry_backoff: boolean
  dead_letter: string | null
  data: { shopId: string; to: string; dedupeKey: string; data: Record<string, unknown> }
  output: Record<string, unknown> | null
}

/** The jobs of a queue addressed to `to`, oldest first. */
export async function jobsTo(app: TestApp, queue: string, to: string): Promise<JobRow[]> {
  const { rows } = await sql<JobRow>`
    SELECT id, name, state::text AS state, retry_count, retry_limit, retry_delay, retry_backoff, dead_letter, data, output
    FROM pgboss.job WHERE name = ${queue} AND data->>'to' = ${to} ORDER BY created_on, id`.execute(app.db)
  return rows
}

/** The only job of a queue addressed to `to` when it is in `state`, else undefined. */
export async function jobIn(
  app: TestApp,
  queue: string,
  to: string,
  state: JobRow['state'],
): Promise<JobRow | undefined> {
  const jobs = await jobsTo(app, queue, to)
  return jobs.length === 1 && jobs[0].state === state ? jobs[0] : undefined
}

/** Short polling and immediate retries, so a test sees five tries in about a second. */
export const FAST_JOBS = { jobsPollingIntervalSeconds: 0.5, jobsRetryDelaySeconds: 0, jobsRetryBackoff: false } as const

/** A password reset request job as stored (pg-boss's job table or its archive). */
export interface RequestJobRow {
  id: string
  state: JobRow['state']
  data: { shopHandle: string; email: string; requestId: string }
}

/** The password reset request jobs for `email` (case-sensitive, as typed), in the job table and the archive. */
export async function requestJobsFor(app: TestApp, email: string): Promise<RequestJobRow[]> {
  const { rows } = await sql<RequestJobRow>`
    SELECT id, state::text AS state, data FROM pgboss.job WHERE name = ${PASSWORD_RESET_REQUEST_QUEUE} AND data->>'email' = ${email}
    UNION ALL
    SELECT id, state::text AS state, data FROM pgboss.archive WHERE name = ${PASSWORD_RESET_REQUEST_QUEUE} AND data->>'email' = ${email}`.execute(
    app.db,
  )
  return rows
}

/** Whether any job, in any queue, of the job table or the archive, mentions `text` in its data or output. */
export async function jobsMention(app: TestApp, text: string): Promise<boolean> {
  const pattern = `%${text}%`
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM pgboss.job WHERE data::text ILIKE ${pattern} OR output::text ILIKE ${pattern})::int
         + (SELECT count(*) FROM pgboss.archive WHERE data::text ILIKE ${pattern} OR output::text ILIKE ${pattern})::int AS n`.execute(
    app.db,
  )
  return rows[0].n > 0
}
