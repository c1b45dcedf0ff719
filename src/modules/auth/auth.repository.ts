import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { anyOf } from '../../shared/batch.js'
import { NO_EMBEDS, type EmbedPlan } from '../../shared/embed-plan.js'
import {
  NOTIFY_IDS_PER_PAYLOAD,
  SESSION_REVOKED_CHANNEL,
  announceRevokedSessions,
} from '../../platform/security/revocations.js'
import type {
  EmailVerificationTokenRow,
  NewShopRow,
  NewUserRow,
  PasswordResetTokenRow,
  RefreshTokenRow,
  ShopRow,
  UserRow,
} from '../../shared/rows.js'

type Db = Kysely<DB>

export function findShopByHandle(db: Db, handle: string): Promise<ShopRow | undefined> {
  return db.selectFrom('shop').selectAll().where('handle', '=', handle).executeTakeFirst()
}

export function findShopsByIds(db: Db, ids: readonly string[]): Promise<ShopRow[]> {
  return db.selectFrom('shop').selectAll().where('id', 'in', ids).execute()
}

export function findShopByIdForShare(db: Db, id: string): Promise<ShopRow | undefined> {
  return db.selectFrom('shop').selectAll().where('id', '=', id).forShare().executeTakeFirst()
}

export async function findShopsByHandles(
  db: Db,
  handles: readonly string[],
  embeds: EmbedPlan = NO_EMBEDS,
): Promise<ShopRow[]> {
  return embeds.attach(
    await db.selectFrom('shop').selectAll().select(embeds.selections).where('handle', 'in', handles).execute(),
  )
}

/** Inserts a shop unless the handle is taken (then undefined): race-free, no exception to catch. */
export function insertShop(db: Db, row: NewShopRow): Promise<ShopRow | undefined> {
  return db
    .insertInto('shop')
    .values(row)
    .onConflict((oc) => oc.column('handle').doNothing())
    .returningAll()
    .executeTakeFirst()
}

