import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'

/** Runtime mode. Production is the default: development has to be asked for (`npm run dev`). */
export type NodeEnv = 'production' | 'development' | 'test'

export interface Limits {
  readonly depth: number
  readonly aliases: number
  readonly directives: number
  readonly tokens: number
  readonly cost: number
  /** Points a viewer's (or anonymous address's) cost bucket holds: the most a burst may spend. */
  readonly costBucketCapacity: number
  /** Points per second that leak out of the bucket: the sustained rate. */
  readonly costLeakPerSecond: number
  /** How often each API process settles the cost it charged in memory into PostgreSQL (ms); 0: every charge is a write. */
  readonly costSettleMs: number
  readonly pageSize: number
  readonly listInput: number
  readonly bodyBytes: number
  /** Failed logins allowed per (shop, email) in one window. */
  readonly loginFailuresPerAccount: number
  /** Failed logins allowed per client address in one window. */
  readonly loginFailuresPerAddress: number
  readonly loginFailureWindowSeconds: number
  /** Wrong current passwords allowed per user in one window of `passwordChange`. */
  readonly passwordChangeFailuresPerUser: number
  readonly passwordChangeFailureWindowSeconds: number
  /** Password reset requests allowed per (shop, email) in one window, whether or not the account exists. */
  readonly passwordResetRequestsPerAccount: number
  /** Password reset requests allowed per client address in one window. */
  readonly passwordResetRequestsPerAddress: number
  readonly passwordResetWindowSeconds: number
  /** Accounts and shops created per client address in one window (each would bring a fresh cost budget). */
  readonly signupsPerAddress: number
  readonly signupWindowSeconds: number
}

/** How long each class of data is kept before the job workers purge it (SPEC §4), in seconds. */
export interface Retention {
  /** Stored outcomes of mutations sent with an idempotency key (RETENTION_IDEMPOTENCY_KEY_HOURS, 24). */
  readonly idempotencyKeySeconds: number
  /** The email log, `email_delivery` (RETENTION_EMAIL_LOG_DAYS, 30). */
  readonly emailLogSeconds: number
  /** Failed and dead-lettered jobs with their data (RETENTION_FAILED_JOB_DAYS, 14). */
  readonly failedJobSeconds: number
  /** The audit log (RETENTION_AUDIT_EVENT_DAYS, 400). */
  readonly auditEventSeconds: number
}

