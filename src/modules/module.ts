// The shape every module exports from its index.ts. Type-only imports: the registry (modules/index.ts)
// is the one runtime list, and nothing here creates an import cycle.
import type { Kysely } from 'kysely'
import type { DB } from '../../db/types.js'
import type { Config } from '../config.js'
import type { Resolvers } from '../generated/graphql.js'
import type { EmbedMap } from '../graphql/embed.js'
import type { NodeFetchers } from '../graphql/node-types.js'
import type { RuleMap } from '../graphql/rules.js'
import type { JobHandler } from '../platform/jobs/runtime.js'
import type { UserRow, ShopRow } from '../shared/rows.js'
import type { Viewer } from '../shared/viewer.js'

/**
 * The demo shop as seeding builds it up: the auth module creates the shop and its people, every
 * later module (in registry order) adds its demo data to it.
 */
export interface DemoSeed {
  readonly db: Kysely<DB>
  readonly config: Config
  shop?: ShopRow
  admin?: UserRow
  staff?: UserRow
  /** The demo customers, in DEMO_USERS order (Alice, Bob, Carol, Dave). */
  customers?: UserRow[]
}

/** The demo shop once the auth module has created it. */
export type SeededShop = Required<DemoSeed>

export interface Module<Loaders extends object = object> {
  /** The domain's name, as its folder is named. */
  readonly name: string
  /** Resolvers of the types and fields its schema file defines. */
  readonly resolvers: Resolvers
  /** A graphql-shield rule for every field it defines (deny is the fallback). */
  readonly rules: RuleMap
  /** How `node(id:)` fetches each of its Node types for this viewer. */
  readonly nodes: NodeFetchers
  /** Its DataLoaders, made fresh for every request. */
  readonly createLoaders: (db: Kysely<DB>, viewer: Viewer | null) => Loaders
  /**
   * Fields of its types (or of other modules' types it extends) that a list can fetch inside its own
   * statement as JSON (graphql/embed.ts), keyed by type and field name.
   */
  readonly embeds?: EmbedMap
  /** The job queues it handles in the worker (the jobs runtime runs them; it knows no module). */
  readonly jobs?: readonly JobHandler[]
  /** Adds its demo data (DEMO_DATA); runs in registry order. */
  readonly seed?: (demo: DemoSeed) => Promise<void>
}

/** The seeded shop, for a module whose seed runs after auth's. */
export function seededShop(demo: DemoSeed): SeededShop {
  if (!demo.shop || !demo.admin || !demo.staff || !demo.customers)
    throw new Error('the auth module seeds the demo shop first')
  return demo as SeededShop
}
