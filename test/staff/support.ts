import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import {
  CartLinesAddDocument,
  CheckoutCompleteDocument,
  OrderCancelDocument,
  OrderMarkPaidDocument,
} from '../generated/graphql.js'
import { createProduct, uniqueSku } from '../support/fixtures.js'
import { expectNoErrors, type TestApp } from '../support/app.js'
import type { Account } from '../support/fixtures.js'

/**
 * Places an order of one unit at `price` as `customer` (a new product made by `staff`), then moves
 * it to `status` as staff. Answers the order's global id.
 */
export async function placeOrder(
  app: TestApp,
  staff: Account,
  customer: Account,
  price: string,
  status: 'PENDING_PAYMENT' | 'PAID' | 'CANCELLED' = 'PAID',
): Promise<string> {
  const sku = uniqueSku()
  const product = await createProduct(app, staff, { variants: [{ sku, price, quantity: 5 }] })
  const variant = await app.db
    .selectFrom('product_variant')
    .select('id')
    .where('sku', '=', sku)
    .executeTakeFirstOrThrow()
  const added = expectNoErrors(
    await app.gql(
      CartLinesAddDocument,
      { input: { lines: [{ variantId: `gid://shopfront/ProductVariant/${variant.id}`, quantity: 1 }] } },
      { token: customer.accessToken },
    ),
  ).cartLinesAdd
  if (added.userErrors.length) throw new Error(JSON.stringify(added.userErrors))
  const placed = expectNoErrors(
    await app.gql(
      CheckoutCompleteDocument,
      { input: { idempotencyKey: randomBytes(8).toString('hex') } },
      { token: customer.accessToken },
    ),
  ).checkoutComplete
  if (!placed.order) throw new Error(JSON.stringify(placed.userErrors))
  void product
  const variables = { input: { orderId: placed.order.id } }
  const options = { token: staff.accessToken }
  if (status === 'PAID') {
    const payload = expectNoErrors(await app.gql(OrderMarkPaidDocument, variables, options)).orderMarkPaid
    if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors))
  } else if (status === 'CANCELLED') {
    const payload = expectNoErrors(await app.gql(OrderCancelDocument, variables, options)).orderCancel
    if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors))
  }
  return placed.order.id
}

/**
 * Resolves once `count` backends of the app's database wait for a lock: the way to know that
 * concurrent requests have reached the lock a test holds, without sleeping for it.
 */
export async function untilLockWaiters(app: TestApp, count: number): Promise<void> {
  for (let tries = 0; tries < 2000; tries++) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(app.db)
    if (rows[0].n >= count) return
    await new Promise((resolve) => setImmediate(resolve))
  }
  throw new Error(`fewer than ${count} backends ever waited for a lock`)
}

export function uuidOf(globalId: string): string {
  return globalId.slice(globalId.lastIndexOf('/') + 1)
}
