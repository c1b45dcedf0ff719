import type { UserRow } from '../../shared/rows.js'
import { systemScope } from '../../shared/scope.js'
import type { DemoSeed } from '../module.js'
import { createShop, registerUser } from './auth.service.js'
import { markEmailVerified, setUserRoleForSeed } from './auth.repository.js'

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
 * The demo shop and its people (an admin, a staff member, four customers), created through the
 * same services the API uses. Leaves `demo.shop` unset when another process won the handle first.
 */
export async function seedDemoShop(demo: DemoSeed): Promise<void> {
  const { db, config } = demo
  const scope = systemScope(db, config, null, 'seed')
  const created = await createShop(scope, {
    handle: DEMO_SHOP_HANDLE,
    name: 'Shopfront Demo Store',
    currencyCode: 'USD',
    taxRateBasisPoints: 825,
    admin: { ...DEMO_USERS.admin, password: DEMO_PASSWORD },
  })
  // Another process seeding at the same moment won the handle: nothing left to do.
  if (!created.ok) return
  const shopId = created.shop.id
  const staff = await registerUser(scope, {
    shopHandle: DEMO_SHOP_HANDLE,
    ...DEMO_USERS.staff,
    password: DEMO_PASSWORD,
  })
  if (!staff.ok) throw new Error(`seeding staff failed: ${staff.errors.map((e) => e.message).join(', ')}`)
  await setUserRoleForSeed(db, shopId, staff.user.id, 'STAFF')
  const customers: UserRow[] = []
  for (const customer of DEMO_USERS.customers) {
    const result = await registerUser(scope, { shopHandle: DEMO_SHOP_HANDLE, ...customer, password: DEMO_PASSWORD })
    if (!result.ok)
      throw new Error(`seeding ${customer.email} failed: ${result.errors.map((e) => e.message).join(', ')}`)
    customers.push(result.user)
  }
  // Demo addresses are ours: verified, so the demo shows order emails.
  for (const user of [created.user, staff.user, ...customers]) await markEmailVerified(db, shopId, user.id)
  demo.shop = created.shop
  demo.admin = created.user
  demo.staff = { ...staff.user, role: 'STAFF' }
  demo.customers = customers
}
