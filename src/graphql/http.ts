import { randomUUID, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import { ApolloServer } from '@apollo/server'
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer'
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled'
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default'
import { expressMiddleware } from '@as-integrations/express5'
import cors from 'cors'
import express, { type ErrorRequestHandler, type Request } from 'express'
import type { GraphQLSchema } from 'graphql'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { DB } from '../../db/types.js'
import { migrationsAreCurrent } from '../../db/migrate.js'
import type { Config } from '../config.js'
import { createContext, type Context } from './context.js'
import { createFormatError } from './errors.js'
import { aliasLimitRule, depthLimitRule, directiveLimitRule, knownOperationTypesRule, precheckRule } from './guards.js'
import type { Logger } from '../shared/logger.js'
import { createCostBudget, rateLimitAddress } from '../platform/ratelimit.js'
import { SessionRevocations } from '../platform/security/revocations.js'
import { costPlugin } from './plugins/cost.js'
import { errorLoggingPlugin } from './plugins/error-logging.js'
import { buildSchema } from './schema.js'
import { createCheckoutBulkhead } from '../modules/orders/orders.service.js'
import { deadlinePlugin, requestDeadline } from './plugins/deadline.js'

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
  /**
   * The Prometheus endpoint alone, when METRICS_PORT is set (main.ts listens on it); otherwise null
   * and `/metrics` is on the API port (behind METRICS_TOKEN when set, off in production without it).
   */
  readonly metricsServer: http.Server | null
  /** Ended sessions, known in memory; started before the server is returned, stopped with Apollo. */
  readonly sessions: SessionRevocations
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

declare module 'express-serve-static-core' {
  interface Request {
    id: string
  }
}

/** Whether `Authorization` is `Bearer <expected>`, compared in constant time. */
function bearerMatches(authorization: string | undefined, expected: string): boolean {
  const presented = Buffer.from(/^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '')
  const wanted = Buffer.from(expected)
  return presented.length === wanted.length && timingSafeEqual(presented, wanted)
}

/**
 * The request headers an access log line names: a fixed few, never a token or a cookie (their
 * presence only, as "[redacted]"). Serializing (and redacting) every header of every request was a
 * measurable share of a small query's CPU (bench/README.md, "Request path levers").
 */
function loggedHeaders(req: Request): Record<string, string | undefined> {
  const h = req.headers
  return {
    'user-agent': h['user-agent'],
    'content-type': h['content-type'],
    'content-length': h['content-length'],
    'x-forwarded-for': h['x-forwarded-for'] as string | undefined,
    authorization: h.authorization === undefined ? undefined : '[redacted]',
    cookie: h.cookie === undefined ? undefined : '[redacted]',
  }
}

/** A GraphQL-shaped JSON error body, for failures before GraphQL runs (bad JSON, oversize body, 404). */
function jsonError(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] }
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
    warnOfUntrustedProxy(req)
    // Read now: inside a mounted router (/graphql) req.path is relative to the mount point.
    const path = req.path
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const route =
        path === '/graphql' ? '/graphql' : ['/healthz', '/readyz', '/metrics'].includes(path) ? path : 'other'
      requests.inc({ route, status: String(res.statusCode) })
      duration.observe({ route }, seconds)
      logger.info(
        {
          requestId: req.id,
          // The path only: a query string can carry secrets (a GET with a mutation and its password).
          req: { method: req.method, url: path, headers: loggedHeaders(req), remoteAddress: req.ip },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(seconds * 1000),
        },
        'request completed',
      )
    })
    next()
  })
  // One deadline (REQUEST_TIMEOUT_MS) for the whole response: a typed 503 past it, SQL cancelled.
  app.use(requestDeadline(config.requestTimeoutMs))

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
  const serveMetrics: express.RequestHandler = async (req, res, next) => {
    if (config.metricsToken !== null && !bearerMatches(req.header('authorization'), config.metricsToken)) {
      res.setHeader('www-authenticate', 'Bearer')
      res.status(401).json(jsonError('/metrics needs "Authorization: Bearer <METRICS_TOKEN>"', 'UNAUTHENTICATED'))
      return
    }
    try {
      res.setHeader('content-type', registry.contentType)
      res.send(await registry.metrics())
    } catch (error) {
      next(error)
    }
  }
  // Public metrics tell anyone the traffic and the process's internals: in production they need a
  // port of their own (METRICS_PORT) or a token (METRICS_TOKEN); without either, there are none.
  let metricsServer: http.Server | null = null
  if (config.metricsPort !== null) {
    const metricsApp = express()
    metricsApp.disable('x-powered-by')
    metricsApp.get('/metrics', serveMetrics)
    metricsApp.use((_req, res) => {
      res.status(404).json(jsonError('Not found', 'NOT_FOUND'))
    })
    metricsServer = http.createServer(metricsApp)
  } else if (config.metricsToken !== null || config.nodeEnv !== 'production') {
    app.get('/metrics', serveMetrics)
  } else {
    logger.warn('/metrics is off: set METRICS_PORT (a port of its own) or METRICS_TOKEN to serve Prometheus metrics')
  }

  // X-Forwarded-For from a peer that TRUST_PROXY does not name is ignored: every client behind that
  // proxy then shares its address (one cost budget, one login limit). Said once per process.
  const trusted = app.get('trust proxy fn') as (address: string, hop: number) => boolean
  let warnedOfProxy = false
  function warnOfUntrustedProxy(req: express.Request): void {
    if (warnedOfProxy || req.headers['x-forwarded-for'] === undefined) return
    const peer = req.socket.remoteAddress ?? ''
    if (trusted(peer, 0)) return
    warnedOfProxy = true
    logger.warn(
      { peer, trustProxy: config.trustProxy },
      'a request came with X-Forwarded-For from a peer TRUST_PROXY does not trust: the header is ignored and every ' +
        'client behind that proxy shares its address for rate limits and the cost budget; set TRUST_PROXY to the proxy',
    )
  }

  // Access tokens of ended sessions are refused from the first request on; 5 s is verify's clock tolerance.
  const sessions = new SessionRevocations({
    db,
    listenUrl: config.databaseListenUrl,
    retainSeconds: config.accessTokenTtlSeconds + 5,
    logger,
  })
  await sessions.start()

  // The callers' cost budgets: charged in memory, settled into PostgreSQL every API_COST_SETTLE_MS
  // through the server's own handle (ratelimit.ts: the over-spend bound). Closed by the cost plugin.
  const costBudget = createCostBudget({
    capacity: config.limits.costBucketCapacity,
    leakPerSecond: config.limits.costLeakPerSecond,
    settleMs: config.limits.costSettleMs,
    settleWith: db,
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
      precheckRule,
      depthLimitRule(config.limits.depth),
      aliasLimitRule(config.limits.aliases),
      directiveLimitRule(config.limits.directives),
      knownOperationTypesRule,
    ],
    formatError: createFormatError({ suggestions: development }),
    logger: {
      debug: (message) => logger.debug(message),
      info: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(message),
    },
    plugins: [
      deadlinePlugin(),
      // In-flight requests get SHUTDOWN_GRACE_MS (Apollo's own default is a fixed 10 s).
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
      // No @cacheControl hints in the schema: the default plugin would only add a hook to every field.
      ApolloServerPluginCacheControlDisabled(),
      costPlugin(config.limits, costBudget),
      errorLoggingPlugin(),
      { serverWillStart: async () => ({ serverWillStop: () => sessions.stop() }) },
    ],
  })
  await apollo.start()

  const corsOptions = config.corsOrigins === '*' ? {} : { origin: [...config.corsOrigins] }
  // One checkout bulkhead per server: bursts of checkouts wait in memory, not on the pool.
  const checkoutBulkhead = createCheckoutBulkhead(config)
  app.use(
    '/graphql',
    cors(corsOptions),
    express.json({ limit: config.limits.bodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }: { req: Request }) =>
        createContext(
          { db, config, logger, sessions, checkoutBulkhead, costBudget },
          {
            authorization: req.headers.authorization,
            requestId: req.id,
            clientAddress: rateLimitAddress(req.ip),
            deadline: req.deadline ?? null,
          },
        ),
    }),
  )

  app.use((_req, res) => {
    res.status(404).json(jsonError('Not found', 'NOT_FOUND'))
  })

  // Body-parser and any other error before GraphQL: a JSON body, never Express's HTML page or a stack.
  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    // The deadline answered 503 first; the abandoned execution's late write is dropped.
    if (res.headersSent) return
    const type = (error as { type?: string }).type
    if (type === 'entity.too.large') {
      res
        .status(413)
        .json(jsonError(`Request body is larger than ${config.limits.bodyBytes} bytes`, 'PAYLOAD_TOO_LARGE'))
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

  return { app, httpServer, apollo, schema, sessions, metricsServer }
}
