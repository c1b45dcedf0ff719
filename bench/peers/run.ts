/**
 * `npm run bench:peers`: Shopfront against PostGraphile V5 and a raw node:http + pg server, side by side in one
 * run, on a private PostgreSQL 15 cluster seeded with a large shop (bench/peers/README section in bench/README.md).
 *
 * 1. private cluster (cluster.ts) -> migrations + seed + views (seed.ts)
 * 2. three servers on loopback ports, each as its own process with its own database role
 * 3. every workload's answer compared across the three servers (fails loudly on any difference)
 * 4. wrk warm-up, then BENCH_ROUNDS rounds of BENCH_SECONDS per workload and server, in rotating server order;
 *    per measurement: req/s and latency (wrk), SQL statements and DB time (pg_stat_statements delta for the
 *    server's role), CPU (utime + stime of the server process) and RSS (sampled)
 * 5. one table, printed and written to bench/results/peers-<timestamp>.md
 *
 * Knobs: BENCH_ROUNDS (3), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (16),
 * BENCH_THREADS (2), BENCH_WORKLOADS (comma-separated names; all by default).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { freePort, startCluster, type Cluster } from './cluster.js'
import { DATABASE, prepareDatabase, ROLES } from './seed.js'
import { sanityCheck, SERVERS, WORKLOADS, type ServerName, type Workload } from './workloads.js'
import { intEnv } from '../env.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..', '..')
const pgDir = path.join(here, 'postgraphile')

const ROUNDS = intEnv('BENCH_ROUNDS', 3, 1, 50)
const SECONDS = intEnv('BENCH_SECONDS', 10, 1, 600)
const WARMUP_SECONDS = intEnv('BENCH_WARMUP_SECONDS', 3, 0, 600)
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 16, 1, 1000)
const THREADS = intEnv('BENCH_THREADS', 2, 1, 64)
const POOL_MAX = 10
const selected = process.env.BENCH_WORKLOADS?.split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const workloads = selected ? WORKLOADS.filter((w) => selected.includes(w.name)) : [...WORKLOADS]
if (selected && workloads.length !== selected.length) {
  throw new Error(
    `BENCH_WORKLOADS: unknown name among ${selected.join(', ')} (known: ${WORKLOADS.map((w) => w.name).join(', ')})`,
  )
}

const log = (line: string): void => console.log(`[bench:peers] ${line}`)

// ---------------------------------------------------------------------------------------------------------
// Teardown: every child and the cluster go away at the end, on failure and on Ctrl-C.

const cleanups: (() => void)[] = []
let cleanedUp = false
function cleanup(): void {
  if (cleanedUp) return
  cleanedUp = true
  for (const fn of cleanups.reverse()) {
    try {
      fn()
    } catch (error) {
      console.error('[bench:peers] cleanup:', error)
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    log(`${signal}: tearing down`)
    cleanup()
    process.exit(130)
  })
}
process.on('exit', cleanup)

// ---------------------------------------------------------------------------------------------------------
// Tools

function ensureWrk(): void {
  if (spawnSync('wrk', ['--version']).error === undefined) return
  log('wrk is missing: apt-get update && apt-get install -y wrk')
  for (const args of [['update'], ['install', '-y', 'wrk']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit' })
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: install wrk yourself`)
  }
}

function node22(): string {
  const binary = path.join(pgDir, 'node_modules', 'node', 'bin', 'node')
  if (!existsSync(binary) || !existsSync(path.join(pgDir, 'node_modules', 'postgraphile'))) {
    log('installing PostGraphile V5 and Node 22 into bench/peers/postgraphile (npm ci)')
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: pgDir, stdio: 'inherit' })
    if (result.status !== 0) throw new Error('npm ci in bench/peers/postgraphile failed')
  }
  return binary
}

interface ShopfrontCommand {
  readonly argv: string[]
  readonly mode: string
}

/**
 * Compiled (`npm run build`, then `node --enable-source-maps dist/src/main.js`, as the Dockerfile runs it) when the
 * project has a build script; else through tsx.
 */
