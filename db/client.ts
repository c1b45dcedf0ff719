import { Kysely, PostgresDialect, type LogEvent, type PostgresPool, type PostgresPoolClient } from 'kysely'
import pg from 'pg'
import { Semaphore } from '../src/shared/semaphore.js'
import { abortable, type Deadline } from './deadline.js'
import type { DB } from './types.js'

// bigint (int8) and numeric arrive as strings by default; counts and sums we keep small enough for
// JS numbers are cast in SQL where needed. Timestamps stay Date objects.

const TIMESTAMPTZ = 1184
const parseTimestamptzSlowly = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date

/**
 * timestamptz as a Date, parsed natively when the session is in UTC ("2026-12-01 22:09:30.117+00",
 * every timestamp of every row): about twice as fast as the general parser, which handles the rest.
 */
export function parseTimestamptz(text: string): Date {
  if (text.length >= 22 && text.charCodeAt(10) === 32 && text.endsWith('+00')) {
    const date = new Date(`${text.slice(0, 10)}T${text.slice(11, -3)}Z`)
    if (!Number.isNaN(date.getTime())) return date
  }
  return parseTimestamptzSlowly(text)
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ && format !== 'binary'
      ? parseTimestamptz
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}

export interface DatabaseOptions {
  url: string
  /** Pool size; the embedded database serves exactly one connection. */
  max?: number
  connectionTimeoutMillis?: number
  statementTimeoutMs?: number
  idleInTransactionTimeoutMs?: number
  /**
   * Whether a request's statements are cancelled at its deadline (a CancelRequest on its own
   * socket, plus `SET LOCAL statement_timeout` to the remaining budget in each transaction).
   * Off for the embedded database, whose socket server does not take cancel requests.
   */
  cancelAtDeadline?: boolean
  /** Called for every statement Kysely runs (tests count statements with it). */
  onQuery?: (event: LogEvent) => void
  /** A connection failed (the server went away, the backend was terminated): logged, never fatal. */
  onPoolError?: (error: Error) => void
}

export interface Database {
  readonly db: Kysely<DB>
  readonly pool: pg.Pool
  /** The connections mutations may hold at once; the rest of the pool is kept for reads. */
  readonly writeShare: number
  close(): Promise<void>
}

/**
 * How many of `max` connections mutations may hold at once: all but a quarter (at least one) kept
 * for reads, so that writes queued on a locked row cannot starve every read. A pool of one cannot
 * be split.
 */
export function writeShareOf(max: number): number {
  return max <= 1 ? 1 : max - Math.max(1, Math.floor(max / 4))
}

/** One pg.Pool and one Kysely over it: the only way the app reaches PostgreSQL. */
export function openDatabase(options: DatabaseOptions): Database {
  const max = options.max ?? 10
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 2_000,
    // Sent as startup parameters, so every connection has them before its first query.
    statement_timeout: options.statementTimeoutMs ?? 5_000,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 10_000,
    application_name: 'shopfront',
    types,
  })
  const onError = (error: Error) => options.onPoolError?.(error)
  // An idle client that loses its server emits on the pool. A checked-out one (its query running
  // when the backend is terminated, the server restarts or fails over) emits on itself, and an
  // 'error' event without a listener kills the process: listen on every client from birth. Its
  // query fails (a masked error for the request), and the pool drops the client when released.
  pool.on('error', onError)
  pool.on('connect', (client) => client.on('error', onError))
  const writeShare = writeShareOf(max)
  const guards = { writeSlots: new Semaphore(writeShare), cancel: options.cancelAtDeadline ?? true }
  // One Kysely per request deadline over the same pool (cheap: a few objects, no connection).
  const over = (deadline: Deadline | null) =>
    new Kysely<DB>({
      dialect: new PostgresDialect({ pool: deadlinePool(pool, guards, deadline) }),
      log: options.onQuery,
    })
  const db = over(null)
  bound.set(db, over)
  let closed = false
  return {
    db,
    pool,
    writeShare,
    async close() {
      if (closed) return
      closed = true
      await db.destroy() // ends the pool too
    },
  }
}

type PatchedClient = pg.PoolClient & PostgresPoolClient

const bound = new WeakMap<Kysely<DB>, (deadline: Deadline) => Kysely<DB>>()

