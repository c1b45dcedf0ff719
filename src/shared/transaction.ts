import type { Kysely } from 'kysely'
import type { DB } from '../../db/types.js'
import type { Result, UserError } from './errors.js'

/** Carries a failed result out of the transaction callback, so that Kysely rolls the transaction back. */
class Rollback {
  constructor(readonly failure: { ok: false; errors: UserError[] }) {}
}

/**
 * The one way a service runs a write: `work` gets the transaction and answers a Result. An ok result
 * commits; a failed one rolls everything back and is answered as it is, so a failed mutation writes
 * nothing. Thrown errors roll back and propagate.
 */
export async function inTransaction<T extends object>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx)
      if (!result.ok) throw new Rollback(result)
      return result
    })
  } catch (error) {
    if (error instanceof Rollback) return error.failure
    throw error
  }
}

/** Whether `error` is PostgreSQL's unique violation (23505) of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | null
  return e?.code === '23505' && e.constraint === constraint
}
