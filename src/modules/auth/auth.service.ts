import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { recordAudit } from '../../platform/audit.js'
import { fail, userError, type Result, type UserError } from '../../shared/errors.js'
import { enqueueEmail } from '../../platform/jobs/emails.js'
import { isCurrencyCode } from '../../shared/money.js'
import type { ShopRow, UserRow } from '../../shared/rows.js'
import type { RequestScope } from '../../shared/scope.js'
import { hashPassword } from '../../platform/security/passwords.js'
import { emailVerificationToken, hashToken, looksLikeOpaqueToken } from '../../platform/security/tokens.js'
import * as repo from './auth.repository.js'
import { inTransaction } from '../../shared/transaction.js'
import { SHOP_HANDLE, checkEmail, checkPassword, checkText, countAttempt } from './auth.validation.js'
import { issueSession, type SessionTokens } from './session.service.js'

// Shops and sign-up: a new shop with its first admin, a new customer account. Sessions and passwords
// have their own services (session.service.ts, password.service.ts).

export interface ShopCreateInput {
  handle: string
  name: string
  currencyCode: string
  taxRateBasisPoints?: number | null
  admin: { email: string; password: string; displayName: string }
}

/** Creates a shop and its first ADMIN in one transaction, and signs the admin in. */
export async function createShop(
  scope: RequestScope,
  input: ShopCreateInput,
): Promise<Result<{ shop: ShopRow; user: UserRow; session: SessionTokens }>> {
  const errors: UserError[] = []
  const handle = input.handle.trim()
  if (!SHOP_HANDLE.test(handle)) {
    errors.push(
      userError('INVALID_INPUT', 'Handle must be 1–50 lowercase letters, digits and inner dashes', ['input', 'handle']),
    )
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
  return inTransaction(scope.db, async (trx) => {
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
  scope: RequestScope,
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
  return inTransaction(scope.db, async (trx) => {
    const user = await repo.insertUser(trx, {
      shop_id: shop.id,
      email,
      password_hash: passwordHash,
      role: 'CUSTOMER',
      display_name: displayName,
    })
    if (!user) return fail(userError('TAKEN', 'An account with this email already exists', ['input', 'email']))
    const session = await issueSession(trx, scope.config, user)
    // The welcome email carries a one-time code that proves the address (userEmailVerify): the
    // row keeps its hash, the job only the row id (the worker derives the code, like reset codes).
    const codeId = randomUUID()
    const code = await repo.insertEmailVerificationToken(trx, {
      id: codeId,
      shopId: shop.id,
      userId: user.id,
      tokenHash: hashToken(emailVerificationToken(scope.config.jwtSecret, codeId)),
      ttlDays: EMAIL_VERIFICATION_TTL_DAYS,
    })
    await enqueueEmail(trx, {
      kind: 'welcome',
      shopId: shop.id,
      to: user.email,
      dedupeKey: user.id,
      data: { verificationTokenId: code.id, expiresAt: code.expires_at.toISOString() },
    })
    return { ok: true as const, user, session }
  })
}

/** How long the welcome email's verification code works. */
export const EMAIL_VERIFICATION_TTL_DAYS = 7

const INVALID_VERIFICATION_CODE = userError(
  'INVALID_TOKEN',
  'The verification code is invalid, expired or already used',
  ['input', 'code'],
)

/**
 * Marks an address verified with the welcome email's code. No session needed: the code proves the
 * address. The code is used up by a conditional UPDATE (of the named shop only) in the same
 * transaction as the verification, so it works once; an unknown shop answers like an unknown code.
 */
export async function verifyEmail(
  scope: RequestScope,
  input: { shopHandle: string; code: string },
): Promise<Result<{ user: UserRow }>> {
  if (!looksLikeOpaqueToken(input.code)) return fail(INVALID_VERIFICATION_CODE)
  const shop = await repo.findShopByHandle(scope.db, input.shopHandle.trim().toLowerCase().slice(0, 50))
  if (!shop) return fail(INVALID_VERIFICATION_CODE)
  return inTransaction(scope.db, async (trx) => {
    const consumed = await repo.consumeEmailVerificationToken(trx, shop.id, hashToken(input.code))
    const user = consumed ? await repo.markEmailVerified(trx, shop.id, consumed.user_id) : undefined
    if (!user) return fail(INVALID_VERIFICATION_CODE) // rolls the use of the code back with it
    await recordAudit(trx, {
      shopId: shop.id,
      actorId: user.id,
      action: 'user.email_verified',
      targetType: 'User',
      targetId: user.id,
      diff: { by: 'code' },
      requestId: scope.requestId,
    })
    return { ok: true as const, user }
  })
}

/**
 * Counts an account or shop creation against the client address: every new account comes with a
 * cost budget of its own, so unlimited sign-ups would multiply one caller's budget.
 */
async function countSignup(scope: RequestScope): Promise<void> {
  const limits = scope.config.limits
  await countAttempt(
    scope.db,
    limits.signupWindowSeconds,
    [[`signup:address:${scope.clientAddress}`, limits.signupsPerAddress]],
    'Too many accounts created from this address; try again later',
  )
}

// ---- for other modules: shops and users are read through here, never from their tables

/** The shop with this id, if any. */
export async function findShopById(db: Kysely<DB>, shopId: string): Promise<ShopRow | undefined> {
  const [shop] = await repo.findShopsByIds(db, [shopId])
  return shop
}

/**
 * The shop row, locked FOR SHARE until the transaction ends: a checkout reads its shop this way, so
 * shopUpdate (which locks the row before it checks for orders) and the first order never cross.
 */
export function findShopByIdForShare(trx: Kysely<DB>, shopId: string): Promise<ShopRow | undefined> {
  return repo.findShopByIdForShare(trx, shopId)
}

/** Where mail to a user of the shop goes (deleted accounts included), if the user exists. */
export function findUserContact(db: Kysely<DB>, shopId: string, userId: string): Promise<repo.UserContact | undefined> {
  return repo.findUserContact(db, shopId, userId)
}
