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
  await db.updateTable('rate_limit').set({ hits: sql`hits - 1` }).where('key', '=', key).where('hits', '>', 1).execute()
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
export async function chargeCostBucket(db: Kysely<DB>, key: string, cost: number, limits: BucketLimits): Promise<BucketState> {
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
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`
}

/**
 * Deletes fixed windows that have ended and cost buckets that have leaked empty: either means the
 * same as no row, so this only keeps the tables small. Run periodically by the job workers.
 */
export async function purgeRateLimits(db: Kysely<DB>, leakPerSecond: number): Promise<number> {
  const windows = await db.deleteFrom('rate_limit').where('reset_at', '<=', sql<Date>`now()`).executeTakeFirst()
  const buckets = await db
    .deleteFrom('cost_bucket')
    .where(sql<boolean>`level - ${leakPerSecond}::double precision * extract(epoch from now() - updated_at) <= 0`)
    .executeTakeFirst()
  return Number(windows.numDeletedRows) + Number(buckets.numDeletedRows)
}
