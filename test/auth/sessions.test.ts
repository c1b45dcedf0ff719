import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import jwt from 'jsonwebtoken'
import {
  PasswordChangeDocument,
  SessionCreateDocument,
  SessionRefreshDocument,
  SessionRevokeDocument,
  UserRegisterDocument,
  ViewerProfileDocument,
} from '../generated/graphql.js'
import { passwordVerifications } from '../../src/platform/security/passwords.js'
import { hashToken } from '../../src/platform/security/tokens.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { PASSWORD, auditActions, createShop, registerCustomer } from '../support/fixtures.js'

let app: TestApp
let shopHandle: string

beforeAll(async () => {
  app = await startTestApp()
  shopHandle = (await createShop(app)).handle
})
afterAll(() => app?.close())

async function liveTokensOf(userId: string) {
  return app.db
    .selectFrom('refresh_token')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('replaced_by', 'is', null)
    .execute()
}

describe('register, log in, refresh, replay', () => {
  it('walks the whole session lifecycle and revokes the family when a retired refresh token is replayed', async () => {
    const email = 'lifecycle@example.com'
    const registered = expectNoErrors(
      await app.gql(UserRegisterDocument, { input: { shopHandle, email, password: PASSWORD, displayName: 'Lee' } }),
    ).userRegister
    expect(registered.userErrors).toEqual([])
    expect(registered.user?.role).toBe('CUSTOMER')

    const login = expectNoErrors(
      await app.gql(SessionCreateDocument, {
        input: { shopHandle, email: 'LIFECYCLE@example.com', password: PASSWORD },
      }),
    ).sessionCreate
    expect(login.userErrors).toEqual([])
    const first = login.session!

    const viewer = expectNoErrors(await app.gql(ViewerProfileDocument, {}, { token: first.accessToken })).viewer
    expect(viewer?.user.email).toBe(email)
    expect(viewer?.shop.handle).toBe(shopHandle)

    const refreshed = expectNoErrors(
      await app.gql(SessionRefreshDocument, { input: { refreshToken: first.refreshToken } }),
    ).sessionRefresh
    expect(refreshed.userErrors).toEqual([])
    const second = refreshed.session!
    expect(second.refreshToken).not.toBe(first.refreshToken)
    const stillWorks = expectNoErrors(await app.gql(ViewerProfileDocument, {}, { token: second.accessToken })).viewer
    expect(stillWorks?.user.email).toBe(email)

    const replay = expectNoErrors(
      await app.gql(SessionRefreshDocument, { input: { refreshToken: first.refreshToken } }),
    ).sessionRefresh
    expect(replay.session).toBeNull()
    expect(replay.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])

    // The whole family is gone: the successor handed out before the replay no longer works.
    const afterReplay = expectNoErrors(
      await app.gql(SessionRefreshDocument, { input: { refreshToken: second.refreshToken } }),
    ).sessionRefresh
    expect(afterReplay.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    const family = await app.db
      .selectFrom('refresh_token')
      .select(['family_id'])
      .where('token_hash', '=', hashToken(first.refreshToken))
      .executeTakeFirstOrThrow()
    const familyTokens = await app.db
      .selectFrom('refresh_token')
      .selectAll()
      .where('family_id', '=', family.family_id)
      .execute()
    expect(familyTokens).toHaveLength(2)
    expect(familyTokens.every((t) => t.revoked_at !== null)).toBe(true)
    // Only that sign-in is affected: the session from registration is another family and lives on.
    const other = expectNoErrors(
      await app.gql(SessionRefreshDocument, { input: { refreshToken: registered.session!.refreshToken } }),
    ).sessionRefresh
    expect(other.userErrors).toEqual([])
    const shop = await app.db.selectFrom('shop').select('id').where('handle', '=', shopHandle).executeTakeFirstOrThrow()
    expect(await auditActions(app, shop.id)).toContain('session.family_revoked')
  })

  it('answers INVALID_CREDENTIALS alike for an unknown email and a wrong password', async () => {
    await registerCustomer(app, shopHandle, 'known@example.com')
    const unknown = expectNoErrors(
      await app.gql(SessionCreateDocument, { input: { shopHandle, email: 'nobody@example.com', password: PASSWORD } }),
    ).sessionCreate
    const wrong = expectNoErrors(
      await app.gql(SessionCreateDocument, {
        input: { shopHandle, email: 'known@example.com', password: 'wrong password!' },
      }),
    ).sessionCreate
    const unknownShop = expectNoErrors(
      await app.gql(SessionCreateDocument, {
        input: { shopHandle: 'no-such-shop', email: 'known@example.com', password: PASSWORD },
      }),
    ).sessionCreate
    expect(unknown.session).toBeNull()
    expect(unknown.userErrors).toEqual(wrong.userErrors)
    expect(unknownShop.userErrors).toEqual(wrong.userErrors)
    expect(wrong.userErrors[0].code).toBe('INVALID_CREDENTIALS')
  })

  it('runs one argon2 verification for an unknown email, an unknown shop and a wrong password alike', async () => {
    // Equal work is what makes the answers take equal time; counting it is deterministic, timing is not.
    await registerCustomer(app, shopHandle, 'timing@example.com')
    const verificationsFor = async (shop: string, email: string) => {
      const before = passwordVerifications.count
      await app.gql(SessionCreateDocument, { input: { shopHandle: shop, email, password: 'not the password' } })
      return passwordVerifications.count - before
    }
    expect(await verificationsFor(shopHandle, 'timing@example.com')).toBe(1)
    expect(await verificationsFor(shopHandle, 'ghost@example.com')).toBe(1)
    expect(await verificationsFor('no-such-shop', 'timing@example.com')).toBe(1)
  })
})

