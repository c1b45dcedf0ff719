import { allow, deny, rule } from 'graphql-shield'

import type { Context } from './context.js'
import { forbidden, unauthenticated } from '../shared/errors.js'

export { allow, deny }

/** Any signed-in user. Anonymous callers get UNAUTHENTICATED. */
export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) =>
  ctx.viewer ? true : unauthenticated(),
)

/** STAFF or ADMIN of the viewer's shop (the shop itself is re-checked in every query's WHERE). */
export const isStaff = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated()
  return ctx.viewer.role === 'STAFF' || ctx.viewer.role === 'ADMIN' ? true : forbidden()
})

export const isAdmin = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated()
  return ctx.viewer.role === 'ADMIN' ? true : forbidden()
})

/** A module's rules: every field of every type it owns, by name. */
export type RuleMap = Record<string, Record<string, typeof allow | ReturnType<ReturnType<typeof rule>>>>
