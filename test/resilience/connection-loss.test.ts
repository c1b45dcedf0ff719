import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster, type Cluster } from './support/cluster.js'
import { post, startProcess, until, type AppProcess } from './support/process.js'

// Issue 10.1: a backend terminated under a running query (failover, a DBA, a restart) killed the
// API and the worker with an unhandled 'error' event. Real processes on a cluster of our own.

const SHOP_QUERY = '{ shop(handle: "nowhere") { name } }'
let cluster: Cluster
let api: AppProcess
let worker: AppProcess
let apiUrl: string

beforeAll(async () => {
  cluster = await startCluster()
  const url = await cluster.createDatabase('shopfront')
  const env = {
    DATABASE_URL: url,
    JWT_SECRET: 'x'.repeat(40),
    DEMO_DATA: 'false',
    JOBS_POLLING_INTERVAL_SECONDS: '1',
    SIGNUP_MAX_PER_ADDRESS: '1000',
  }
  api = startProcess('src/main.ts', env)
  apiUrl = await api.url()
  worker = startProcess('src/worker.ts', env)
  await worker.waitFor(/job workers started/)
})

afterAll(async () => {
  for (const child of [api, worker]) child?.child.kill('SIGKILL')
  await cluster?.destroy()
})

let handles = 0

/**
 * Takes a shop handle in an open transaction from outside, so that a shopCreate for it waits in
 * SQL inside the app's transaction (where a lost connection used to crash the process: the
 * statement fails, then the socket's end arrives while the client is still checked out for the
 * rollback, with no 'error' listener on it). Answers the lock's client and the pending request.
 */
async function shopCreateBlockedInTransaction(): Promise<{
  lock: pg.Client
  pending: Promise<{ status: number; body: any }>
}> {
  const handle = `held-${++handles}`
  const lock = new pg.Client({ connectionString: cluster.url('shopfront') })
  lock.on('error', () => {}) // a restart terminates it too
  await lock.connect()
  await lock.query('BEGIN')
  await lock.query(`INSERT INTO shop (handle, name, currency_code) VALUES ($1, 'Held', 'USD')`, [handle])
  const pending = post(
    apiUrl,
    `mutation { shopCreate(input: { handle: "${handle}", name: "Shop", currencyCode: "USD",
      admin: { email: "admin@${handle}.test", password: "correct horse battery", displayName: "Admin" } }) {
      shop { id } userErrors { code } } }`,
  )
  return { lock, pending }
}

/** The pid of the app backend that waits on our lock, once there is one. */
async function blockedBackend(): Promise<number> {
  let pid = 0
  await until(
    async () => {
      const { rows } = await cluster.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = 'shopfront' AND application_name = 'shopfront' AND wait_event_type = 'Lock'`,
      )
      pid = rows[0]?.pid ?? 0
      return pid !== 0
    },
    10_000,
    'an app query waiting on the lock',
  )
  return pid
}

function expectMasked(response: { status: number; body: any }) {
  const text = JSON.stringify(response.body)
  expect(response.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR')
  expect(text).not.toMatch(/terminat|connection|57P01|pg_|ECONN/i)
}

async function ready(): Promise<number> {
  return (await fetch(await api.url('/readyz'))).status
}

describe('a terminated database connection', () => {
  it('fails the request whose backend is terminated with a masked error, and the API keeps serving', async () => {
    const { lock, pending } = await shopCreateBlockedInTransaction()
    try {
      const pid = await blockedBackend()
      await cluster.query('SELECT pg_terminate_backend($1)', [pid])
      expectMasked(await pending)
    } finally {
      await lock.query('ROLLBACK').catch(() => {})
      await lock.end().catch(() => {})
    }
    const after = await post(apiUrl, SHOP_QUERY)
    expect(after.status).toBe(200)
    expect(after.body.data).toEqual({ shop: null })
    expect(api.alive).toBe(true)
  })

  it('survives three restarts of PostgreSQL under in-flight queries, API and worker alike, and serves within 1 s of each return', async () => {
    for (let round = 0; round < 3; round++) {
      const { lock, pending } = await shopCreateBlockedInTransaction()
      await blockedBackend()
      await cluster.restart()
      const returned = Date.now()
      expectMasked(await pending)
      await lock.end().catch(() => {})
      await until(async () => (await ready()) === 200, 1_000, 'readiness within 1 s of the restart')
      expect(Date.now() - returned).toBeLessThanOrEqual(1_000)
      expect((await post(apiUrl, SHOP_QUERY)).status).toBe(200)
    }
    expect(api.alive).toBe(true)
    expect(worker.alive).toBe(true)
  })

  it('answers /readyz 503 and masked errors while the database is stopped, then recovers within 1 s of its start', async () => {
    await cluster.stop()
    try {
      expect(await ready()).toBe(503)
      expectMasked(await post(apiUrl, SHOP_QUERY))
      expect((await fetch(await api.url('/healthz'))).status).toBe(200)
    } finally {
      await cluster.start()
    }
    const returned = Date.now()
    await until(async () => (await ready()) === 200, 1_000, 'readiness within 1 s of the start')
    expect(Date.now() - returned).toBeLessThanOrEqual(1_000)
    expect((await post(apiUrl, SHOP_QUERY)).body.data).toEqual({ shop: null })
    expect(api.alive).toBe(true)
    expect(worker.alive).toBe(true)
  })
})
