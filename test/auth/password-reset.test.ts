import { randomBytes, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendJob } from '../../src/platform/jobs/boss.js'
import { EMAIL_QUEUES, PASSWORD_RESET_REQUEST_QUEUE } from '../../src/platform/jobs/queues.js'
import { hashToken, passwordResetToken } from '../../src/platform/security/tokens.js'
import {
  PasswordChangeDocument,
  PasswordResetDocument,
  PasswordResetRequestDocument,
  SessionCreateDocument,
  SessionRefreshDocument,
} from '../generated/graphql.js'
import { FAST_JOBS, jobsMention, jobsTo, requestJobsFor } from '../jobs/support.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { PASSWORD, auditActions, createShop, registerCustomer, type Account } from '../support/fixtures.js'
import { startSmtpCapture, waitFor, type SmtpCapture } from '../support/smtp.js'

const NEW_PASSWORD = 'a brand new passphrase'

let smtp: SmtpCapture
/** Runs the workers against the capture server. */
let app: TestApp
let shopHandle: string
/** Runs no workers: request jobs stay where they were enqueued, and its statement log shows the request path alone. */
let quiet: TestApp
let quietShopHandle: string
let quietAccount: Account

beforeAll(async () => {
  smtp = await startSmtpCapture()
  app = await startTestApp({ smtpUrl: smtp.url, ...FAST_JOBS }, { jobs: true })
  shopHandle = (await createShop(app)).handle
  quiet = await startTestApp()
  quietShopHandle = (await createShop(quiet)).handle
  quietAccount = await registerCustomer(quiet, quietShopHandle)
})
afterAll(async () => {
  await app?.close()
  await quiet?.close()
  await smtp?.close()
})

const newCustomer = () => registerCustomer(app, shopHandle, `reset-${randomBytes(4).toString('hex')}@example.com`)
const unknownAddress = () => `nobody-${randomBytes(4).toString('hex')}@example.com`

let addresses = 0
/** A client address of its own for each request, so only the tests about it meet the per-address limit. */
const freshAddress = () => `198.18.${Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`

interface RequestOptions {
  handle?: string
  target?: TestApp
  address?: string
  requestId?: string
}

function sendResetRequest(email: string, options: RequestOptions = {}) {
  const target = options.target ?? app
  const shop = options.handle ?? (target === quiet ? quietShopHandle : shopHandle)
  const headers: Record<string, string> = { 'x-forwarded-for': options.address ?? freshAddress() }
  if (options.requestId) headers['x-request-id'] = options.requestId
  return target.gql(PasswordResetRequestDocument, { input: { shopHandle: shop, email } }, { headers })
}

async function requestReset(email: string, options: RequestOptions = {}) {
  return expectNoErrors(await sendResetRequest(email, options)).passwordResetRequest
}

async function reset(token: string, newPassword = NEW_PASSWORD) {
  return expectNoErrors(await app.gql(PasswordResetDocument, { input: { token, newPassword } })).passwordReset
}

/** The code in the `nth` password reset email received for the address. */
async function resetCode(email: string, nth = 1): Promise<string> {
  const mails = await waitFor(() => {
    const resets = smtp.messagesTo(email).filter((m) => m.subject === 'Reset your password')
    return resets.length >= nth && resets
  }, `password reset email #${nth}`)
  const code = /^Reset code: ([A-Za-z0-9_-]{43})$/m.exec(mails[nth - 1].text)?.[1]
  if (!code) throw new Error(`no reset code in:\n${mails[nth - 1].text}`)
  return code
}

/** Waits until the worker has handled (and deleted) every request job for the email as typed. */
async function handled(email: string): Promise<void> {
  await waitFor(
    async () => (await requestJobsFor(app, email)).length === 0,
    `the reset requests for ${email} to be handled`,
  )
}

const tokensOf = (userId: string) =>
  app.db.selectFrom('password_reset_token').selectAll().where('user_id', '=', userId).orderBy('created_at').execute()