function shopfrontCommand(): ShopfrontCommand {
  const scripts =
    (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> })
      .scripts ?? {}
  if (scripts.build) {
    log('npm run build (Shopfront compiled to dist/)')
    const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
    if (result.status !== 0) throw new Error('npm run build failed')
    return {
      argv: [process.execPath, '--enable-source-maps', 'dist/src/main.js'],
      mode: 'compiled (npm run build): node --enable-source-maps dist/src/main.js, as in the Dockerfile',
    }
  }
  log(
    'NOTE: no `npm run build` script yet: Shopfront runs as `node --import tsx src/main.ts` (TypeScript compiled on load)',
  )
  return {
    argv: [process.execPath, '--import', 'tsx', 'src/main.ts'],
    mode: 'not compiled (no build script): node --import tsx src/main.ts',
  }
}

// ---------------------------------------------------------------------------------------------------------
// Servers

interface Server {
  readonly name: ServerName
  readonly url: string
  readonly child: ChildProcess
  readonly logFile: string
  readonly role: string
}

function logTail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

function startServer(
  name: ServerName,
  argv: string[],
  cwd: string,
  env: Record<string, string>,
  url: string,
  role: string,
  logDir: string,
): Server {
  const logFile = path.join(logDir, `${name}.log`)
  const out = createWriteStream(logFile)
  const child = spawn(argv[0], argv.slice(1), {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.pipe(out)
  child.stderr!.pipe(out)
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  return { name, url, child, logFile, role }
}

async function post(url: string, body: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(30_000),
  })
  const text = await response.text()
  let json: unknown = text
  try {
    json = JSON.parse(text)
  } catch {
    // Left as text: the normaliser reports it.
  }
  return { status: response.status, json }
}

async function waitReady(server: Server, body: string): Promise<void> {
  const deadline = Date.now() + 180_000
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(
        `${server.name} exited (${server.child.exitCode ?? server.child.signalCode}):\n${logTail(server.logFile)}`,
      )
    }
    try {
      const { status } = await post(server.url, body)
      if (status === 200) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`${server.name} did not answer within 180 s:\n${logTail(server.logFile)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

// ---------------------------------------------------------------------------------------------------------
// Same data from all three

/** The first path where two JSON values differ, for the failure message. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: ${a.length} items vs ${b.length}`
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`)
      if (d) return d
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${at}.${key}`,
      )
      if (d) return d
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`
}

async function checkSameData(servers: Server[], list: Workload[]): Promise<void> {
  for (const workload of list) {
    const count = workload.bodies.shopfront.length
    for (let i = 0; i < count; i++) {
      const answers = new Map<ServerName, unknown>()
      for (const server of servers) {
        const { status, json } = await post(server.url, workload.bodies[server.name][i])
        if (status !== 200)
          throw new Error(
            `${workload.name}: ${server.name} answered HTTP ${status}: ${JSON.stringify(json).slice(0, 500)}`,
          )
        try {
          answers.set(server.name, workload.normalise(server.name, json))
        } catch (error) {
          throw new Error(
            `${workload.name}: ${server.name}'s answer does not have the expected shape: ${String(error)}`,
            {
              cause: error,
            },
          )
        }
      }
      const reference = answers.get('shopfront')
      for (const server of servers) {
        const difference = firstDifference(reference, answers.get(server.name))
        if (difference)
          throw new Error(
            `DIFFERENT DATA in ${workload.name} (request ${i + 1}): shopfront vs ${server.name} at ${difference}`,
          )
      }
      const insane = sanityCheck(workload.name, reference)
      if (insane) throw new Error(`${workload.name}: all three servers agree but the answer ${insane}`)
    }
    log(`same data from all three: ${workload.name} (${count} request${count === 1 ? '' : 's'})`)
  }
}

// ---------------------------------------------------------------------------------------------------------
// Measurement

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After "pid (comm) ", field 3 (state) is index 0: utime (14) and stime (15) are 11 and 12.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK
}

function statusKb(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) : 0
}

interface WrkSummary {
  requests: number
  duration_us: number
  connect: number
  read: number
  write: number
  status: number
  timeout: number
  p50_us: number
  p90_us: number
  p99_us: number
  max_us: number
}

