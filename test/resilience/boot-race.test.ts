import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster, type Cluster } from './support/cluster.js'
import { post, startProcess, type AppProcess } from './support/process.js'

// Issue 10.3: replicas booting together on an empty database raced (pg-boss createQueue
// deadlocks, duplicate pg_namespace keys) and one exited 1. Every boot step now runs under one
// advisory lock.

let cluster: Cluster
const replicas: AppProcess[] = []

beforeAll(async () => {
  cluster = await startCluster()
})

afterAll(async () => {
  for (const replica of replicas) replica.child.kill('SIGKILL')
  await cluster?.destroy()
})

describe('replicas booting together on an empty database', () => {
  it('all come up: three APIs and a worker at once, migrations, queues and the demo shop applied once', async () => {
    const url = await cluster.createDatabase('empty')
    const env = { DATABASE_URL: url, JWT_SECRET: 'y'.repeat(40), DEMO_DATA: 'true' }
    for (let i = 0; i < 3; i++) replicas.push(startProcess('src/main.ts', env))
    replicas.push(startProcess('src/worker.ts', env))
    const urls = await Promise.all(replicas.slice(0, 3).map((replica) => replica.url()))
    await replicas[3].waitFor(/job workers started/)

    for (const replica of replicas) expect(replica.alive).toBe(true)
    for (const apiUrl of urls) {
      const answer = await post(apiUrl, '{ shop(handle: "demo") { name } }')
      expect(answer.body.data).toEqual({ shop: { name: 'Shopfront Demo Store' } })
      expect((await fetch(apiUrl.replace('/graphql', '/readyz'))).status).toBe(200)
    }
    const { rows } = await cluster.query(
      `SELECT
        (SELECT count(*)::int FROM shop WHERE handle = 'demo') AS shops,
        (SELECT count(*)::int FROM kysely_migration) AS migrations,
        (SELECT count(*)::int FROM pgboss.queue) AS queues`,
      [],
      'empty',
    )
    expect(rows[0].shops).toBe(1)
    expect(rows[0].migrations).toBeGreaterThan(0)
    expect(rows[0].queues).toBe(6)
    // Whichever came first did the work; the others found it done.
    const applied = replicas.filter((replica) => /"msg":"migration applied"/.test(replica.output()))
    expect(applied).toHaveLength(1)
  })
})
