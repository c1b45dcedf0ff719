import type { ApolloServerPlugin } from '@apollo/server'
import { GraphQLError } from 'graphql'
import type { Limits } from '../../config.js'
import type { CostBudget } from '../../platform/ratelimit.js'
import type { Context } from '../context.js'
import { operationThrottled } from '../errors.js'
import { documentShape, nulCharacterIn, operationCost } from '../guards.js'

/** Shopify's shape: the caller's cost budget as this response leaves it. */
interface ThrottleStatus {
  maximumAvailable: number
  currentlyAvailable: number
  restoreRate: number
}

/**
 * Prices every operation after validation, refuses one over the per-operation limit (400, no SQL),
 * then charges it to the caller's leaky bucket (`ctx.chargeCost`, the budget http.ts makes; the data
 * export charges its extra points the same way) (shared by every API process through PostgreSQL,
 * settled in batches: ratelimit.ts createCostBudget) and refuses it with THROTTLED (429) when it does not fit: nothing of it runs.
 * Every response of a priced operation carries `extensions.cost { requested, limit }`, plus
 * `throttleStatus` once the bucket has been charged.
 *
 * A document refused by validation (the pre-check rule included) is charged too, for its size as
 * written (1 point per selection): validating it was work. When even that does not fit, the
 * answer becomes THROTTLED (429) instead of the validation errors.
 *
 * Before pricing, an operation with a NUL character in its variables or string literals is
 * refused with BAD_USER_INPUT (and charged nothing: nothing of it has run).
 *
 * The charge is made before execution, at the requested (worst-case) cost: charging the actual
 * cost afterwards (Shopify refunds the difference) would need a second statement per operation
 * and would let a burst of concurrent operations all start before any of them is paid.
 */
export function costPlugin(limits: Limits, budget: Pick<CostBudget, 'close'>): ApolloServerPlugin<Context> {
  const { cost: limit, costBucketCapacity: capacity, costLeakPerSecond: restoreRate } = limits
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          // After the drain: what the last requests charged reaches PostgreSQL (lost if it is away).
          await budget.close().catch(() => {})
        },
      }
    },
    async requestDidStart() {
      let requested: number | null = null
      let throttleStatus: ThrottleStatus | null = null
      /** The size to charge a document validation refused; null while it has not been refused. */
      let refusedSize: number | null = null

      const charge = async (ctx: Context, points: number) => {
        const bucket = await ctx.chargeCost(points)
        // Floored: never promise a point that has not leaked out yet.
        const currentlyAvailable = Math.max(0, Math.floor(capacity - bucket.level))
        throttleStatus = { maximumAvailable: capacity, currentlyAvailable, restoreRate }
        if (bucket.charged) return null
        const retryAfterSeconds = (bucket.level + points - capacity) / restoreRate
        return operationThrottled(
          `Throttled: this operation costs ${points} points and ${currentlyAvailable} are available ` +
            `(${restoreRate} restored per second)`,
          retryAfterSeconds,
        )
      }

      return {
        async validationDidStart({ document }) {
          // Apollo calls this hook's end without awaiting it: it only notes the refusal.
          return async (errors) => {
            if (errors?.length) refusedSize = Math.max(1, documentShape(document).written)
          }
        },
        async didResolveOperation({ request, document, operation, schema, contextValue }) {
          if (!operation) return
          const nul = nulCharacterIn(document, request.variables ?? {})
          if (nul) {
            throw new GraphQLError(`Strings may not contain NUL characters (\\u0000): ${nul}`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            })
          }
          requested = operationCost(schema, document, operation, request.variables ?? {})
          if (requested > limit) {
            throw new GraphQLError(`Query cost ${requested} exceeds the limit of ${limit}`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: { requested, limit }, http: { status: 400 } },
            })
          }
          const throttled = await charge(contextValue, requested)
          if (throttled) throw throttled
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return
          const result = response.body.singleResult
          if (refusedSize !== null) {
            requested = refusedSize
            const throttled = await charge(contextValue, requested)
            if (throttled) {
              // Thrown errors are not formatted here any more: answer the THROTTLED refusal as it is sent.
              const { http, ...extensions } = throttled.extensions as {
                http: { status: number; headers: Map<string, string> }
              }
              response.http.status = http.status
              for (const [name, value] of http.headers) response.http.headers.set(name, value)
              result.errors = [{ message: throttled.message, extensions }]
            }
          }
          if (requested === null) return
          const cost = throttleStatus ? { requested, limit, throttleStatus } : { requested, limit }
          result.extensions = { ...result.extensions, cost }
        },
      }
    },
  }
}
