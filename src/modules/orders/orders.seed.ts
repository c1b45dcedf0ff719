import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type { Config } from '../../config.js'
import type { Viewer } from '../../shared/viewer.js'
import { systemScope } from '../../shared/scope.js'
import * as inventory from '../catalog/inventory.service.js'
import * as cart from './cart.service.js'
import * as orderState from './order-state.service.js'
import * as repo from './orders.repository.js'
import * as orders from './orders.service.js'

/** What each demo order goes through after checkout. */
const PLANS: ('markPaid' | 'fulfill' | 'cancel' | 'refund')[][] = [
  ['markPaid', 'fulfill'],
  ['markPaid'],
  [],
  ['cancel'],
  ['markPaid', 'fulfill', 'refund'],
  ['markPaid', 'fulfill'],
  [],
  ['markPaid'],
  ['markPaid', 'fulfill'],
  ['markPaid'],
  ['markPaid', 'fulfill'],
  ['cancel'],
  ['markPaid'],
  ['markPaid', 'fulfill'],
  [],
  ['markPaid'],
]

/** Order i was placed this many days ago, so the sales reports have a few weeks to show. */
const daysAgo = (i: number) => (PLANS.length - 1 - i) * 2

/**
 * Demo orders: the demo customers check out sixteen carts over the last month through the real services (stock is
 * taken, numbers assigned, emails queued) and staff move them through the states.
 */
export async function seedOrders(
  db: Kysely<DB>,
  config: Config,
  shopId: string,
  customerIds: readonly string[],
  staffId: string,
): Promise<void> {
  const variants = await inventory.findStockedVariants(db, shopId, 10, 16)
  if (variants.length < 2 || customerIds.length === 0) return
  const as = (viewer: Viewer) => systemScope(db, config, viewer, 'seed')
  const staff = as({ userId: staffId, shopId, role: 'STAFF', tokenId: 'seed' })
  const bulkhead = orders.createCheckoutBulkhead(config)
  for (const [i, plan] of PLANS.entries()) {
    const customer = as({ userId: customerIds[i % customerIds.length], shopId, role: 'CUSTOMER', tokenId: 'seed' })
    const lines = [
      { variantId: variants[(i * 2) % variants.length].id, quantity: 1 + (i % 3) },
      { variantId: variants[(i * 2 + 1) % variants.length].id, quantity: 1 },
    ]
    const added = await cart.addCartLines(customer, lines)
    if (!added.ok) throw new Error(`seeding a cart failed: ${added.errors.map((e) => e.message).join(', ')}`)
    const placed = await orders.completeCheckout(customer, { idempotencyKey: `seed-${i}` }, bulkhead)
    if (!placed.ok) throw new Error(`seeding an order failed: ${placed.errors.map((e) => e.message).join(', ')}`)
    for (const step of plan) {
      const moved = await orderState.transitionOrder(staff, placed.order.id, step)
      if (!moved.ok) throw new Error(`seeding an order state failed: ${moved.errors.map((e) => e.message).join(', ')}`)
    }
    await repo.backdateOrderForSeed(db, shopId, placed.order.id, daysAgo(i))
  }
}
