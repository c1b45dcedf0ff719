import type { ApolloServerPlugin } from '@apollo/server'
import { GraphQLError } from 'graphql'
import type { Limits } from '../../config.js'
import { chargeCostBucket } from '../../platform/ratelimit.js'
import type { Context } from '../context.js'
import { operationThrottled } from '../errors.js'
import { operationCost } from '../guards.js'

/** Shopify's shape: the caller's cost budget as this response leaves it. */
interface ThrottleStatus {
  maximumAvailable: number
  currentlyAvailable: number
  restoreRate: number
}

/** Whose budget an operation spends: the signed-in user's, or else the client address's. */
function costBucketKey(ctx: Context): string {
  return ctx.viewer ? `user:${ctx.viewer.userId}` : `addr:${ctx.clientAddress}`
}

/**
 * Prices every operation after validation, refuses one over the per-operation limit (400, no SQL),
 * then charges it to the caller's leaky bucket in PostgreSQL (one statement, shared by every API
 * process) and refuses it with THROTTLED (429) when it does not fit: nothing of it runs.
 * Every response of a priced operation carries `extensions.cost { requested, limit }`, plus
 * `throttleStatus` once the bucket has been charged.
 *
 * The charge is made here, before execution, at the requested (worst-case) cost: charging the
 * actual cost afterwards (Shopify refunds the difference) would need a second statement per
 * operation and would let a burst of concurrent operations all start before any of them is paid.
 */
export function costPlugin(limits: Limits): ApolloServerPlugin<Context> {
  const { cost: limit, costBucketCapacity: capacity, costLeakPerSecond: restoreRate } = limits
  return {
    async requestDidStart() {
      let requested: number | null = null
      let throttleStatus: ThrottleStatus | null = null
      return {
        async didResolveOperation({ request, document, operation, schema, contextValue }) {
          if (!operation) return
          requested = operationCost(schema, document, operation, request.variables ?? {})
          if (requested > limit) {
            throw new GraphQLError(`Query cost ${requested} exceeds the limit of ${limit}`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: { requested, limit }, http: { status: 400 } },
            })
          }
          const bucket = await chargeCostBucket(contextValue.db, costBucketKey(contextValue), requested, {
            capacity,
            leakPerSecond: restoreRate,
          })
          // Floored: never promise a point that has not leaked out yet.
          const currentlyAvailable = Math.max(0, Math.floor(capacity - bucket.level))
          throttleStatus = { maximumAvailable: capacity, currentlyAvailable, restoreRate }
          if (!bucket.charged) {
            const retryAfterSeconds = (bucket.level + requested - capacity) / restoreRate
            throw operationThrottled(
              `Throttled: this operation costs ${requested} points and ${currentlyAvailable} are available ` +
                `(${restoreRate} restored per second)`,
              retryAfterSeconds,
            )
          }
        },
        async willSendResponse({ response }) {
          if (requested === null || response.body.kind !== 'single') return
          const result = response.body.singleResult
          const cost = throttleStatus ? { requested, limit, throttleStatus } : { requested, limit }
          result.extensions = { ...result.extensions, cost }
        },
      }
    },
  }
}
