import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster, type Cluster } from './support/cluster.js'
import { post, startProcess, until, type AppProcess } from './support/process.js'

// Issue 10.4: Apollo's drain plugin kept its fixed 10 s whatever SHUTDOWN_GRACE_MS said. A request
// held in SQL by a lock from outside stands in for a slow one.

let cluster: Cluster
let url: string
const children: AppProcess[] = []
let handles = 0

beforeAll(async () => {
  cluster = await startCluster()
  url = await cluster.createDatabase('shopfront')
})

afterAll(async () => {
  for (const child of children) child.child.kill('SIGKILL')
  await cluster?.destroy()
})

async function start(env: Record<string, string>): Promise<{ app: AppProcess; apiUrl: string }> {
  const app = startProcess('src/main.ts', {
    DATABASE_URL: url,
    JWT_SECRET: 'z'.repeat(40),
    DEMO_DATA: 'false',
    SIGNUP_MAX_PER_ADDRESS: '1000',
    ...env,
  })
  children.push(app)
  return { app, apiUrl: await app.url() }
}

/** A shopCreate that waits on a shop handle held by an open transaction from outside. */
async function slowRequest(apiUrl: string) {
  const handle = `slow-${++handles}`
  const lock = new pg.Client({ connectionString: url })
  lock.on('error', () => {})
  await lock.connect()
  await lock.query('BEGIN')
  await lock.query(`INSERT INTO shop (handle, name, currency_code) VALUES ($1, 'Held', 'USD')`, [handle])
  const pending = post(
    apiUrl,
    `mutation { shopCreate(input: { handle: "${handle}", name: "Shop", currencyCode: "USD",
      admin: { email: "admin@${handle}.test", password: "correct horse battery", displayName: "Admin" } }) {
      shop { handle } userErrors { code } } }`,
  ).catch((error: Error) => ({ status: 0, body: String(error.cause ?? error) }))
  await until(
    async () => {
      const { rows } = await cluster.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = 'shopfront' AND application_name = 'shopfront' AND wait_event_type = 'Lock'`,
        [],
        'shopfront',
      )
      return rows.length > 0
    },
    10_000,
    'the request to wait on the lock',
  )
  return { lock, pending }
}

describe('SIGTERM drains in-flight requests for SHUTDOWN_GRACE_MS', () => {
  it('with a 2 s grace, stops waiting for a request held longer after 2 s, not Apollo’s 10 s, and exits', async () => {
    const { app, apiUrl } = await start({ SHUTDOWN_GRACE_MS: '2000', REQUEST_TIMEOUT_MS: '30000' })
    const { lock, pending } = await slowRequest(apiUrl)
    const signalled = Date.now()
    app.child.kill('SIGTERM')
    const code = await app.exited
    const waited = Date.now() - signalled
    await lock.query('ROLLBACK').catch(() => {})
    await lock.end()
    await pending
    expect(app.output()).toMatch(/shutting down: draining in-flight requests/)
    // Its SQL was cancelled, so the pool closed and the process stopped cleanly.
    expect(code).toBe(0)
    expect(app.output()).toMatch(/requests still running after the grace period were cancelled/)
    expect(waited).toBeGreaterThanOrEqual(2_000)
    expect(waited).toBeLessThan(6_000) // the old fixed drain alone took 10 s
  })

  it('with a 15 s grace, lets an 11 s request finish with its answer (Apollo alone cut it at 10 s), then exits 0', async () => {
    const { app, apiUrl } = await start({ SHUTDOWN_GRACE_MS: '15000', REQUEST_TIMEOUT_MS: '30000' })
    const { lock, pending } = await slowRequest(apiUrl)
    app.child.kill('SIGTERM')
    // The request is held 11 s in all, past Apollo's 10 s default, then the lock goes away.
    const released = new Promise<void>((resolve) =>
      setTimeout(async () => {
        await lock.query('ROLLBACK')
        await lock.end()
        resolve()
      }, 11_000),
    )
    const answer = await pending
    await released
    expect(answer.status).toBe(200)
    expect(answer.body.data.shopCreate.shop.handle).toMatch(/^slow-/)
    expect(await app.exited).toBe(0)
    expect(app.output()).toMatch(/"msg":"stopped"/)
  })
})
