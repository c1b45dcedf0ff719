import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { print } from 'graphql'
import type { Kysely } from 'kysely'
import { openDatabase, type Database } from '../../db/client.js'
import type { DB } from '../../db/types.js'
import { loadConfig, type Config } from '../../src/config.js'
import { startJobs, type JobsRuntime } from '../../src/platform/jobs/runtime.js'
import { jobHandlers } from '../../src/modules/index.js'
import { createLogger } from '../../src/shared/logger.js'
import { buildServer, type BuiltServer } from '../../src/graphql/http.js'
import { createTestDatabase, type TestDatabase } from './database.js'

export interface GraphQLResponse<R> {
  status: number
  headers: Headers
  body: {
    data?: R | null
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[]
    extensions?: Record<string, any>
  }
}

export interface RequestOptions {
  token?: string | null
  headers?: Record<string, string>
}

/** A running Shopfront on a fresh database of its own, over real HTTP. */
export interface TestApp {
  readonly url: string
  readonly config: Config
  /** The app's own Kysely: queries made through it are counted like the app's. */
  readonly db: Kysely<DB>
  readonly server: BuiltServer
  /** The database this app serves (another app can be started on it with `{ sameDatabaseAs }`). */
  readonly database: TestDatabase
  /** The job workers, when started with `{ jobs: true }`; otherwise jobs are enqueued and never run. */
  readonly jobs: JobsRuntime | null
  /** SQL statements the app has run (through Kysely) since the last `statements.reset()`. */
  readonly statements: { readonly count: number; readonly sql: string[]; reset(): void }
  /** Sends a typed operation; the response is typed by the document. */
  gql<R, V>(document: TypedDocumentNode<R, V>, variables?: V, options?: RequestOptions): Promise<GraphQLResponse<R>>
  /** Sends a raw body (or a raw string) to /graphql. */
  post(
    body: unknown,
    options?: RequestOptions & { raw?: boolean },
  ): Promise<{ status: number; headers: Headers; text: string }>
  close(): Promise<void>
}

export interface TestAppOptions {
  /** Where the app's JSON log lines go (default: nowhere). */
  logDestination?: NodeJS.WritableStream
  logLevel?: string
  /** Run the job workers in the app (as the API does with JOBS_WORKERS on). */
  jobs?: boolean
  /** A second API process: serve that app's database (which stays that app's to drop). */
  sameDatabaseAs?: TestApp
}

export async function startTestApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const shared = options.sameDatabaseAs?.database
  const testDb: TestDatabase = shared ? { ...shared, drop: async () => {} } : await createTestDatabase()
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: testDb.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      // Every test account comes from 127.0.0.1; the sign-up limit has tests of its own.
      SIGNUP_MAX_PER_ADDRESS: '1000000',
    },
    {
      databasePoolMax: testDb.poolMax,
      // The in-memory PGlite delivers no notifications: revocations are announced in process there.
      ...(testDb.embedded ? { databaseListenUrl: null } : {}),
      // Two apps on one database are one deployment: they share the signing key.
      ...(options.sameDatabaseAs ? { jwtSecret: options.sameDatabaseAs.config.jwtSecret } : {}),
      ...overrides,
    },
  )
  const executed: string[] = []
  const database: Database = openDatabase({
    url: testDb.url,
    max: config.databasePoolMax,
    onQuery: (event) => {
      executed.push(event.query.sql)
    },
  })
  const logger = createLogger(options.logLevel ?? (process.env.TEST_LOG_LEVEL || 'silent'), options.logDestination)
  const jobs = options.jobs
    ? await startJobs({ config, db: database.db, pool: database.pool, logger, handlers: jobHandlers })
    : null
  const server = await buildServer({ config, db: database.db, logger })
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve))
  const { port } = server.httpServer.address() as AddressInfo
  const url = `http://127.0.0.1:${port}/graphql`

  const send = async (body: string, options: RequestOptions = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    return fetch(url, { method: 'POST', headers, body })
  }

  return {
    url,
    config,
    db: database.db,
    server,
    database: testDb,
    jobs,
    statements: {
      get count() {
        return executed.length
      },
      get sql() {
        return [...executed]
      },
      reset() {
        executed.length = 0
      },
    },
    async gql(document, variables, options) {
      const response = await send(JSON.stringify({ query: print(document), variables: variables ?? {} }), options)
      const text = await response.text()
      let body
      try {
        body = JSON.parse(text)
      } catch {
        throw new Error(`non-JSON response (${response.status}): ${text.slice(0, 500)}`)
      }
      return { status: response.status, headers: response.headers, body }
    },
    async post(body, options = {}) {
      const response = await send(options.raw ? String(body) : JSON.stringify(body), options)
      return { status: response.status, headers: response.headers, text: await response.text() }
    },
    async close() {
      if (server.metricsServer?.listening) {
        server.metricsServer.closeAllConnections()
        await new Promise((resolve) => server.metricsServer!.close(resolve))
      }
      await server.apollo.stop()
      await jobs?.stop()
      await database.close()
      await testDb.drop()
    },
  }
}

/** Throws with the errors when a response has any: use before reading `data`. */
export function expectNoErrors<R>(response: GraphQLResponse<R>): R {
  if (response.body.errors?.length) {
    throw new Error(`unexpected errors (${response.status}): ${JSON.stringify(response.body.errors)}`)
  }
  if (!response.body.data) throw new Error(`no data (${response.status})`)
  return response.body.data
}

/** The code of the response's first error, if any. */
export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  return response.body.errors?.[0]?.extensions?.code
}
