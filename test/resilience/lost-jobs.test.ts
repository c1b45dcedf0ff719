import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adapterFor } from '../../src/platform/jobs/boss.js'
import { EMAIL_QUEUES, JOB_EXPIRE_SECONDS } from '../../src/platform/jobs/queues.js'
import { REAP_INTERVAL_MS, retryLostJobs } from '../../src/platform/jobs/runtime.js'
import { jobsTo } from '../jobs/support.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { createShop, registerCustomer } from '../support/fixtures.js'

// Issue 10.6: jobs in hand when a worker died waited about 3 minutes (expiry 120 s, then
// pg-boss's maintenance every 120 s, then the 30 s+ retry delay).

let app: TestApp
let shop: string
beforeAll(async () => {
  app = await startTestApp() // no workers: the test plays the worker that died
  shop = (await createShop(app)).handle
})
afterAll(() => app?.close())

/** The welcome job of a new customer, as a worker that took it `secondsAgo` and then died left it. */
async function jobLeftBehind(secondsAgo: number): Promise<string> {
  const customer = await registerCustomer(app, shop)
  const [job] = await jobsTo(app, EMAIL_QUEUES.welcome, customer.email)
  await sql`UPDATE pgboss.job SET state = 'active', started_on = now() - make_interval(secs => ${secondsAgo})
    WHERE name = ${EMAIL_QUEUES.welcome} AND id = ${job.id}`.execute(app.db)
  return customer.email
}

describe('jobs of a crashed worker', () => {
  it('are put back at once, with no retry delay, once their expiry has passed', async () => {
    const email = await jobLeftBehind(JOB_EXPIRE_SECONDS + 1)
    expect(await retryLostJobs(adapterFor(app.db), [EMAIL_QUEUES.welcome])).toBe(1)
    const { rows } = await sql<{ state: string; due: boolean }>`
      SELECT state::text AS state, start_after <= now() AS due FROM pgboss.job
      WHERE name = ${EMAIL_QUEUES.welcome} AND data->>'to' = ${email}`.execute(app.db)
    expect(rows).toEqual([{ state: 'retry', due: true }])
  })

  it('are left alone while a live worker may still hold them (before their expiry)', async () => {
    const email = await jobLeftBehind(JOB_EXPIRE_SECONDS - 5)
    expect(await retryLostJobs(adapterFor(app.db), [EMAIL_QUEUES.welcome])).toBe(0)
    expect((await jobsTo(app, EMAIL_QUEUES.welcome, email))[0].state).toBe('active')
  })

  it('are retried within 30 s of the crash: expiry, plus one reaper round, plus one default poll', () => {
    const defaultPollSeconds = 2
    expect(JOB_EXPIRE_SECONDS + REAP_INTERVAL_MS / 1000 + defaultPollSeconds).toBeLessThanOrEqual(30)
  })
})
