import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  NodeUserEmailVerifiedDocument,
  PasswordResetRequestDocument,
  PasswordResetDocument,
  UserEmailVerifyDocument,
  ViewerEmailVerifiedDocument,
} from '../generated/graphql.js'
import { FAST_JOBS } from '../jobs/support.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createShop, createStaff, registerCustomer, type Account } from '../support/fixtures.js'
import { startSmtpCapture, waitFor, type SmtpCapture } from '../support/smtp.js'

let smtp: SmtpCapture
let app: TestApp
let shopHandle: string
let otherShopHandle: string

beforeAll(async () => {
  smtp = await startSmtpCapture()
  app = await startTestApp({ smtpUrl: smtp.url, ...FAST_JOBS }, { jobs: true })
  shopHandle = (await createShop(app)).handle
  otherShopHandle = (await createShop(app)).handle
})
afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

const unverifiedCustomer = () =>
  registerCustomer(app, shopHandle, `verify-${randomBytes(4).toString('hex')}@example.com`, { verified: false })

/** The verification code of the welcome email the address received. */
async function welcomeCode(email: string): Promise<string> {
  const [mail] = await waitFor(() => smtp.messagesTo(email).length > 0 && smtp.messagesTo(email), 'the welcome email')
  const code = /Verification code: ([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1]
  if (!code) throw new Error(`no code in the welcome email: ${mail.text}`)
  return code
}

const verify = async (code: string, handle = shopHandle) =>
  expectNoErrors(await app.gql(UserEmailVerifyDocument, { input: { shopHandle: handle, code } })).userEmailVerify

const emailVerifiedOf = async (account: Account) =>
  expectNoErrors(await app.gql(ViewerEmailVerifiedDocument, {}, { token: account.accessToken })).viewer?.user
    .emailVerified

describe('userEmailVerify', () => {
  it('starts a new account unverified', async () => {
    const customer = await unverifiedCustomer()
    expect(await emailVerifiedOf(customer)).toBe(false)
  })

  it('verifies the address with the welcome email code, without a session', async () => {
    const customer = await unverifiedCustomer()
    const payload = await verify(await welcomeCode(customer.email))
    expect(payload.userErrors).toEqual([])
    expect(payload.user).toEqual({ id: customer.globalId, emailVerified: true })
    expect(await emailVerifiedOf(customer)).toBe(true)
  })

  it('keeps the code at rest only as a hash', async () => {
    const customer = await unverifiedCustomer()
    const code = await welcomeCode(customer.email)
    const rows = await app.db
      .selectFrom('email_verification_token')
      .selectAll()
      .where('user_id', '=', customer.userId)
      .execute()
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(code)
    expect(rows[0].token_hash.toString('hex')).not.toContain(Buffer.from(code).toString('hex'))
  })

  it('refuses a code used once already', async () => {
    const customer = await unverifiedCustomer()
    const code = await welcomeCode(customer.email)
    expect((await verify(code)).userErrors).toEqual([])
    const again = await verify(code)
    expect(again.user).toBeNull()
    expect(again.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
  })

  it("refuses a code with another shop's handle and leaves the address unverified", async () => {
    const customer = await unverifiedCustomer()
    const payload = await verify(await welcomeCode(customer.email), otherShopHandle)
    expect(payload.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    expect(await emailVerifiedOf(customer)).toBe(false)
  })

  it('refuses an expired code', async () => {
    const customer = await unverifiedCustomer()
    const code = await welcomeCode(customer.email)
    await app.db
      .updateTable('email_verification_token')
      .set({ created_at: new Date(Date.now() - 8 * 86_400_000), expires_at: new Date(Date.now() - 86_400_000) })
      .where('user_id', '=', customer.userId)
      .execute()
    expect((await verify(code)).userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    expect(await emailVerifiedOf(customer)).toBe(false)
  })

  it.each([['garbage'], ['x'.repeat(10_000)], ['A'.repeat(43)]])(
    'answers INVALID_TOKEN for a forged code %#',
    async (code) => {
      const response = await app.gql(UserEmailVerifyDocument, { input: { shopHandle, code } })
      const payload = expectNoErrors(response).userEmailVerify
      expect(payload.userErrors).toEqual([
        { code: 'INVALID_TOKEN', field: ['input', 'code'], message: expect.any(String) },
      ])
    },
  )

  it('answers INVALID_TOKEN for an unknown shop', async () => {
    const customer = await unverifiedCustomer()
    const payload = await verify(await welcomeCode(customer.email), 'no-such-shop-anywhere')
    expect(payload.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
  })

  it('treats a completed password reset as proof of the address', async () => {
    const customer = await unverifiedCustomer()
    await welcomeCode(customer.email) // the welcome email first, so the next one is the reset
    expectNoErrors(await app.gql(PasswordResetRequestDocument, { input: { shopHandle, email: customer.email } }))
    const resets = () => smtp.messagesTo(customer.email).filter((m) => m.subject === 'Reset your password')
    const [mail] = await waitFor(() => resets().length > 0 && resets(), 'the reset email')
    const token = /Reset code: ([A-Za-z0-9_-]{43})/.exec(mail.text)![1]
    const reset = expectNoErrors(
      await app.gql(PasswordResetDocument, { input: { token, newPassword: 'another long passphrase' } }),
    )
    expect(reset.passwordReset.userErrors).toEqual([])
    const row = await app.db
      .selectFrom('user')
      .select('email_verified_at')
      .where('id', '=', customer.userId)
      .executeTakeFirstOrThrow()
    expect(row.email_verified_at).not.toBeNull()
  })
})

describe('User.emailVerified', () => {
  it('is null, without an error, for another customer', async () => {
    const customer = await unverifiedCustomer()
    const other = await registerCustomer(app, shopHandle)
    const response = await app.gql(
      NodeUserEmailVerifiedDocument,
      { id: customer.globalId },
      { token: other.accessToken },
    )
    expect(expectNoErrors(response).node).toEqual({ emailVerified: null })
  })

  it('is false for staff of the shop until the address is verified', async () => {
    const customer = await unverifiedCustomer()
    const staff = await createStaff(app, shopHandle)
    const read = async () =>
      expectNoErrors(
        await app.gql(NodeUserEmailVerifiedDocument, { id: customer.globalId }, { token: staff.accessToken }),
      ).node
    expect(await read()).toEqual({ emailVerified: false })
    await verify(await welcomeCode(customer.email))
    expect(await read()).toEqual({ emailVerified: true })
  })
})
