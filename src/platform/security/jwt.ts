import { randomUUID } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { isUuid } from '../../shared/ids.js'
import type { Role } from '../../shared/rows.js'

export interface AccessTokenClaims {
  readonly sub: string
  readonly shop: string
  readonly role: Role
  readonly jti: string
  /** The session: the refresh-token family the token was issued with (revocations.ts ends it). */
  readonly sid: string
  readonly iat: number
  readonly exp: number
}

export interface JwtSettings {
  readonly jwtSecret: string
  readonly jwtIssuer: string
  readonly jwtAudience: string
  readonly accessTokenTtlSeconds: number
}

// Pinned: a token saying `alg: none` or RS256 (with the secret as a "public key") is refused.
const ALGORITHM = 'HS256' as const
const ROLES = new Set(['CUSTOMER', 'STAFF', 'ADMIN'])

export function signAccessToken(
  settings: JwtSettings,
  subject: { userId: string; shopId: string; role: Role; sessionId: string },
  now = new Date(),
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000)
  const exp = iat + settings.accessTokenTtlSeconds
  const token = jwt.sign(
    { shop: subject.shopId, role: subject.role, sid: subject.sessionId, iat, exp },
    settings.jwtSecret,
    {
      algorithm: ALGORITHM,
      subject: subject.userId,
      issuer: settings.jwtIssuer,
      audience: settings.jwtAudience,
      jwtid: randomUUID(),
    },
  )
  return { token, expiresAt: new Date(exp * 1000) }
}

/** Verifies signature, algorithm, issuer, audience and expiry; null for any token that fails. */
export function verifyAccessToken(settings: JwtSettings, token: string): AccessTokenClaims | null {
  let payload: string | jwt.JwtPayload
  try {
    payload = jwt.verify(token, settings.jwtSecret, {
      algorithms: [ALGORITHM],
      issuer: settings.jwtIssuer,
      audience: settings.jwtAudience,
      clockTolerance: 5,
    })
  } catch {
    return null
  }
  if (typeof payload !== 'object' || payload === null) return null
  const { sub, shop, role, jti, sid, iat, exp } = payload as Record<string, unknown>
  // jsonwebtoken accepts a token without `exp` as never expiring: we do not.
  if (typeof exp !== 'number' || typeof iat !== 'number') return null
  if (typeof sub !== 'string' || !isUuid(sub) || typeof shop !== 'string' || !isUuid(shop)) return null
  if (typeof role !== 'string' || !ROLES.has(role) || typeof jti !== 'string') return null
  // A token without a session cannot be ended before its expiry: not ours (any more).
  if (typeof sid !== 'string' || !isUuid(sid)) return null
  return { sub, shop, role: role as Role, jti, sid, iat, exp }
}
