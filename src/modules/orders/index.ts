import { type Module, seededShop } from '../module.js'
import { createOrdersLoaders } from './orders.loaders.js'
import { ordersNodes, ordersResolvers } from './orders.resolvers.js'
import { ordersRules } from './orders.rules.js'
import { seedOrders } from './orders.seed.js'

export type OrdersLoaders = ReturnType<typeof createOrdersLoaders>

/** Carts, checkout and the order state machine. */
export const ordersModule: Module<OrdersLoaders> = {
  name: 'orders',
  resolvers: ordersResolvers,
  rules: ordersRules,
  nodes: ordersNodes,
  createLoaders: createOrdersLoaders,
  seed: async (demo) => {
    const { db, config, shop, staff, customers } = seededShop(demo)
    await seedOrders(
      db,
      config,
      shop.id,
      customers.map((c) => c.id),
      staff.id,
    )
  },
}
