import { sql, type Kysely } from 'kysely'
import PgBoss from 'pg-boss'
import type pg from 'pg'
import { withBootLock } from '../../../db/boot.js'
import type { DB } from '../../../db/types.js'
import type { Config } from '../../config.js'
import type { Logger } from '../../shared/logger.js'
import { purgeRateLimits } from '../ratelimit.js'
import { installJobQueues, poolAdapter } from './boss.js'
import { deliverEmail } from './email.handler.js'
import type { EmailJobData } from './emails.js'
import { createMailer, type Mailer } from './mailer.js'
import { purgeExpiredData } from './retention.js'
import { EMAIL_KINDS, EMAIL_QUEUES, JOB_EXPIRE_SECONDS, JOB_SCHEMA } from './queues.js'

export interface JobsDeps {
  config: Config
  /** The app's Kysely (handlers read and record deliveries with it). */
  db: Kysely<DB>
  /** The pool under it: pg-boss polls and completes jobs on it. */
  pool: pg.Pool
  logger: Logger
  /** Defaults to SMTP (SMTP_URL) or `.eml` files under DATA_DIR/mail/. */
  mailer?: Mailer
  /** The domain's queues and their handlers (the module registry's `jobHandlers`), next to the email queues. */
  handlers: readonly JobHandler[]
}

/** What a job handler gets besides its job. */
export interface JobHandlerDeps {
  readonly db: Kysely<DB>
  readonly config: Config
  readonly mailer: Mailer
}

/** How one queue's jobs are handled: a module registers these, the runtime runs them. */
export interface JobHandler<Data extends object = any> {
  readonly queue: string
  /** Handles one job; resolves to the job's output, throws to have the job retried. */
  run(deps: JobHandlerDeps, job: PgBoss.JobWithMetadata<Data>): Promise<object>
  /**
   * Delete each job once handled, or failed on its last try, instead of keeping it: pg-boss keeps
   * finished jobs with their data for days, and some data must not outlive its handling.
   */
  readonly forget?: boolean
}

export interface JobsRuntime {
  readonly boss: PgBoss
  readonly mailer: Mailer
  /** Lets the workers finish the job in hand (up to the shutdown grace period), then stops pg-boss. */
  stop(): Promise<void>
}

/** A handler that has not settled by then is failed (and retried), well before pg-boss expires the job. */
const HANDLER_TIMEOUT_MS = (JOB_EXPIRE_SECONDS * 1000) / 2
/** How often each worker process looks for jobs lost with a crashed worker. */
export const REAP_INTERVAL_MS = 5_000

/**
 * Puts back the jobs of `queues` that a worker took and never finished within their expiry (the
 * worker crashed or was killed), to be fetched again at once. pg-boss's own expiry would find
 * them only at its next maintenance (every 2 minutes) and then wait the retry delay (30 s and up,
 * meant for jobs that failed, not for workers that died). A job on its last try is left to
 * pg-boss, which fails it into the dead-letter queue. Returns how many were put back.
 */
export async function retryLostJobs(db: PgBoss.Db, queues: readonly string[]): Promise<number> {
  const { rows } = await db.executeSql(
    `UPDATE ${JOB_SCHEMA}.job SET state = 'retry', start_after = now()
      WHERE name = ANY($1::text[]) AND state = 'active' AND started_on + expire_in < now() AND retry_count < retry_limit
      RETURNING id`,
    [queues],
  )
  return rows.length
}

/** How often each worker process tidies up (idempotent: several processes may do it at once). */
export const HOUSEKEEPING_INTERVAL_MS = 5 * 60 * 1000

/**
 * Deletes jobs of `queue` that pg-boss itself failed (a worker died mid-job and the last try
 * expired) and their archived copies: for queues whose data must not be kept (`forget`).
 */
export async function forgetFailedJobs(db: Kysely<DB>, queue: string): Promise<number> {
  const live = await sql`DELETE FROM pgboss.job WHERE name = ${queue} AND state = 'failed'`.execute(db)
  const archived = await sql`DELETE FROM pgboss.archive WHERE name = ${queue}`.execute(db)
  return Number(live.numAffectedRows ?? 0n) + Number(archived.numAffectedRows ?? 0n)
}

/**
 * One round of tidying: ended rate-limit windows, empty cost buckets, failed jobs that must not be
 * kept, and every data class past its retention window (config.retention).
 */
export async function housekeeping(db: Kysely<DB>, config: Config, forgetQueues: readonly string[]): Promise<void> {
  await purgeRateLimits(db, config.limits.costLeakPerSecond)
  for (const queue of forgetQueues) await forgetFailedJobs(db, queue)
  await purgeExpiredData(db, config.retention)
}

