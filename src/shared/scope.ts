import type { Deadline } from '../../db/deadline.js'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/types.js'
import type { Config } from '../config.js'
import { unauthenticated } from './errors.js'
import type { Viewer } from './viewer.js'

/**
 * What every service gets first: the request it acts for. The GraphQL context is one (it extends
 * this), so a resolver passes `ctx`; a job handler or a seed builds one with `systemScope`.
 */
export interface RequestScope {
  readonly db: Kysely<DB>
  readonly config: Config
  /** Who is calling (from a verified access token), or null when anonymous. */
  readonly viewer: Viewer | null
  readonly requestId: string
  /** When the request arrived (concurrent-refresh detection compares against it). */
  readonly requestStartedAt: Date
  /** The client's address for rate limits: IPv4, or the /64 of an IPv6 address. */
  readonly clientAddress: string
  /**
   * Charges points to the caller's cost budget (the one every operation is charged to); only HTTP
   * requests have one.
   */
  readonly chargeCost?: (points: number) => Promise<{ readonly charged: boolean; readonly level: number }>
  /** The HTTP request's deadline (`db` is bound to it already); none for jobs and boot work. */
  readonly deadline?: Deadline | null
}

/**
 * The signed-in viewer. The shield rule of every field that calls this refuses anonymous callers
 * first, so this throwing UNAUTHENTICATED is a second line, never the first.
 */
export function requireViewer(scope: Pick<RequestScope, 'viewer'>): Viewer {
  if (!scope.viewer) throw unauthenticated()
  return scope.viewer
}

/** A scope for work no HTTP request started (demo data, a job): `requestId` names it in the audit log. */
export function systemScope(db: Kysely<DB>, config: Config, viewer: Viewer | null, requestId: string): RequestScope {
  return { db, config, viewer, requestId, requestStartedAt: new Date(), clientAddress: requestId }
}
