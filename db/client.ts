import { Kysely, PostgresDialect, type LogEvent } from 'kysely'
import pg from 'pg'
import type { DB } from './types.js'

// bigint (int8) and numeric arrive as strings by default; counts and sums we keep small enough for
// JS numbers are cast in SQL where needed. Timestamps stay Date objects.

export interface DatabaseOptions {
  url: string
  /** Pool size; the embedded database serves exactly one connection. */
  max?: number
  connectionTimeoutMillis?: number
  statementTimeoutMs?: number
  idleInTransactionTimeoutMs?: number
  /** Called for every statement Kysely runs (tests count statements with it). */
  onQuery?: (event: LogEvent) => void
  onPoolError?: (error: Error) => void
}

export interface Database {
  readonly db: Kysely<DB>
  readonly pool: pg.Pool
  close(): Promise<void>
}

/** One pg.Pool and one Kysely over it: the only way the app reaches PostgreSQL. */
export function openDatabase(options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 2_000,
    // Sent as startup parameters, so every connection has them before its first query.
    statement_timeout: options.statementTimeoutMs ?? 5_000,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 10_000,
    application_name: 'shopfront',
  })
  // An idle client that loses its server emits here; without a listener it would crash the process.
  pool.on('error', (error) => options.onPoolError?.(error))
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: options.onQuery,
  })
  let closed = false
  return {
    db,
    pool,
    async close() {
      if (closed) return
      closed = true
      await db.destroy() // ends the pool too
    },
  }
}
