import { recordAudit } from '../../platform/audit.js'
import { enqueueEmail } from '../../platform/jobs/emails.js'
import { fail, userError, type Result } from '../../shared/errors.js'
import type { OrderRow, OrderStatus } from '../../shared/rows.js'
import { requireViewer, type RequestScope } from '../../shared/scope.js'
import { inTransaction } from '../../shared/transaction.js'
import { isStaff } from '../../shared/viewer.js'
import * as auth from '../auth/auth.service.js'
import * as inventory from '../catalog/inventory.service.js'
import * as repo from './orders.repository.js'

// The order state machine: PENDING_PAYMENT -> PAID -> FULFILLED, with cancellation and refunds.

export type Transition = 'cancel' | 'markPaid' | 'fulfill' | 'refund'

const TRANSITIONS: Record<
  Transition,
  { to: OrderStatus; from: OrderStatus[]; customerFrom?: OrderStatus[]; action: string }
> = {
  cancel: {
    to: 'CANCELLED',
    from: ['PENDING_PAYMENT', 'PAID'],
    customerFrom: ['PENDING_PAYMENT'],
    action: 'order.cancelled',
  },
  markPaid: { to: 'PAID', from: ['PENDING_PAYMENT'], action: 'order.paid' },
  fulfill: { to: 'FULFILLED', from: ['PAID'], action: 'order.fulfilled' },
  refund: { to: 'REFUNDED', from: ['PAID', 'FULFILLED'], action: 'order.refunded' },
}

/**
 * Moves an order along its state machine. Staff may do every transition in their shop; a
 * customer may only cancel their own order while it awaits payment. The status check and the
 * change are one conditional UPDATE, so a concurrent duplicate finds the new state and gets
 * INVALID_STATE: cancelling twice restores stock once.
 */
export async function transitionOrder(
  scope: RequestScope,
  orderId: string,
  transition: Transition,
): Promise<Result<{ order: OrderRow }>> {
  const viewer = requireViewer(scope)
  const rule = TRANSITIONS[transition]
  const staff = isStaff(viewer)
  const customerId = staff ? null : viewer.userId
  const allowedFrom = staff ? rule.from : rule.customerFrom
  const notFound = fail(userError('NOT_FOUND', 'This order does not exist', ['input', 'orderId']))
  if (!allowedFrom) return notFound

  return inTransaction(scope.db, async (trx) => {
    const order = await repo.transitionOrder(trx, viewer.shopId, orderId, allowedFrom, rule.to, customerId)
    if (!order) {
      const [current] = await repo.findOrdersByIds(trx, viewer.shopId, [orderId], customerId)
      if (!current) return notFound
      return fail(
        userError('INVALID_STATE', `An order that is ${current.status} cannot be ${rule.to.toLowerCase()}`, [
          'input',
          'orderId',
        ]),
      )
    }
    let stockNotRestored: Record<string, number> = {}
    if (rule.to === 'CANCELLED') {
      const lines = await repo.findOrderLines(trx, order.shop_id, [order.id])
      stockNotRestored = await inventory.returnStock(
        trx,
        order.shop_id,
        lines.filter((l) => l.variant_id !== null).map((l) => ({ variantId: l.variant_id!, quantity: l.quantity })),
      )
    }
    await repo.insertOrderEvent(trx, {
      shop_id: order.shop_id,
      order_id: order.id,
      status: rule.to,
      actor_id: viewer.userId,
    })
    const customer = await auth.findUserContact(trx, order.shop_id, order.customer_id)
    if (!customer) throw new Error(`the customer of order ${order.id} is missing`)
    await enqueueEmail(trx, {
      kind: 'order-status-changed',
      shopId: order.shop_id,
      to: customer.email,
      dedupeKey: `${order.id}:${rule.to}`,
      data: {
        displayName: customer.display_name,
        orderNumber: order.number,
        status: rule.to,
        currencyCode: order.currency_code,
        totalMinor: order.total_minor,
      },
    })
    await recordAudit(trx, {
      shopId: order.shop_id,
      actorId: viewer.userId,
      action: rule.action,
      targetType: 'Order',
      targetId: order.id,
      // Units a cancellation could not put back: their variant was restocked to the maximum meanwhile.
      diff: {
        status: { to: rule.to },
        number: order.number,
        ...(Object.keys(stockNotRestored).length ? { stockNotRestored } : {}),
      },
      requestId: scope.requestId,
    })
    return { ok: true as const, order }
  })
}
