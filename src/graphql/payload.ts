import type { Result, UserError } from '../shared/errors.js'

/** A mutation payload: the named fields of the result (null when it failed) and its userErrors. */
export type Payload<T, K extends keyof T> = { [P in K]: T[P] | null } & { userErrors: UserError[] }

/**
 * The one way a service result becomes a mutation payload: `toPayload(result, 'product')` answers
 * `{ product, userErrors: [] }` when it is ok and `{ product: null, userErrors }` when it failed. A
 * payload whose fields are not the result's takes a mapping and the fields of a failure instead:
 * `toPayload(result, (ok) => ({ deletedPostId: toGlobalId('Post', ok.postId) }), { deletedPostId: null })`.
 */
export function toPayload<T extends object, K extends keyof T>(result: Result<T>, ...keys: K[]): Payload<T, K>
export function toPayload<T extends object, P extends object, F extends { [K in keyof P]: unknown }>(
  result: Result<T>,
  map: (ok: T) => P,
  failed: F,
): (NoInfer<P> | NoInfer<F>) & { userErrors: UserError[] }
export function toPayload<T extends object>(result: Result<T>, ...rest: unknown[]): object {
  if (typeof rest[0] === 'function') {
    const map = rest[0] as (ok: T) => object
    return result.ok ? { ...map(result), userErrors: [] } : { ...(rest[1] as object), userErrors: result.errors }
  }
  const payload: Record<string, unknown> = { userErrors: result.ok ? [] : result.errors }
  for (const key of rest as (keyof T)[]) payload[key as string] = result.ok ? result[key] : null
  return payload
}
