import type { Role } from './rows.js'

/** Who is calling, from a verified access token. Nothing here is read from the request body. */
export interface Viewer {
  readonly userId: string
  readonly shopId: string
  readonly role: Role
  /** The access token's `jti`. */
  readonly tokenId: string
}

/** The one staff predicate: STAFF or ADMIN (of the viewer's own shop; every query re-checks the shop in SQL). */
export function isStaff(viewer: Viewer | null | undefined): boolean {
  return viewer?.role === 'STAFF' || viewer?.role === 'ADMIN'
}

/** ADMIN of the viewer's own shop. */
export function isAdmin(viewer: Viewer | null | undefined): boolean {
  return viewer?.role === 'ADMIN'
}
