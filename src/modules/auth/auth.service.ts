import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { recordAudit } from '../../platform/audit.js'
import type { Config } from '../../config.js'
import type { Viewer } from '../../shared/viewer.js'
import { fail, throttled, userError, type Result, type UserError } from '../../shared/errors.js'
import { enqueueEmail } from '../../platform/jobs/emails.js'
import { enqueuePasswordResetRequest, type PasswordResetRequestJobData } from '../../platform/jobs/password-reset.js'
import { isCurrencyCode } from '../../shared/money.js'
import type { ShopRow, UserRow } from '../../shared/rows.js'
import { signAccessToken } from '../../platform/security/jwt.js'
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from '../../platform/security/passwords.js'
import {
  hashToken,
  looksLikeOpaqueToken,
  newOpaqueToken,
  passwordResetToken,
  successorToken,
} from '../../platform/security/tokens.js'
import { clearRateLimit, hitRateLimit, releaseRateLimit } from '../../platform/ratelimit.js'
import { checkLength } from '../../shared/validation.js'
import * as repo from './auth.repository.js'

/** What every auth service function needs from the request. */
export interface AuthScope {
  readonly db: Kysely<DB>
  readonly config: Config
  readonly requestId: string
  readonly requestStartedAt: Date
  /** The client's address, for per-address rate limits. */
  readonly clientAddress: string
}

/** A signed-in session as handed to the client (the `Session` type). */
export interface SessionTokens {
  readonly accessToken: string
  readonly accessTokenExpiresAt: Date
  readonly refreshToken: string
  readonly refreshTokenExpiresAt: Date
}

const HANDLE = /^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$/
// Deliberately simple: one @, no spaces, a dot in the domain. Delivery is the real test.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/

function checkText(value: string, field: string[], label: string, max: number, errors: UserError[]): string {
  return checkLength(value, field, label, { min: 1, max }, errors)
}

function checkEmail(value: string, field: string[], errors: UserError[]): string {
  const email = value.trim()
  if (email.length > 254 || !EMAIL.test(email)) errors.push(userError('INVALID_INPUT', 'Email address is not valid', field))
  return email
}

function checkPassword(password: string, email: string, field: string[], errors: UserError[]): void {
  const problem = passwordProblem(password, email)
  if (problem) errors.push(userError('WEAK_PASSWORD', problem, field))
}

/** Signs an access token and stores a new refresh token (a new family unless one is given). */
async function issueSession(
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
  const access = signAccessToken(config, { userId: user.id, shopId: user.shop_id, role: user.role }, now)
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.token,
    refreshTokenExpiresAt,
    refreshTokenId: row.id,
  }
}

export interface ShopCreateInput {
  handle: string
  name: string
  currencyCode: string
  taxRateBasisPoints?: number | null
  admin: { email: string; password: string; displayName: string }
}

/** Creates a shop and its first ADMIN in one transaction, and signs the admin in. */
export async function createShop(
  scope: AuthScope,
  input: ShopCreateInput,
): Promise<Result<{ shop: ShopRow; user: UserRow; session: SessionTokens }>> {
  const errors: UserError[] = []
  const handle = input.handle.trim()
  if (!HANDLE.test(handle)) {
    errors.push(userError('INVALID_INPUT', 'Handle must be 1–50 lowercase letters, digits and inner dashes', ['input', 'handle']))
  }
  const name = checkText(input.name, ['input', 'name'], 'Name', 100, errors)
  if (!isCurrencyCode(input.currencyCode)) {
    errors.push(userError('INVALID_INPUT', 'Currency code must be an ISO 4217 code', ['input', 'currencyCode']))
  }
  const taxRate = input.taxRateBasisPoints ?? 0
  if (!Number.isInteger(taxRate) || taxRate < 0 || taxRate > 10_000) {
    errors.push(userError('INVALID_INPUT', 'Tax rate must be 0–10000 basis points', ['input', 'taxRateBasisPoints']))
  }
  const email = checkEmail(input.admin.email, ['input', 'admin', 'email'], errors)
  checkPassword(input.admin.password, email, ['input', 'admin', 'password'], errors)
  const displayName = checkText(input.admin.displayName, ['input', 'admin', 'displayName'], 'Display name', 100, errors)
  if (errors.length > 0) return fail(...errors)
  await countSignup(scope)

  const passwordHash = await hashPassword(input.admin.password)
  return scope.db.transaction().execute(async (trx) => {
    const shop = await repo.insertShop(trx, { handle, name, currency_code: input.currencyCode, tax_rate_bps: taxRate })
    if (!shop) return fail(userError('TAKEN', 'This handle is already taken', ['input', 'handle']))
    const user = await repo.insertUser(trx, {
      shop_id: shop.id,
      email,
      password_hash: passwordHash,
      role: 'ADMIN',
      display_name: displayName,
    })
    if (!user) throw new Error('a new shop already had a user') // impossible: the shop is new
    await recordAudit(trx, {
      shopId: shop.id,
      actorId: user.id,
      action: 'shop.created',
      targetType: 'Shop',
      targetId: shop.id,
      diff: { handle, name, currencyCode: input.currencyCode, taxRateBasisPoints: taxRate, adminId: user.id },
      requestId: scope.requestId,
    })
    const session = await issueSession(trx, scope.config, user)
    return { ok: true as const, shop, user, session }
  })
}

