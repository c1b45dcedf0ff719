import type { Kysely } from 'kysely'
import type { DB } from '../../db/types.js'
import { modules, type Loaders } from '../modules/index.js'
import type { Viewer } from '../shared/viewer.js'

export type { Loaders }

/** One fresh set of DataLoaders per request: caches never outlive a request or cross viewers. */
export function createLoaders(db: Kysely<DB>, viewer: Viewer | null): Loaders {
  const loaders: Record<string, unknown> = {}
  for (const module of modules) Object.assign(loaders, module.createLoaders(db, viewer))
  return loaders as Loaders
}