describe('concurrent refresh', () => {
  it('yields exactly one live successor when the same refresh token is presented twice at once', async () => {
    const account = await registerCustomer(app, shopHandle)
    const results = await Promise.all(
      [1, 2].map(() => app.gql(SessionRefreshDocument, { input: { refreshToken: account.refreshToken } })),
    )
    const payloads = results.map((r) => expectNoErrors(r).sessionRefresh)
    const tokens = new Set(payloads.map((p) => p.session?.refreshToken).filter(Boolean))
    // Both callers get the same successor (or one is told to retry); never two live tokens, never none.
    expect(tokens.size).toBe(1)
    const live = await liveTokensOf(account.userId)
    expect(live).toHaveLength(1)
    const next = expectNoErrors(
      await app.gql(SessionRefreshDocument, { input: { refreshToken: [...tokens][0]! } }),
    ).sessionRefresh
    expect(next.userErrors).toEqual([])
  })
})

describe('logout and password change', () => {
  it('sessionRevoke revokes the family of the token', async () => {
    const account = await registerCustomer(app, shopHandle)
    const revoked = expectNoErrors(
      await app.gql(SessionRevokeDocument, { input: { refreshToken: account.refreshToken } }),
    ).sessionRevoke
    expect(revoked).toEqual({ revoked: true, userErrors: [] })
    const refresh = expectNoErrors(
      await app.gql(SessionRefreshDocument, { input: { refreshToken: account.refreshToken } }),
    ).sessionRefresh
    expect(refresh.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
  })

  it('passwordChange revokes every family of the user and writes an audit event', async () => {
    const account = await registerCustomer(app, shopHandle)
    const otherLogin = expectNoErrors(
      await app.gql(SessionCreateDocument, { input: { shopHandle, email: account.email, password: PASSWORD } }),
    ).sessionCreate.session!
    const changed = expectNoErrors(
      await app.gql(
        PasswordChangeDocument,
        { input: { currentPassword: PASSWORD, newPassword: 'a brand new secret' } },
        { token: account.accessToken },
      ),
    ).passwordChange
    expect(changed.userErrors).toEqual([])
    for (const old of [account.refreshToken, otherLogin.refreshToken]) {
      const refresh = expectNoErrors(
        await app.gql(SessionRefreshDocument, { input: { refreshToken: old } }),
      ).sessionRefresh
      expect(refresh.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
    }
    const live = await liveTokensOf(account.userId)
    expect(live).toHaveLength(1) // only the session passwordChange handed back
    const oldPassword = expectNoErrors(
      await app.gql(SessionCreateDocument, { input: { shopHandle, email: account.email, password: PASSWORD } }),
    ).sessionCreate
    expect(oldPassword.userErrors[0]?.code).toBe('INVALID_CREDENTIALS')
    expect(await auditActions(app, account.shopId)).toContain('user.password_changed')
  })

  it('refuses passwordChange with a wrong current password, naming the field', async () => {
    const account = await registerCustomer(app, shopHandle)
    const changed = expectNoErrors(
      await app.gql(
        PasswordChangeDocument,
        { input: { currentPassword: 'not my password', newPassword: 'a brand new secret' } },
        { token: account.accessToken },
      ),
    ).passwordChange
    expect(changed.userErrors).toEqual([
      { code: 'INVALID_CREDENTIALS', field: ['input', 'currentPassword'], message: expect.any(String) },
    ])
  })

  it('refuses passwordChange without a token', async () => {
    const response = await app.gql(PasswordChangeDocument, {
      input: { currentPassword: PASSWORD, newPassword: 'a brand new secret' },
    })
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(response.body.data).toBeNull()
  })

  it('stores refresh tokens only as SHA-256 hashes and passwords as argon2id', async () => {
    const account = await registerCustomer(app, shopHandle)
    const rows = await app.db
      .selectFrom('refresh_token')
      .select('token_hash')
      .where('user_id', '=', account.userId)
      .execute()
    expect(rows).toHaveLength(1)
    expect(rows[0].token_hash).toHaveLength(32)
    expect(rows[0].token_hash.toString('base64url')).not.toBe(account.refreshToken)
    const user = await app.db
      .selectFrom('user')
      .select('password_hash')
      .where('id', '=', account.userId)
      .executeTakeFirstOrThrow()
    expect(user.password_hash.startsWith('$argon2id$')).toBe(true)
  })
})

describe('forged and broken access tokens', () => {
  // The session id is a real one (any uuid would do: an unknown session is not a revoked one).
  const claimsFor = (account: { userId: string; shopId: string }) => ({
    shop: account.shopId,
    role: 'ADMIN',
    sid: randomUUID(),
  })

  it.each([
    [
      'alg none',
      (secret: string, a: { userId: string; shopId: string }) => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
        const now = Math.floor(Date.now() / 1000)
        const body = Buffer.from(
          JSON.stringify({
            ...claimsFor(a),
            sub: a.userId,
            iss: 'shopfront',
            aud: 'shopfront-api',
            iat: now,
            exp: now + 600,
            jti: 'x',
          }),
        ).toString('base64url')
        void secret
        return `${header}.${body}.`
      },
    ],
    [
      'a wrong signature',
      (_secret: string, a: { userId: string; shopId: string }) =>
        jwt.sign(claimsFor(a), 'another-secret-that-is-long-enough-32b', {
          algorithm: 'HS256',
          subject: a.userId,
          issuer: 'shopfront',
          audience: 'shopfront-api',
          expiresIn: 600,
          jwtid: 'x',
        }),
    ],
    [
      'an expired token',
      (secret: string, a: { userId: string; shopId: string }) =>
        jwt.sign(
          { ...claimsFor(a), iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 600 },
          secret,
          {
            algorithm: 'HS256',
            subject: a.userId,
            issuer: 'shopfront',
            audience: 'shopfront-api',
            jwtid: 'x',
          },
        ),
    ],
    [
      'no exp',
      (secret: string, a: { userId: string; shopId: string }) =>
        jwt.sign(claimsFor(a), secret, {
          algorithm: 'HS256',
          subject: a.userId,
          issuer: 'shopfront',
          audience: 'shopfront-api',
          jwtid: 'x',
        }),
    ],
    [
      'a wrong audience',
      (secret: string, a: { userId: string; shopId: string }) =>
        jwt.sign(claimsFor(a), secret, {
          algorithm: 'HS256',
          subject: a.userId,
          issuer: 'shopfront',
          audience: 'someone-else',
          expiresIn: 600,
          jwtid: 'x',
        }),
    ],
    [
      'HS384 instead of the pinned HS256',
      (secret: string, a: { userId: string; shopId: string }) =>
        jwt.sign(claimsFor(a), secret, {
          algorithm: 'HS384',
          subject: a.userId,
          issuer: 'shopfront',
          audience: 'shopfront-api',
          expiresIn: 600,
          jwtid: 'x',
        }),
    ],
    ['garbage', () => 'not.a.jwt'],
  ])('answers 401 UNAUTHENTICATED for %s', async (_name, forge) => {
    const account = await registerCustomer(app, shopHandle)
    const token = forge(app.config.jwtSecret, account)
    const response = await app.gql(ViewerProfileDocument, {}, { token })
    expect(response.status).toBe(401)
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(response.body.data ?? null).toBeNull()
  })

  it('accepts a correctly signed token (the forgeries above differ from it in one way each)', async () => {
    const account = await registerCustomer(app, shopHandle)
    const token = jwt.sign({ shop: account.shopId, role: 'CUSTOMER', sid: randomUUID() }, app.config.jwtSecret, {
      algorithm: 'HS256',
      subject: account.userId,
      issuer: 'shopfront',
      audience: 'shopfront-api',
      expiresIn: 600,
      jwtid: 'x',
    })
    const viewer = expectNoErrors(await app.gql(ViewerProfileDocument, {}, { token })).viewer
    expect(viewer?.user.email).toBe(account.email)
  })

  it('answers 401 for an Authorization header that is not a bearer token', async () => {
    const response = await app.gql(ViewerProfileDocument, {}, { headers: { authorization: 'Basic Zm9vOmJhcg==' } })
    expect(response.status).toBe(401)
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('treats a request without a token as anonymous', async () => {
    const response = await app.gql(ViewerProfileDocument, {})
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data?.viewer).toBeNull()
  })
})
