import type { Kysely } from 'kysely'
import { mergeEmbeds, type EmbedMap } from './embed.js'
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

/** Every module's embeds (graphql/embed.ts): the same for every request. */
export const embeds: EmbedMap = mergeEmbeds(modules.map((module) => module.embeds))
