import DataLoader from 'dataloader'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type { Viewer } from '../../context.js'
import type { ShopRow, UserRow } from '../../rows.js'
import * as repo from './auth.repository.js'

/** Answers in key order, one per key (the DataLoader contract). */
export function byKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map<K, R>()
  for (const row of rows) map.set(keyOf(row), row)
  return keys.map((key) => map.get(key) ?? null)
}

export function createAuthLoaders(db: Kysely<DB>, viewer: Viewer | null) {
  return {
    shopById: new DataLoader<string, ShopRow | null>(async (ids) =>
      byKey(ids, await repo.findShopsByIds(db, ids), (row) => row.id),
    ),
    shopByHandle: new DataLoader<string, ShopRow | null>(async (handles) =>
      byKey(handles, await repo.findShopsByHandles(db, handles), (row) => row.handle),
    ),
    /** Users of the viewer's shop only: anyone else, and every user for anonymous callers, is null. */
    userById: new DataLoader<string, UserRow | null>(async (ids) =>
      viewer ? byKey(ids, await repo.findUsersByIds(db, viewer.shopId, ids), (row) => row.id) : ids.map(() => null),
    ),
  }
}