export interface UserRegisterInput {
  shopHandle: string
  email: string
  password: string
  displayName: string
}

/** Creates a CUSTOMER in the named shop, signs them in, and enqueues the welcome email (same transaction). */
export async function registerUser(
  scope: AuthScope,
  input: UserRegisterInput,
): Promise<Result<{ user: UserRow; session: SessionTokens }>> {
  const errors: UserError[] = []
  const email = checkEmail(input.email, ['input', 'email'], errors)
  checkPassword(input.password, email, ['input', 'password'], errors)
  const displayName = checkText(input.displayName, ['input', 'displayName'], 'Display name', 100, errors)
  const shop = await repo.findShopByHandle(scope.db, input.shopHandle.trim())
  if (!shop) errors.push(userError('NOT_FOUND', 'No shop has this handle', ['input', 'shopHandle']))
  if (errors.length > 0 || !shop) return fail(...errors)
  await countSignup(scope)

  const passwordHash = await hashPassword(input.password)
  return scope.db.transaction().execute(async (trx) => {
    const user = await repo.insertUser(trx, {
      shop_id: shop.id,
      email,
      password_hash: passwordHash,
      role: 'CUSTOMER',
      display_name: displayName,
    })
    if (!user) return fail(userError('TAKEN', 'An account with this email already exists', ['input', 'email']))
    const session = await issueSession(trx, scope.config, user)
    await enqueueEmail(trx, {
      kind: 'welcome',
      shopId: shop.id,
      to: user.email,
      dedupeKey: user.id,
      data: { displayName: user.display_name },
    })
    return { ok: true as const, user, session }
  })
}

export interface SessionCreateInput {
  shopHandle: string
  email: string
  password: string
}

/** `<shop handle>:<email>`, normalised and bounded, for rate-limit keys. */
function accountKeyOf(input: { shopHandle: string; email: string }): string {
  return `${input.shopHandle.trim().toLowerCase().slice(0, 50)}:${input.email.trim().toLowerCase().slice(0, 254)}`
}

/**
 * Counts one attempt on each key, atomically (parallel attempts cannot all read a count that is
 * still under the limit), and throws THROTTLED when any key is past its limit for this window.
 */
async function countAttempt(
  db: Kysely<DB>,
  windowSeconds: number,
  keys: ReadonlyArray<readonly [key: string, limit: number]>,
  message: string,
): Promise<void> {
  let resetAt = 0
  for (const [key, limit] of keys) {
    const window = await hitRateLimit(db, key, windowSeconds)
    if (window.hits > limit) resetAt = Math.max(resetAt, window.resetAt.getTime())
  }
  if (resetAt > 0) throw throttled(message, (resetAt - Date.now()) / 1000)
}

/**
 * Counts an account or shop creation against the client address: every new account comes with a
 * cost budget of its own, so unlimited sign-ups would multiply one caller's budget.
 */
