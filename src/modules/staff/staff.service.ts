import { randomUUID } from 'node:crypto'
import { recordAudit } from '../../platform/audit.js'
import { requireViewer, type RequestScope } from '../../shared/scope.js'
import { inTransaction } from '../../shared/transaction.js'
import { fail, userError, type Result, type UserError } from '../../shared/errors.js'
import { enqueueEmail } from '../../platform/jobs/emails.js'
import { isCurrencyCode } from '../../shared/money.js'
import type { Role, ShopRow, UserRow } from '../../shared/rows.js'
import { hashPassword } from '../../platform/security/passwords.js'
import { hashToken, newOpaqueToken, passwordResetToken } from '../../platform/security/tokens.js'
import { checkLength } from '../../shared/validation.js'
import * as authRepo from '../auth/auth.repository.js'
import { checkEmail } from '../auth/auth.validation.js'
import { PASSWORD_RESET_TTL_MINUTES } from '../auth/password.service.js'
import * as orders from '../orders/orders.service.js'
import * as repo from './staff.repository.js'

const STAFF_ROLES: ReadonlySet<Role> = new Set(['STAFF', 'ADMIN'])

/**
 * Makes an email a STAFF or ADMIN of the viewer's shop. An existing customer is promoted and
 * signed out everywhere (their tokens carry the old role). A new address gets an account whose
 * password nobody knows, plus a one-time code (a password reset code: 30 minutes, stored hashed,
 * used once through `passwordReset`) mailed through the job queue in the same transaction.
 * Role changes of one shop queue on the shop row.
 */
export async function inviteStaff(
  scope: RequestScope,
  input: { email: string; role: Role; displayName?: string | null },
): Promise<Result<{ user: UserRow; created: boolean }>> {
  const viewer = requireViewer(scope)
  const errors: UserError[] = []
  const email = checkEmail(input.email, ['input', 'email'], errors)
  if (!STAFF_ROLES.has(input.role))
    errors.push(userError('INVALID_INPUT', 'Invite as STAFF or ADMIN', ['input', 'role']))
  const displayName = checkLength(
    input.displayName ?? email.slice(0, email.indexOf('@')).slice(0, 100),
    ['input', 'displayName'],
    'Display name',
    { min: 1, max: 100 },
    errors,
  )
  if (errors.length > 0) return fail(...errors)
  // Unusable until the invitee sets a password with the code: nobody ever sees this one.
  const placeholderHash = await hashPassword(newOpaqueToken())

  return inTransaction(scope.db, async (trx) => {
    await repo.lockShop(trx, viewer.shopId)
    const existing = await authRepo.lockUserByEmail(trx, viewer.shopId, email)
    if (existing) {
      if (existing.role !== 'CUSTOMER') {
        return fail(
          userError('INVALID_STATE', `This account is already ${existing.role}: use userRoleUpdate`, [
            'input',
            'email',
          ]),
        )
      }
      const user = await repo.updateUserRole(trx, viewer.shopId, existing.id, input.role)
      const families = await authRepo.revokeRefreshTokensOfUser(trx, viewer.shopId, existing.id)
      await recordAudit(trx, {
        shopId: viewer.shopId,
        actorId: viewer.userId,
        action: 'staff.invited',
        targetType: 'User',
        targetId: user.id,
        diff: {
          created: false,
          before: { role: existing.role },
          after: { role: user.role },
          sessionFamiliesRevoked: families,
        },
        requestId: scope.requestId,
      })
      return { ok: true as const, user, created: false }
    }

    const user = await authRepo.insertUser(trx, {
      shop_id: viewer.shopId,
      email,
      password_hash: placeholderHash,
      role: input.role,
      display_name: displayName,
    })
    // An erased account keeps its row; its address is no longer a live account's.
    if (!user) return fail(userError('TAKEN', 'This email belongs to a closed account of the shop', ['input', 'email']))
    const tokenId = randomUUID()
    const code = await authRepo.insertPasswordResetToken(trx, {
      id: tokenId,
      shopId: viewer.shopId,
      userId: user.id,
      tokenHash: hashToken(passwordResetToken(scope.config.jwtSecret, tokenId)),
      ttlMinutes: PASSWORD_RESET_TTL_MINUTES,
    })
    await enqueueEmail(trx, {
      kind: 'password-reset',
      shopId: viewer.shopId,
      to: user.email,
      dedupeKey: tokenId,
      data: {
        displayName: user.display_name,
        tokenId,
        expiresAt: code.expires_at.toISOString(),
        invitedRole: input.role as 'STAFF' | 'ADMIN',
      },
    })
    await recordAudit(trx, {
      shopId: viewer.shopId,
      actorId: viewer.userId,
      action: 'staff.invited',
      targetType: 'User',
      targetId: user.id,
      diff: { created: true, before: null, after: { role: user.role }, codeExpiresAt: code.expires_at.toISOString() },
      requestId: scope.requestId,
    })
    return { ok: true as const, user, created: true }
  })
}

