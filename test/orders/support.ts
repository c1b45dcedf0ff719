import { sql } from 'kysely'
import { afterAll, beforeAll } from 'vitest'
import { EMAIL_QUEUES } from '../../src/platform/jobs/queues.js'
import { CartLinesAddDocument, CheckoutCompleteDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import {
  type Account,
  createProduct,
  createShop,
  createStaff,
  registerCustomer,
  uniqueSku,
  uuidOf,
} from '../support/fixtures.js'

/** The app of an orders test file, its shop (tax rate 8.25%) and a staff member of it. */
export interface OrdersWorld {
  app: TestApp
  shop: string
  staff: Account
}

export async function startOrdersWorld(): Promise<OrdersWorld> {
  const app = await startTestApp()
  const shop = (await createShop(app)).handle
  await app.db.updateTable('shop').set({ tax_rate_bps: 825 }).where('handle', '=', shop).execute()
  const staff = await createStaff(app, shop)
  return { app, shop, staff }
}

/** Starts the test file's app and world before its tests (handing it to `receive`), closes the app after them. */
export function useOrdersWorld(receive: (world: OrdersWorld) => void): void {
  let world: OrdersWorld | undefined
  beforeAll(async () => {
    world = await startOrdersWorld()
    receive(world)
  })
  afterAll(() => world?.app.close())
}

/** The orders tests' helpers, over the world of the file (read when each helper runs). */
export function orderHelpers(world: () => OrdersWorld) {
  /** An ACTIVE product with one variant per entry; answers the variants' global ids. */
  async function variants(...specs: { price?: string; quantity: number }[]): Promise<string[]> {
    const skus = specs.map(() => uniqueSku())
    const product = await createProduct(world().app, world().staff, {
      variants: specs.map((s, i) => ({ sku: skus[i], price: s.price ?? '10.00', quantity: s.quantity })),
    })
    const rows = await world()
      .app.db.selectFrom('product_variant')
      .select(['id', 'sku'])
      .where('product_id', '=', uuidOf(product.id))
      .execute()
    return skus.map((sku) => `gid://shopfront/ProductVariant/${rows.find((r) => r.sku === sku)!.id}`)
  }

  async function stockOf(variantId: string): Promise<number> {
    const row = await world()
      .app.db.selectFrom('product_variant')
      .select('stock')
      .where('id', '=', uuidOf(variantId))
      .executeTakeFirstOrThrow()
    return row.stock
  }

  async function addToCart(account: Account, lines: { variantId: string; quantity: number }[]) {
    const payload = expectNoErrors(
      await world().app.gql(CartLinesAddDocument, { input: { lines } }, { token: account.accessToken }),
    ).cartLinesAdd
    if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors))
    return payload.cart!
  }

  async function checkout(account: Account, key: string, note?: string) {
    return world().app.gql(
      CheckoutCompleteDocument,
      { input: { idempotencyKey: key, note } },
      { token: account.accessToken },
    )
  }

  async function customers(count: number): Promise<Account[]> {
    const accounts: Account[] = []
    for (let i = 0; i < count; i += 20) {
      accounts.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(20, count - i) }, () => registerCustomer(world().app, world().shop)),
        )),
      )
    }
    return accounts
  }

  async function confirmationJobs(orderId: string): Promise<number> {
    const { rows } = await sql<{ count: string }>`
      SELECT count(*) AS count FROM pgboss.job WHERE name = ${EMAIL_QUEUES['order-confirmation']} AND data->>'dedupeKey' = ${orderId}`.execute(
      world().app.db,
    )
    return Number(rows[0].count)
  }

  return { variants, stockOf, addToCart, checkout, customers, confirmationJobs }
}
