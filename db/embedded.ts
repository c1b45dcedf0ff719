import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite, type PGliteOptions } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { lockDataDir, type DataDirLock } from './datadir-lock.js'

/**
 * PGlite's memory settings. PostgreSQL's defaults (shared_buffers 128 MB and so on) are sized for
 * a server; a development database of a few MB does not need them. Measured with
 * scripts/embedded-memory.ts (boot on an empty DATA_DIR with the demo data): process RSS peak
 * 898 -> 769-780 MB, at rest 539 -> 425-439 MB. `initialMemory` and `relaxedDurability` changed
 * nothing measurable, so they stay at their defaults (durability kept).
 */
export const EMBEDDED_TUNING: PGliteOptions = {
  postgresqlconf: [
    'shared_buffers=16MB',
    'work_mem=1MB',
    'maintenance_work_mem=8MB',
    'temp_buffers=1MB',
    'wal_buffers=1MB',
  ],
}

export interface EmbeddedDatabase {
  /** A postgres:// URL (over a private Unix socket) that `pg` connects to like any PostgreSQL. */
  readonly url: string
  /** The pool size the app must use against it: one (see below). */
  readonly poolMax: number
  stop(): Promise<void>
}

/**
 * Starts PGlite (PostgreSQL compiled to WASM) and serves it on a Unix socket in a fresh 0700 temp
 * directory, so the app talks to it through `pg` exactly as it talks to a real server.
 *
 * `dataDir` null keeps the database in memory (tests); otherwise it persists under `dataDir`,
 * which this process then locks (db/datadir-lock.ts): a second process on the same directory
 * fails here with DataDirLockedError instead of serving from the same files.
 *
 * Why one connection: PGlite is a single backend. pglite-socket multiplexes several client
 * connections onto it by queueing protocol messages, keeping an explicit BEGIN..COMMIT on one
 * connection, but it does not keep an extended-protocol exchange (Parse/Bind/Execute/Sync) of one
 * connection together outside a transaction block, so two connections can clobber each other's
 * unnamed statement. So the app keeps exactly one connection open (pool max 1, callers queue in the
 * pool), which is correct and fast enough for a development database. The socket still accepts a
 * few connections so that a reconnect, or a one-off tool such as kysely-codegen, is not refused
 * while a previous connection is being torn down.
 */
export async function startEmbeddedDatabase(
  dataDir: string | null,
  tuning: PGliteOptions = EMBEDDED_TUNING,
): Promise<EmbeddedDatabase> {
  let pgDir: string | undefined
  let lock: DataDirLock | undefined
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    lock = lockDataDir(dataDir)
    pgDir = path.join(dataDir, 'pg')
    mkdirSync(pgDir, { recursive: true, mode: 0o700 })
  }
  let db: PGlite
  try {
    // pg_trgm: the trigram index behind the product title search (a migration creates the extension).
    db = await PGlite.create({ ...tuning, ...(pgDir ? { dataDir: pgDir } : {}), extensions: { pg_trgm } })
  } catch (error) {
    lock?.release()
    throw error
  }
  const socketDir = mkdtempSync(path.join(os.tmpdir(), 'shopfront-pg-'))
  const socketPath = path.join(socketDir, '.s.PGSQL.5432')
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 16 })
  await server.start()
  let stopped = false
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
    poolMax: 1,
    async stop() {
      if (stopped) return
      stopped = true
      await server.stop()
      await db.close()
      rmSync(socketDir, { recursive: true, force: true })
      lock?.release()
    },
  }
}
