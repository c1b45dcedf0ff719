import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { EMAIL_QUEUES } from '../../src/platform/jobs/queues.js'
import { MAX_STOCK } from '../../src/modules/catalog/catalog.validation.js'
import {
  InventorySetDocument,
  OrderCancelDocument,
  OrderFulfillDocument,
  OrderMarkPaidDocument,
  OrderNodeDocument,
  OrderRefundDocument,
  ShopOrderDocument,
  ShopOrdersDocument,
  ViewerOrderDocument,
  ViewerOrdersDocument,
} from '../generated/graphql.js'
import { expectNoErrors, type TestApp } from '../support/app.js'
import { type Account, createShop, createStaff, registerCustomer, uuidOf } from '../support/fixtures.js'
import { orderHelpers, useOrdersWorld } from './support.js'

let app: TestApp, shop: string, staff: Account
useOrdersWorld((world) => ({ app, shop, staff } = world))
const { variants, stockOf, addToCart, checkout, customers } = orderHelpers(() => ({ app, shop, staff }))

describe('order states', () => {
  async function placeOrder(quantity = 1) {
    const [variant] = await variants({ quantity: 10 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity }])
    const order = expectNoErrors(await checkout(customer, `o-${Math.random()}`)).checkoutComplete.order!
    return { variant, customer, order }
  }
  const transition = async <R>(
    doc: TypedDocumentNode<R, { input: { orderId: string } }>,
    orderId: string,
    token: string,
  ) => expectNoErrors(await app.gql(doc, { input: { orderId } }, { token }))

  it('walks PENDING_PAYMENT -> PAID -> FULFILLED -> REFUNDED as staff, with events, emails and audit', async () => {
    const { order } = await placeOrder()
    expect((await transition(OrderMarkPaidDocument, order.id, staff.accessToken)).orderMarkPaid.order?.status).toBe(
      'PAID',
    )
    expect((await transition(OrderFulfillDocument, order.id, staff.accessToken)).orderFulfill.order?.status).toBe(
      'FULFILLED',
    )
    expect((await transition(OrderRefundDocument, order.id, staff.accessToken)).orderRefund.order?.status).toBe(
      'REFUNDED',
    )
    const seen = expectNoErrors(
      await app.gql(ShopOrderDocument, { shop, number: order.number }, { token: staff.accessToken }),
    ).shop!.order!
    expect(seen.events.map((e) => e.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'REFUNDED'])
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = ${EMAIL_QUEUES['order-status-changed']} AND data->>'dedupeKey' LIKE ${uuidOf(order.id) + ':%'}`.execute(
      app.db,
    )
    expect(Number(rows[0].n)).toBe(3)
    const audit = await app.db
      .selectFrom('audit_event')
      .select('action')
      .where('target_id', '=', uuidOf(order.id))
      .orderBy('created_at')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['order.placed', 'order.paid', 'order.fulfilled', 'order.refunded'])
  })

  it.each([
    ['fulfil an unpaid order', OrderFulfillDocument, 'orderFulfill'],
    ['refund an unpaid order', OrderRefundDocument, 'orderRefund'],
  ] as const)('refuses to %s with INVALID_STATE', async (_name, doc, field) => {
    const { order } = await placeOrder()
    const data = (await transition(
      doc as TypedDocumentNode<unknown, { input: { orderId: string } }>,
      order.id,
      staff.accessToken,
    )) as Record<string, { userErrors: { code: string }[] }>
    expect(data[field].userErrors.map((e) => e.code)).toEqual(['INVALID_STATE'])
  })

  it('refuses to cancel a fulfilled order or mark a cancelled one paid', async () => {
    const { order } = await placeOrder()
    await transition(OrderMarkPaidDocument, order.id, staff.accessToken)
    await transition(OrderFulfillDocument, order.id, staff.accessToken)
    expect((await transition(OrderCancelDocument, order.id, staff.accessToken)).orderCancel.userErrors[0]?.code).toBe(
      'INVALID_STATE',
    )
    const other = await placeOrder()
    await transition(OrderCancelDocument, other.order.id, staff.accessToken)
    expect(
      (await transition(OrderMarkPaidDocument, other.order.id, staff.accessToken)).orderMarkPaid.userErrors[0]?.code,
    ).toBe('INVALID_STATE')
  })

  it('lets the customer cancel while unpaid, restoring stock exactly once under concurrent cancels', async () => {
    const { order, variant, customer } = await placeOrder(3)
    expect(await stockOf(variant)).toBe(7)
    const results = await Promise.all(
      Array.from({ length: 5 }, () => transition(OrderCancelDocument, order.id, customer.accessToken)),
    )
    expect(results.filter((r) => r.orderCancel.order?.status === 'CANCELLED')).toHaveLength(1)
    expect(await stockOf(variant)).toBe(10)
  })

  it('cancels an order whose variant was restocked to the maximum, keeping the stock at the maximum', async () => {
    const { order, variant } = await placeOrder(3)
    const set = expectNoErrors(
      await app.gql(
        InventorySetDocument,
        { input: { variantId: variant, quantity: MAX_STOCK, expectedQuantity: 7, reason: 'stocktake' } },
        { token: staff.accessToken },
      ),
    ).inventorySet
    expect(set.userErrors).toEqual([])
    const cancel = await app.gql(OrderCancelDocument, { input: { orderId: order.id } }, { token: staff.accessToken })
    expect(cancel.body.errors).toBeUndefined()
    expect(cancel.body.data?.orderCancel.order?.status).toBe('CANCELLED')
    expect(await stockOf(variant)).toBe(MAX_STOCK)
    const audit = await app.db
      .selectFrom('audit_event')
      .select('diff')
      .where('target_id', '=', uuidOf(order.id))
      .where('action', '=', 'order.cancelled')
      .executeTakeFirstOrThrow()
    expect(audit.diff).toMatchObject({ stockNotRestored: { [uuidOf(variant)]: 3 } })
  })

  it('refuses a customer cancelling their paid order (INVALID_STATE) or marking it paid (FORBIDDEN)', async () => {
    const { order, customer } = await placeOrder()
    const paid = await app.gql(OrderMarkPaidDocument, { input: { orderId: order.id } }, { token: customer.accessToken })
    expect(paid.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    await transition(OrderMarkPaidDocument, order.id, staff.accessToken)
    expect(
      (await transition(OrderCancelDocument, order.id, customer.accessToken)).orderCancel.userErrors[0]?.code,
    ).toBe('INVALID_STATE')
  })
})

describe('who sees orders', () => {
  it('hides a customer’s order from another customer, by number and by node', async () => {
    const [variant] = await variants({ quantity: 5 })
    const [owner, other] = await customers(2)
    await addToCart(owner, [{ variantId: variant, quantity: 1 }])
    const order = expectNoErrors(await checkout(owner, 'mine')).checkoutComplete.order!
    expect(
      expectNoErrors(await app.gql(ViewerOrderDocument, { number: order.number }, { token: other.accessToken })).viewer
        ?.order,
    ).toBeNull()
    expect(
      expectNoErrors(await app.gql(OrderNodeDocument, { id: order.id }, { token: other.accessToken })).node,
    ).toBeNull()
    expect(
      expectNoErrors(await app.gql(OrderNodeDocument, { id: order.id }, { token: owner.accessToken })).node,
    ).toMatchObject({ number: order.number })
    const cancel = expectNoErrors(
      await app.gql(OrderCancelDocument, { input: { orderId: order.id } }, { token: other.accessToken }),
    ).orderCancel
    expect(cancel.userErrors[0]?.code).toBe('NOT_FOUND')
  })

  it('gives staff of another shop nothing: no list, no node, no state change', async () => {
    const [variant] = await variants({ quantity: 5 })
    const owner = await registerCustomer(app, shop)
    await addToCart(owner, [{ variantId: variant, quantity: 1 }])
    const order = expectNoErrors(await checkout(owner, 'theirs')).checkoutComplete.order!
    const otherShop = (await createShop(app)).handle
    const intruder = await createStaff(app, otherShop)
    expect(
      expectNoErrors(await app.gql(OrderNodeDocument, { id: order.id }, { token: intruder.accessToken })).node,
    ).toBeNull()
    const listed = expectNoErrors(await app.gql(ShopOrdersDocument, { shop }, { token: intruder.accessToken })).shop!
      .orders
    expect(listed.totalCount).toBe(0)
    expect(
      expectNoErrors(await app.gql(ShopOrderDocument, { shop, number: order.number }, { token: intruder.accessToken }))
        .shop!.order,
    ).toBeNull()
    const paid = expectNoErrors(
      await app.gql(OrderMarkPaidDocument, { input: { orderId: order.id } }, { token: intruder.accessToken }),
    ).orderMarkPaid
    expect(paid.userErrors[0]?.code).toBe('NOT_FOUND')
  })

  it('refuses Shop.orders to customers with FORBIDDEN and to anonymous callers with UNAUTHENTICATED', async () => {
    const customer = await registerCustomer(app, shop)
    expect(
      (await app.gql(ShopOrdersDocument, { shop }, { token: customer.accessToken })).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN')
    expect((await app.gql(ShopOrdersDocument, { shop })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('pages the viewer’s orders newest first', async () => {
    const [variant] = await variants({ quantity: 10 })
    const customer = await registerCustomer(app, shop)
    for (let i = 0; i < 3; i++) {
      await addToCart(customer, [{ variantId: variant, quantity: 1 }])
      await checkout(customer, `page-${i}`)
    }
    const first = expectNoErrors(await app.gql(ViewerOrdersDocument, { first: 2 }, { token: customer.accessToken }))
      .viewer!.orders
    expect(first.totalCount).toBe(3)
    expect(first.nodes[0].number).toBeGreaterThan(first.nodes[1].number)
    const rest = expectNoErrors(
      await app.gql(
        ViewerOrdersDocument,
        { first: 2, after: first.pageInfo.endCursor },
        { token: customer.accessToken },
      ),
    ).viewer!.orders
    expect(rest.nodes).toHaveLength(1)
    expect(rest.pageInfo.hasNextPage).toBe(false)
  })

  it('filters the shop’s orders by status for staff', async () => {
    const [variant] = await variants({ quantity: 10 })
    const customer = await registerCustomer(app, shop)
    await addToCart(customer, [{ variantId: variant, quantity: 1 }])
    const order = expectNoErrors(await checkout(customer, 'filter-me')).checkoutComplete.order!
    await app.gql(OrderMarkPaidDocument, { input: { orderId: order.id } }, { token: staff.accessToken })
    const paid = expectNoErrors(
      await app.gql(ShopOrdersDocument, { shop, first: 100, filter: { status: 'PAID' } }, { token: staff.accessToken }),
    ).shop!.orders
    expect(paid.nodes.every((o) => o.status === 'PAID')).toBe(true)
    expect(paid.nodes.some((o) => o.number === order.number)).toBe(true)
  })
})
