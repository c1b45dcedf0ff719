import { sql, type Kysely } from 'kysely'
import type { MigrationResultSet } from 'kysely'
import { migrateToLatest } from './migrate.js'

/**
 * The session-level advisory lock every boot step that changes the database runs under (Kysely
 * migrations, pg-boss's schema and queues, demo seeding, applying the job retry policy), so that
 * replicas booting together on an empty database take turns instead of racing (pg-boss's
 * createQueue deadlocked and its schema creation hit duplicate keys when they did not).
 */
export const BOOT_LOCK_KEY = 7_204_661_923_181n

/**
 * Runs `fn` on one connection holding the boot lock, waiting for it as long as another process
 * holds it (statement_timeout is lifted meanwhile: a replica waits for another's migrations).
 * The lock is a session lock: it goes when the connection does, so a crashed holder frees it.
 */
export async function withBootLock<T>(db: Kysely<any>, fn: (connection: Kysely<any>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`SET statement_timeout = 0`.execute(connection)
    await sql`SELECT pg_advisory_lock(${BOOT_LOCK_KEY.toString()}::bigint)`.execute(connection)
    try {
      return await fn(connection)
    } finally {
      await sql`SELECT pg_advisory_unlock(${BOOT_LOCK_KEY.toString()}::bigint)`.execute(connection)
      await sql`RESET statement_timeout`.execute(connection)
    }
  })
}

export interface PreparedDatabase {
  readonly migrations: MigrationResultSet
  /** Whether `seed` loaded anything. */
  readonly seeded: boolean
}

/**
 * Brings the database up to date under the boot lock: migrations, pg-boss's schema and queues,
 * then `seed` (demo data) when given. Idempotent: a process that finds the work done does nothing.
 */
export async function prepareDatabase(
  db: Kysely<any>,
  options: { seed?: (connection: Kysely<any>) => Promise<boolean> } = {},
): Promise<PreparedDatabase> {
  return withBootLock(db, async (connection) => {
    const migrations = await migrateToLatest(connection)
    const seeded = options.seed ? await options.seed(connection) : false
    return { migrations, seeded }
  })
}
