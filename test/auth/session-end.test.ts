import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import jwt from 'jsonwebtoken'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { revokeRefreshTokensOfUser } from '../../src/modules/auth/auth.repository.js'
import { issuePasswordReset } from '../../src/modules/auth/password.service.js'
import { passwordResetToken } from '../../src/platform/security/tokens.js'
import {
  PasswordChangeDocument,
  PasswordResetDocument,
  SessionCreateDocument,
  SessionRevokeDocument,
  ViewerProfileDocument,
} from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { serverUrl } from '../support/database.js'
import { PASSWORD, createShop, registerCustomer, type Account } from '../support/fixtures.js'

const NEW_PASSWORD = 'another long passphrase'

/** Two API processes on one database, as behind a load balancer. */
let a: TestApp
let b: TestApp
let shopHandle: string

beforeAll(async () => {
  a = await startTestApp()
  // The in-memory PGlite is one process by design: the second app exists on a PostgreSQL server only.
  b = serverUrl() ? await startTestApp({}, { sameDatabaseAs: a }) : a
  shopHandle = (await createShop(a)).handle
})
afterAll(async () => {
  if (b !== a) await b?.close()
  await a?.close()
})

const viewerAt = (app: TestApp, token: string) => app.gql(ViewerProfileDocument, {}, { token })

/** Polls until the app refuses the token (the spec's bound: one second), and answers that refusal. */
async function refusedWithinOneSecond(app: TestApp, token: string) {
  return vi.waitFor(
    async () => {
      const response = await viewerAt(app, token)
      if (response.status !== 401) throw new Error(`still accepted (${response.status})`)
      return response
    },
    { timeout: 1_000, interval: 20 },
  )
}

async function logIn(account: Account, password = PASSWORD) {
  const payload = expectNoErrors(
    await a.gql(SessionCreateDocument, { input: { shopHandle, email: account.email, password } }),
  ).sessionCreate
  expect(payload.userErrors).toEqual([])
  return payload.session!
}