/**
 * Changes a user's role in the viewer's shop and signs them out everywhere. The shop row is locked
 * first, so role changes of one shop run one after the other and the last ADMIN cannot be demoted
 * even by two admins demoting each other at once. Setting the role a user already has changes nothing.
 */
export async function updateUserRole(
  scope: RequestScope,
  input: { userId: string; role: Role },
): Promise<Result<{ user: UserRow }>> {
  const viewer = requireViewer(scope)
  return inTransaction(scope.db, async (trx) => {
    await repo.lockShop(trx, viewer.shopId)
    const [user] = await authRepo.findUsersByIds(trx, viewer.shopId, [input.userId])
    if (!user) return fail(userError('NOT_FOUND', 'The shop has no such user', ['input', 'userId']))
    if (user.role === input.role) return { ok: true as const, user }
    if (user.role === 'ADMIN' && (await repo.countAdmins(trx, viewer.shopId)) <= 1) {
      return fail(userError('INVALID_STATE', 'The shop must keep at least one ADMIN', ['input', 'role']))
    }
    const updated = await repo.updateUserRole(trx, viewer.shopId, user.id, input.role)
    const families = await authRepo.revokeRefreshTokensOfUser(trx, viewer.shopId, user.id)
    await recordAudit(trx, {
      shopId: viewer.shopId,
      actorId: viewer.userId,
      action: 'user.role_changed',
      targetType: 'User',
      targetId: user.id,
      diff: { before: { role: user.role }, after: { role: updated.role }, sessionFamiliesRevoked: families },
      requestId: scope.requestId,
    })
    return { ok: true as const, user: updated }
  })
}

const TIME_ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/

/** The canonical IANA name of a time zone (`"europe/paris"` → `"Europe/Paris"`), or null when it is none. */
export function canonicalTimeZone(name: string): string | null {
  if (name.length > 64 || !TIME_ZONE_NAME.test(name)) return null
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

export interface ShopUpdateInput {
  name?: string | null
  taxRateBasisPoints?: number | null
  timezone?: string | null
  currencyCode?: string | null
}

/**
 * Changes the viewer's shop's settings. The time zone must be an IANA name that both Node and
 * PostgreSQL know (reports count days in it). The currency changes only while the shop has no
 * orders: the shop row is locked before the check, and checkouts read the shop FOR SHARE, so an
 * order cannot slip in between the check and the change.
 */
export async function updateShop(scope: RequestScope, input: ShopUpdateInput): Promise<Result<{ shop: ShopRow }>> {
  const viewer = requireViewer(scope)
  const errors: UserError[] = []
  const patch: repo.ShopPatch = {}
  if (input.name != null) patch.name = checkLength(input.name, ['input', 'name'], 'Name', { min: 1, max: 100 }, errors)
  if (input.taxRateBasisPoints != null) {
    if (
      !Number.isInteger(input.taxRateBasisPoints) ||
      input.taxRateBasisPoints < 0 ||
      input.taxRateBasisPoints > 10_000
    ) {
      errors.push(userError('INVALID_INPUT', 'Tax rate must be 0–10000 basis points', ['input', 'taxRateBasisPoints']))
    }
    patch.tax_rate_bps = input.taxRateBasisPoints
  }
  if (input.timezone != null) {
    const zone = canonicalTimeZone(input.timezone.trim())
    if (!zone || !(await repo.isKnownTimeZone(scope.db, zone))) {
      errors.push(
        userError('INVALID_INPUT', 'Time zone must be an IANA name such as "Europe/Paris"', ['input', 'timezone']),
      )
    } else patch.timezone = zone
  }
  if (input.currencyCode != null) {
    if (!isCurrencyCode(input.currencyCode)) {
      errors.push(userError('INVALID_INPUT', 'Currency code must be an ISO 4217 code', ['input', 'currencyCode']))
    }
    patch.currency_code = input.currencyCode
  }
  if (errors.length > 0) return fail(...errors)

  return inTransaction(scope.db, async (trx) => {
    const shop = await repo.lockShop(trx, viewer.shopId)
    if (!shop) return fail(userError('NOT_FOUND', 'The shop no longer exists'))
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    const changed: repo.ShopPatch = {}
    for (const [column, value] of Object.entries(patch) as [keyof repo.ShopPatch, never][]) {
      if (shop[column] === value) continue
      changed[column] = value
      before[column] = shop[column]
      after[column] = value
    }
    if (Object.keys(changed).length === 0) return { ok: true as const, shop }
    if (changed.currency_code !== undefined && (await orders.shopHasOrders(trx, viewer.shopId))) {
      return fail(
        userError('INVALID_STATE', 'The currency cannot change once the shop has orders', ['input', 'currencyCode']),
      )
    }
    const updated = await repo.updateShop(trx, viewer.shopId, changed)
    await recordAudit(trx, {
      shopId: viewer.shopId,
      actorId: viewer.userId,
      action: 'shop.updated',
      targetType: 'Shop',
      targetId: viewer.shopId,
      diff: { before, after },
      requestId: scope.requestId,
    })
    return { ok: true as const, shop: updated }
  })
}
