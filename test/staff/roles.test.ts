import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderEmail } from '../../src/platform/jobs/email.templates.js'
import { EMAIL_QUEUES } from '../../src/platform/jobs/queues.js'
import { passwordResetToken } from '../../src/platform/security/tokens.js'
import {
  PasswordResetDocument,
  SessionCreateDocument,
  SessionRefreshDocument,
  StaffInviteDocument,
  StaffViewerRoleDocument,
  UserRoleUpdateDocument,
} from '../generated/graphql.js'
import { jobsTo } from '../jobs/support.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { PASSWORD, createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'
import { untilLockWaiters } from './support.js'

let app: TestApp
let shop: string
let admin: Account
let staff: Account
let other: { handle: string; admin: Account }

beforeAll(async () => {
  app = await startTestApp()
  ;({ handle: shop, admin } = await createShop(app))
  staff = await createStaff(app, shop)
  other = await createShop(app)
})
afterAll(() => app?.close())

const invite = (
  viewer: Account | null,
  input: { email: string; role: 'STAFF' | 'ADMIN' | 'CUSTOMER'; displayName?: string },
) => app.gql(StaffInviteDocument, { input }, { token: viewer?.accessToken })
const setRole = (viewer: Account | null, userId: string, role: 'STAFF' | 'ADMIN' | 'CUSTOMER') =>
  app.gql(UserRoleUpdateDocument, { input: { userId, role } }, { token: viewer?.accessToken })
