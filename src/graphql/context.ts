import type { BucketState, CostBudget } from '../platform/ratelimit.js'
import { withDeadline } from '../../db/client.js'
import type { Deadline } from '../../db/deadline.js'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/types.js'
import type { Config } from '../config.js'
import { unauthenticated } from '../shared/errors.js'
import { toGraphQLError } from './errors.js'
import type { EmbedMap } from './embed.js'
import { createLoaders, embeds, type Loaders } from './loaders.js'
import { resolveNode } from './node.js'
import type { Logger } from '../shared/logger.js'
import type { RequestScope } from '../shared/scope.js'
import type { Semaphore } from '../shared/semaphore.js'
import type { Viewer } from '../shared/viewer.js'
import type { SessionRevocations } from '../platform/security/revocations.js'
import { verifyAccessToken } from '../platform/security/jwt.js'

/**
 * Everything a resolver gets for one request. Built fresh per request. It is the request's
 * RequestScope too: resolvers pass `ctx` first to every service.
 */
export interface Context extends RequestScope {
  readonly chargeCost: (points: number) => Promise<BucketState>
  readonly logger: Logger
  readonly loaders: Loaders
  /** Every module's embeds (graphql/embed.ts): what a list may fetch inside its own statement. */
  readonly embeds: EmbedMap
  /**
   * Users this request has just proved to be (by registering, logging in or creating a shop):
   * they may read their own private fields in the mutation's payload though the request came
   * without a token.
   */
  readonly provenUserIds: Set<string>
  /** The server's one checkout bulkhead (see createCheckoutBulkhead), passed to completeCheckout. */
  readonly checkoutBulkhead: Semaphore
  /**
   * `node(id:)` for modules that point at objects of any type (an audit event's target): through
   * the node registry, so each type's loader and visibility rules apply. Null when not visible.
   */
  readonly resolveNode: (globalId: string) => Promise<object | null>
}

export interface ContextDeps {
  db: Kysely<DB>
  config: Config
  logger: Logger
  /** The server's one checkout bulkhead (createCheckoutBulkhead), made with the server. */
  checkoutBulkhead: Semaphore
  /** Sessions ended before their tokens expire (logout, password change, ...), known in memory. */
  sessions: Pick<SessionRevocations, 'isRevoked'>
  /** The server's cost budgets (one per caller, shared by every API process through PostgreSQL). */
  costBudget: Pick<CostBudget, 'charge'>
}

export interface RequestInfo {
  authorization: string | undefined
  requestId: string
  clientAddress: string
  /** The request's deadline (plugins/deadline.ts): the context's database handle is bound to it. */
  deadline?: Deadline | null
}

/**
 * Reads the viewer from `Authorization: Bearer <jwt>`. No header: anonymous. A header that is
 * not a valid, unexpired token of ours, or one whose session has ended (logout, password change or
 * reset, role change, account deletion): 401 UNAUTHENTICATED, never a silent downgrade to anonymous.
 * Runs no SQL (ended sessions are known in memory): a request refused by validation costs the
 * database nothing.
 */
export function viewerFromAuthorization(
  config: Config,
  authorization: string | undefined,
  sessions: Pick<SessionRevocations, 'isRevoked'>,
): Viewer | null {
  if (authorization === undefined || authorization === '') return null
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(authorization.trim())
  if (!match) throw toGraphQLError(unauthenticated('The Authorization header must be "Bearer <access token>"'))
  const claims = verifyAccessToken(config, match[1])
  if (!claims) throw toGraphQLError(unauthenticated('The access token is invalid or expired'))
  if (sessions.isRevoked(claims.sid)) throw toGraphQLError(unauthenticated('The session has ended: sign in again'))
  return { userId: claims.sub, shopId: claims.shop, role: claims.role, tokenId: claims.jti }
}

export function createContext(deps: ContextDeps, request: RequestInfo): Context {
  const viewer = viewerFromAuthorization(deps.config, request.authorization, deps.sessions)
  const deadline = request.deadline ?? null
  const db = deadline ? withDeadline(deps.db, deadline) : deps.db
  const context: Context = {
    db,
    deadline,
    config: deps.config,
    logger: deps.logger.child({ requestId: request.requestId }),
    viewer,
    loaders: createLoaders(db, viewer),
    embeds,
    requestId: request.requestId,
    requestStartedAt: new Date(),
    clientAddress: request.clientAddress,
    provenUserIds: new Set(),
    checkoutBulkhead: deps.checkoutBulkhead,
    resolveNode: (globalId) => resolveNode(context, globalId),
    // Whose budget a request spends: the signed-in user's, or else the client address's.
    chargeCost: (points) =>
      deps.costBudget.charge(db, viewer ? `user:${viewer.userId}` : `addr:${request.clientAddress}`, points),
  }
  return context
}
