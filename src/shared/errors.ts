import type { UserErrorCode } from '../generated/graphql.js'

// Errors and results every layer may use. Nothing here imports graphql: services stay free of the
// transport. graphql-js copies a thrown error's `extensions` onto the GraphQLError it wraps it in,
// and graphql/errors.ts lets exactly these (RequestError) through formatError unmasked.

/** An expected failure of a mutation, reported in the payload's `userErrors`. */
export interface UserError {
  readonly code: UserErrorCode
  readonly field: string[] | null
  readonly message: string
}

export function userError(code: UserErrorCode, message: string, field: string[] | null = null): UserError {
  return { code, message, field }
}

/** What a service answers: the data, or the expected failures. Bugs are thrown, not returned. */
export type Result<T> = ({ ok: true } & T) | { ok: false; errors: UserError[] }

export function fail(...errors: UserError[]): { ok: false; errors: UserError[] } {
  return { ok: false, errors }
}

/** The codes a RequestError may carry. */
export type RequestErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'THROTTLED'

/**
 * A deliberate refusal of the whole field or request (not a userError): the client sees its message
 * and `extensions.code`. Thrown by services, loaders, rules and helpers alike.
 */
export class RequestError extends Error {
  readonly extensions: Record<string, unknown> & { code: RequestErrorCode }
  constructor(code: RequestErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message)
    this.name = 'RequestError'
    this.extensions = { code, ...extensions }
  }
}

/** No token, or a bad one, on something that needs one (HTTP 401 when it refuses the request). */
export function unauthenticated(message = 'Authentication required: send a valid access token'): RequestError {
  return new RequestError('UNAUTHENTICATED', message, { http: { status: 401 } })
}

/** Signed in, but not allowed. */
export function forbidden(message = 'You are not allowed to do this'): RequestError {
  return new RequestError('FORBIDDEN', message)
}

/**
 * Rate limited: try again after `retryAfterSeconds`. Every THROTTLED answer is HTTP 429 with a
 * Retry-After header (SPEC section 6): Apollo takes the status and headers from `extensions.http`
 * of any error (a plain Map is enough for the headers), and formatError drops `http` from the body.
 */
export function throttled(
  message: string,
  retryAfterSeconds: number,
  extensions: Record<string, unknown> = {},
): RequestError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds))
  return new RequestError('THROTTLED', message, {
    retryAfterSeconds: seconds,
    ...extensions,
    http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
  })
}

/** A malformed argument: a bad id or cursor, a page size out of range. */
export function badUserInput(message: string, field?: string[]): RequestError {
  return new RequestError('BAD_USER_INPUT', message, field ? { field } : {})
}