const codes = (response: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  response.body.errors?.map((e) => e.extensions?.code)

async function roleOf(userId: string): Promise<string> {
  return (await app.db.selectFrom('user').select('role').where('id', '=', userId).executeTakeFirstOrThrow()).role
}

async function refreshWorks(account: Account): Promise<boolean> {
  const payload = expectNoErrors(
    await app.gql(SessionRefreshDocument, { input: { refreshToken: account.refreshToken } }),
  ).sessionRefresh
  return payload.session !== null
}

async function auditOf(userId: string, action: string) {
  return app.db
    .selectFrom('audit_event')
    .selectAll()
    .where('target_id', '=', userId)
    .where('action', '=', action)
    .execute()
}

describe('staffInvite', () => {
  it('creates a STAFF account for a new address and queues an invitation with a 30-minute code that sets its password', async () => {
    const email = `new-staff-${Date.now()}@example.com`
    const payload = expectNoErrors(await invite(admin, { email, role: 'STAFF', displayName: 'New Staff' })).staffInvite
    expect(payload.userErrors).toEqual([])
    expect(payload).toMatchObject({ created: true, user: { email, role: 'STAFF', displayName: 'New Staff' } })
    const userId = payload.user!.id.slice(payload.user!.id.lastIndexOf('/') + 1)

    const [job] = await jobsTo(app, EMAIL_QUEUES['password-reset'], email)
    expect(job.data.data).toMatchObject({ invitedRole: 'STAFF', tokenId: expect.any(String) })
    const token = await app.db
      .selectFrom('password_reset_token')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow()
    expect(token.id).toBe(job.data.data.tokenId)
    expect(token.expires_at.getTime() - token.created_at.getTime()).toBe(30 * 60 * 1000)

    // Nobody can sign in before the code is used.
    const early = expectNoErrors(
      await app.gql(SessionCreateDocument, { input: { shopHandle: shop, email, password: PASSWORD } }),
    ).sessionCreate
    expect(early.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS'])
    const code = passwordResetToken(app.config.jwtSecret, token.id)
    const reset = expectNoErrors(
      await app.gql(PasswordResetDocument, { input: { token: code, newPassword: PASSWORD } }),
    ).passwordReset
    expect(reset.userErrors).toEqual([])
    const again = expectNoErrors(
      await app.gql(PasswordResetDocument, { input: { token: code, newPassword: 'another password 1' } }),
    ).passwordReset
    expect(again.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    const session = expectNoErrors(
      await app.gql(SessionCreateDocument, { input: { shopHandle: shop, email, password: PASSWORD } }),
    ).sessionCreate
    const viewer = expectNoErrors(await app.gql(StaffViewerRoleDocument, {}, { token: session.session!.accessToken }))
    expect(viewer.viewer!.user.role).toBe('STAFF')
    expect(await auditOf(userId, 'staff.invited')).toMatchObject([
      { actor_id: admin.userId, diff: { created: true, after: { role: 'STAFF' } } },
    ])
  })

  it('words the email as an invitation to the role, with the code', () => {
    const mail = renderEmail(
      'password-reset',
      {
        displayName: 'Kim',
        tokenId: '00000000-0000-4000-8000-000000000001',
        expiresAt: new Date(0).toISOString(),
        invitedRole: 'ADMIN',
      },
      { shopName: 'Demo', secret: 's'.repeat(32) },
    )
    expect(mail.subject).toBe('Demo: you are invited to the team')
    expect(mail.text).toContain('ADMIN account')
    expect(mail.text).toContain(passwordResetToken('s'.repeat(32), '00000000-0000-4000-8000-000000000001'))
  })

  it('promotes an existing customer, queues no email, and ends their sessions', async () => {
    const customer = await registerCustomer(app, shop)
    const payload = expectNoErrors(
      await invite(admin, { email: customer.email.toUpperCase(), role: 'ADMIN' }),
    ).staffInvite
    expect(payload).toMatchObject({ created: false, userErrors: [], user: { id: customer.globalId, role: 'ADMIN' } })
    expect(await roleOf(customer.userId)).toBe('ADMIN')
    expect(await jobsTo(app, EMAIL_QUEUES['password-reset'], customer.email)).toEqual([])
    expect(await refreshWorks(customer)).toBe(false)
    expect(await auditOf(customer.userId, 'staff.invited')).toMatchObject([
      { diff: { created: false, before: { role: 'CUSTOMER' }, after: { role: 'ADMIN' } } },
    ])
  })

  it('refuses an account that is already staff, the role CUSTOMER and a malformed email', async () => {
    expect(
      expectNoErrors(await invite(admin, { email: staff.email, role: 'ADMIN' })).staffInvite.userErrors.map((e) => [
        e.code,
        e.field,
      ]),
    ).toEqual([['INVALID_STATE', ['input', 'email']]])
    expect(await roleOf(staff.userId)).toBe('STAFF')
    const customerRole = expectNoErrors(
      await invite(admin, { email: 'someone@example.com', role: 'CUSTOMER' }),
    ).staffInvite
    expect(customerRole.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['input', 'role']]])
    const malformed = expectNoErrors(await invite(admin, { email: 'not an email', role: 'STAFF' })).staffInvite
    expect(malformed.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['input', 'email']]])
  })

  it('creates one account under two concurrent invitations of one new address', async () => {
    const email = `twice-${Date.now()}@example.com`
    const payloads = await Promise.all([
      invite(admin, { email, role: 'STAFF' }),
      invite(admin, { email, role: 'STAFF' }),
    ])
    const results = payloads.map((r) => expectNoErrors(r).staffInvite)
    expect(results.filter((p) => p.created)).toHaveLength(1)
    expect(results.filter((p) => !p.created).flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(['INVALID_STATE'])
    const rows = await app.db.selectFrom('user').select('id').where('email', '=', email).execute()
    expect(rows).toHaveLength(1)
  })

  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to customers and staff', async () => {
    const customer = await registerCustomer(app, shop)
    expect(codes(await invite(null, { email: 'x1@example.com', role: 'STAFF' }))).toEqual(['UNAUTHENTICATED'])
    expect(codes(await invite(customer, { email: 'x2@example.com', role: 'STAFF' }))).toEqual(['FORBIDDEN'])
    expect(codes(await invite(staff, { email: 'x3@example.com', role: 'STAFF' }))).toEqual(['FORBIDDEN'])
    expect(
      await app.db
        .selectFrom('user')
        .select('id')
        .where('email', 'in', ['x1@example.com', 'x2@example.com', 'x3@example.com'])
        .execute(),
    ).toEqual([])
  })

  it('lets another shop’s admin touch only their own shop: our customer with that email stays a customer', async () => {
    const customer = await registerCustomer(app, shop)
    const payload = expectNoErrors(await invite(other.admin, { email: customer.email, role: 'ADMIN' })).staffInvite
    expect(payload.created).toBe(true)
    expect(await roleOf(customer.userId)).toBe('CUSTOMER')
    expect(await refreshWorks(customer)).toBe(true)
  })
})

