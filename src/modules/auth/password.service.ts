import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { recordAudit } from '../../platform/audit.js'
import type { Config } from '../../config.js'
import { fail, userError, type Result, type UserError } from '../../shared/errors.js'
import { enqueueEmail } from '../../platform/jobs/emails.js'
import { enqueuePasswordResetRequest, type PasswordResetRequestJobData } from '../../platform/jobs/password-reset.js'
import { PASSWORD_RESET_REQUEST_QUEUE } from '../../platform/jobs/queues.js'
import type { JobHandler } from '../../platform/jobs/runtime.js'
import type { UserRow } from '../../shared/rows.js'
import { requireViewer, type RequestScope } from '../../shared/scope.js'
import { hashPassword, verifyPassword } from '../../platform/security/passwords.js'
import { hashToken, looksLikeOpaqueToken, passwordResetToken } from '../../platform/security/tokens.js'
import { clearRateLimit } from '../../platform/ratelimit.js'
import * as repo from './auth.repository.js'
import { inTransaction } from '../../shared/transaction.js'
import { accountKeyOf, checkPassword, countAttempt } from './auth.validation.js'
import { issueSession, type SessionTokens } from './session.service.js'

// Passwords: change (signed in), and reset by a mailed code (request, the worker's issuing, use).

/**
 * Changes the viewer's password, revokes every session family of theirs and every outstanding
 * password reset code (a code mailed before the change must not undo it), and opens a new session.
 *
 * Wrong current passwords are limited like failed logins: each attempt (each alias of a batched
 * document too) is counted per user before the password is checked; past the limit every attempt,
 * right or wrong, is THROTTLED until the window ends. A success clears the count.
 */
export async function changePassword(
  scope: RequestScope,
  input: { currentPassword: string; newPassword: string },
): Promise<Result<{ user: UserRow; session: SessionTokens }>> {
  const viewer = requireViewer(scope)
  const limits = scope.config.limits
  const attemptKey = `password-change:user:${viewer.userId}`
  await countAttempt(
    scope.db,
    limits.passwordChangeFailureWindowSeconds,
    [[attemptKey, limits.passwordChangeFailuresPerUser]],
    'Too many wrong current passwords; try again later',
  )
  const [user] = await repo.findUsersByIds(scope.db, viewer.shopId, [viewer.userId])
  if (!user) return fail(userError('NOT_FOUND', 'The account no longer exists'))
  if (!(await verifyPassword(user.password_hash, input.currentPassword.slice(0, 1024)))) {
    return fail(userError('INVALID_CREDENTIALS', 'The current password is incorrect', ['input', 'currentPassword']))
  }
  await clearRateLimit(scope.db, attemptKey)
  const errors: UserError[] = []
  checkPassword(input.newPassword, user.email, ['input', 'newPassword'], errors)
  if (input.newPassword === input.currentPassword) {
    errors.push(
      userError('INVALID_INPUT', 'The new password must differ from the current one', ['input', 'newPassword']),
    )
  }
  if (errors.length > 0) return fail(...errors)
  const passwordHash = await hashPassword(input.newPassword)
  return inTransaction(scope.db, async (trx) => {
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
  scope: RequestScope,
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
    if (await repo.findPasswordResetTokenById(trx, user.shop_id, request.id))
      return { issued: false, reason: 'already-issued' }
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
      data: { tokenId: row.id, expiresAt: row.expires_at.toISOString() },
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
  scope: RequestScope,
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
  return inTransaction(scope.db, async (trx) => {
    const consumed = await repo.consumePasswordResetToken(trx, tokenHash)
    if (!consumed) return fail(INVALID_RESET_TOKEN) // used by a concurrent request, or expired meanwhile
    await repo.updateUserPassword(trx, user.shop_id, user.id, passwordHash)
    // The code came to this address: using it proves the address (staff invitations end here too).
    const verified = (await repo.markEmailVerified(trx, user.shop_id, user.id)) ?? user
    const resetCodes = await repo.revokePasswordResetTokensOfUser(trx, user.shop_id, user.id) // the other codes
    const families = await repo.revokeRefreshTokensOfUser(trx, user.shop_id, user.id)
    await recordAudit(trx, {
      shopId: user.shop_id,
      actorId: user.id,
      action: 'user.password_reset',
      targetType: 'User',
      targetId: user.id,
      diff: {
        sessionFamiliesRevoked: families,
        resetCodesRevoked: resetCodes,
        ...(user.email_verified_at === null ? { emailVerified: true } : {}),
      },
      requestId: scope.requestId,
    })
    return { ok: true as const, user: verified }
  })
}

/**
 * The worker's handler of password reset requests (registered with the jobs runtime through the
 * module registry). Its data holds an email address that may belong to no account: each job is
 * deleted once handled.
 */
export const passwordResetJobHandler: JobHandler<PasswordResetRequestJobData> = {
  queue: PASSWORD_RESET_REQUEST_QUEUE,
  run: (deps, job) => issuePasswordReset(deps, { ...job.data, id: job.id }),
  forget: true,
}
