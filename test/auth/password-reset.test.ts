import { randomBytes, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EMAIL_QUEUES } from '../../src/jobs/queues.js'
import { hashToken, passwordResetToken } from '../../src/security/tokens.js'
import {
  PasswordChangeDocument,
  PasswordResetDocument,
  PasswordResetRequestDocument,
  SessionCreateDocument,
  SessionRefreshDocument,
} from '../generated/graphql.js'
import { FAST_JOBS, jobsTo } from '../jobs/support.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { PASSWORD, auditActions, createShop, registerCustomer, type Account } from '../support/fixtures.js'
import { startSmtpCapture, waitFor, type SmtpCapture } from '../support/smtp.js'

const NEW_PASSWORD = 'a brand new passphrase'

let smtp: SmtpCapture
let app: TestApp
let shopHandle: string

beforeAll(async () => {
  smtp = await startSmtpCapture()
  app = await startTestApp({ smtpUrl: smtp.url, ...FAST_JOBS }, { jobs: true })
  shopHandle = (await createShop(app)).handle
})
afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

const newCustomer = () => registerCustomer(app, shopHandle, `reset-${randomBytes(4).toString('hex')}@example.com`)

async function requestReset(email: string, handle = shopHandle) {
  return expectNoErrors(await app.gql(PasswordResetRequestDocument, { input: { shopHandle: handle, email } })).passwordResetRequest
}

async function reset(token: string, newPassword = NEW_PASSWORD) {
  return expectNoErrors(await app.gql(PasswordResetDocument, { input: { token, newPassword } })).passwordReset
}

/** The code in the `nth` password reset email received for the address. */
async function resetCode(email: string, nth = 1): Promise<string> {
  const mails = await waitFor(() => {
    const resets = smtp.messagesTo(email).filter((m) => m.subject.endsWith('reset your password'))
    return resets.length >= nth && resets
  }, `password reset email #${nth}`)
  const code = /^Reset code: ([A-Za-z0-9_-]{43})$/m.exec(mails[nth - 1].text)?.[1]
  if (!code) throw new Error(`no reset code in:\n${mails[nth - 1].text}`)
  return code
}

async function login(account: Account, password: string) {
  return expectNoErrors(await app.gql(SessionCreateDocument, { input: { shopHandle, email: account.email, password } })).sessionCreate
}

describe('passwordResetRequest', () => {
  it('emails a one-time code valid for 30 minutes, stored only as its hash', async () => {
    const account = await newCustomer()
    expect(await requestReset(account.email.toUpperCase())).toEqual({ userErrors: [] })
    const code = await resetCode(account.email)
    const [mail] = smtp.messagesTo(account.email).filter((m) => m.subject.endsWith('reset your password'))
    expect(mail.subject).toBe(`Shop ${shopHandle}: reset your password`)

    const rows = await app.db.selectFrom('password_reset_token').selectAll().where('user_id', '=', account.userId).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0].token_hash.equals(hashToken(code))).toBe(true)
    const lifetime = rows[0].expires_at.getTime() - rows[0].created_at.getTime()
    expect(lifetime).toBe(30 * 60 * 1000)
    // Neither the job nor its dead letter could leak it: the job carries the row id, not the code.
    const [job] = await jobsTo(app, EMAIL_QUEUES['password-reset'], account.email)
    expect(job.data.data).toMatchObject({ tokenId: rows[0].id })
    expect(JSON.stringify(job.data)).not.toContain(code)
    expect(await auditActions(app, account.shopId)).toContain('user.password_reset_requested')
  })

  it('answers an unknown email and an unknown shop exactly as a known email, and sends nothing', async () => {
    const known = await newCustomer()
    const unknownEmail = `nobody-${randomBytes(4).toString('hex')}@example.com`
    const answers = [await requestReset(known.email), await requestReset(unknownEmail), await requestReset(known.email, 'no-such-shop')]
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
    // Jobs are enqueued inside the mutation's transaction: none now means none ever.
    expect(await jobsTo(app, EMAIL_QUEUES['password-reset'], unknownEmail)).toEqual([])
    expect(await jobsTo(app, EMAIL_QUEUES['password-reset'], known.email)).toHaveLength(1)
    await resetCode(known.email)
    expect(smtp.attemptsTo(unknownEmail)).toBe(0)
  })
})

