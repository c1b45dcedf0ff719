import { sql } from 'kysely'
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
export async function jobIn(app: TestApp, queue: string, to: string, state: JobRow['state']): Promise<JobRow | undefined> {
  const jobs = await jobsTo(app, queue, to)
  return jobs.length === 1 && jobs[0].state === state ? jobs[0] : undefined
}

/** Short polling and immediate retries, so a test sees five tries in about a second. */
export const FAST_JOBS = { jobsPollingIntervalSeconds: 0.5, jobsRetryDelaySeconds: 0, jobsRetryBackoff: false } as const
