import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { recordAudit } from '../../platform/audit.js'
import type { Config } from '../../config.js'
import { fail, userError, type Result } from '../../shared/errors.js'
import type { UserRow } from '../../shared/rows.js'
import type { RequestScope } from '../../shared/scope.js'
import { signAccessToken } from '../../platform/security/jwt.js'
import { burnPasswordCheck, verifyPassword } from '../../platform/security/passwords.js'
import { hashToken, looksLikeOpaqueToken, newOpaqueToken, successorToken } from '../../platform/security/tokens.js'
import { clearRateLimit, releaseRateLimit } from '../../platform/ratelimit.js'
import * as repo from './auth.repository.js'
import { inTransaction } from '../../shared/transaction.js'
import { accountKeyOf, countAttempt } from './auth.validation.js'

// Sessions: log in, refresh (rotation with reuse detection), log out.

/** A signed-in session as handed to the client (the `Session` type). */
export interface SessionTokens {
  readonly accessToken: string
  readonly accessTokenExpiresAt: Date
  readonly refreshToken: string
  readonly refreshTokenExpiresAt: Date
}

/** Signs an access token and stores a new refresh token (a new family unless one is given). */
export async function issueSession(
  db: Kysely<DB>,
  config: Config,
  user: Pick<UserRow, 'id' | 'shop_id' | 'role'>,
  refresh: { token: string; familyId: string } = { token: newOpaqueToken(), familyId: randomUUID() },
): Promise<SessionTokens & { refreshTokenId: string }> {
  const now = new Date()
  const refreshTokenExpiresAt = new Date(now.getTime() + config.refreshTokenTtlSeconds * 1000)
  const row = await repo.insertRefreshToken(db, {
    shopId: user.shop_id,
    userId: user.id,
    familyId: refresh.familyId,
    tokenHash: hashToken(refresh.token),
    expiresAt: refreshTokenExpiresAt,
  })
  const access = signAccessToken(
    config,
    { userId: user.id, shopId: user.shop_id, role: user.role, sessionId: refresh.familyId },
    now,
  )
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.token,
    refreshTokenExpiresAt,
    refreshTokenId: row.id,
  }
}

export interface SessionCreateInput {
  shopHandle: string
  email: string
  password: string
}

const INVALID_CREDENTIALS = userError('INVALID_CREDENTIALS', 'Email or password is incorrect')

/**
 * Logs in. An unknown shop, an unknown email and a wrong password all answer the same
 * INVALID_CREDENTIALS after the same argon2 work, so accounts cannot be probed.
 *
 * Failed attempts are counted per (shop, email) and per client address; past the limit every
 * attempt, right or wrong, is THROTTLED until the window ends. A success clears the account's count.
 */
export async function createSession(
  scope: RequestScope,
  input: SessionCreateInput,
): Promise<Result<{ user: UserRow; session: SessionTokens }>> {
  const limits = scope.config.limits
  const accountKey = `login:account:${accountKeyOf(input)}`
  const addressKey = `login:address:${scope.clientAddress}`
  // Count the attempt before checking the password: a success gives its attempt back.
  await countAttempt(
    scope.db,
    limits.loginFailureWindowSeconds,
    [
      [accountKey, limits.loginFailuresPerAccount],
      [addressKey, limits.loginFailuresPerAddress],
    ],
    'Too many failed logins; try again later',
  )
  const failed = () => fail(INVALID_CREDENTIALS)

  const password = input.password.slice(0, 1024)
  const shop = await repo.findShopByHandle(scope.db, input.shopHandle.trim())
  const user = shop ? await repo.findUserByEmail(scope.db, shop.id, input.email.trim()) : undefined
  if (!user) {
    await burnPasswordCheck(password)
    return failed()
  }
  if (!(await verifyPassword(user.password_hash, password))) return failed()
  await clearRateLimit(scope.db, accountKey)
  await releaseRateLimit(scope.db, addressKey)
  const session = await issueSession(scope.db, scope.config, user)
  return { ok: true, user, session }
}

/** How long after its request arrived a refresh may begin and still count as a concurrent twin. */
export const CONCURRENT_REFRESH_GRACE_MS = 1_000

const INVALID_TOKEN = userError('INVALID_TOKEN', 'The refresh token is invalid, expired or revoked', [
  'input',
  'refreshToken',
])