describe('passwordReset', () => {
  it('sets the new password with the emailed code, signs out every session and records an audit event', async () => {
    const account = await newCustomer()
    const second = (await login(account, PASSWORD)).session!
    await requestReset(account.email)
    const result = await reset(await resetCode(account.email))
    expect(result.userErrors).toEqual([])
    expect(result.user?.email).toBe(account.email)

    expect((await login(account, PASSWORD)).userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS'])
    expect((await login(account, NEW_PASSWORD)).userErrors).toEqual([])
    for (const refreshToken of [account.refreshToken, second.refreshToken]) {
      const refreshed = expectNoErrors(await app.gql(SessionRefreshDocument, { input: { refreshToken } })).sessionRefresh
      expect(refreshed.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    }
    expect(await auditActions(app, account.shopId)).toContain('user.password_reset')
  })

  it('refuses the code the second time with INVALID_TOKEN', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    const code = await resetCode(account.email)
    expect((await reset(code)).userErrors).toEqual([])
    const again = await reset(code, 'yet another passphrase')
    expect(again.user).toBeNull()
    expect(again.userErrors).toEqual([{ code: 'INVALID_TOKEN', field: ['input', 'token'], message: expect.any(String) }])
    expect((await login(account, NEW_PASSWORD)).userErrors).toEqual([])
  })

  it('refuses an expired code with INVALID_TOKEN', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    const code = await resetCode(account.email)
    await app.db
      .updateTable('password_reset_token')
      .set({ created_at: sql`now() - interval '31 minutes'`, expires_at: sql`now() - interval '1 minute'` })
      .where('user_id', '=', account.userId)
      .execute()
    expect((await reset(code)).userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    expect((await login(account, PASSWORD)).userErrors).toEqual([])
  })

  it('refuses a code that a newer request replaced, and takes the newer one', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    await requestReset(account.email)
    const first = await resetCode(account.email, 1)
    const second = await resetCode(account.email, 2)
    expect(second).not.toBe(first)
    expect((await reset(first)).userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    expect((await reset(second)).userErrors).toEqual([])
  })

  it('refuses a weak password with WEAK_PASSWORD and leaves the code usable', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    const code = await resetCode(account.email)
    const weak = await reset(code, 'short')
    expect(weak.userErrors.map((e) => [e.code, e.field])).toEqual([['WEAK_PASSWORD', ['input', 'newPassword']]])
    expect((await reset(code, account.email)).userErrors.map((e) => e.code)).toEqual(['WEAK_PASSWORD'])
    expect((await reset(code)).userErrors).toEqual([])
  })

  it('lets exactly one of two concurrent resets with one code succeed', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    const code = await resetCode(account.email)
    const results = await Promise.all([reset(code, 'first concurrent passphrase'), reset(code, 'second concurrent passphrase')])
    const codes = results.map((r) => r.userErrors.map((e) => e.code).join()).sort()
    expect(codes).toEqual(['', 'INVALID_TOKEN'])
    const winner = results.findIndex((r) => r.userErrors.length === 0)
    const password = ['first concurrent passphrase', 'second concurrent passphrase'][winner]
    expect((await login(account, password)).userErrors).toEqual([])
  })

  it('refuses a malformed or unknown code with INVALID_TOKEN', async () => {
    expect((await reset('not-a-code')).userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    expect((await reset(randomBytes(32).toString('base64url'))).userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
  })
})

describe('outstanding codes', () => {
  it('stops an outstanding code working once the password is changed', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    const code = await resetCode(account.email)
    const changed = expectNoErrors(
      await app.gql(
        PasswordChangeDocument,
        { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } },
        { token: account.accessToken },
      ),
    ).passwordChange
    expect(changed.userErrors).toEqual([])
    expect((await reset(code, 'yet another passphrase')).userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    expect((await login(account, NEW_PASSWORD)).userErrors).toEqual([])
  })

  it('revokes the other live codes of the user when one is used', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    const code = await resetCode(account.email)
    // A second live code (as a request handled out of order could leave): no path may keep it working.
    const otherId = randomUUID()
    const other = passwordResetToken(app.config.jwtSecret, otherId)
    await app.db
      .insertInto('password_reset_token')
      .values({
        id: otherId,
        shop_id: account.shopId,
        user_id: account.userId,
        token_hash: hashToken(other),
        expires_at: sql`now() + interval '30 minutes'`,
      })
      .execute()
    expect((await reset(code)).userErrors).toEqual([])
    expect((await reset(other, 'yet another passphrase')).userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    expect((await login(account, NEW_PASSWORD)).userErrors).toEqual([])
  })
})
