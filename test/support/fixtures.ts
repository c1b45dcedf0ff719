import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import {
  ProductCreateDocument,
  SessionCreateDocument,
  ShopCreateDocument,
  UserRegisterDocument,
  type ProductCreateInput,
} from '../generated/graphql.js'
import { expectNoErrors, type TestApp } from './app.js'

export const PASSWORD = 'correct horse battery'

export interface Account {
  userId: string // UUID
  globalId: string
  shopId: string // UUID
  email: string
  accessToken: string
  refreshToken: string
}

/** The UUID inside a global id (`gid://shopfront/Type/<uuid>`). */
export function uuidOf(globalId: string): string {
  return globalId.slice(globalId.lastIndexOf('/') + 1)
}

export function uniqueHandle(prefix = 'shop'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`
}

/** A new shop; answers its handle and its admin's account. */
export async function createShop(app: TestApp, handle = uniqueHandle()): Promise<{ handle: string; admin: Account }> {
  const email = `admin@${handle}.test`
  const data = expectNoErrors(
    await app.gql(ShopCreateDocument, {
      input: {
        handle,
        name: `Shop ${handle}`,
        currencyCode: 'USD',
        admin: { email, password: PASSWORD, displayName: 'Admin' },
      },
    }),
  )
  const payload = data.shopCreate
  if (payload.userErrors.length || !payload.shop || !payload.user || !payload.session) {
    throw new Error(`shopCreate failed: ${JSON.stringify(payload.userErrors)}`)
  }
  return {
    handle,
    admin: {
      userId: uuidOf(payload.user.id),
      globalId: payload.user.id,
      shopId: uuidOf(payload.shop.id),
      email,
      accessToken: payload.session.accessToken,
      refreshToken: payload.session.refreshToken,
    },
  }
}

/**
 * Registers a customer in the shop and answers the signed-in account. The address is marked verified
 * (as if the welcome email's code had been used) unless `verified: false`: order emails go only to
 * verified addresses, and most tests are about something else.
 */
export async function registerCustomer(
  app: TestApp,
  shopHandle: string,
  email = `${randomBytes(4).toString('hex')}@example.com`,
  options: { verified?: boolean } = {},
): Promise<Account> {
  const data = expectNoErrors(
    await app.gql(UserRegisterDocument, { input: { shopHandle, email, password: PASSWORD, displayName: 'Customer' } }),
  )
  const payload = data.userRegister
  if (payload.userErrors.length || !payload.user || !payload.session) {
    throw new Error(`userRegister failed: ${JSON.stringify(payload.userErrors)}`)
  }
  const userId = uuidOf(payload.user.id)
  const row = await app.db.selectFrom('user').select('shop_id').where('id', '=', userId).executeTakeFirstOrThrow()
  if (options.verified !== false) {
    await app.db
      .updateTable('user')
      .set({ email_verified_at: sql`now()` })
      .where('id', '=', userId)
      .execute()
  }
  return {
    userId,
    globalId: payload.user.id,
    shopId: row.shop_id,
    email,
    accessToken: payload.session.accessToken,
    refreshToken: payload.session.refreshToken,
  }
}

/** Registers a user and promotes them to STAFF directly in the database; answers a fresh login. */
export async function createStaff(
  app: TestApp,
  shopHandle: string,
  role: 'STAFF' | 'ADMIN' = 'STAFF',
): Promise<Account> {
  const account = await registerCustomer(app, shopHandle, `staff-${randomBytes(4).toString('hex')}@example.com`)
  await app.db.updateTable('user').set({ role }).where('id', '=', account.userId).execute()
  const data = expectNoErrors(
    await app.gql(SessionCreateDocument, { input: { shopHandle, email: account.email, password: PASSWORD } }),
  )
  const session = data.sessionCreate.session!
  return { ...account, accessToken: session.accessToken, refreshToken: session.refreshToken }
}

export async function auditActions(app: TestApp, shopId: string): Promise<string[]> {
  const rows = await app.db
    .selectFrom('audit_event')
    .select('action')
    .where('shop_id', '=', shopId)
    .orderBy(sql`created_at`)
    .execute()
  return rows.map((r) => r.action)
}

export function uniqueSku(prefix = 'SKU'): string {
  return `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`
}

/** Creates a product through the API as `staff`; fails the test on any error. */
export async function createProduct(app: TestApp, staff: Account, input: Partial<ProductCreateInput> = {}) {
  const data = expectNoErrors(
    await app.gql(
      ProductCreateDocument,
      {
        input: {
          title: 'Linen Shirt',
          status: 'ACTIVE',
          variants: [{ sku: uniqueSku(), price: '10.00', quantity: 5 }],
          ...input,
        },
      },
      { token: staff.accessToken },
    ),
  )
  const payload = data.productCreate
  if (payload.userErrors.length || !payload.product)
    throw new Error(`productCreate failed: ${JSON.stringify(payload.userErrors)}`)
  return payload.product
}

/** A shop with an author, another customer and staff, plus a second shop with its own staff and customer. */
export interface ShopWorld {
  handle: string
  shopId: string
  admin: Account
  author: Account
  customer: Account
  staff: Account
  otherShopHandle: string
  otherShopStaff: Account
  otherShopCustomer: Account
}

export async function createShopWorld(app: TestApp): Promise<ShopWorld> {
  const shop = await createShop(app)
  const other = await createShop(app)
  return {
    handle: shop.handle,
    shopId: shop.admin.shopId,
    admin: shop.admin,
    author: await registerCustomer(app, shop.handle),
    customer: await registerCustomer(app, shop.handle),
    staff: await createStaff(app, shop.handle),
    otherShopHandle: other.handle,
    otherShopStaff: await createStaff(app, other.handle),
    otherShopCustomer: await registerCustomer(app, other.handle),
  }
}
