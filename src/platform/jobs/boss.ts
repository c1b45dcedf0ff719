import { CompiledQuery, type Kysely } from 'kysely'
import PgBoss from 'pg-boss'
import type pg from 'pg'
import { DEFAULT_RETRY_POLICY, JOB_SCHEMA, queueDefinitions, type RetryPolicy } from './queues.js'

// pg-boss never opens a pool of its own here: every statement it runs goes through the app's
// pg.Pool or a Kysely transaction. Besides sparing connections, that is what makes it work on the
// embedded database, which serves exactly one connection (see db/embedded.ts).

/**
 * A pg-boss `db` that runs its SQL on a Kysely instance or transaction. Given the caller's
 * transaction, a job sent through it commits or rolls back with the business change.
 */
export function adapterFor(executor: Kysely<any>): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      // No parameters: pg uses the simple protocol, which pg-boss's multi-statement plans need.
      const result = await executor.executeQuery(CompiledQuery.raw(text, values ?? []))
      return { rows: result.rows as any[] }
    },
  }
}

/** A pg-boss `db` over the app's pool that can wait for the statements it has under way. */
export interface PoolAdapter extends PgBoss.Db {
  /** Resolves once no statement is under way (the ones started meanwhile included). */
  drain(): Promise<void>
}

/**
 * The background `db` of the job runtime (polling, completion, maintenance). It runs straight on
 * the pool rather than through Kysely, so the app's statement log shows only business queries.
 */
export function poolAdapter(pool: pg.Pool): PoolAdapter {
  const pending = new Set<Promise<unknown>>()
  return {
    executeSql(text: string, values?: unknown[]) {
      const query = pool.query(text, values ?? [])
      pending.add(query)
      const forget = () => pending.delete(query)
      query.then(forget, forget)
      return query as Promise<{ rows: any[] }>
    },
    async drain() {
      // setImmediate lets continuations of settled statements start their next one before we look again.
      while (pending.size > 0) {
        await Promise.allSettled([...pending])
        await new Promise((resolve) => setImmediate(resolve))
      }
    },
  }
}

let sender: PgBoss | undefined

/**
 * A pg-boss instance that only ever sends, each time through the `db` it is handed. It is never
 * started (sending needs no started instance, only the installed schema and queues), so any
 * process can enqueue, whether or not it runs workers.
 */
function jobSender(): PgBoss {
  sender ??= new PgBoss({
    schema: JOB_SCHEMA,
    db: { executeSql: () => Promise.reject(new Error('the job sender runs only on the db passed to send()')) },
    supervise: false,
    schedule: false,
    migrate: false,
  })
  return sender
}

/** Sends a job through `executor` (a transaction, to make it part of it). Null: a job with this id exists. */
export function sendJob(
  executor: Kysely<any>,
  queue: string,
  data: object,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  return jobSender().send(queue, data, { ...options, db: adapterFor(executor) })
}

/** Creates every queue that does not exist yet, then applies the policy to all of them. */
export async function applyQueueDefinitions(boss: PgBoss, policy: RetryPolicy): Promise<void> {
  for (const queue of queueDefinitions(policy)) {
    await boss.createQueue(queue.name, queue)
    await boss.updateQueue(queue.name, queue)
  }
}

/**
 * Installs (or upgrades) pg-boss's schema and creates the queues that do not exist yet, then
 * applies `policy` to every queue. Runs on the boot connection, under the boot lock
 * (db/boot.ts): with the Kysely migrations at boot (default policy), so any process that can reach
 * a migrated database can enqueue, even one that runs no workers; and when a worker runtime starts
 * (the configured policy). Replicas booting together take turns here instead of deadlocking.
 */
export async function installJobQueues(db: Kysely<any>, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<void> {
  const boss = new PgBoss({ schema: JOB_SCHEMA, db: adapterFor(db), supervise: false, schedule: false, migrate: true })
  // No supervision runs on this instance, but an 'error' event without a listener would be fatal.
  boss.on('error', () => {})
  await boss.start() // creates or migrates the schema, under pg-boss's advisory lock
  try {
    await applyQueueDefinitions(boss, policy)
  } finally {
    await boss.stop({ graceful: false })
  }
}
