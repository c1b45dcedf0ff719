import DataLoader from 'dataloader'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { byKey } from '../../shared/batch.js'
import { isStaff, type Viewer } from '../../shared/viewer.js'
import type { UserRow } from '../../shared/rows.js'
import * as authRepo from '../auth/auth.repository.js'

export function createStaffLoaders(db: Kysely<DB>, viewer: Viewer | null) {
  return {
    /** Staff only: live accounts of the viewer's shop by id, as `Customer`s; null for everyone else. */
    customerById: new DataLoader<string, UserRow | null>(async (ids) =>
      viewer && isStaff(viewer)
        ? byKey(ids, await authRepo.findUsersByIds(db, viewer.shopId, ids), (row) => row.id)
        : ids.map(() => null),
    ),
  }
}
