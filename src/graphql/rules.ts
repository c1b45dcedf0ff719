import { allow, deny, rule } from 'graphql-shield'

import type { Context } from './context.js'
import { forbidden, unauthenticated } from '../shared/errors.js'
import { isAdmin, isStaff } from '../shared/viewer.js'

export { allow, deny }

// Shield rules are named for what they let through (signedIn, staffOnly, adminOnly); the predicates
// they use are isStaff / isAdmin in shared/viewer.ts.

/** Any signed-in user. Anonymous callers get UNAUTHENTICATED. */
export const signedIn = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) =>
  ctx.viewer ? true : unauthenticated(),
)

/** STAFF or ADMIN of the viewer's shop (the shop itself is re-checked in every query's WHERE). */
export const staffOnly = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated()
  return isStaff(ctx.viewer) ? true : forbidden()
})

/** ADMIN of the viewer's shop. */
export const adminOnly = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated()
  return isAdmin(ctx.viewer) ? true : forbidden()
})

/** A module's rules: every field of every type it owns, by name. */
export type RuleMap = Record<string, Record<string, typeof allow | ReturnType<ReturnType<typeof rule>>>>