async function countSignup(scope: AuthScope): Promise<void> {
  const limits = scope.config.limits
  await countAttempt(
    scope.db,
    limits.signupWindowSeconds,
    [[`signup:address:${scope.clientAddress}`, limits.signupsPerAddress]],
    'Too many accounts created from this address; try again later',
  )
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
  scope: AuthScope,
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

const INVALID_TOKEN = userError('INVALID_TOKEN', 'The refresh token is invalid, expired or revoked', ['input', 'refreshToken'])

/**
 * Rotates a refresh token: the presented one is retired and its successor returned.
 *
 * Presenting a retired token revokes its whole family (reuse detection: someone holds a copy).
 * The exception is a concurrent duplicate: a request that arrived before the winner rotated the
 * token (two tabs refreshing at once). It gets the same successor the winner got, which it can
 * derive because successors are an HMAC of their predecessor, so the family keeps exactly one
 * live token.
 */
export async function refreshSession(
  scope: AuthScope,
  input: { refreshToken: string },
): Promise<Result<{ session: SessionTokens }>> {
  if (!looksLikeOpaqueToken(input.refreshToken)) return fail(INVALID_TOKEN)
  const outcome = await scope.db.transaction().execute(async (trx) => {
    const row = await repo.lockRefreshTokenByHash(trx, hashToken(input.refreshToken))
    if (!row || row.revoked_at !== null || row.expires_at.getTime() <= Date.now()) return fail(INVALID_TOKEN)
    const [user] = await repo.findUsersByIds(trx, row.shop_id, [row.user_id])
    if (!user) return fail(INVALID_TOKEN)
    const successor = successorToken(scope.config.jwtSecret, input.refreshToken)

    if (row.replaced_by !== null) {
      const concurrent = row.rotated_at !== null && scope.requestStartedAt.getTime() < row.rotated_at.getTime()
      if (concurrent) {
        const next = await repo.findRefreshTokenByHash(trx, hashToken(successor))
        if (!next || next.revoked_at !== null || next.replaced_by !== null) return fail(INVALID_TOKEN)
        const access = signAccessToken(scope.config, { userId: user.id, shopId: user.shop_id, role: user.role })
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
export async function revokeSession(scope: AuthScope, input: { refreshToken: string }): Promise<Result<{ revoked: boolean }>> {
  if (!looksLikeOpaqueToken(input.refreshToken)) return fail(INVALID_TOKEN)
  return scope.db.transaction().execute(async (trx) => {
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

/**
 * Changes the viewer's password, revokes every session family of theirs and every outstanding
 * password reset code (a code mailed before the change must not undo it), and opens a new session.
 */
export async function changePassword(
  scope: AuthScope,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
): Promise<Result<{ user: UserRow; session: SessionTokens }>> {
  const [user] = await repo.findUsersByIds(scope.db, viewer.shopId, [viewer.userId])
  if (!user) return fail(userError('NOT_FOUND', 'The account no longer exists'))
  if (!(await verifyPassword(user.password_hash, input.currentPassword.slice(0, 1024)))) {
    return fail(userError('INVALID_CREDENTIALS', 'The current password is incorrect', ['input', 'currentPassword']))
  }
  const errors: UserError[] = []
  checkPassword(input.newPassword, user.email, ['input', 'newPassword'], errors)
  if (input.newPassword === input.currentPassword) {
    errors.push(userError('INVALID_INPUT', 'The new password must differ from the current one', ['input', 'newPassword']))
  }
  if (errors.length > 0) return fail(...errors)
  const passwordHash = await hashPassword(input.newPassword)
  return scope.db.transaction().execute(async (trx) => {
    // Conditional on the hash we verified: a reset (or another change) that committed while we
    // hashed wins, instead of being silently overwritten by a caller who only knew the old password.
    if (!(await repo.updateUserPasswordIfUnchanged(trx, user.shop_id, user.id, user.password_hash, passwordHash))) {
      return fail(userError('INVALID_CREDENTIALS', 'The current password is incorrect', ['input', 'currentPassword']))
    }
    const families = await repo.revokeRefreshTokensOfUser(trx, user.shop_id, user.id)
    const resetCodes = await repo.revokePasswordResetTokensOfUser(trx, user.shop_id, user.id)
    await recordAudit(trx, {
      shopId: user.shop_id,
      actorId: user.id,
      action: 'user.password_changed',
      targetType: 'User',
      targetId: user.id,
      diff: { sessionFamiliesRevoked: families, resetCodesRevoked: resetCodes },
      requestId: scope.requestId,
    })
    const session = await issueSession(trx, scope.config, user)
    return { ok: true as const, user, session }
  })
}

/** How long a password reset code works. */
export const PASSWORD_RESET_TTL_MINUTES = 30

/**
 * Accepts a password reset request: counts it against the per-(shop, email) and per-address
 * limits (THROTTLED past them), then enqueues one job with what the caller typed. Nothing is
 * looked up here: a known email, an unknown one and an unknown shop run the same statements and
 * get the same answer, so accounts can be probed neither by the answer nor by its timing. The
 * worker does the rest (issuePasswordReset).
 */
export async function requestPasswordReset(
  scope: AuthScope,
  input: { shopHandle: string; email: string },
): Promise<Result<Record<never, never>>> {
  const limits = scope.config.limits
  await countAttempt(
    scope.db,
    limits.passwordResetWindowSeconds,
    [
      [`password-reset:account:${accountKeyOf(input)}`, limits.passwordResetRequestsPerAccount],
      [`password-reset:address:${scope.clientAddress}`, limits.passwordResetRequestsPerAddress],
    ],
    'Too many password reset requests; try again later',
  )
  // One INSERT, its own transaction: there is nothing else to commit with it.
  await enqueuePasswordResetRequest(scope.db, {
    shopHandle: input.shopHandle.trim().toLowerCase().slice(0, 50),
    email: input.email.trim().slice(0, 254),
    requestId: scope.requestId,
  })
  return { ok: true }
}

/** What handling one password reset request did (the job's outcome: no email address in it). */
export type PasswordResetIssue =
  | { readonly issued: true; readonly tokenId: string }
  | { readonly issued: false; readonly reason: 'no-account' | 'already-issued' }

/**
 * Handles a password reset request in the worker: if the shop has a live account with the email,
 * retires its outstanding codes, stores the new code's row (its hash only; the code is derived
 * from the row id with the server key, see passwordResetToken), enqueues the email (which carries
 * the row id, never the code) and audits, in one transaction.
 *
 * `request.id` (the job id) becomes the row id: a retried or duplicated job finds its row and
 * issues nothing more, and the email's dedupe key is that id, so one request sends one email.
 * The account row is locked first, so two requests for one account are handled one after the
 * other and leave one live code.
 */
export async function issuePasswordReset(
  deps: { readonly db: Kysely<DB>; readonly config: Pick<Config, 'jwtSecret'> },
  request: PasswordResetRequestJobData & { readonly id: string },
): Promise<PasswordResetIssue> {
  return deps.db.transaction().execute(async (trx): Promise<PasswordResetIssue> => {
    const shop = await repo.findShopByHandle(trx, request.shopHandle)
    const user = shop ? await repo.lockUserByEmail(trx, shop.id, request.email) : undefined
    if (!user) return { issued: false, reason: 'no-account' }
    if (await repo.findPasswordResetTokenById(trx, user.shop_id, request.id)) return { issued: false, reason: 'already-issued' }
    const revoked = await repo.revokePasswordResetTokensOfUser(trx, user.shop_id, user.id)
    const row = await repo.insertPasswordResetToken(trx, {
      id: request.id,
      shopId: user.shop_id,
      userId: user.id,
      tokenHash: hashToken(passwordResetToken(deps.config.jwtSecret, request.id)),
      ttlMinutes: PASSWORD_RESET_TTL_MINUTES,
    })
    await enqueueEmail(trx, {
      kind: 'password-reset',
      shopId: user.shop_id,
      to: user.email,
      dedupeKey: row.id,
      data: { displayName: user.display_name, tokenId: row.id, expiresAt: row.expires_at.toISOString() },
    })
    await recordAudit(trx, {
      shopId: user.shop_id,
      actorId: null,
      action: 'user.password_reset_requested',
      targetType: 'User',
      targetId: user.id,
      diff: { expiresAt: row.expires_at.toISOString(), resetCodesRevoked: revoked },
      requestId: request.requestId,
    })
    return { issued: true, tokenId: row.id }
  })
}

const INVALID_RESET_TOKEN = userError(
  'INVALID_TOKEN',
  'The reset code is invalid, expired, already used or replaced by a newer one',
  ['input', 'token'],
)

/**
 * Sets a new password with a reset code. The code is checked, then the password policy (a weak
 * password leaves the code usable), then the code is used up by a conditional UPDATE in the same
 * transaction as the new password: it works once, even under concurrent tries. Every session
 * family of the user and every other reset code are revoked.
 */
export async function resetPassword(
  scope: AuthScope,
  input: { token: string; newPassword: string },
): Promise<Result<{ user: UserRow }>> {
  if (!looksLikeOpaqueToken(input.token)) return fail(INVALID_RESET_TOKEN)
  const tokenHash = hashToken(input.token)
  const live = await repo.findLivePasswordResetToken(scope.db, tokenHash)
  const [user] = live ? await repo.findUsersByIds(scope.db, live.shop_id, [live.user_id]) : []
  if (!user) return fail(INVALID_RESET_TOKEN)
  const errors: UserError[] = []
  checkPassword(input.newPassword, user.email, ['input', 'newPassword'], errors)
  if (errors.length > 0) return fail(...errors)
  const passwordHash = await hashPassword(input.newPassword)
  return scope.db.transaction().execute(async (trx) => {
    const consumed = await repo.consumePasswordResetToken(trx, tokenHash)
    if (!consumed) return fail(INVALID_RESET_TOKEN) // used by a concurrent request, or expired meanwhile
    await repo.updateUserPassword(trx, user.shop_id, user.id, passwordHash)
    const resetCodes = await repo.revokePasswordResetTokensOfUser(trx, user.shop_id, user.id) // the other codes
    const families = await repo.revokeRefreshTokensOfUser(trx, user.shop_id, user.id)
    await recordAudit(trx, {
      shopId: user.shop_id,
      actorId: user.id,
      action: 'user.password_reset',
      targetType: 'User',
      targetId: user.id,
      diff: { sessionFamiliesRevoked: families, resetCodesRevoked: resetCodes },
      requestId: scope.requestId,
    })
    return { ok: true as const, user }
  })
}