/**
 * Rotates a refresh token: the presented one is retired and its successor returned.
 *
 * Presenting a retired token revokes its whole family (reuse detection: someone holds a copy).
 * The exception is a concurrent duplicate: a request that arrived before the winner rotated the
 * token (two tabs refreshing at once). It gets the same successor the winner got, which it can
 * derive because successors are an HMAC of their predecessor, so the family keeps exactly one
 * live token. A request held past the rotation (by earlier fields of its document) is judged by
 * when its refresh began, so an old request cannot carry a replay past reuse detection.
 */
export async function refreshSession(
  scope: RequestScope,
  input: { refreshToken: string },
): Promise<Result<{ session: SessionTokens }>> {
  const startedAt = Date.now()
  if (!looksLikeOpaqueToken(input.refreshToken)) return fail(INVALID_TOKEN)
  // Not inTransaction: a detected reuse revokes the family and answers INVALID_TOKEN, and that
  // revocation must commit.
  const outcome = await scope.db.transaction().execute(async (trx) => {
    const tokenHash = hashToken(input.refreshToken)
    // The token as every rotation committed so far left it (READ COMMITTED: this statement's own
    // snapshot), read before waiting for the row lock.
    const seen = await repo.findRefreshTokenByHash(trx, tokenHash)
    const row = await repo.lockRefreshTokenByHash(trx, tokenHash)
    if (!row || row.revoked_at !== null || row.expires_at.getTime() <= Date.now()) return fail(INVALID_TOKEN)
    const [user] = await repo.findUsersByIds(trx, row.shop_id, [row.user_id])
    if (!user) return fail(INVALID_TOKEN)
    const successor = successorToken(scope.config.jwtSecret, input.refreshToken)

    if (row.replaced_by !== null) {
      // A twin rotated the token while this refresh ran: the rotation was not committed yet when
      // this refresh read the token, or was made after this refresh's request arrived, if the
      // request reached the refresh within CONCURRENT_REFRESH_GRACE_MS (parsing, cost charge, a
      // busy pool). A request that was held longer (earlier fields of its document, a lock) is
      // judged by when its refresh began, not by when it arrived.
      const arrivedAt = scope.requestStartedAt.getTime()
      const since = startedAt - arrivedAt <= CONCURRENT_REFRESH_GRACE_MS ? arrivedAt : startedAt
      const concurrent = seen?.replaced_by === null || (row.rotated_at !== null && since < row.rotated_at.getTime())
      if (concurrent) {
        const next = await repo.findRefreshTokenByHash(trx, hashToken(successor))
        if (!next || next.revoked_at !== null || next.replaced_by !== null) return fail(INVALID_TOKEN)
        const access = signAccessToken(scope.config, {
          userId: user.id,
          shopId: user.shop_id,
          role: user.role,
          sessionId: row.family_id,
        })
        return {
          ok: true as const,
          session: {
            accessToken: access.token,
            accessTokenExpiresAt: access.expiresAt,
            refreshToken: successor,
            refreshTokenExpiresAt: next.expires_at,
          },
        }
      }
      const revoked = await repo.revokeRefreshFamily(trx, row.family_id)
      await recordAudit(trx, {
        shopId: row.shop_id,
        actorId: null,
        action: 'session.family_revoked',
        targetType: 'User',
        targetId: row.user_id,
        diff: { familyId: row.family_id, reason: 'refresh_token_reuse', tokensRevoked: revoked },
        requestId: scope.requestId,
      })
      return fail(INVALID_TOKEN)
    }

    const session = await issueSession(trx, scope.config, user, { token: successor, familyId: row.family_id })
    await repo.markRefreshTokenRotated(trx, row.id, session.refreshTokenId, new Date())
    return { ok: true as const, session }
  })
  return outcome
}

/** Logs out: revokes the family of the presented refresh token. */
export async function revokeSession(
  scope: RequestScope,
  input: { refreshToken: string },
): Promise<Result<{ revoked: boolean }>> {
  if (!looksLikeOpaqueToken(input.refreshToken)) return fail(INVALID_TOKEN)
  return inTransaction(scope.db, async (trx) => {
    const row = await repo.lockRefreshTokenByHash(trx, hashToken(input.refreshToken))
    if (!row) return fail(INVALID_TOKEN)
    const revoked = await repo.revokeRefreshFamily(trx, row.family_id)
    if (revoked > 0) {
      await recordAudit(trx, {
        shopId: row.shop_id,
        actorId: row.user_id,
        action: 'session.family_revoked',
        targetType: 'User',
        targetId: row.user_id,
        diff: { familyId: row.family_id, reason: 'logout', tokensRevoked: revoked },
        requestId: scope.requestId,
      })
    }
    return { ok: true as const, revoked: revoked > 0 }
  })
}
