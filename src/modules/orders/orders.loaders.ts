import DataLoader from 'dataloader'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { isStaff, type Viewer } from '../../shared/viewer.js'
import type { CartLineRow, CartRow, OrderEventRow, OrderLineRow, OrderRow } from '../../shared/rows.js'
import { byKey, groupByKey } from '../../shared/batch.js'
import * as repo from './orders.repository.js'

export function createOrdersLoaders(db: Kysely<DB>, viewer: Viewer | null) {
  // Staff see every order of their shop; a customer only their own; anonymous callers none.
  const customerScope = viewer && !isStaff(viewer) ? viewer.userId : null
  return {
    /** Orders the viewer may see, by id. */
    orderById: new DataLoader<string, OrderRow | null>(async (ids) =>
      viewer
        ? byKey(ids, await repo.findOrdersByIds(db, viewer.shopId, ids, customerScope), (row) => row.id)
        : ids.map(() => null),
    ),
    orderLinesByOrderId: new DataLoader<string, OrderLineRow[]>(async (ids) =>
      viewer
        ? groupByKey(ids, await repo.findOrderLines(db, viewer.shopId, ids), (row) => row.order_id)
        : ids.map(() => []),
    ),
    orderEventsByOrderId: new DataLoader<string, OrderEventRow[]>(async (ids) =>
      viewer
        ? groupByKey(ids, await repo.findOrderEvents(db, viewer.shopId, ids), (row) => row.order_id)
        : ids.map(() => []),
    ),
    /** The viewer's own cart by id (carts are never anyone else's business). */
    cartById: new DataLoader<string, CartRow | null>(async (ids) =>
      viewer
        ? byKey(
            ids,
            (await repo.findCartsByIds(db, viewer.shopId, ids)).filter((cart) => cart.user_id === viewer.userId),
            (row) => row.id,
          )
        : ids.map(() => null),
    ),
    /** Staff only: what each customer of the viewer's shop has bought (zeros for none). */
    orderStatsByCustomerId: new DataLoader<string, repo.CustomerOrderStats>(async (ids) => {
      const rows = viewer && isStaff(viewer) ? await repo.findCustomerOrderStats(db, viewer.shopId, ids) : []
      return byKey(ids, rows, (row) => row.customer_id).map(
        (row, i) => row ?? { customer_id: ids[i], order_count: 0, total_spent_minor: '0', last_order_at: null },
      )
    }),
    cartLinesByCartId: new DataLoader<string, CartLineRow[]>(async (ids) =>
      viewer
        ? groupByKey(ids, await repo.findCartLines(db, viewer.shopId, ids), (row) => row.cart_id)
        : ids.map(() => []),
    ),
  }
}
