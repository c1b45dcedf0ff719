import { createHash, createHmac, randomBytes } from 'node:crypto'

/** A new opaque refresh token: 256 random bits. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database keeps of a token: its SHA-256, never the token. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest()
}

/**
 * The successor of a refresh token is derived from it with a server-side key, so two concurrent
 * refreshes with the same token can both be answered with the one successor the winner stored,
 * without the database ever holding a usable token.
 */
export function successorToken(secret: string, token: string): string {
  return createHmac('sha256', `${secret}:refresh-rotation`).update(token, 'utf8').digest('base64url')
}

/** Refresh tokens are 43 base64url characters; anything else is refused before any lookup. */
export function looksLikeOpaqueToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value)
}

/**
 * The password reset token of a `password_reset_token` row, derived from its id with a server-side
 * key. The database keeps only the token's SHA-256, and the email job carries only the row id: the
 * worker that renders the email derives the token again, so no usable token is ever stored.
 */
export function passwordResetToken(secret: string, tokenId: string): string {
  return createHmac('sha256', `${secret}:password-reset`).update(tokenId, 'utf8').digest('base64url')
}

/**
 * The email verification code of an `email_verification_token` row, derived from its id with a
 * server-side key like passwordResetToken (another purpose, so neither code ever works as the other).
 */
export function emailVerificationToken(secret: string, tokenId: string): string {
  return createHmac('sha256', `${secret}:email-verification`).update(tokenId, 'utf8').digest('base64url')
}
