import { execFile } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)
const BIN = process.env.PG_BIN_DIR || '/usr/lib/postgresql/15/bin'

/**
 * A PostgreSQL 15 cluster of the test's own (initdb into a temp directory, its own port), so a
 * test may stop, restart or kill it without touching the machine's shared server. Run as the
 * `postgres` OS user when we are root (initdb refuses root).
 */
export interface Cluster {
  readonly port: number
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string
  query(text: string, values?: unknown[], database?: string): Promise<pg.QueryResult>
  createDatabase(name: string): Promise<string>
  start(): Promise<void>
  /** `pg_ctl stop -m fast`: every backend is terminated, the server is gone until start(). */
  stop(): Promise<void>
  restart(): Promise<void>
  destroy(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function asPostgres(command: string, args: string[]): Promise<unknown> {
  const root = process.getuid?.() === 0
  return root ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args)
}

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shopfront-faults-pg-'))
  chmodSync(dir, 0o777)
  const data = path.join(dir, 'data')
  const port = await freePort()
  if (process.getuid?.() === 0) await run('chown', ['postgres', dir])
  await asPostgres(path.join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=16MB -c max_connections=60`
  const pgCtl = (...args: string[]) =>
    asPostgres(path.join(BIN, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', ...args])
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`
  const cluster: Cluster = {
    port,
    url,
    async query(text, values, database) {
      const client = new pg.Client({ connectionString: url(database) })
      await client.connect()
      try {
        return await client.query(text, values as unknown[])
      } finally {
        await client.end()
      }
    },
    async createDatabase(name) {
      await cluster.query(`CREATE DATABASE ${name}`)
      return url(name)
    },
    start: async () => void (await pgCtl('-o', options, 'start')),
    stop: async () => void (await pgCtl('-m', 'fast', 'stop')),
    restart: async () => void (await pgCtl('-m', 'fast', '-o', options, 'restart')),
    async destroy() {
      await pgCtl('-m', 'immediate', 'stop').catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await cluster.start()
  return cluster
}
