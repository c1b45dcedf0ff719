/**
 * A private PostgreSQL 15 cluster for the peer benchmark: initdb into a temp dir, its own port and socket
 * directory, pg_stat_statements preloaded. Never the shared server. PostgreSQL refuses to run as root, so
 * when we are root the binaries run as the `postgres` OS user (runuser) on a temp dir it owns.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const PG_BIN = process.env.BENCH_PG_BIN || '/usr/lib/postgresql/15/bin'

export interface Cluster {
  readonly port: number
  readonly dir: string
  /** postgres://user@127.0.0.1:port/database */
  url(user: string, database: string): string
  stop(): void
}

/** A free loopback TCP port (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  return { uid, gid }
}

/** Runs a PostgreSQL binary, as the postgres OS user when we are root. Throws with its output on failure. */
function pgRun(asPostgres: boolean, binary: string, args: string[]): void {
  const command = asPostgres ? 'runuser' : path.join(PG_BIN, binary)
  const argv = asPostgres ? ['-u', 'postgres', '--', path.join(PG_BIN, binary), ...args] : args
  const result = spawnSync(command, argv, { encoding: 'utf8', cwd: os.tmpdir() })
  if (result.status !== 0) {
    throw new Error(
      `${binary} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    )
  }
}

/**
 * Settings for a small shared box (2 cores): enough shared buffers to hold the seeded shop, no JIT (it only
 * slows short OLTP statements), at most one parallel worker per query, and pg_stat_statements for the
 * per-request statement counts. Durability stays as in production (fsync, synchronous_commit on).
 */
const SETTINGS: Record<string, string> = {
  listen_addresses: "'127.0.0.1'",
  max_connections: '100',
  shared_buffers: "'256MB'",
  effective_cache_size: "'1GB'",
  work_mem: "'8MB'",
  maintenance_work_mem: "'256MB'",
  max_worker_processes: '4',
  max_parallel_workers: '2',
  max_parallel_workers_per_gather: '1',
  jit: 'off',
  random_page_cost: '1.1',
  wal_buffers: "'16MB'",
  max_wal_size: "'2GB'",
  checkpoint_timeout: "'15min'",
  shared_preload_libraries: "'pg_stat_statements'",
  'pg_stat_statements.max': '10000',
  'pg_stat_statements.track': "'top'",
  'pg_stat_statements.track_utility': 'on',
  log_min_messages: 'warning',
  logging_collector: 'off',
}

export async function startCluster(): Promise<Cluster> {
  const ids = postgresIds()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shopfront-bench-pg-'))
  const data = path.join(dir, 'data')
  let started = false
  const stop = (): void => {
    if (started) {
      started = false
      try {
        pgRun(ids !== null, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop'])
      } catch {
        try {
          pgRun(ids !== null, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    if (ids) chownSync(dir, ids.uid, ids.gid)
    pgRun(ids !== null, 'initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--locale=C',
    ])
    const port = await freePort()
    const conf = Object.entries({ ...SETTINGS, port: String(port), unix_socket_directories: `'${dir}'` })
      .map(([key, value]) => `${key} = ${value}`)
      .join('\n')
    const confFile = path.join(data, 'postgresql.auto.conf')
    writeFileSync(confFile, conf + '\n')
    if (ids) chownSync(confFile, ids.uid, ids.gid)
    pgRun(ids !== null, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '60', 'start'])
    started = true
    return {
      port,
      dir,
      url: (user, database) => `postgres://${user}@127.0.0.1:${port}/${database}`,
      stop,
    }
  } catch (error) {
    stop()
    throw error
  }
}
