import DataLoader from 'dataloader'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type { Viewer } from '../../shared/viewer.js'
import type { ShopRow, UserRow } from '../../shared/rows.js'
import { byKey } from '../../shared/batch.js'
import * as repo from './auth.repository.js'

/** A user as named by an object of a shop (a post's author): the shop scopes the lookup. */
export interface PublicUserKey {
  readonly shopId: string
  readonly userId: string
}

const publicUserKey = (key: PublicUserKey) => `${key.shopId}/${key.userId}`

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
    /**
     * Public profiles for attribution (authors of posts and comments), for every reader including
     * anonymous ones: keyed by the shop of the object that names the user, and found only there.
     * Only `displayName`, `id` and `createdAt` are public; the User type's rules guard the rest.
     */
    publicUserById: new DataLoader<PublicUserKey, UserRow | null, string>(
      async (keys) => {
        const rows = await repo.findPublicUsersByShopAndIds(db, keys)
        return byKey(keys.map(publicUserKey), rows, (row) => publicUserKey({ shopId: row.shop_id, userId: row.id }))
      },
      { cacheKeyFn: publicUserKey },
    ),
  }
}