/** How one queue's jobs are handled. */
interface QueueWorker {
  readonly queue: string
  /** Handles one job; resolves to the job's output, throws to have the job retried. */
  run(job: PgBoss.JobWithMetadata<any>): Promise<object>
  /**
   * Delete each job once handled, or failed on its last try, instead of keeping it: pg-boss keeps
   * finished jobs with their data for days, and some data must not outlive its handling.
   */
  readonly forget?: boolean
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the handler did not finish within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Runs the job workers in this process (the API when JOBS_WORKERS is on, or `npm run worker`).
 * Starts pg-boss on the app's pool (its schema and queues are installed with the migrations),
 * applies the configured retry policy to the queues, and runs one worker per queue: one per email
 * kind, and one per handler the modules register (`deps.handlers`, e.g. password reset requests).
 *
 * The workers are our own loop over pg-boss's fetch / complete / fail rather than `boss.work()`:
 * pg-boss 10's work() calls complete() and fail() without awaiting them, so a database error at
 * that moment (such as the embedded database's single connection being busy past the pool's
 * timeout) becomes an unhandled rejection that kills the process, and it gives no way to know
 * when a job in hand has finished at shutdown. Here every call is awaited and logged.
 */
export async function startJobs(deps: JobsDeps): Promise<JobsRuntime> {
  const { config, logger } = deps
  const log = logger.child({ component: 'jobs' })
  const adapter = poolAdapter(deps.pool)
  // The schema is installed at boot; the configured policy is applied under the boot lock, so
  // workers starting together on a fresh database take turns (db/boot.ts).
  await withBootLock(deps.db, (connection) => installJobQueues(connection, config))
  const boss = new PgBoss({
    schema: JOB_SCHEMA,
    db: adapter,
    migrate: false,
    supervise: true, // expiry of stuck jobs, archiving, purging; pg-boss elects one process at a time
    schedule: false,
  })
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'))
  await boss.start()
  const mailer = deps.mailer ?? createMailer(config)
  const handlerDeps: JobHandlerDeps = { db: deps.db, config, mailer }

  const queueWorkers: QueueWorker[] = [
    ...EMAIL_KINDS.map((kind): QueueWorker => ({
      queue: EMAIL_QUEUES[kind],
      run: (job: PgBoss.JobWithMetadata<EmailJobData>) => deliverEmail(handlerDeps, kind, job.id, job.data),
    })),
    ...deps.handlers.map((handler): QueueWorker => ({
      queue: handler.queue,
      run: (job) => handler.run(handlerDeps, job),
      forget: handler.forget,
    })),
  ]

  let stopping = false
  const wakers = new Set<() => void>()
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        wakers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      wakers.add(wake)
    })

  async function runJob(worker: QueueWorker, job: PgBoss.JobWithMetadata<object>): Promise<void> {
    const { queue } = worker
    const fields = { queue, jobId: job.id, try: job.retryCount + 1, tries: job.retryLimit + 1 }
    let outcome
    try {
      outcome = await withTimeout(worker.run(job), HANDLER_TIMEOUT_MS)
    } catch (error) {
      const last = job.retryCount >= job.retryLimit
      if (last && worker.forget) log.error({ ...fields, err: error }, 'job failed on its last try: deleted')
      else if (last) log.error({ ...fields, err: error }, 'job failed on its last try: moved to the dead-letter queue')
      else log.warn({ ...fields, err: error }, 'job failed: it will be retried')
      try {
        if (last && worker.forget) await boss.deleteJob(queue, job.id)
        else await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) })
      } catch (failError) {
        log.error({ ...fields, err: failError }, 'could not record the failure of a job: it will expire and be retried')
      }
      return
    }
    log.info({ ...fields, outcome }, 'job done')
    try {
      if (worker.forget) await boss.deleteJob(queue, job.id)
      else await boss.complete(queue, job.id, outcome)
    } catch (error) {
      // The job expires and is tried again; handlers are idempotent (a delivery record, a token row).
      log.error({ ...fields, err: error }, 'could not complete a job: it will expire and be retried')
    }
  }

  async function work(worker: QueueWorker): Promise<void> {
    while (!stopping) {
      let jobs: PgBoss.JobWithMetadata<object>[] = []
      try {
        jobs = await boss.fetch<object>(worker.queue, { includeMetadata: true, batchSize: 1 })
      } catch (error) {
        log.warn({ queue: worker.queue, err: error }, 'could not fetch jobs')
      }
      for (const job of jobs) await runJob(worker, job)
      if (jobs.length === 0 && !stopping) await sleep(config.jobsPollingIntervalSeconds * 1000)
    }
  }

  async function tidy(): Promise<void> {
    const forget = queueWorkers.filter((w) => w.forget).map((w) => w.queue)
    while (!stopping) {
      try {
        await housekeeping(deps.db, config, forget)
      } catch (error) {
        log.warn({ err: error }, 'housekeeping failed; trying again later')
      }
      if (!stopping) await sleep(HOUSEKEEPING_INTERVAL_MS)
    }
  }

  async function reap(): Promise<void> {
    const queues = queueWorkers.map((w) => w.queue)
    while (!stopping) {
      try {
        const retried = await retryLostJobs(adapter, queues)
        if (retried > 0) log.warn({ retried }, 'retrying jobs a crashed worker left unfinished')
      } catch (error) {
        log.warn({ err: error }, 'could not look for lost jobs; trying again later')
      }
      if (!stopping) await sleep(REAP_INTERVAL_MS)
    }
  }

  const workers = [...queueWorkers.map((worker) => work(worker)), tidy(), reap()]
  log.info({ queues: queueWorkers.map((w) => w.queue), mail: mailer.transport }, 'job workers started')

  let stopped: Promise<void> | undefined
  return {
    boss,
    mailer,
    stop() {
      stopped ??= (async () => {
        stopping = true
        for (const wake of [...wakers]) wake()
        let graceTimer: NodeJS.Timeout | undefined
        const grace = new Promise<'timeout'>((resolve) => {
          graceTimer = setTimeout(() => resolve('timeout'), config.shutdownGraceMs)
        })
        const finished = await Promise.race([Promise.allSettled(workers), grace])
        clearTimeout(graceTimer)
        if (finished === 'timeout')
          log.warn('job workers did not finish within the grace period: their jobs will expire and be retried')
        await boss.stop({ graceful: false, close: false })
        await adapter.drain()
        mailer.close()
        log.info('job workers stopped')
      })()
      return stopped
    },
  }
}
