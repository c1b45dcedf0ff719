import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server'
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default'
import { expressMiddleware } from '@as-integrations/express5'
import { makeExecutableSchema } from '@graphql-tools/schema'
import cors from 'cors'
import express, { type ErrorRequestHandler, type Request } from 'express'
import { GraphQLError, type GraphQLSchema } from 'graphql'
import { applyMiddleware } from 'graphql-middleware'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { DB } from '../db/types.js'
import { migrationsAreCurrent } from '../db/migrate.js'
import type { Config, Limits } from './config.js'
import { createContext, type Context } from './context.js'
import { formatError, isDeliberate, operationThrottled } from './errors.js'
import { aliasLimitRule, depthLimitRule, directiveLimitRule, operationCost } from './guards.js'
import type { Logger } from './logger.js'
import { permissions } from './permissions.js'
import { chargeCostBucket, rateLimitAddress } from './ratelimit.js'
import { resolvers } from './resolvers.js'

const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema')

/** The SDL of every `schema/*.graphql` file, in name order. */
export function loadTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(path.join(schemaDir, file), 'utf8'))
}

/** The executable schema, with graphql-shield applied (deny by default). */
export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never })
  return applyMiddleware(schema, permissions)
}

export interface ServerDeps {
  config: Config
  db: Kysely<DB>
  logger: Logger
}

export interface BuiltServer {
  readonly app: express.Express
  readonly httpServer: http.Server
  readonly apollo: ApolloServer<Context>
  readonly schema: GraphQLSchema
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

declare module 'express-serve-static-core' {
  interface Request {
    id: string
  }
}

/** A GraphQL-shaped JSON error body, for failures before GraphQL runs (bad JSON, oversize body, 404). */
function jsonError(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] }
}

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
function costPlugin(limits: Limits): ApolloServerPlugin<Context> {
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

/** Logs every error that formatError will mask, with the request id, so it can be found. */
function errorLoggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isDeliberate(error)) continue
            const original = (error as GraphQLError).originalError ?? error
            contextValue.logger.error({ err: original, path: error.path }, 'unexpected error while handling a GraphQL request')
          }
        },
      }
    },
  }
}

/**
 * Builds the Express app and Apollo Server around the given database. Never listens: main.ts and
 * the tests decide where. Call `apollo.start()` before serving requests.
 */
export async function buildServer(deps: ServerDeps): Promise<BuiltServer> {
  const { config, db, logger } = deps
  const app = express()
  const httpServer = http.createServer(app)
  httpServer.requestTimeout = config.requestTimeoutMs
  httpServer.headersTimeout = Math.min(config.requestTimeoutMs, 60_000)
  app.disable('x-powered-by')
  // The client address (rate limits, cost budget) comes from X-Forwarded-For only through trusted proxies.
  app.set('trust proxy', config.trustProxy)

  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({
    name: 'shopfront_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'status'],
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'shopfront_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['route'],
    registers: [registry],
  })

  // Request id (honoured from x-request-id when sane), echoed back, logged with every line.
  app.use((req, res, next) => {
    const incoming = req.header('x-request-id')
    req.id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    res.setHeader('x-request-id', req.id)
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const route = req.path === '/graphql' ? '/graphql' : ['/healthz', '/readyz', '/metrics'].includes(req.path) ? req.path : 'other'
      requests.inc({ route, status: String(res.statusCode) })
      duration.observe({ route }, seconds)
      logger.info(
        {
          requestId: req.id,
          req: { method: req.method, url: req.originalUrl, headers: req.headers, remoteAddress: req.ip },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(seconds * 1000),
        },
        'request completed',
      )
    })
    next()
  })

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/readyz', async (req, res) => {
    try {
      await sql`SELECT 1`.execute(db)
      const current = await migrationsAreCurrent(db)
      if (!current) {
        res.status(503).json({ status: 'unavailable', database: 'ok', migrations: 'pending' })
        return
      }
      res.json({ status: 'ok', database: 'ok', migrations: 'current' })
    } catch (error) {
      logger.warn({ requestId: req.id, err: error }, 'readiness check failed')
      res.status(503).json({ status: 'unavailable', database: 'unreachable' })
    }
  })
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', registry.contentType)
    res.send(await registry.metrics())
  })

  const schema = buildSchema()
  const development = config.nodeEnv !== 'production'
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !development,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: drain HTTP, then the job workers, then the pool. Apollo's own
    // handlers (on by default outside NODE_ENV=test) would race it: the second stop() never
    // resolved, so the workers and the pool were never closed.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.limits.tokens },
    validationRules: [
      depthLimitRule(config.limits.depth),
      aliasLimitRule(config.limits.aliases),
      directiveLimitRule(config.limits.directives),
    ],
    formatError,
    logger: {
      debug: (message) => logger.debug(message),
      info: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(message),
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      development ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
      costPlugin(config.limits),
      errorLoggingPlugin(),
    ],
  })
  await apollo.start()

  const corsOptions = config.corsOrigins === '*' ? {} : { origin: [...config.corsOrigins] }
  app.use(
    '/graphql',
    cors(corsOptions),
    express.json({ limit: config.limits.bodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }: { req: Request }) =>
        createContext(
          { db, config, logger },
          { authorization: req.headers.authorization, requestId: req.id, clientAddress: rateLimitAddress(req.ip) },
        ),
    }),
  )

  app.use((_req, res) => {
    res.status(404).json(jsonError('Not found', 'NOT_FOUND'))
  })

  // Body-parser and any other error before GraphQL: a JSON body, never Express's HTML page or a stack.
  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    const type = (error as { type?: string }).type
    if (type === 'entity.too.large') {
      res.status(413).json(jsonError(`Request body is larger than ${config.limits.bodyBytes} bytes`, 'PAYLOAD_TOO_LARGE'))
      return
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json(jsonError('Request body is not valid JSON', 'BAD_REQUEST'))
      return
    }
    const status = (error as { status?: number }).status
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json(jsonError('Bad request', 'BAD_REQUEST'))
      return
    }
    logger.error({ requestId: req.id, err: error }, 'unhandled error in HTTP pipeline')
    res.status(500).json(jsonError('Internal server error', 'INTERNAL_SERVER_ERROR'))
  }
  app.use(onError)

  return { app, httpServer, apollo, schema }
}
