import DataLoader from 'dataloader'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { byKey } from '../../shared/batch.js'
import type { AuditEventRow } from '../../shared/rows.js'
import type { Viewer } from '../../shared/viewer.js'
import * as repo from './audit.repository.js'

export function createAuditLoaders(db: Kysely<DB>, viewer: Viewer | null) {
  return {
    /** Admins only: events of the viewer's shop by id; null for everyone else. */
    auditEventById: new DataLoader<string, AuditEventRow | null>(async (ids) =>
      viewer?.role === 'ADMIN'
        ? byKey(ids, await repo.findAuditEventsByIds(db, viewer.shopId, ids), (row) => row.id)
        : ids.map(() => null),
    ),
  }
}
