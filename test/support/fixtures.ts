import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { SessionCreateDocument, ShopCreateDocument, UserRegisterDocument } from '../generated/graphql.js'
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

function uuidOf(globalId: string): string {
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
      input: { handle, name: `Shop ${handle}`, currencyCode: 'USD', admin: { email, password: PASSWORD, displayName: 'Admin' } },
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

/** Registers a customer in the shop and answers the signed-in account. */
export async function registerCustomer(app: TestApp, shopHandle: string, email = `${randomBytes(4).toString('hex')}@example.com`): Promise<Account> {
  const data = expectNoErrors(
    await app.gql(UserRegisterDocument, { input: { shopHandle, email, password: PASSWORD, displayName: 'Customer' } }),
  )
  const payload = data.userRegister
  if (payload.userErrors.length || !payload.user || !payload.session) {
    throw new Error(`userRegister failed: ${JSON.stringify(payload.userErrors)}`)
  }
  const userId = uuidOf(payload.user.id)
  const row = await app.db.selectFrom('user').select('shop_id').where('id', '=', userId).executeTakeFirstOrThrow()
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
export async function createStaff(app: TestApp, shopHandle: string, role: 'STAFF' | 'ADMIN' = 'STAFF'): Promise<Account> {
  const account = await registerCustomer(app, shopHandle, `staff-${randomBytes(4).toString('hex')}@example.com`)
  await app.db.updateTable('user').set({ role }).where('id', '=', account.userId).execute()
  const data = expectNoErrors(await app.gql(SessionCreateDocument, { input: { shopHandle, email: account.email, password: PASSWORD } }))
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
