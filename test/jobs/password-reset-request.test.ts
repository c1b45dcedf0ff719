import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendJob } from '../../src/platform/jobs/boss.js'
import { PASSWORD_RESET_REQUEST_QUEUE } from '../../src/platform/jobs/queues.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { createShop } from '../support/fixtures.js'
import { waitFor } from '../support/smtp.js'
import { FAST_JOBS, jobsMention } from './support.js'

let app: TestApp
let quiet: TestApp
const logLines: Record<string, any>[] = []
const logDestination = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line))
    done()
  },
})

beforeAll(async () => {
  app = await startTestApp(FAST_JOBS, { jobs: true, logDestination, logLevel: 'warn' })
  quiet = await startTestApp()
})
afterAll(async () => {
  await app?.close()
  await quiet?.close()
})

async function jobCount(target: TestApp, id: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM pgboss.job WHERE id = ${id}::uuid)::int + (SELECT count(*) FROM pgboss.archive WHERE id = ${id}::uuid)::int AS n`.execute(
    target.db,
  )
  return rows[0].n
}

describe('password reset request queue', () => {
  it('has the configured retry policy and no dead-letter queue', async () => {
    const { rows } = await sql<{
      retry_limit: number
      retry_delay: number
      retry_backoff: boolean
      dead_letter: string | null
    }>`
      SELECT retry_limit, retry_delay, retry_backoff, dead_letter FROM pgboss.queue WHERE name = ${PASSWORD_RESET_REQUEST_QUEUE}`.execute(
      app.db,
    )
    expect(rows).toEqual([{ retry_limit: 4, retry_delay: 0, retry_backoff: false, dead_letter: null }])
  })

  it('is installed with the migrations, so a process that runs no workers can enqueue', async () => {
    const id = await quiet.db
      .transaction()
      .execute((trx) =>
        sendJob(trx, PASSWORD_RESET_REQUEST_QUEUE, { shopHandle: 'any', email: 'someone@example.com', requestId: 'r' }),
      )
    expect(await jobCount(quiet, id!)).toBe(1)
  })

  it('deletes a request that fails on every try once the last try has failed, keeping no copy', async () => {
    const marker = `poison-${randomBytes(4).toString('hex')}`
    // No email: the handler throws on every try.
    const id = await sendJob(app.db, PASSWORD_RESET_REQUEST_QUEUE, {
      shopHandle: (await createShop(app)).handle,
      requestId: marker,
    })
    await waitFor(async () => (await jobCount(app, id!)) === 0, 'the failed request to be deleted')
    expect(await jobsMention(app, marker)).toBe(false)
    const tries = logLines.filter((l) => l.jobId === id).map((l) => [l.try, l.msg])
    expect(tries).toEqual([
      [1, 'job failed: it will be retried'],
      [2, 'job failed: it will be retried'],
      [3, 'job failed: it will be retried'],
      [4, 'job failed: it will be retried'],
      [5, 'job failed on its last try: deleted'],
    ])
  })
})
