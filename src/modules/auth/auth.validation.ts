// What the auth use cases share: input checks and the counting of attempts against rate limits.
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import { throttled, userError, type UserError } from '../../shared/errors.js'
import { passwordProblem } from '../../platform/security/passwords.js'
import { hitRateLimit } from '../../platform/ratelimit.js'
import { checkLength, hasControlCharacters } from '../../shared/validation.js'

export const SHOP_HANDLE = /^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$/
// Deliberately simple: one @, no spaces, a dot in the domain. Delivery is the real test.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/

/** A name (shop name, display name): 1–`max` characters on one line, no control characters. */
export function checkText(value: string, field: string[], label: string, max: number, errors: UserError[]): string {
  const text = checkLength(value, field, label, { min: 1, max }, errors)
  if (hasControlCharacters(text)) {
    errors.push(userError('INVALID_INPUT', `${label} must be one line of text without control characters`, field))
  }
  return text
}

export function checkEmail(value: string, field: string[], errors: UserError[]): string {
  const email = value.trim()
  if (email.length > 254 || !EMAIL.test(email))
    errors.push(userError('INVALID_INPUT', 'Email address is not valid', field))
  return email
}

export function checkPassword(password: string, email: string, field: string[], errors: UserError[]): void {
  const problem = passwordProblem(password, email)
  if (problem) errors.push(userError('WEAK_PASSWORD', problem, field))
}

/** `<shop handle>:<email>`, normalised and bounded, for rate-limit keys. */
export function accountKeyOf(input: { shopHandle: string; email: string }): string {
  return `${input.shopHandle.trim().toLowerCase().slice(0, 50)}:${input.email.trim().toLowerCase().slice(0, 254)}`
}

/**
 * Counts one attempt on each key, atomically (parallel attempts cannot all read a count that is
 * still under the limit), and throws THROTTLED when any key is past its limit for this window.
 */
export async function countAttempt(
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
