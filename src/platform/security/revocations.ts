import { EventEmitter } from 'node:events'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import type { DB } from '../../../db/types.js'
import type { Logger } from '../../shared/logger.js'

/**
 * Ended sessions, known in memory on every API process, so an access token of a session that was
 * logged out, or of a user whose sessions were all revoked (password change or reset, role change,
 * account deletion), is refused everywhere within a second, without a database read per request.
 *
 * A session is a refresh-token family: every access token carries its family id as the `sid`
 * claim. Revoking a family (auth.repository's `revokeRefreshFamily` / `revokeRefreshTokensOfUser`)
 * also sends `NOTIFY shopfront_session_revoked` with the family ids, in the revoking transaction,
 * so it is delivered at commit and never for a rolled-back revocation. Each process LISTENs on a
 * direct session connection (DATABASE_LISTEN_URL, else DATABASE_URL: LISTEN does not work through
 * PgBouncer in transaction mode), and after every (re)subscription reloads the families revoked
 * within an access token's lifetime, so a notification missed while the connection was down is
 * not lost. A family revoked longer ago than that can have no live access token left.
 *
 * The embedded database (PGlite) is one process and delivers no notifications over its socket:
 * there revocations are announced in process instead (`announceRevokedSessions`), as they are
 * made, i.e. before their transaction commits: a revocation that then rolls back still ends the
 * access tokens of that session early (their refresh token keeps working).
 */

export const SESSION_REVOKED_CHANNEL = 'shopfront_session_revoked'

/** In-process announcements (the embedded database, which cannot LISTEN). */
const localBus = new EventEmitter()
localBus.setMaxListeners(0)

/** Tells this process's revocation sets that these sessions ended (embedded mode listens to it). */
export function announceRevokedSessions(sessionIds: readonly string[]): void {
  if (sessionIds.length > 0) localBus.emit('revoked', sessionIds)
}

/** At most this many ids per NOTIFY: a payload must stay under PostgreSQL's 8000 bytes. */
export const NOTIFY_IDS_PER_PAYLOAD = 150

export interface SessionRevocationsOptions {
  readonly db: Kysely<DB>
  /** A direct (session-mode) PostgreSQL URL to LISTEN on; null on the embedded database. */
  readonly listenUrl: string | null
  /** How long a revoked session must stay known: the access-token lifetime plus clock tolerance. */
  readonly retainSeconds: number
  readonly logger: Logger
}

export interface SessionRevocationsEvents {
  /** Sessions newly known as revoked, from a notification, an announcement or a reload. */
  revoked: [sessionIds: string[]]
  /** LISTEN is in place and the set reloaded: `count` subscriptions so far (1 at boot). */
  subscribed: [count: number]
  /** The LISTEN connection broke; a reconnect is scheduled. */
  disconnected: [error: Error | undefined]
}

export class SessionRevocations extends EventEmitter<SessionRevocationsEvents> {
  private readonly revoked = new Map<string, number>()
  private client: pg.Client | null = null
  private stopped = false
  private subscriptions = 0
  private retryMs = 100
  private retryTimer: NodeJS.Timeout | null = null
  private readonly pruneTimer: NodeJS.Timeout
  private readonly onLocal = (ids: string[]) => this.add(ids, Date.now())

  constructor(private readonly options: SessionRevocationsOptions) {
    super()
    this.pruneTimer = setInterval(() => this.prune(), 60_000)
    this.pruneTimer.unref()
  }

  /** Subscribes and loads the recent revocations; resolves once requests can be checked. */
  async start(): Promise<void> {
    if (this.options.listenUrl === null) {
      localBus.on('revoked', this.onLocal)
      const rows = await this.options.db
        .selectFrom('refresh_token')
        .select(['family_id', 'revoked_at'])
        .where('revoked_at', '>', sql<Date>`now() - make_interval(secs => ${this.options.retainSeconds})`)
        .execute()
      this.loaded(rows.map((r) => ({ family_id: r.family_id, revoked_at: r.revoked_at! })))
      return
    }
    await this.connect()
  }

  /** Whether the session (refresh family) `sessionId` has been revoked. In memory, no SQL. */
  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId)
    return until !== undefined && until > Date.now()
  }

  /** How many times LISTEN has been (re)established. */
  get subscriptionCount(): number {
    return this.subscriptions
  }

  async stop(): Promise<void> {
    this.stopped = true
    localBus.off('revoked', this.onLocal)
    clearInterval(this.pruneTimer)
    if (this.retryTimer) clearTimeout(this.retryTimer)
    const client = this.client
    this.client = null
    await client?.end().catch(() => {})
  }

  private add(ids: readonly string[], revokedAtMs: number): void {
    const until = revokedAtMs + this.options.retainSeconds * 1000
    const fresh: string[] = []
    for (const id of ids) {
      if (!this.revoked.has(id)) fresh.push(id)
      this.revoked.set(id, Math.max(until, this.revoked.get(id) ?? 0))
    }
    if (fresh.length > 0) this.emit('revoked', fresh)
  }

  private loaded(rows: readonly { family_id: string; revoked_at: Date }[]): void {
    for (const row of rows) this.add([row.family_id], row.revoked_at.getTime())
  }

  private prune(): void {
    const now = Date.now()
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id)
  }

  /** LISTEN first, then reload: a revocation committed in between is seen by one or the other. */
  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.listenUrl!,
      application_name: 'shopfront-listen',
      keepAlive: true,
      connectionTimeoutMillis: 2_000,
      statement_timeout: 5_000,
    })
    let broken = false
    const onBroken = (error?: Error) => {
      if (broken) return
      broken = true
      if (this.client === client) this.client = null
      client.end().catch(() => {})
      if (this.stopped) return
      this.options.logger.warn({ err: error }, 'session revocation LISTEN connection lost; reconnecting')
      this.emit('disconnected', error)
      this.scheduleReconnect()
    }
    client.on('error', onBroken)
    client.on('end', () => onBroken())
    client.on('notification', (message) => {
      if (message.channel !== SESSION_REVOKED_CHANNEL || !message.payload) return
      this.add(message.payload.split(','), Date.now())
    })
    let rows: { family_id: string; revoked_at: Date }[]
    try {
      await client.connect()
      await client.query(`LISTEN ${SESSION_REVOKED_CHANNEL}`)
      const result = await client.query<{ family_id: string; revoked_at: Date }>(
        'SELECT family_id, revoked_at FROM refresh_token WHERE revoked_at > now() - make_interval(secs => $1)',
        [this.options.retainSeconds],
      )
      rows = result.rows
    } catch (error) {
      broken = true
      await client.end().catch(() => {})
      throw error
    }
    if (this.stopped) {
      await client.end().catch(() => {})
      return
    }
    this.client = client
    this.loaded(rows)
    this.retryMs = 100
    this.subscriptions += 1
    this.emit('subscribed', this.subscriptions)
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return
    const delay = this.retryMs
    this.retryMs = Math.min(this.retryMs * 2, 5_000)
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.connect().catch((error: Error) => {
        if (this.stopped) return
        this.options.logger.warn({ err: error }, 'session revocation LISTEN reconnect failed; retrying')
        this.scheduleReconnect()
      })
    }, delay)
    this.retryTimer.unref()
  }
}
