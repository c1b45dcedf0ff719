import { badUserInput } from './errors.js'

const PREFIX = 'gid://shopfront/'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export interface GlobalId {
  readonly type: string
  readonly id: string
}

/** `gid://shopfront/Product/<uuid>`: opaque to clients, but readable in logs and Sandbox. */
export function toGlobalId(type: string, id: string): string {
  return `${PREFIX}${type}/${id}`
}

/** Parses a global id; null when malformed. */
export function parseGlobalId(value: string): GlobalId | null {
  if (typeof value !== 'string' || value.length > 200 || !value.startsWith(PREFIX)) return null
  const rest = value.slice(PREFIX.length)
  const slash = rest.indexOf('/')
  if (slash <= 0) return null
  const type = rest.slice(0, slash)
  const id = rest.slice(slash + 1).toLowerCase()
  if (!/^[A-Z][A-Za-z]{0,40}$/.test(type) || !UUID.test(id)) return null
  return { type, id }
}

export function isUuid(value: string): boolean {
  return UUID.test(value)
}

/**
 * The UUID inside a global id given as an argument or input field: a malformed id, or one of
 * another type, is the client's mistake, so it is `BAD_USER_INPUT` (never a lookup).
 */
export function requireGlobalId(value: string, type: string, field: string[]): string {
  const parsed = parseGlobalId(value)
  if (!parsed || parsed.type !== type) {
    throw badUserInput(`"${field.join('.')}" must be the id of a ${type}`, field)
  }
  return parsed.id
}
