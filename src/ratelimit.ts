import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/types.js'

/**
 * Fixed-window counters kept in PostgreSQL, so every API process sees the same counts. Each
 * operation is one atomic statement: concurrent hits never lose a count.
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