async function queueSize(): Promise<number> {
  const { rows } = await sql<{
    n: number
  }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${PASSWORD_RESET_REQUEST_QUEUE}`.execute(app.db)
  return rows[0].n
}

async function tokenCount(): Promise<number> {
  const row = await app.db
    .selectFrom('password_reset_token')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function login(account: Account, password: string) {
  return expectNoErrors(await app.gql(SessionCreateDocument, { input: { shopHandle, email: account.email, password } }))
    .sessionCreate
}

describe('passwordResetRequest', () => {
  it('emails a one-time code valid for 30 minutes, stored only as its hash', async () => {
    const account = await newCustomer()
    const requestId = `reset-${randomBytes(6).toString('hex')}`
    expect(await requestReset(account.email.toUpperCase(), { requestId })).toEqual({ userErrors: [] })
    const code = await resetCode(account.email)
    const [mail] = smtp.messagesTo(account.email).filter((m) => m.subject === 'Reset your password')
    expect(mail.subject).toBe('Reset your password')
    expect(mail.text).not.toContain(`Shop ${shopHandle}`)

    const rows = await tokensOf(account.userId)
    expect(rows).toHaveLength(1)
    expect(rows[0].token_hash.equals(hashToken(code))).toBe(true)
    const lifetime = rows[0].expires_at.getTime() - rows[0].created_at.getTime()
    expect(lifetime).toBe(30 * 60 * 1000)
    // Neither the job nor its dead letter could leak it: the job carries the row id, not the code.
    const [job] = await jobsTo(app, EMAIL_QUEUES['password-reset'], account.email)
    expect(job.data.data).toMatchObject({ tokenId: rows[0].id })
    expect(JSON.stringify(job.data)).not.toContain(code)
    const audit = await app.db
      .selectFrom('audit_event')
      .select(['actor_id', 'target_id', 'request_id'])
      .where('shop_id', '=', account.shopId)
      .where('action', '=', 'user.password_reset_requested')
      .where('target_id', '=', account.userId)
      .execute()
    expect(audit).toEqual([{ actor_id: null, target_id: account.userId, request_id: requestId }])
  })

  it('answers an unknown email and an unknown shop exactly as a known email', async () => {
    const known = await newCustomer()
    const answers = [
      await sendResetRequest(known.email),
      await sendResetRequest(unknownAddress()),
      await sendResetRequest(known.email, { handle: 'no-such-shop' }),
    ].map((response) => ({ status: response.status, body: response.body }))
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
    expect(answers[0].body.data).toEqual({ passwordResetRequest: { userErrors: [] } })
  })

  it('issues no code and sends no email for an unknown email or shop, and keeps no copy of the address', async () => {
    const unknown = unknownAddress()
    const known = await newCustomer()
    await waitFor(async () => (await queueSize()) === 0, 'the earlier requests to be handled')
    const before = await tokenCount()
    await requestReset(unknown)
    await requestReset(known.email, { handle: 'no-such-shop' })
    await handled(unknown)
    await handled(known.email)
    // The handler enqueues the email in the transaction it issues the code in: handled without one means none ever.
    expect(await jobsTo(app, EMAIL_QUEUES['password-reset'], unknown)).toEqual([])
    expect(await jobsTo(app, EMAIL_QUEUES['password-reset'], known.email)).toEqual([])
    expect(await tokenCount()).toBe(before)
    expect(await jobsMention(app, unknown)).toBe(false)
    expect(smtp.attemptsTo(unknown)).toBe(0)
  })

  it('deletes the request job once handled, so the address it carries is not kept', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    await resetCode(account.email)
    await handled(account.email)
    // Only the email job (to a known account, as for every email) still names the address.
    const [mention] = await sql<{ name: string }>`
      SELECT name FROM pgboss.job WHERE data::text ILIKE ${'%' + account.email + '%'}
      UNION ALL SELECT name FROM pgboss.archive WHERE data::text ILIKE ${'%' + account.email + '%'}`
      .execute(app.db)
      .then((r) => r.rows)
    expect(mention).toEqual({ name: EMAIL_QUEUES['password-reset'] })
  })

  it('issues no second code or email when a request job runs again', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    const code = await resetCode(account.email)
    await handled(account.email)
    const [row] = await tokensOf(account.userId)
    // A worker that issued the code but died before deleting the job: pg-boss hands the job (same id) out again.
    await sendJob(
      app.db,
      PASSWORD_RESET_REQUEST_QUEUE,
      { shopHandle, email: account.email, requestId: 'retry' },
      { id: row.id },
    )
    await handled(account.email)
    expect(await tokensOf(account.userId)).toEqual([row])
    expect(await jobsTo(app, EMAIL_QUEUES['password-reset'], account.email)).toHaveLength(1)
    expect(smtp.messagesTo(account.email).filter((m) => m.subject === 'Reset your password')).toHaveLength(1)
    expect((await reset(code)).userErrors).toEqual([])
  })
})

describe('passwordResetRequest: the request path', () => {
  it('runs the same SQL statements for a known email, an unknown email and an unknown shop, and reads no account', async () => {
    const cases: [string, string][] = [
      [quietShopHandle, quietAccount.email],
      [quietShopHandle, unknownAddress()],
      ['no-such-shop', quietAccount.email],
    ]
    const paths = []
    for (const [handle, email] of cases) {
      quiet.statements.reset()
      const response = await sendResetRequest(email, { target: quiet, handle })
      paths.push({ body: response.body, count: quiet.statements.count, sql: quiet.statements.sql })
    }
    expect(paths[0].body.data).toEqual({ passwordResetRequest: { userErrors: [] } })
    expect(paths[1]).toEqual(paths[0])
    expect(paths[2]).toEqual(paths[0])
    // The operation's cost-bucket charge, two rate-limit counts and one job: nothing that depends on the email.
    expect(paths[0].count).toBe(4)
    expect(paths[0].sql.filter((q) => /"cost_bucket"/.test(q))).toHaveLength(1)
    expect(paths[0].sql.filter((q) => /insert into "rate_limit"/.test(q))).toHaveLength(2)
    expect(paths[0].sql.filter((q) => /insert into pgboss\.job/i.test(q))).toHaveLength(1)
    expect(paths[0].sql.some((q) => /"user"|"shop"|password_reset_token|audit_event/.test(q))).toBe(false)
  })

  it('enqueues one job per request with what the caller typed, trimmed, and nothing looked up', async () => {
    const email = unknownAddress()
    await requestReset(`  ${email.toUpperCase()} `, {
      target: quiet,
      handle: ` ${quietShopHandle.toUpperCase()}`,
      requestId: 'typed-1',
    })
    const jobs = await requestJobsFor(quiet, email.toUpperCase())
    expect(jobs).toEqual([
      {
        id: expect.any(String),
        state: 'created',
        data: { shopHandle: quietShopHandle, email: email.toUpperCase(), requestId: 'typed-1' },
      },
    ])
  })
})

describe('passwordResetRequest: rate limits', () => {
  const throttledError = (response: Awaited<ReturnType<typeof sendResetRequest>>) => {
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
    expect(response.body.data).toBeNull()
    const [error] = response.body.errors ?? []
    expect(error?.extensions).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: expect.any(Number) })
    expect(error.extensions!.retryAfterSeconds).toBeGreaterThan(0)
    expect(error.extensions!.retryAfterSeconds).toBeLessThanOrEqual(15 * 60)
    return { message: error.message, code: error.extensions!.code }
  }

  it('throttles the fourth request for one email within the window, known or not, and not another email', async () => {
    const known = await registerCustomer(quiet, quietShopHandle)
    const unknown = unknownAddress()
    const refusals = []
    for (const email of [known.email, unknown]) {
      for (let i = 0; i < 3; i++)
        expect(await requestReset(i === 1 ? email.toUpperCase() : email, { target: quiet })).toEqual({ userErrors: [] })
      refusals.push(throttledError(await sendResetRequest(email, { target: quiet })))
    }
    expect(refusals[1]).toEqual(refusals[0])
    expect(await requestReset(unknownAddress(), { target: quiet })).toEqual({ userErrors: [] })
    expect(await requestReset(quietAccount.email, { target: quiet, handle: 'another-shop' })).toEqual({
      userErrors: [],
    })
  })

  it('counts a request before doing anything: a throttled one enqueues nothing', async () => {
    const email = unknownAddress()
    for (let i = 0; i < 5; i++) await sendResetRequest(email, { target: quiet })
    expect(await requestJobsFor(quiet, email)).toHaveLength(3)
  })

  it('throttles a client address after 20 requests across emails, and not another address', async () => {
    const address = '192.0.2.55'
    for (let i = 0; i < 20; i++)
      expect(await requestReset(unknownAddress(), { target: quiet, address })).toEqual({ userErrors: [] })
    throttledError(await sendResetRequest(quietAccount.email, { target: quiet, address }))
    expect(await requestReset(quietAccount.email, { target: quiet, address: '192.0.2.56' })).toEqual({ userErrors: [] })
  })

  it('hands the worker the three accepted requests of an account and never the throttled one', async () => {
    const account = await newCustomer()
    for (let i = 0; i < 3; i++) await requestReset(account.email)
    throttledError(await sendResetRequest(account.email))
    await handled(account.email)
    expect(await jobsTo(app, EMAIL_QUEUES['password-reset'], account.email)).toHaveLength(3)
    expect((await tokensOf(account.userId)).filter((t) => t.revoked_at === null)).toHaveLength(1)
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
      const refreshed = expectNoErrors(
        await app.gql(SessionRefreshDocument, { input: { refreshToken } }),
      ).sessionRefresh
      expect(refreshed.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    }
    expect(await auditActions(app, account.shopId)).toContain('user.password_reset')
  })

  it('never lets a concurrent password change and reset both report success: the one that answers ok is the password', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    const code = await resetCode(account.email)
    const [changed, recovered] = await Promise.all([
      app.gql(
        PasswordChangeDocument,
        { input: { currentPassword: PASSWORD, newPassword: 'changed by the session' } },
        { token: account.accessToken },
      ),
      reset(code, 'recovered by the owner'),
    ])
    const change = expectNoErrors(changed).passwordChange
    // A reset that commits first makes the change's verified hash stale (INVALID_CREDENTIALS); a change
    // that commits first revokes the outstanding code (INVALID_TOKEN). Either way exactly one wins, and
    // nobody is told "done" while someone else's password silently replaces theirs.
    const changeWon = change.userErrors.length === 0
    const resetWon = recovered.userErrors.length === 0
    expect(changeWon !== resetWon).toBe(true)
    if (changeWon) expect(recovered.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    else expect(change.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS'])
    const [winner, loser] = changeWon
      ? ['changed by the session', 'recovered by the owner']
      : ['recovered by the owner', 'changed by the session']
    expect((await login(account, winner)).userErrors).toEqual([])
    expect((await login(account, loser)).userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS'])
  })

  it('refuses the code the second time with INVALID_TOKEN', async () => {
    const account = await newCustomer()
    await requestReset(account.email)
    const code = await resetCode(account.email)
    expect((await reset(code)).userErrors).toEqual([])
    const again = await reset(code, 'yet another passphrase')
    expect(again.user).toBeNull()
    expect(again.userErrors).toEqual([
      { code: 'INVALID_TOKEN', field: ['input', 'token'], message: expect.any(String) },
    ])
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
    const results = await Promise.all([
      reset(code, 'first concurrent passphrase'),
      reset(code, 'second concurrent passphrase'),
    ])
    const codes = results.map((r) => r.userErrors.map((e) => e.code).join()).sort()
    expect(codes).toEqual(['', 'INVALID_TOKEN'])
    const winner = results.findIndex((r) => r.userErrors.length === 0)
    const password = ['first concurrent passphrase', 'second concurrent passphrase'][winner]
    expect((await login(account, password)).userErrors).toEqual([])
  })

  it('refuses a malformed or unknown code with INVALID_TOKEN', async () => {
    expect((await reset('not-a-code')).userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    expect((await reset(randomBytes(32).toString('base64url'))).userErrors.map((e) => e.code)).toEqual([
      'INVALID_TOKEN',
    ])
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