describe('access tokens end with their session', () => {
  it('refuses the access token of a logged-out session on the same process', async () => {
    const account = await registerCustomer(a, shopHandle)
    expect((await viewerAt(a, account.accessToken)).status).toBe(200)
    expectNoErrors(await a.gql(SessionRevokeDocument, { input: { refreshToken: account.refreshToken } }))
    const refused = await refusedWithinOneSecond(a, account.accessToken)
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(refused.body.errors?.[0]?.message).toMatch(/session has ended/)
  })

  it('refuses the logged-out token on another API process within a second', async () => {
    const account = await registerCustomer(a, shopHandle)
    expect((await viewerAt(b, account.accessToken)).status).toBe(200)
    expectNoErrors(await a.gql(SessionRevokeDocument, { input: { refreshToken: account.refreshToken } }))
    expect((await refusedWithinOneSecond(b, account.accessToken)).body.errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    )
  })

  it('ends only the logged-out session: another sign-in of the same user keeps working', async () => {
    const account = await registerCustomer(a, shopHandle)
    const other = await logIn(account)
    expectNoErrors(await a.gql(SessionRevokeDocument, { input: { refreshToken: account.refreshToken } }))
    await refusedWithinOneSecond(b, account.accessToken)
    expect(expectNoErrors(await viewerAt(b, other.accessToken)).viewer?.user.email).toBe(account.email)
  })

  it('ends every older session of the user on a password change, and keeps the new one', async () => {
    const account = await registerCustomer(a, shopHandle)
    const second = await logIn(account)
    const changed = expectNoErrors(
      await a.gql(
        PasswordChangeDocument,
        { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } },
        { token: account.accessToken },
      ),
    ).passwordChange
    expect(changed.userErrors).toEqual([])
    await refusedWithinOneSecond(b, account.accessToken)
    await refusedWithinOneSecond(b, second.accessToken)
    expect(expectNoErrors(await viewerAt(b, changed.session!.accessToken)).viewer?.user.email).toBe(account.email)
  })

  it('ends the sessions of the user on a password reset', async () => {
    const account = await registerCustomer(a, shopHandle)
    const issued = await issuePasswordReset(
      { db: a.db, config: a.config },
      { id: randomUUID(), shopHandle, email: account.email, requestId: 'test' },
    )
    if (!issued.issued) throw new Error('no reset code issued')
    const token = passwordResetToken(a.config.jwtSecret, issued.tokenId)
    const reset = expectNoErrors(
      await a.gql(PasswordResetDocument, { input: { token, newPassword: NEW_PASSWORD } }),
    ).passwordReset
    expect(reset.userErrors).toEqual([])
    await refusedWithinOneSecond(b, account.accessToken)
  })

  it('ends the sessions of a user whose sessions are revoked by revokeRefreshTokensOfUser (role change, deletion)', async () => {
    const account = await registerCustomer(a, shopHandle)
    await a.db.transaction().execute((trx) => revokeRefreshTokensOfUser(trx, account.shopId, account.userId))
    await refusedWithinOneSecond(b, account.accessToken)
  })

  it.skipIf(!serverUrl())('keeps the session when the revoking transaction rolls back', async () => {
    const account = await registerCustomer(a, shopHandle)
    const rolledBack = new Error('roll back')
    await expect(
      a.db.transaction().execute(async (trx) => {
        await revokeRefreshTokensOfUser(trx, account.shopId, account.userId)
        throw rolledBack
      }),
    ).rejects.toBe(rolledBack)
    // A later revocation's notification arrives after the rolled-back one would have: when the
    // second user is refused, the first one's fate is known.
    const witness = await registerCustomer(a, shopHandle)
    await a.db.transaction().execute((trx) => revokeRefreshTokensOfUser(trx, witness.shopId, witness.userId))
    await refusedWithinOneSecond(b, witness.accessToken)
    expect((await viewerAt(b, account.accessToken)).status).toBe(200)
  })

  it('checks the session without SQL: a request with an ended token runs no statement', async () => {
    const account = await registerCustomer(a, shopHandle)
    expectNoErrors(await a.gql(SessionRevokeDocument, { input: { refreshToken: account.refreshToken } }))
    await refusedWithinOneSecond(b, account.accessToken)
    b.statements.reset()
    expect((await viewerAt(b, account.accessToken)).status).toBe(401)
    expect(b.statements.count).toBe(0)
  })

  it('refuses a correctly signed token that carries no session id', async () => {
    const account = await registerCustomer(a, shopHandle)
    const claims = jwt.decode(account.accessToken) as Record<string, unknown>
    const { sid: _sid, ...rest } = claims
    const forged = jwt.sign(rest, a.config.jwtSecret, { algorithm: 'HS256' })
    const response = await viewerAt(a, forged)
    expect(response.status).toBe(401)
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe.skipIf(!serverUrl())('the LISTEN connection', () => {
  it('re-subscribes after its connection is killed and ends sessions revoked meanwhile', async () => {
    const account = await registerCustomer(a, shopHandle)
    const before = b.server.sessions.subscriptionCount
    const disconnected = once(b.server.sessions, 'disconnected')
    const resubscribed = once(b.server.sessions, 'subscribed')
    await sql`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'shopfront-listen' AND pid <> pg_backend_pid()
    `.execute(b.db)
    await disconnected
    // Revoked while b is not listening: its reload after re-subscribing must find it.
    await a.db.transaction().execute((trx) => revokeRefreshTokensOfUser(trx, account.shopId, account.userId))
    await resubscribed
    expect(b.server.sessions.subscriptionCount).toBeGreaterThan(before)
    await refusedWithinOneSecond(b, account.accessToken)
  })

  it('keeps delivering revocations after re-subscribing', async () => {
    const account = await registerCustomer(a, shopHandle)
    const resubscribed = once(b.server.sessions, 'subscribed')
    await sql`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'shopfront-listen' AND pid <> pg_backend_pid()
    `.execute(b.db)
    await resubscribed
    expectNoErrors(await a.gql(SessionRevokeDocument, { input: { refreshToken: account.refreshToken } }))
    await refusedWithinOneSecond(b, account.accessToken)
  })
})