describe('userRoleUpdate', () => {
  it('changes a customer to STAFF, audits it and ends the user’s sessions', async () => {
    const customer = await registerCustomer(app, shop)
    const payload = expectNoErrors(await setRole(admin, customer.globalId, 'STAFF')).userRoleUpdate
    expect(payload).toEqual({ user: { id: customer.globalId, role: 'STAFF' }, userErrors: [] })
    expect(await refreshWorks(customer)).toBe(false)
    expect(await auditOf(customer.userId, 'user.role_changed')).toMatchObject([
      {
        actor_id: admin.userId,
        diff: { before: { role: 'CUSTOMER' }, after: { role: 'STAFF' }, sessionFamiliesRevoked: 1 },
      },
    ])
  })

  it('demotes an admin while another admin remains', async () => {
    const second = await createStaff(app, shop, 'ADMIN')
    expect(expectNoErrors(await setRole(admin, second.globalId, 'STAFF')).userRoleUpdate.userErrors).toEqual([])
    expect(await roleOf(second.userId)).toBe('STAFF')
  })

  it('refuses to demote the last ADMIN, themself included, and changes nothing', async () => {
    const { admin: only } = await createShop(app)
    const payload = expectNoErrors(await setRole(only, only.globalId, 'STAFF')).userRoleUpdate
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_STATE', ['input', 'role']]])
    expect(await roleOf(only.userId)).toBe('ADMIN')
    expect(await refreshWorks(only)).toBe(true)
  })

  it('leaves one ADMIN when two admins demote each other at the same moment', async () => {
    const { handle, admin: a } = await createShop(app)
    const b = await createStaff(app, handle, 'ADMIN')
    // Hold the shop row so both requests reach the lock before either decides, then let them go.
    const pending = await app.db.transaction().execute(async (trx) => {
      await trx.selectFrom('shop').select('id').where('handle', '=', handle).forNoKeyUpdate().execute()
      const both = Promise.all([setRole(a, b.globalId, 'STAFF'), setRole(b, a.globalId, 'STAFF')])
      await untilLockWaiters(app, 2)
      return { both }
    })
    const results = (await pending.both).map((r) => expectNoErrors(r).userRoleUpdate)
    expect(results.filter((p) => p.userErrors.length === 0)).toHaveLength(1)
    expect(results.flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(['INVALID_STATE'])
    expect([await roleOf(a.userId), await roleOf(b.userId)].sort()).toEqual(['ADMIN', 'STAFF'])
  })

  it('answers NOT_FOUND to another shop’s admin naming our user, and changes nothing', async () => {
    const customer = await registerCustomer(app, shop)
    const payload = expectNoErrors(await setRole(other.admin, customer.globalId, 'ADMIN')).userRoleUpdate
    expect(payload.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND'])
    expect(await roleOf(customer.userId)).toBe('CUSTOMER')
  })

  it('refuses an id that is not a User id with BAD_USER_INPUT', async () => {
    expect(codes(await setRole(admin, `gid://shopfront/Product/${admin.userId}`, 'STAFF'))).toEqual(['BAD_USER_INPUT'])
    expect(codes(await setRole(admin, 'nonsense', 'STAFF'))).toEqual(['BAD_USER_INPUT'])
  })

  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to customers and staff (staff cannot manage staff)', async () => {
    const customer = await registerCustomer(app, shop)
    expect(codes(await setRole(null, customer.globalId, 'STAFF'))).toEqual(['UNAUTHENTICATED'])
    expect(codes(await setRole(customer, customer.globalId, 'ADMIN'))).toEqual(['FORBIDDEN'])
    expect(codes(await setRole(staff, customer.globalId, 'STAFF'))).toEqual(['FORBIDDEN'])
    expect(codes(await setRole(staff, admin.globalId, 'CUSTOMER'))).toEqual(['FORBIDDEN'])
    expect(await roleOf(customer.userId)).toBe('CUSTOMER')
    expect(await roleOf(admin.userId)).toBe('ADMIN')
  })
})
