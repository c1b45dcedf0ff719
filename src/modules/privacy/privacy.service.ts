import { recordAudit } from '../../platform/audit.js'
import { requireViewer, type RequestScope } from '../../shared/scope.js'
import { inTransaction } from '../../shared/transaction.js'
import { fail, throttled, userError, type Result } from '../../shared/errors.js'
import { anonymizeEmailDeliveries } from '../../platform/jobs/email.repository.js'
import { deleteJobsMentioning } from '../../platform/jobs/retention.js'
import { clearRateLimitsEndingWith, hitRateLimit, releaseRateLimit } from '../../platform/ratelimit.js'
import { verifyPassword } from '../../platform/security/passwords.js'
import * as auth from '../auth/auth.repository.js'
import { accountKeyOf } from '../auth/auth.validation.js'
import * as orders from '../orders/orders.repository.js'
import { buildDataExport, type DataExportRow } from './privacy.repository.js'

/** Points of the caller's cost budget one data export takes, besides the operation's own cost. */
export const DATA_EXPORT_COST = 1000

/**
 * Everything stored about the viewer, as one JSON document (one bounded statement; see
 * EXPORT_LIMITS). Charges DATA_EXPORT_COST to the viewer's cost budget first: THROTTLED when it
 * does not fit. Answers null when the account no longer exists.
 */
export async function exportViewerData(scope: RequestScope): Promise<DataExportRow | null> {
  const viewer = requireViewer(scope)
  const limits = scope.config.limits
  if (!scope.chargeCost) throw new Error("a data export is charged to a request's cost budget")
  // The same budget (and charging path) as every operation's cost: in memory, settled in batches.
  const bucket = await scope.chargeCost(DATA_EXPORT_COST)
  if (!bucket.charged) {
    const retryAfter = (bucket.level + DATA_EXPORT_COST - limits.costBucketCapacity) / limits.costLeakPerSecond
    throw throttled(`A data export costs ${DATA_EXPORT_COST} points of the cost budget; try again later`, retryAfter)
  }
  return (await buildDataExport(scope.db, viewer.shopId, viewer.userId)) ?? null
}

const WRONG_PASSWORD = userError('INVALID_CREDENTIALS', 'The password is incorrect', ['input', 'password'])

/**
 * Erases the viewer's account (SPEC §4), confirmed with the password. Wrong passwords are counted
 * per user like failed logins (THROTTLED past the limit; a right one gives its attempt back).
 *
 * One transaction: the shop's admins are locked (two last admins deleting themselves at once
 * cannot both succeed), then the user row is anonymized in place, every session family and reset
 * code is ended, the cart emptied, idempotency records deleted, and the queued jobs, email log
 * and rate-limit counters holding the address are deleted or anonymized; an audit event without
 * the address records it. Orders, posts, comments and reviews stay (shown as "Deleted user").
 */
export async function deleteViewer(
  scope: RequestScope,
  input: { password: string },
): Promise<Result<{ userId: string }>> {
  const viewer = requireViewer(scope)
  const limits = scope.config.limits
  const attemptKey = `password:user:${viewer.userId}`
  const window = await hitRateLimit(scope.db, attemptKey, limits.loginFailureWindowSeconds)
  if (window.hits > limits.loginFailuresPerAccount) {
    throw throttled('Too many wrong passwords; try again later', (window.resetAt.getTime() - Date.now()) / 1000)
  }
  const [user] = await auth.findUsersByIds(scope.db, viewer.shopId, [viewer.userId])
  if (!user) return fail(userError('NOT_FOUND', 'The account no longer exists'))
  if (!(await verifyPassword(user.password_hash, input.password.slice(0, 1024)))) return fail(WRONG_PASSWORD)
  await releaseRateLimit(scope.db, attemptKey)

  return inTransaction(scope.db, async (trx) => {
    const admins = await auth.lockShopAdmins(trx, user.shop_id)
    if (admins.length === 1 && admins[0] === user.id) {
      return fail(
        userError(
          'INVALID_STATE',
          'The last administrator of a shop cannot delete their account; make someone else ADMIN first',
        ),
      )
    }
    const before = await auth.anonymizeUser(trx, user.shop_id, user.id)
    if (!before) return fail(userError('NOT_FOUND', 'The account no longer exists'))
    const shop = (await auth.findShopsByIds(trx, [user.shop_id]))[0]
    if (!shop) throw new Error('the shop of a live user is missing')
    const email = before.email
    const sessionFamilies = await auth.revokeRefreshTokensOfUser(trx, user.shop_id, user.id)
    const resetCodes = await auth.deletePasswordResetTokensOfUser(trx, user.shop_id, user.id)
    const cartLines = await orders.deleteCartLinesOfUser(trx, user.shop_id, user.id)
    const idempotencyKeys = await orders.deleteIdempotencyKeysOfUser(trx, user.shop_id, user.id)
    const jobs = await deleteJobsMentioning(trx, shop, email)
    const emailLog = await anonymizeEmailDeliveries(trx, user.shop_id, email, auth.erasedEmailOf(user.id))
    const rateLimits =
      (await clearRateLimitsEndingWith(trx, accountKeyOf({ shopHandle: shop.handle, email }))) +
      (await clearRateLimitsEndingWith(trx, `user:${user.id}`))
    await recordAudit(trx, {
      shopId: user.shop_id,
      actorId: user.id,
      action: 'user.deleted',
      targetType: 'User',
      targetId: user.id,
      diff: {
        role: before.role,
        sessionFamiliesRevoked: sessionFamilies,
        resetCodes,
        cartLines,
        idempotencyKeys,
        jobs,
        emailLog,
        rateLimits,
      },
      requestId: scope.requestId,
    })
    return { ok: true as const, userId: user.id }
  })
}
