import { hash, verify, type Options } from '@node-rs/argon2'

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~20 ms here, costly to brute-force.
// @node-rs/argon2 rather than `argon2`: the latter's prebuilt addon segfaulted on load here
// (Debian 12, Node 20), and napi-rs ships a per-platform package with no install script.
// `Algorithm` is an ambient const enum, which isolatedModules cannot import: 2 is Argon2id
// (a test checks the stored hashes start with `$argon2id$`).
const OPTIONS: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const PASSWORD_MIN_LENGTH = 10
// Bounded so a megabyte password cannot be used to burn CPU.
export const PASSWORD_MAX_LENGTH = 200

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

/** How many argon2 verifications this process has run (the login tests read it). */
export const passwordVerifications = { count: 0 }

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  passwordVerifications.count += 1
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined
/**
 * Verifies against a throwaway hash with the same parameters, so a login for an unknown email
 * costs as much time as a wrong password and the two cannot be told apart by timing.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('shopfront-timing-equalizer')
  await verifyPassword(await dummyHash, password)
}

/** The password policy; returns a message when the password is refused. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Password must be at least ${PASSWORD_MIN_LENGTH} characters`
  if (password.length > PASSWORD_MAX_LENGTH) return `Password must be at most ${PASSWORD_MAX_LENGTH} characters`
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'Password must not be the email address'
  return null
}