export interface Config {
  readonly nodeEnv: NodeEnv
  readonly port: number
  readonly host: string
  /** `null` means the embedded database (PGlite) under `dataDir`. */
  readonly databaseUrl: string | null
  /**
   * A direct (session-mode) connection for LISTEN, which PgBouncer in transaction mode cannot carry:
   * DATABASE_LISTEN_URL, else DATABASE_URL; `null` on the embedded database (in-process announcements).
   */
  readonly databaseListenUrl: string | null
  readonly dataDir: string
  readonly jwtSecret: string
  readonly jwtIssuer: string
  readonly jwtAudience: string
  readonly accessTokenTtlSeconds: number
  readonly refreshTokenTtlSeconds: number
  readonly logLevel: string
  /** SMTP server for outgoing email; `null` writes each message as an `.eml` file under `dataDir/mail/`. */
  readonly smtpUrl: string | null
  /** The From header of outgoing email. */
  readonly mailFrom: string
  /** Whether this process runs the job workers (off on API replicas when `npm run worker` runs them). */
  readonly jobsWorkers: boolean
  /** How often an idle worker polls its queue. */
  readonly jobsPollingIntervalSeconds: number
  /** Retries after the first attempt (4: five tries in all), then the job is dead-lettered. */
  readonly jobsRetryLimit: number
  /** The delay before the first retry; doubled for each further retry when `jobsRetryBackoff`. */
  readonly jobsRetryDelaySeconds: number
  readonly jobsRetryBackoff: boolean
  readonly demoData: boolean
  readonly redisUrl: string | null
  readonly corsOrigins: readonly string[] | '*'
  /**
   * Which proxies' X-Forwarded-For is believed for the client address (rate limits, cost budget):
   * Express's `trust proxy` value, e.g. `loopback` (default), `10.0.0.0/8`, or a hop count.
   */
  readonly trustProxy: string | number
  readonly requestTimeoutMs: number
  /** Serve `/metrics` on this port only (not on the API port); `null`: on the API port. */
  readonly metricsPort: number | null
  /** Require `Authorization: Bearer <token>` for `/metrics`; in production `/metrics` is off without it or a port. */
  readonly metricsToken: string | null
  /** Connections in the pool: DATABASE_POOL_MAX (default 10); always 1 on the embedded database. */
  readonly databasePoolMax: number
  /** Checkout transactions run at once per process (a bulkhead); the rest wait their turn in memory. */
  readonly checkoutConcurrency: number
  /** Product title searches (`titleContains`) run at once per process; the rest wait in memory. */
  readonly searchConcurrency: number
  /** `statement_timeout` of a title search's statements (SET LOCAL), tighter than the pool's 5 s. */
  readonly searchStatementTimeoutMs: number
  readonly shutdownGraceMs: number
  readonly introspection: boolean
  readonly limits: Limits
  readonly retention: Retention
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

/**
 * The only reader of `process.env`. Validates every variable, collects all problems into one
 * ConfigError (so a misconfigured boot names everything wrong at once) and returns a frozen Config.
 */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = []
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`)
      return fallback
    }
    return value
  }
  const decimal = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!/^\d+(\.\d+)?$/.test(raw.trim()) || value < min || value > max) {
      problems.push(`${name} must be a number between ${min} and ${max} (got "${raw}")`)
      return fallback
    }
    return value
  }
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase()
    if (raw === undefined || raw === '') return fallback
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true
    if (['0', 'false', 'no', 'off'].includes(raw)) return false
    problems.push(`${name} must be true or false (got "${env[name]}")`)
    return fallback
  }

  const rawEnv = env.NODE_ENV ?? 'production'
  let nodeEnv: NodeEnv = 'production'
  if (rawEnv === 'production' || rawEnv === 'development' || rawEnv === 'test') nodeEnv = rawEnv
  else problems.push(`NODE_ENV must be production, development or test (got "${rawEnv}")`)

  const databaseUrl = env.DATABASE_URL ? env.DATABASE_URL : null
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL')
  }
  const databaseListenUrl = env.DATABASE_LISTEN_URL ? env.DATABASE_LISTEN_URL : databaseUrl
  if (env.DATABASE_LISTEN_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_LISTEN_URL)) {
    problems.push('DATABASE_LISTEN_URL must be a postgres:// or postgresql:// URL')
  }
  if (env.DATABASE_LISTEN_URL && !databaseUrl) problems.push('DATABASE_LISTEN_URL needs DATABASE_URL')
  const dataDir = path.resolve(env.DATA_DIR || './data')

  const logLevel = env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info')
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`)
  }

  const smtpUrl = env.SMTP_URL ? env.SMTP_URL : null
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL')
  const mailFrom = env.MAIL_FROM || 'Shopfront <no-reply@shopfront.local>'
  if (!/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(mailFrom.trim())) {
    problems.push('MAIL_FROM must be an address, e.g. "Shop <no-reply@example.com>" or "no-reply@example.com"')
  }
  const redisUrl = env.REDIS_URL ? env.REDIS_URL : null
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must be a redis:// or rediss:// URL')

  let jwtSecret = env.JWT_SECRET ?? ''
  if (jwtSecret && Buffer.byteLength(jwtSecret) < 32) {
    problems.push('JWT_SECRET must be at least 32 bytes long')
  } else if (!jwtSecret) {
    if (databaseUrl === null && overrides.jwtSecret === undefined) {
      // Embedded database: generate one secret and keep it beside the data, so tokens survive restarts.
      jwtSecret = readOrCreateSecret(dataDir)
    } else if (nodeEnv === 'production' && overrides.jwtSecret === undefined) {
      problems.push('JWT_SECRET is required in production (at least 32 bytes; e.g. `openssl rand -base64 48`)')
    } else {
      jwtSecret = overrides.jwtSecret ?? randomBytes(48).toString('base64url')
    }
  }

  const metricsToken = env.METRICS_TOKEN ? env.METRICS_TOKEN : null
  if (metricsToken !== null && (Buffer.byteLength(metricsToken) < 16 || /\s/.test(metricsToken))) {
    problems.push('METRICS_TOKEN must be at least 16 bytes, without spaces (e.g. `openssl rand -hex 24`)')
  }

  const corsRaw = env.CORS_ORIGINS?.trim()
  const corsOrigins: readonly string[] | '*' =
    !corsRaw || corsRaw === '*'
      ? '*'
      : Object.freeze(
          corsRaw
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
        )

  const config: Config = {
    nodeEnv,
    port: int('PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    databaseListenUrl,
    dataDir,
    jwtSecret,
    jwtIssuer: env.JWT_ISSUER || 'shopfront',
    jwtAudience: env.JWT_AUDIENCE || 'shopfront-api',
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 30, 24 * 3600),
    refreshTokenTtlSeconds: int('REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600, 60, 365 * 24 * 3600),
    logLevel,
    smtpUrl,
    mailFrom,
    jobsWorkers: bool('JOBS_WORKERS', true),
    jobsPollingIntervalSeconds: decimal('JOBS_POLLING_INTERVAL_SECONDS', 2, 0.5, 600),
    jobsRetryLimit: int('JOBS_RETRY_LIMIT', 4, 0, 20),
    jobsRetryDelaySeconds: int('JOBS_RETRY_DELAY_SECONDS', 30, 0, 24 * 3600),
    jobsRetryBackoff: bool('JOBS_RETRY_BACKOFF', true),
    demoData: bool('DEMO_DATA', databaseUrl === null),
    redisUrl,
    corsOrigins,
    trustProxy: trustProxyOf(env.TRUST_PROXY, problems),
    metricsPort: env.METRICS_PORT ? int('METRICS_PORT', 0, 0, 65535) : null,
    metricsToken,
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 10_000, 100, 600_000),
    // PGlite is one backend served over one connection (db/embedded.ts explains why).
    databasePoolMax: databaseUrl === null ? 1 : int('DATABASE_POOL_MAX', 10, 1, 1000),
    checkoutConcurrency: int('CHECKOUT_CONCURRENCY', 4, 1, 1000),
    searchConcurrency: int('SEARCH_CONCURRENCY', 3, 1, 1000),
    searchStatementTimeoutMs: int('SEARCH_STATEMENT_TIMEOUT_MS', 1000, 10, 60_000),
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    introspection: bool('INTROSPECTION', nodeEnv !== 'production'),
    limits: Object.freeze({
      depth: int('MAX_QUERY_DEPTH', 10, 1, 100),
      aliases: int('MAX_ALIASES', 30, 1, 1000),
      directives: int('MAX_DIRECTIVES', 10, 0, 1000),
      tokens: int('MAX_TOKENS', 2000, 100, 100_000),
      cost: int('MAX_QUERY_COST', 5000, 1, 1_000_000),
      costBucketCapacity: int('API_COST_BUCKET_CAPACITY', 10_000, 1, 100_000_000),
      costLeakPerSecond: int('API_COST_LEAK_PER_SECOND', 500, 1, 10_000_000),
      // Tests count statements per request: there every charge is its own, deterministic, write.
      costSettleMs: int('API_COST_SETTLE_MS', nodeEnv === 'test' ? 0 : 200, 0, 10_000),
      pageSize: 100,
      listInput: 250,
      bodyBytes: int('MAX_BODY_BYTES', 100 * 1024, 1024, 10 * 1024 * 1024),
      loginFailuresPerAccount: int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 10_000),
      loginFailuresPerAddress: int('LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100_000),
      loginFailureWindowSeconds: int('LOGIN_FAILURE_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
      passwordChangeFailuresPerUser: int('PASSWORD_CHANGE_MAX_FAILURES_PER_USER', 5, 1, 10_000),
      passwordChangeFailureWindowSeconds: int('PASSWORD_CHANGE_FAILURE_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
      passwordResetRequestsPerAccount: int('PASSWORD_RESET_MAX_REQUESTS_PER_ACCOUNT', 3, 1, 10_000),
      passwordResetRequestsPerAddress: int('PASSWORD_RESET_MAX_REQUESTS_PER_ADDRESS', 20, 1, 100_000),
      passwordResetWindowSeconds: int('PASSWORD_RESET_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
      signupsPerAddress: int('SIGNUP_MAX_PER_ADDRESS', 10, 1, 10_000_000),
      signupWindowSeconds: int('SIGNUP_WINDOW_SECONDS', 3600, 1, 7 * 24 * 3600),
    }),
    retention: Object.freeze({
      // Never below the 24 hours a checkout retry is promised (SPEC §2).
      idempotencyKeySeconds: int('RETENTION_IDEMPOTENCY_KEY_HOURS', 24, 24, 24 * 3650) * 3600,
      emailLogSeconds: int('RETENTION_EMAIL_LOG_DAYS', 30, 1, 3650) * 86400,
      failedJobSeconds: int('RETENTION_FAILED_JOB_DAYS', 14, 1, 3650) * 86400,
      auditEventSeconds: int('RETENTION_AUDIT_EVENT_DAYS', 400, 1, 3650) * 86400,
    }),
    ...overrides,
  }
  if (!config.jobsWorkers && config.databaseUrl === null) {
    problems.push(
      'JOBS_WORKERS=false needs DATABASE_URL: on the embedded database only the API process can run the job workers',
    )
  }
  if (config.limits.costBucketCapacity < config.limits.cost) {
    // An operation the per-operation limit accepts but no bucket can hold would be THROTTLED forever.
    problems.push(
      `API_COST_BUCKET_CAPACITY (${config.limits.costBucketCapacity}) must be at least MAX_QUERY_COST (${config.limits.cost})`,
    )
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return Object.freeze(config)
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
  return secret
}

/** TRUST_PROXY: a hop count, or Express's names/addresses/CIDRs (comma-separated). Never `true`: that trusts anyone. */
function trustProxyOf(raw: string | undefined, problems: string[]): string | number {
  const value = raw?.trim()
  if (!value) return 'loopback'
  if (/^\d{1,2}$/.test(value)) return Number(value)
  if (value === 'true' || value === '*') {
    problems.push(
      'TRUST_PROXY=true would let any client choose its address; name the proxies (e.g. "10.0.0.0/8") or a hop count',
    )
    return 'loopback'
  }
  if (!/^[A-Za-z0-9.:/,\s]+$/.test(value)) {
    problems.push('TRUST_PROXY must be a hop count, or proxy names/addresses/CIDRs separated by commas')
    return 'loopback'
  }
  return value
}

/** For the entry points: the Config, or the problems printed and exit 78 (EX_CONFIG). */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(78) // EX_CONFIG
    }
    throw error
  }
}
