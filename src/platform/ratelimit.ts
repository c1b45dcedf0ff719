import { isIPv4, isIPv6 } from 'node:net'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/types.js'

/**
 * Rate-limit state kept in PostgreSQL, so every API process sees the same counts: fixed-window
 * counters (failed logins) and leaky buckets (the API's cost budget). Each hit or charge is one
 * atomic statement: concurrent requests never lose a count.
 */

export interface WindowState {
  readonly hits: number
  readonly resetAt: Date
}

/** Counts one hit on `key`; a window that has run out starts again at 1. */
export async function hitRateLimit(db: Kysely<DB>, key: string, windowSeconds: number): Promise<WindowState> {
  const row = await db
    .insertInto('rate_limit')
    .values({ key, hits: 1, reset_at: sql`now() + make_interval(secs => ${windowSeconds})` })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`CASE WHEN rate_limit.reset_at <= now() THEN 1 ELSE rate_limit.hits + 1 END`,
        reset_at: sql`CASE WHEN rate_limit.reset_at <= now() THEN now() + make_interval(secs => ${windowSeconds}) ELSE rate_limit.reset_at END`,
      }),
    )
    .returning(['hits', 'reset_at'])
    .executeTakeFirstOrThrow()
  return { hits: row.hits, resetAt: row.reset_at }
}

export async function clearRateLimit(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('key', '=', key).execute()
}

/** Gives one hit back (an attempt that turned out fine); the window disappears at zero. */
export async function releaseRateLimit(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('key', '=', key).where('hits', '<=', 1).execute()
  await db
    .updateTable('rate_limit')
    .set({ hits: sql`hits - 1` })
    .where('key', '=', key)
    .where('hits', '>', 1)
    .execute()
}

export interface BucketLimits {
  readonly capacity: number
  readonly leakPerSecond: number
}

export interface BucketState {
  /** Whether the cost fitted and was added; when false the bucket is unchanged (but for its leak). */
  readonly charged: boolean
  /** Points in the bucket after this charge (or refusal). */
  readonly level: number
}

/**
 * Charges `cost` points to the leaky bucket `key`, only if they fit under `capacity` once the
 * bucket has leaked `leakPerSecond` points per second since its last charge. One upsert under the
 * row lock: two concurrent charges are serialised and never both spend the same room. Time is the
 * database's (one clock for every API process); a statement that started before the last
 * committed charge sees no negative elapsed time and never moves `updated_at` back.
 */
export async function chargeCostBucket(
  db: Kysely<DB>,
  key: string,
  cost: number,
  limits: BucketLimits,
): Promise<BucketState> {
  const elapsed = sql`greatest(0, extract(epoch from now() - cost_bucket.updated_at)::double precision)`
  const leaked = sql<number>`greatest(0, cost_bucket.level - ${limits.leakPerSecond}::double precision * ${elapsed})`
  const fits = sql<boolean>`${leaked} + ${cost}::double precision <= ${limits.capacity}::double precision`
  const fitsEmpty = cost <= limits.capacity
  const row = await db
    .insertInto('cost_bucket')
    .values({ key, level: fitsEmpty ? cost : 0, last_charged: fitsEmpty ? cost : null, updated_at: sql`now()` })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        level: sql`CASE WHEN ${fits} THEN ${leaked} + ${cost}::double precision ELSE ${leaked} END`,
        last_charged: sql`CASE WHEN ${fits} THEN ${cost}::integer ELSE NULL END`,
        updated_at: sql`greatest(cost_bucket.updated_at, now())`,
      }),
    )
    .returning(['level', 'last_charged'])
    .executeTakeFirstOrThrow()
  return { charged: row.last_charged !== null, level: row.level }
}

export interface CostBudgetOptions extends BucketLimits {
  /**
   * How often a process settles what it has charged locally into PostgreSQL, in ms; 0 charges
   * every operation to PostgreSQL synchronously (one upsert per operation).
   */
  readonly settleMs: number
  /** Callers whose state a process keeps between settlements (more are charged synchronously). */
  readonly maxKeys?: number
  /**
   * The handle the timer settles through. Without it, the last handle a charge came with: a
   * request's handle is bound to that request's deadline (db/client.ts withDeadline), so a server
   * passes its own, unbound one.
   */
  readonly settleWith?: Kysely<DB>
}

/** What a process knows of one caller's bucket: PostgreSQL's level at the last sync, plus its own charges since. */
interface LocalBucket {
  level: number
  /** `performance.now()` when `level` was last exact for this process (leak is computed from it). */
  at: number
  /** Points charged here and not yet settled into PostgreSQL. */
  pending: number
}

/**
 * The API's cost budget, shared by every API process through `cost_bucket`, without a write per
 * read. A caller's first operation (or its first after a quiet settle interval) is charged
 * synchronously, with `chargeCostBucket`, which also tells this process the caller's level. Until
 * the next settlement, the process admits or refuses that caller's operations in memory against
 * that level (leaking it by the same rate) and adds what it admits to the caller's pending points;
 * every `settleMs` one statement adds every caller's pending points to PostgreSQL and reads back
 * the levels, which now include the other processes' spend.
 *
 * Bound on over-spend: one process alone never lets a caller spend more than the bucket allows (its
 * view only lags by its own leak, computed exactly). With N API processes, each may spend the room
 * it saw at the last settlement before it learns of the others' spend, so within one settle
 * interval a caller can spend at most N times its remaining room, i.e. at most (N - 1) x capacity
 * points more than one process would allow; the bucket then stands over capacity and every
 * process refuses the caller until it has leaked back under. A refusal is never wrong: the level a
 * process holds is never above PostgreSQL's.
 */
