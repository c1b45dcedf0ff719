import { sql, type RawBuilder } from 'kysely'

// Helpers for DataLoader batch functions: answers in key order, one answer per key.

/** One row (or null) per key, in key order. */
export function byKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map<K, R>()
  for (const row of rows) map.set(keyOf(row), row)
  return keys.map((key) => map.get(key) ?? null)
}

/** The rows of each key (an empty list for none), in key order; rows keep their order within a key. */
export function groupByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>()
  for (const row of rows) {
    const list = groups.get(keyOf(row))
    if (list) list.push(row)
    else groups.set(keyOf(row), [row])
  }
  return keys.map((key) => groups.get(key) ?? [])
}

/**
 * `column = anyOf(ids)`: one array parameter, `= ANY($1::uuid[])`, instead of `IN ($1, ..., $n)`,
 * so a batch of any size is the same statement text and plans in microseconds.
 */
export function anyOf(ids: readonly string[]): RawBuilder<string> {
  return sql<string>`any(${[...ids]}::uuid[])`
}