function runWrk(url: string, bodiesFile: string, seconds: number): Promise<WrkSummary> {
  return new Promise((resolve, reject) => {
    const args = ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${seconds}s`, '--timeout', '30s']
    const child = spawn('wrk', [...args, '-s', path.join(here, 'wrk-post.lua'), url, '--', bodiesFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const kill = (): void => void child.kill('SIGKILL')
    cleanups.push(kill)
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      cleanups.splice(cleanups.indexOf(kill), 1)
      const line = out.split('\n').find((l) => l.startsWith('WRK_SUMMARY '))
      if (code !== 0 || !line) return reject(new Error(`wrk failed (${code}):\n${out}`))
      resolve(JSON.parse(line.slice('WRK_SUMMARY '.length)) as WrkSummary)
    })
  })
}

interface Sample {
  rps: number
  p50: number
  p99: number
  requests: number
  errors: number
  statements: number
  dbMs: number
  cpuMs: number
  peakRssKb: number
  load1: number
}

/** Requests sent one at a time (no load) to count each server's statements per request exactly. */
const PROBE_REQUESTS = 20

interface Probe {
  sqlPerRequest: number
  dbMsPerRequest: number
  /** The server's statements, most frequent first (query text shortened). */
  topStatements: { perRequest: number; msPerCall: number; query: string }[]
}

/**
 * Statements per request, counted on PROBE_REQUESTS requests sent one after another: exact, unlike a count under
 * load, where the requests still in flight when wrk stops run statements wrk never counts as answered.
 */
async function probe(admin: pg.Client, server: Server, workload: Workload): Promise<Probe> {
  await admin.query('SELECT pg_stat_statements_reset()')
  const bodies = workload.bodies[server.name]
  for (let i = 0; i < PROBE_REQUESTS; i++) {
    const { status } = await post(server.url, bodies[i % bodies.length])
    if (status !== 200)
      throw new Error(`${workload.name}: ${server.name} answered HTTP ${status} in the statement probe`)
  }
  const { rows } = await admin.query<{ calls: string; ms: number; query: string }>(
    `SELECT s.calls::text AS calls, s.total_exec_time::float8 AS ms,
            left(regexp_replace(s.query, '\\s+', ' ', 'g'), 220) AS query
     FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
     WHERE r.rolname = $1 AND s.dbid = (SELECT oid FROM pg_database WHERE datname = $2)
     ORDER BY s.calls DESC, s.total_exec_time DESC`,
    [server.role, DATABASE],
  )
  return {
    sqlPerRequest: rows.reduce((n, r) => n + Number(r.calls), 0) / PROBE_REQUESTS,
    dbMsPerRequest: rows.reduce((n, r) => n + r.ms, 0) / PROBE_REQUESTS,
    topStatements: rows.slice(0, 12).map((r) => ({
      perRequest: Number(r.calls) / PROBE_REQUESTS,
      msPerCall: r.ms / Number(r.calls),
      query: r.query,
    })),
  }
}

async function measure(admin: pg.Client, server: Server, bodiesFile: string, seconds: number): Promise<Sample> {
  const pid = server.child.pid!
  await admin.query('SELECT pg_stat_statements_reset()')
  const load0 = os.loadavg()[0]
  const cpu0 = cpuMs(pid)
  let peak = statusKb(pid, 'VmRSS')
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, statusKb(pid, 'VmRSS'))
    } catch {
      // The process is gone: the wrk errors will show it.
    }
  }, 200)
  let summary: WrkSummary
  try {
    summary = await runWrk(server.url, bodiesFile, seconds)
  } finally {
    clearInterval(sampler)
  }
  const cpu1 = cpuMs(pid)
  peak = Math.max(peak, statusKb(pid, 'VmRSS'))
  const { rows } = await admin.query<{ calls: string | null; ms: number | null }>(
    `SELECT sum(s.calls)::text AS calls, sum(s.total_exec_time)::float8 AS ms
     FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
     WHERE r.rolname = $1 AND s.dbid = (SELECT oid FROM pg_database WHERE datname = $2)`,
    [server.role, DATABASE],
  )
  const requests = summary.requests
  return {
    rps: requests / (summary.duration_us / 1e6),
    p50: summary.p50_us / 1000,
    p99: summary.p99_us / 1000,
    requests,
    errors: summary.connect + summary.read + summary.write + summary.status + summary.timeout,
    statements: Number(rows[0]?.calls ?? 0),
    dbMs: rows[0]?.ms ?? 0,
    cpuMs: cpu1 - cpu0,
    peakRssKb: peak,
    load1: (load0 + os.loadavg()[0]) / 2,
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

interface Row {
  workload: string
  server: ServerName
  rps: number
  p50: number
  p99: number
  sqlPerRequest: number
  dbMsPerRequest: number
  cpuMsPerRequest: number
  peakRssMb: number
  errors: number
  requests: number
}

function aggregate(workload: string, server: ServerName, samples: Sample[], exact: Probe): Row {
  const requests = samples.reduce((n, s) => n + s.requests, 0)
  const sum = (key: 'dbMs' | 'cpuMs'): number => samples.reduce((n, s) => n + s[key], 0)
  return {
    workload,
    server,
    rps: median(samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    sqlPerRequest: exact.sqlPerRequest,
    dbMsPerRequest: requests ? sum('dbMs') / requests : 0,
    cpuMsPerRequest: requests ? sum('cpuMs') / requests : 0,
    peakRssMb: Math.max(...samples.map((s) => s.peakRssKb)) / 1024,
    errors: samples.reduce((n, s) => n + s.errors, 0),
    requests,
  }
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–'
}

function table(rows: Row[]): string {
  const header = [
    'workload',
    'server',
    'req/s',
    'p50 ms',
    'p99 ms',
    'SQL/req',
    'DB ms/req',
    'CPU ms/req',
    'peak RSS MB',
    'errors',
    'req/s ÷ PG',
    'req/s ÷ raw',
    'p99 ÷ PG',
  ]
  const right = header.map((_, i) => i >= 2)
  const lines = [header, header.map((_, i) => (right[i] ? '---:' : ':---'))]
  for (const row of rows) {
    const peers = rows.filter((r) => r.workload === row.workload)
    const pgRow = peers.find((r) => r.server === 'postgraphile')
    const rawRow = peers.find((r) => r.server === 'raw')
    const ratios =
      row.server === 'shopfront'
        ? [
            pgRow ? `**${fixed(row.rps / pgRow.rps, 2)}×**` : '–',
            rawRow ? `**${fixed(row.rps / rawRow.rps, 2)}×**` : '–',
            pgRow ? `**${fixed(row.p99 / pgRow.p99, 2)}×**` : '–',
          ]
        : ['', '', '']
    lines.push([
      row.workload,
      row.server,
      fixed(row.rps, 1),
      fixed(row.p50, 1),
      fixed(row.p99, 1),
      fixed(row.sqlPerRequest, 2),
      fixed(row.dbMsPerRequest, 2),
      fixed(row.cpuMsPerRequest, 2),
      fixed(row.peakRssMb, 0),
      String(row.errors),
      ...ratios,
    ])
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)))
  return lines
    .map(
      (l, li) =>
        `| ${l
          .map((cell, i) =>
            li === 1
              ? right[i]
                ? '-'.repeat(widths[i] - 1) + ':'
                : ':' + '-'.repeat(widths[i] - 1)
              : right[i]
                ? cell.padStart(widths[i])
                : cell.padEnd(widths[i]),
          )
          .join(' | ')} |`,
    )
    .join('\n')
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now()
  ensureWrk()
  const pgNode = node22()
  const shopfront = shopfrontCommand()

  log('starting a private PostgreSQL 15 cluster')
  const cluster: Cluster = await startCluster()
  cleanups.push(() => cluster.stop())
  log(`cluster on 127.0.0.1:${cluster.port} in ${cluster.dir}`)
  const counts = await prepareDatabase(cluster, log)
  log(
    `rows: ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  )

  const [sfPort, pgPort, rawPort] = [await freePort(), await freePort(), await freePort()]
  const logDir = path.join(cluster.dir, 'logs')
  mkdirSync(logDir)
  const common = { NODE_ENV: 'production', HOST: '127.0.0.1', DATABASE_POOL_MAX: String(POOL_MAX) }
  const servers: Server[] = [
    startServer(
      'shopfront',
      shopfront.argv,
      root,
      {
        ...common,
        PORT: String(sfPort),
        DATABASE_URL: cluster.url(ROLES.shopfront, DATABASE),
        JWT_SECRET: randomBytes(48).toString('base64url'),
        JOBS_WORKERS: 'false',
        DATA_DIR: path.join(cluster.dir, 'shopfront-data'),
        // Every wrk connection comes from 127.0.0.1: one cost bucket. Raised so it measures the API, not the throttle.
        API_COST_BUCKET_CAPACITY: '100000000',
        API_COST_LEAK_PER_SECOND: '10000000',
        // Plain lists are priced at their bound (variants 100), so nested-50 costs ~11,000 points: over the
        // default 5,000 per operation. PostGraphile has no such limit; the pricing itself still runs.
        MAX_QUERY_COST: '100000',
      },
      `http://127.0.0.1:${sfPort}/graphql`,
      ROLES.shopfront,
      logDir,
    ),
    startServer(
      'postgraphile',
      [pgNode, 'server.mjs'],
      pgDir,
      {
        ...common,
        GRAPHILE_ENV: 'production',
        PORT: String(pgPort),
        DATABASE_URL: cluster.url(ROLES.postgraphile, DATABASE),
      },
      `http://127.0.0.1:${pgPort}/graphql`,
      ROLES.postgraphile,
      logDir,
    ),
    startServer(
      'raw',
      [process.execPath, '--import', 'tsx', path.join(here, 'raw-server.ts')],
      root,
      { ...common, PORT: String(rawPort), DATABASE_URL: cluster.url(ROLES.raw, DATABASE) },
      `http://127.0.0.1:${rawPort}/`,
      ROLES.raw,
      logDir,
    ),
  ]
  const failWithLogs = (error: unknown): never => {
    for (const server of servers)
      console.error(`--- ${server.name} log (last lines) ---\n${logTail(server.logFile, 15)}`)
    throw error
  }
  try {
    await Promise.all(servers.map((server) => waitReady(server, workloads[0].bodies[server.name][0])))
  } catch (error) {
    failWithLogs(error)
  }
  log(`servers up: ${servers.map((s) => `${s.name} ${s.url} (pid ${s.child.pid})`).join(', ')}`)

  try {
    await checkSameData(servers, workloads)
  } catch (error) {
    failWithLogs(error)
  }

  const bodyFiles = new Map<string, string>()
  for (const workload of workloads) {
    for (const server of servers) {
      const file = path.join(cluster.dir, `${workload.name}.${server.name}.jsonl`)
      writeFileSync(file, workload.bodies[server.name].join('\n') + '\n')
      bodyFiles.set(`${workload.name}/${server.name}`, file)
    }
  }
  const admin = new pg.Client({ connectionString: cluster.url('postgres', DATABASE) })
  await admin.connect()
  cleanups.push(() => void admin.end().catch(() => undefined))

  if (WARMUP_SECONDS > 0) {
    log(`warm-up: ${WARMUP_SECONDS} s per workload and server`)
    for (const workload of workloads) {
      for (const server of servers)
        await runWrk(server.url, bodyFiles.get(`${workload.name}/${server.name}`)!, WARMUP_SECONDS)
    }
  }

  const samples = new Map<string, Sample[]>()
  const loads: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const [wi, workload] of workloads.entries()) {
      const shift = (round + wi) % servers.length
      const order = [...servers.slice(shift), ...servers.slice(0, shift)]
      for (const server of order) {
        const sample = await measure(admin, server, bodyFiles.get(`${workload.name}/${server.name}`)!, SECONDS)
        loads.push(sample.load1)
        const key = `${workload.name}/${server.name}`
        samples.set(key, [...(samples.get(key) ?? []), sample])
        log(
          `round ${round + 1}/${ROUNDS} ${workload.name.padEnd(9)} ${server.name.padEnd(12)} ${sample.rps.toFixed(1).padStart(7)} req/s` +
            `  p99 ${sample.p99.toFixed(1).padStart(7)} ms  SQL/req≈ ${(sample.statements / Math.max(1, sample.requests)).toFixed(2)}` +
            `${sample.errors ? `  ERRORS ${sample.errors}` : ''}  load ${sample.load1.toFixed(2)}`,
        )
      }
    }
  }

  // The same answers after the load as before it (nothing degraded into errors under load).
  await checkSameData(servers, workloads)
  const probes = new Map<string, Probe>()
  for (const workload of workloads) {
    for (const server of servers) probes.set(`${workload.name}/${server.name}`, await probe(admin, server, workload))
  }
  log(`statements counted on ${PROBE_REQUESTS} requests per workload and server, one at a time`)

  const hwm = Object.fromEntries(servers.map((s) => [s.name, statusKb(s.child.pid!, 'VmHWM') / 1024]))
  const rows = workloads.flatMap((workload) =>
    SERVERS.map((name) =>
      aggregate(
        workload.name,
        name,
        samples.get(`${workload.name}/${name}`) ?? [],
        probes.get(`${workload.name}/${name}`)!,
      ),
    ),
  )
  const { rows: versionRows } = await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)
  const pgNodeVersion = execFileSync(pgNode, ['--version'], { encoding: 'utf8' }).trim()
  const pgVersion = (
    JSON.parse(readFileSync(path.join(pgDir, 'node_modules', 'postgraphile', 'package.json'), 'utf8')) as {
      version: string
    }
  ).version
  const loadText = `load average (1 min) during the measurements: min ${fixed(Math.min(...loads), 2)}, mean ${fixed(
    loads.reduce((a, b) => a + b, 0) / loads.length,
    2,
  )}, max ${fixed(Math.max(...loads), 2)} on ${os.cpus().length} CPUs (nproc ${os.availableParallelism()})`
  const stamp = new Date().toISOString()
  const report = [
    `## Peers run ${stamp}`,
    '',
    `- ${loadText}`,
    `- ${ROUNDS} rounds × ${SECONDS} s per workload and server (median of the rounds), after ${WARMUP_SECONDS} s warm-up; wrk ${THREADS} threads, ${CONNECTIONS} connections; rotating server order`,
    `- Shopfront ${shopfront.mode}, Node ${process.version}, pool ${POOL_MAX}; PostGraphile ${pgVersion} (amber preset, PgIndexBehaviorsPlugin off) on Node ${pgNodeVersion.replace(/^v/, '')}, pool ${POOL_MAX}; raw node:http + pg on Node ${process.version}, pool ${POOL_MAX}`,
    `- PostgreSQL ${versionRows[0].v} (private cluster); ${Object.entries(counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ')}`,
    `- peak RSS over the whole run (VmHWM, startup included): ${SERVERS.map((name) => `${name} ${fixed(hwm[name], 0)} MB`).join(', ')}`,
    `- total time ${((Date.now() - started) / 1000).toFixed(0)} s`,
    '',
    table(rows),
    '',
  ].join('\n')
  console.log('\n' + report)
  // The file also gets each server's statements (from the probe), for whoever works on the figures.
  const statements = workloads.flatMap((workload) =>
    SERVERS.flatMap((name) => {
      const exact = probes.get(`${workload.name}/${name}`)
      if (!exact) return []
      return [
        `### ${workload.name} on ${name}: ${fixed(exact.sqlPerRequest, 2)} statements, ${fixed(exact.dbMsPerRequest, 2)} DB ms per request without load`,
        '',
        '| per req | mean ms | statement |',
        '|---:|---:|:---|',
        ...exact.topStatements.map(
          (t) =>
            `| ${fixed(t.perRequest, 2)} | ${fixed(t.msPerCall, 3)} | \`${t.query.replace(/\|/g, '\\|').replace(/`/g, "'")}\` |`,
        ),
        '',
      ]
    }),
  )
  const resultsDir = path.join(root, 'bench', 'results')
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `peers-${stamp.replace(/[:.]/g, '-')}.md`)
  writeFileSync(file, [report, '## Statements', '', ...statements].join('\n'))
  log(`written to ${path.relative(root, file)}`)
  const failed = rows.filter((r) => r.errors > 0)
  if (failed.length > 0) {
    throw new Error(
      `requests failed under load: ${failed.map((r) => `${r.workload}/${r.server} ${r.errors}`).join(', ')}`,
    )
  }
}

main()
  .then(() => {
    cleanup()
    process.exit(0)
  })
  .catch((error: unknown) => {
    console.error(`[bench:peers] FAILED: ${error instanceof Error ? error.message : String(error)}`)
    cleanup()
    process.exit(1)
  })