/**
 * The database as one request sees it: the same pool, but every checkout and statement honours
 * `deadline` (see deadlinePool). A Kysely that openDatabase did not make is returned as it is.
 */
export function withDeadline(db: Kysely<DB>, deadline: Deadline): Kysely<DB> {
  return bound.get(db)?.(deadline) ?? db
}

/**
 * The pool as Kysely sees it. Without a deadline (boot, jobs) it is the plain pool. With one (a
 * request's, see withDeadline) every checkout honours it: waiting for a connection (and
 * for a write slot, for mutations) gives up at the deadline, no statement starts after it, a
 * statement running at the deadline is cancelled, and a transaction's statements also carry
 * `statement_timeout` set to the time left (in case the cancel cannot get through).
 */
function deadlinePool(
  pool: pg.Pool,
  options: { writeSlots: Semaphore; cancel: boolean },
  deadline: Deadline | null,
): PostgresPool {
  return {
    async connect() {
      if (!deadline) return pool.connect() as Promise<PatchedClient>
      const freeSlot = deadline.kind === 'write' ? await options.writeSlots.acquire(deadline.signal) : null
      let client: pg.PoolClient
      try {
        client = await abortable(pool.connect(), deadline.signal, (late) => late.release())
      } catch (error) {
        freeSlot?.()
        throw error
      }
      return guardClient(client, deadline, freeSlot, options.cancel)
    },
    end: () => pool.end(),
  }
}

const BEGIN = /^\s*(begin|start transaction)\b/i
const ROLLBACK = /^\s*rollback\b/i

function guardClient(
  client: pg.PoolClient,
  deadline: Deadline,
  freeSlot: (() => void) | null,
  cancel: boolean,
): PatchedClient {
  const query = client.query
  const release = client.release
  let running = 0
  const onAbort = () => {
    if (cancel && running > 0) sendCancelRequest(client)
  }
  deadline.signal.addEventListener('abort', onAbort, { once: true })
  const patched = client as PatchedClient & { query: any; release: any }
  patched.query = function (text: unknown, values?: unknown) {
    if (typeof text !== 'string') return (query as any).call(client, text, values)
    // After the deadline only a rollback may still run: the transaction must not stay open.
    if (deadline.signal.aborted && !ROLLBACK.test(text)) return Promise.reject(deadline.signal.reason)
    let sqlText = text
    const bounded = cancel && BEGIN.test(text) && (!Array.isArray(values) || values.length === 0)
    // One round trip (simple protocol): the transaction's statements end by the deadline at the latest.
    if (bounded) sqlText = `${text}; SET LOCAL statement_timeout = ${Math.max(1, deadline.remainingMs())}`
    running += 1
    const result = (query as any).call(client, sqlText, values) as Promise<any>
    return result.then(
      (value) => {
        running -= 1
        return bounded && Array.isArray(value) ? value[0] : value
      },
      (error) => {
        running -= 1
        throw deadline.signal.aborted ? deadline.signal.reason : error
      },
    )
  }
  patched.release = function (error?: Error | boolean) {
    deadline.signal.removeEventListener('abort', onAbort)
    patched.query = query
    patched.release = release
    freeSlot?.()
    return release.call(client, error)
  }
  return patched
}

/**
 * Cancels whatever `client` is running, with the protocol's CancelRequest on a connection of its
 * own (what pg_cancel_backend does, but it needs no pooled connection, so it works when the pool
 * is exhausted). Best effort: a failure to reach the server only leaves statement_timeout to act.
 */
function sendCancelRequest(client: pg.PoolClient): void {
  const target = client as pg.PoolClient & {
    processID?: number
    secretKey?: number
    connectionParameters?: { host: string; port: number }
  }
  const params = target.connectionParameters
  if (!params || target.processID === undefined || target.secretKey === undefined) return
  const connection = new (pg as any).Connection()
  connection.on('error', () => {})
  connection.on('connect', () => {
    connection.cancel(target.processID, target.secretKey)
    connection.end?.()
  })
  if (params.host.startsWith('/')) connection.connect(`${params.host}/.s.PGSQL.${params.port}`)
  else connection.connect(params.port, params.host)
}