/** A live (not erased) user of the shop by email, case-insensitively. */
export function findUserByEmail(db: Db, shopId: string, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('user')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/**
 * Like findUserByEmail, and locks the row until the transaction ends (NO KEY UPDATE: rows that
 * reference the user can still be inserted meanwhile).
 */
export function lockUserByEmail(db: Db, shopId: string, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('user')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('deleted_at', 'is', null)
    .forNoKeyUpdate()
    .executeTakeFirst()
}

/** Live users of one shop by id: the shop filter is the tenant check in SQL. */
export function findUsersByIds(db: Db, shopId: string, ids: readonly string[]): Promise<UserRow[]> {
  return db
    .selectFrom('user')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute()
}

export type UserContact = Pick<UserRow, 'email' | 'display_name'>

/** A user's email and display name, whether or not the account is deleted. */
export function findUserContact(db: Db, shopId: string, userId: string): Promise<UserContact | undefined> {
  return db
    .selectFrom('user')
    .select(['email', 'display_name'])
    .where('shop_id', '=', shopId)
    .where('id', '=', userId)
    .executeTakeFirst()
}

/** The name shown for an erased account's posts, comments and reviews. */
export const DELETED_USER_NAME = 'Deleted user'

/**
 * Users by (shop, id) for public attribution (the author of a post or comment), whoever reads:
 * each key names the shop of the object that points at the user, so a user is only found in that
 * shop. Erased accounts are found too, shown as "Deleted user".
 */
export async function findPublicUsersByShopAndIds(
  db: Db,
  keys: readonly { shopId: string; userId: string }[],
): Promise<UserRow[]> {
  const rows = await db
    .selectFrom('user')
    .selectAll()
    // Two array parameters plan in microseconds where 100 (shop_id, id) pairs took half a millisecond;
    // a row whose pair was not asked for (its id asked under another shop) is dropped below.
    .where('shop_id', '=', anyOf([...new Set(keys.map((k) => k.shopId))]))
    .where('id', '=', anyOf(keys.map((k) => k.userId)))
    .execute()
  const asked = new Set(keys.map((k) => `${k.shopId}/${k.userId}`))
  return rows.filter((row) => asked.has(`${row.shop_id}/${row.id}`)).map(publicProfile)
}

/** A user as the objects of its shop name it: a deleted account keeps its row but shows as DELETED_USER_NAME. */
export function publicProfile(row: UserRow): UserRow {
  return row.deleted_at === null ? row : { ...row, display_name: DELETED_USER_NAME }
}

/**
 * The user named by the `author_id` of the row the enclosing statement reads from `parent`, in
 * that row's shop: the correlated subquery an embedded author (auth.embeds.ts) is built from.
 */
export function authorOf(db: Db, parent: string) {
  return db
    .selectFrom('user')
    .selectAll('user')
    .where(sql<boolean>`"user".shop_id = ${sql.ref(`${parent}.shop_id`)}`)
    .where(sql<boolean>`"user".id = ${sql.ref(`${parent}.author_id`)}`)
}

/** Inserts a user unless the email is taken in the shop, case-insensitively (then undefined). */
export function insertUser(db: Db, row: NewUserRow): Promise<UserRow | undefined> {
  return db
    .insertInto('user')
    .values(row)
    .onConflict((oc) => oc.expression(sql`shop_id, lower(email)`).doNothing())
    .returningAll()
    .executeTakeFirst()
}

/**
 * Sets a new password only if the stored hash is still the one the caller verified: a password
 * reset committed in the meantime wins, and the caller learns it (false).
 */
export async function updateUserPasswordIfUnchanged(
  db: Db,
  shopId: string,
  userId: string,
  verifiedHash: string,
  passwordHash: string,
): Promise<boolean> {
  const result = await db
    .updateTable('user')
    .set({ password_hash: passwordHash, password_changed_at: sql`now()`, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', userId)
    .where('password_hash', '=', verifiedHash)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function updateUserPassword(db: Db, shopId: string, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('user')
    .set({ password_hash: passwordHash, password_changed_at: sql`now()`, updated_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', userId)
    .execute()
}

export async function insertRefreshToken(
  db: Db,
  row: { shopId: string; userId: string; familyId: string; tokenHash: Buffer; expiresAt: Date },
): Promise<RefreshTokenRow> {
  return db
    .insertInto('refresh_token')
    .values({
      shop_id: row.shopId,
      user_id: row.userId,
      family_id: row.familyId,
      token_hash: row.tokenHash,
      expires_at: row.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** The token row, locked until the transaction ends: concurrent refreshes of one token queue here. */
export function lockRefreshTokenByHash(db: Db, tokenHash: Buffer): Promise<RefreshTokenRow | undefined> {
  return db.selectFrom('refresh_token').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst()
}

export function findRefreshTokenByHash(db: Db, tokenHash: Buffer): Promise<RefreshTokenRow | undefined> {
  return db.selectFrom('refresh_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
}

export async function markRefreshTokenRotated(db: Db, id: string, successorId: string, rotatedAt: Date): Promise<void> {
  await db
    .updateTable('refresh_token')
    .set({ replaced_by: successorId, rotated_at: rotatedAt })
    .where('id', '=', id)
    .execute()
}

/**
 * Tells every API process that these sessions (refresh families) ended, so their access tokens are
 * refused within a second: a NOTIFY, delivered when the caller's transaction commits (never for a
 * rolled-back one), plus an in-process announcement for the embedded database, which cannot LISTEN.
 * See src/platform/security/revocations.ts.
 */
async function notifySessionsRevoked(db: Db, familyIds: readonly string[]): Promise<void> {
  for (let i = 0; i < familyIds.length; i += NOTIFY_IDS_PER_PAYLOAD) {
    const payload = familyIds.slice(i, i + NOTIFY_IDS_PER_PAYLOAD).join(',')
    await sql`SELECT pg_notify(${SESSION_REVOKED_CHANNEL}, ${payload})`.execute(db)
  }
  announceRevokedSessions(familyIds)
}

/**
 * Logs a session out: revokes every live token of a family and ends the family's access tokens on
 * every API process (within a second, see notifySessionsRevoked). Answers how many tokens were live.
 */
export async function revokeRefreshFamily(db: Db, familyId: string): Promise<number> {
  const result = await db
    .updateTable('refresh_token')
    .set({ revoked_at: sql`now()` })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  const revoked = Number(result.numUpdatedRows)
  if (revoked > 0) await notifySessionsRevoked(db, [familyId])
  return revoked
}

/**
 * Ends every session of a user: revokes every live token of every family of theirs and ends their
 * access tokens on every API process (within a second, see notifySessionsRevoked). The one way to
 * end a user's sessions (password change or reset, role change, account deletion): call it in the
 * transaction that makes the change. Answers how many families were live.
 */
export async function revokeRefreshTokensOfUser(db: Db, shopId: string, userId: string): Promise<number> {
  const rows = await db
    .updateTable('refresh_token')
    .set({ revoked_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('family_id')
    .execute()
  const families = [...new Set(rows.map((r) => r.family_id))]
  if (families.length > 0) await notifySessionsRevoked(db, families)
  return families.length
}

/** Stores a password reset token (its hash) valid for `ttlMinutes` from now, by the database clock. */
export function insertPasswordResetToken(
  db: Db,
  row: { id: string; shopId: string; userId: string; tokenHash: Buffer; ttlMinutes: number },
): Promise<PasswordResetTokenRow> {
  return db
    .insertInto('password_reset_token')
    .values({
      id: row.id,
      shop_id: row.shopId,
      user_id: row.userId,
      token_hash: row.tokenHash,
      expires_at: sql`now() + make_interval(mins => ${row.ttlMinutes})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A reset token row of the shop by id, whatever its state. */
export function findPasswordResetTokenById(
  db: Db,
  shopId: string,
  id: string,
): Promise<PasswordResetTokenRow | undefined> {
  return db
    .selectFrom('password_reset_token')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The token if it can still be used: not used, not revoked, not expired. */
export function findLivePasswordResetToken(db: Db, tokenHash: Buffer): Promise<PasswordResetTokenRow | undefined> {
  return db
    .selectFrom('password_reset_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
}

/**
 * Uses the token up, if it is still live: one conditional UPDATE, so of two concurrent resets
 * with one token exactly one gets the row back.
 */
export function consumePasswordResetToken(db: Db, tokenHash: Buffer): Promise<PasswordResetTokenRow | undefined> {
  return db
    .updateTable('password_reset_token')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst()
}

/** Retires every live reset token of a user; answers how many there were. */
export async function revokePasswordResetTokensOfUser(db: Db, shopId: string, userId: string): Promise<number> {
  const result = await db
    .updateTable('password_reset_token')
    .set({ revoked_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Stores an email verification code (its hash) valid for `ttlDays` from now, by the database clock. */
export function insertEmailVerificationToken(
  db: Db,
  row: { id: string; shopId: string; userId: string; tokenHash: Buffer; ttlDays: number },
): Promise<EmailVerificationTokenRow> {
  return db
    .insertInto('email_verification_token')
    .values({
      id: row.id,
      shop_id: row.shopId,
      user_id: row.userId,
      token_hash: row.tokenHash,
      expires_at: sql`now() + make_interval(days => ${row.ttlDays})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Uses a verification code of the shop up, if it is still live: one conditional UPDATE, so a code
 * works once even under concurrent tries.
 */
export function consumeEmailVerificationToken(
  db: Db,
  shopId: string,
  tokenHash: Buffer,
): Promise<EmailVerificationTokenRow | undefined> {
  return db
    .updateTable('email_verification_token')
    .set({ used_at: sql`now()` })
    .where('shop_id', '=', shopId)
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst()
}

/** Marks the user's address verified (keeps the first time it was); answers the row. */
export function markEmailVerified(db: Db, shopId: string, userId: string): Promise<UserRow | undefined> {
  return db
    .updateTable('user')
    .set({ email_verified_at: sql`coalesce(email_verified_at, now())` })
    .where('shop_id', '=', shopId)
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
}

/** Demo data only: makes a freshly registered demo account STAFF (the API does this through staff invites). */
export async function setUserRoleForSeed(db: Db, shopId: string, userId: string, role: UserRow['role']): Promise<void> {
  await db.updateTable('user').set({ role }).where('shop_id', '=', shopId).where('id', '=', userId).execute()
}

/** Whether a shop with this handle exists (seeding runs once). */
export async function shopHandleExists(db: Db, handle: string): Promise<boolean> {
  return (await db.selectFrom('shop').select('id').where('handle', '=', handle).executeTakeFirst()) !== undefined
}

/** The live ADMINs of a shop, locked in id order: two admins deleting themselves at once queue here. */
export async function lockShopAdmins(db: Db, shopId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('role', '=', 'ADMIN')
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute()
  return rows.map((row) => row.id)
}

/** The address an erased account keeps: unique per user, deliverable nowhere (RFC 2606 `.invalid`). */
export function erasedEmailOf(userId: string): string {
  return `erased+${userId}@erased.invalid`
}

/**
 * Erases a live user's personal data in place: the row stays (orders, posts, comments and reviews
 * point at it), with a placeholder address, the "Deleted user" name, no usable password and the
 * CUSTOMER role. Answers the row as it was, or undefined when there was no live user.
 */
export async function anonymizeUser(db: Db, shopId: string, userId: string): Promise<UserRow | undefined> {
  const before = await db
    .selectFrom('user')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()
  if (!before) return undefined
  await db
    .updateTable('user')
    .set({
      email: erasedEmailOf(userId),
      display_name: DELETED_USER_NAME,
      // Not an argon2 hash: no password ever verifies against it.
      password_hash: '!erased',
      role: 'CUSTOMER',
      deleted_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', userId)
    .execute()
  return before
}

/** Deletes every password reset code of a user, used or not; answers how many there were. */
export async function deletePasswordResetTokensOfUser(db: Db, shopId: string, userId: string): Promise<number> {
  const result = await db
    .deleteFrom('password_reset_token')
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
