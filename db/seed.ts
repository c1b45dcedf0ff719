import type { Kysely } from 'kysely'
import type { Config } from '../src/config.js'
import { modules } from '../src/modules/index.js'
import type { DemoSeed } from '../src/modules/module.js'
import { DEMO_SHOP_HANDLE } from '../src/modules/auth/auth.seed.js'
import { shopHandleExists } from '../src/modules/auth/auth.repository.js'
import type { DB } from './types.js'

export { DEMO_PASSWORD, DEMO_SHOP_HANDLE, DEMO_USERS } from '../src/modules/auth/auth.seed.js'

/**
 * Loads the demo shop once (when no shop has the `demo` handle): every module's seed, in registry
 * order, through the same services the API uses. Answers whether it seeded.
 */
export async function seedDemoData(db: Kysely<DB>, config: Config): Promise<boolean> {
  if (await shopHandleExists(db, DEMO_SHOP_HANDLE)) return false
  const demo: DemoSeed = { db, config }
  for (const module of modules) {
    await module.seed?.(demo)
    // The auth module creates the shop; when another process won the handle, stop there.
    if (!demo.shop) return false
  }
  return true
}