export interface CostBudget {
  charge(db: Kysely<DB>, key: string, cost: number): Promise<BucketState>
  /** Writes the pending points of every caller to PostgreSQL now (the timer does this every `settleMs`). */
  settle(): Promise<void>
  /** Stops the timer and settles what is pending. */
  close(): Promise<void>
}

export function createCostBudget(options: CostBudgetOptions): CostBudget {
  const limits: BucketLimits = { capacity: options.capacity, leakPerSecond: options.leakPerSecond }
  const maxKeys = options.maxKeys ?? 100_000
  const buckets = new Map<string, LocalBucket>()
  let db: Kysely<DB> | null = options.settleWith ?? null
  let settling: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null
  const leakedSince = (bucket: LocalBucket, now: number) =>
    Math.max(0, bucket.level - (limits.leakPerSecond * (now - bucket.at)) / 1000)

  async function settleOnce(): Promise<void> {
    const due = [...buckets].filter(([, bucket]) => bucket.pending > 0)
    // A caller with nothing pending is forgotten: its next operation reads the shared level again.
    for (const [key, bucket] of buckets) if (bucket.pending === 0) buckets.delete(key)
    if (!db || due.length === 0) return
    const keys = due.map(([key]) => key)
    const points = due.map(([, bucket]) => bucket.pending)
    for (const [, bucket] of due) bucket.pending = 0
    const elapsed = sql`greatest(0, extract(epoch from now() - cost_bucket.updated_at)::double precision)`
    try {
      // The points were admitted already: they are added whether or not they fit any more.
      const { rows } = await sql<{ key: string; level: number }>`
        INSERT INTO cost_bucket (key, level, last_charged, updated_at)
        SELECT key, points, points, now() FROM unnest(${keys}::text[], ${points}::integer[]) AS t(key, points)
        ON CONFLICT (key) DO UPDATE SET
          level = greatest(0, cost_bucket.level - ${limits.leakPerSecond}::double precision * ${elapsed}) + excluded.level,
          last_charged = excluded.last_charged,
          updated_at = greatest(cost_bucket.updated_at, now())
        RETURNING key, level`.execute(db)
      const now = performance.now()
      for (const row of rows) {
        const bucket = buckets.get(row.key)
        // Charges admitted while the statement ran are still pending on top of the shared level.
        if (bucket) Object.assign(bucket, { level: row.level + bucket.pending, at: now })
      }
    } catch (error) {
      // The database is away: keep the points for the next settlement rather than forgive them.
      due.forEach(([key, bucket], i) => {
        const current = buckets.get(key) ?? bucket
        current.pending += points[i]
        buckets.set(key, current)
      })
      throw error
    }
  }

  const settle = async (): Promise<void> => {
    while (settling) await settling
    settling = settleOnce().finally(() => {
      settling = null
    })
    return settling
  }

  if (options.settleMs > 0) {
    timer = setInterval(() => {
      settle().catch(() => {
        // Retried at the next tick; the synchronous charges report a database that stays away.
      })
    }, options.settleMs)
    timer.unref()
  }

  return {
    async charge(database, key, cost) {
      if (!options.settleWith) db = database
      const local = options.settleMs > 0 ? buckets.get(key) : undefined
      if (local) {
        const now = performance.now()
        const level = leakedSince(local, now)
        local.at = now
        if (level + cost > limits.capacity) {
          local.level = level
          return { charged: false, level }
        }
        local.level = level + cost
        local.pending += cost
        return { charged: true, level: local.level }
      }
      const state = await chargeCostBucket(database, key, cost, limits)
      if (options.settleMs > 0 && buckets.size < maxKeys) {
        const now = performance.now()
        const known = buckets.get(key)
        // A concurrent first charge got here first: keep the higher (more recent) of the two levels.
        if (known) known.level = Math.max(leakedSince(known, now), state.level)
        else buckets.set(key, { level: state.level, at: now, pending: 0 })
        if (known) known.at = now
      }
      return state
    },
    settle,
    async close() {
      if (timer) clearInterval(timer)
      timer = null
      await settle()
    },
  }
}

/**
 * The address a rate limit counts: IPv4 as it is (IPv4-mapped IPv6 unwrapped), IPv6 reduced to its
 * /64 prefix, which one subscriber usually owns whole: counting single IPv6 addresses would let a
 * client rotate through its /64 and get a fresh limit each time.
 */
export function rateLimitAddress(ip: string | undefined): string {
  if (!ip) return 'unknown'
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return mapped[1]
  if (isIPv4(ip)) return ip
  if (!isIPv6(ip)) return ip
  const [head, tail = ''] = ip.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`
}

/**
 * Deletes fixed windows that have ended and cost buckets that have leaked empty: either means the
 * same as no row, so this only keeps the tables small. Run periodically by the job workers.
 */
export async function purgeRateLimits(db: Kysely<DB>, leakPerSecond: number): Promise<number> {
  const windows = await db
    .deleteFrom('rate_limit')
    .where('reset_at', '<=', sql<Date>`now()`)
    .executeTakeFirst()
  const buckets = await db
    .deleteFrom('cost_bucket')
    .where(sql<boolean>`level - ${leakPerSecond}::double precision * extract(epoch from now() - updated_at) <= 0`)
    .executeTakeFirst()
  return Number(windows.numDeletedRows) + Number(buckets.numDeletedRows)
}

/**
 * Erasure: deletes every fixed window whose key ends with `:<suffix>` (the per-account counters
 * of failed logins and reset requests end with `<shop handle>:<email>`). Answers how many.
 */
export async function clearRateLimitsEndingWith(db: Kysely<DB>, suffix: string): Promise<number> {
  const tail = `:${suffix}`
  const result = await db
    .deleteFrom('rate_limit')
    .where(sql<string>`right(key, ${tail.length})`, '=', tail)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
