import type { Kysely } from 'kysely'
import type { Config } from '../src/config.js'
import type { DB } from './types.js'
import { createShop, registerUser } from '../src/modules/auth/auth.service.js'
import { seedCatalog } from '../src/modules/catalog/catalog.seed.js'
import { seedOrders } from '../src/modules/orders/orders.seed.js'
import { seedBlogDemoData } from '../src/modules/blog/blog.seed.js'
import { seedReviews } from '../src/modules/reviews/reviews.seed.js'
import type { UserRow } from '../src/shared/rows.js'

export const DEMO_SHOP_HANDLE = 'demo'
/** Every demo account uses this password (documented in the README). */
export const DEMO_PASSWORD = 'shopfront-demo'

export const DEMO_USERS = {
  admin: { email: 'admin@demo.shopfront.dev', displayName: 'Ada Admin' },
  staff: { email: 'staff@demo.shopfront.dev', displayName: 'Sam Staff' },
  customers: [
    { email: 'alice@example.com', displayName: 'Alice Archer' },
    { email: 'bob@example.com', displayName: 'Bob Baker' },
    { email: 'carol@example.com', displayName: 'Carol Cruz' },
    { email: 'dave@example.com', displayName: 'Dave Doyle' },
  ],
} as const

/**
 * Loads the demo shop once (when no shop has the `demo` handle): an admin, a staff member, a few
 * customers and a catalog of 50 products, created through the same services the API uses. Answers
 * whether it seeded.
 */
export async function seedDemoData(db: Kysely<DB>, config: Config): Promise<boolean> {
  const existing = await db.selectFrom('shop').select('id').where('handle', '=', DEMO_SHOP_HANDLE).executeTakeFirst()
  if (existing) return false
  const scope = { db, config, requestId: 'seed', requestStartedAt: new Date(), clientAddress: 'seed' }
  const created = await createShop(scope, {
    handle: DEMO_SHOP_HANDLE,
    name: 'Shopfront Demo Store',
    currencyCode: 'USD',
    taxRateBasisPoints: 825,
    admin: { ...DEMO_USERS.admin, password: DEMO_PASSWORD },
  })
  // Another process seeding at the same moment won the handle: nothing left to do.
  if (!created.ok) return false
  const shopId = created.shop.id
  const staff = await registerUser(scope, { shopHandle: DEMO_SHOP_HANDLE, ...DEMO_USERS.staff, password: DEMO_PASSWORD })
  if (!staff.ok) throw new Error(`seeding staff failed: ${staff.errors.map((e) => e.message).join(', ')}`)
  await db.updateTable('user').set({ role: 'STAFF' }).where('shop_id', '=', shopId).where('id', '=', staff.user.id).execute()
  const customers: UserRow[] = []
  for (const customer of DEMO_USERS.customers) {
    const result = await registerUser(scope, { shopHandle: DEMO_SHOP_HANDLE, ...customer, password: DEMO_PASSWORD })
    if (!result.ok) throw new Error(`seeding ${customer.email} failed: ${result.errors.map((e) => e.message).join(', ')}`)
    customers.push(result.user)
  }
  await seedCatalog(db, shopId, staff.user.id, created.shop.currency_code)
  await seedOrders(db, config, shopId, customers.map((c) => c.id), staff.user.id)
  await seedReviews(db, shopId, customers.map((c) => c.id), staff.user.id)
  await seedBlogDemoData(db, { admin: created.user, staff: { ...staff.user, role: 'STAFF' }, customers })
  return true
}

