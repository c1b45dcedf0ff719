import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config.js'
import { sendJob } from '../../src/platform/jobs/boss.js'
import { EMAIL_DEAD_LETTER_QUEUE, EMAIL_QUEUES } from '../../src/platform/jobs/queues.js'
import { purgeExpiredData } from '../../src/platform/jobs/retention.js'
import { housekeeping } from '../../src/platform/jobs/runtime.js'
import { startTestApp, type TestApp } from '../support/app.js'
import { createShop, registerCustomer, type Account } from '../support/fixtures.js'

const base = { NODE_ENV: 'test', DATABASE_URL: 'postgres://unused/db', JWT_SECRET: 'k'.repeat(32) }

describe('retention configuration', () => {
  it('defaults to 24 hours, 30, 14 and 400 days', () => {
    expect(loadConfig(base).retention).toEqual({
      idempotencyKeySeconds: 24 * 3600,
      emailLogSeconds: 30 * 86400,
      failedJobSeconds: 14 * 86400,
      auditEventSeconds: 400 * 86400,
    })
  })

  it('reads each window from its variable', () => {
    const retention = loadConfig({
      ...base,
      RETENTION_IDEMPOTENCY_KEY_HOURS: '48',
      RETENTION_EMAIL_LOG_DAYS: '7',
      RETENTION_FAILED_JOB_DAYS: '3',
      RETENTION_AUDIT_EVENT_DAYS: '730',
    }).retention
    expect(retention).toEqual({
      idempotencyKeySeconds: 48 * 3600,
      emailLogSeconds: 7 * 86400,
      failedJobSeconds: 3 * 86400,
      auditEventSeconds: 730 * 86400,
    })
  })

  it('refuses idempotency keys kept under the 24 hours a retry is promised, and non-numbers', () => {
    expect(() => loadConfig({ ...base, RETENTION_IDEMPOTENCY_KEY_HOURS: '1' })).toThrow(ConfigError)
    expect(() => loadConfig({ ...base, RETENTION_AUDIT_EVENT_DAYS: 'forever' })).toThrow(/RETENTION_AUDIT_EVENT_DAYS/)
  })
})

describe('retention purge', () => {
  let app: TestApp
  let customer: Account

  beforeAll(async () => {
    app = await startTestApp()
    const shop = await createShop(app)
    customer = await registerCustomer(app, shop.handle)
    const { shopId, userId } = customer
    await sql`
      INSERT INTO idempotency_key (shop_id, user_id, key, operation, fingerprint, created_at, expires_at) VALUES
        (${shopId}, ${userId}, 'old', 'checkout', 'f', now() - interval '25 hours', now() - interval '1 hour'),
        (${shopId}, ${userId}, 'new', 'checkout', 'f', now() - interval '23 hours', now() + interval '1 hour')`.execute(
      app.db,
    )
    await sql`
      INSERT INTO email_delivery (shop_id, kind, dedupe_key, recipient, message_id, sent_at) VALUES
        (${shopId}, 'welcome', 'old', 'old@example.com', '<old@x>', now() - interval '31 days'),
        (${shopId}, 'welcome', 'new', 'new@example.com', '<new@x>', now() - interval '29 days')`.execute(app.db)
    for (const [name, age] of [
      ['old-failed', '15 days'],
      ['new-failed', '13 days'],
    ] as const) {
      const id = await sendJob(app.db, EMAIL_QUEUES.welcome, {
        shopId,
        to: `${name}@example.com`,
        dedupeKey: name,
        data: {},
      })
      await sql`UPDATE pgboss.job SET state = 'failed', completed_on = now() - ${age}::interval WHERE id = ${id}`.execute(
        app.db,
      )
    }
    const dead = await sendJob(app.db, EMAIL_DEAD_LETTER_QUEUE, {
      shopId,
      to: 'old-dead@example.com',
      dedupeKey: 'd',
      data: {},
    })
    await sql`UPDATE pgboss.job SET created_on = now() - interval '15 days' WHERE id = ${dead}`.execute(app.db)
    await sendJob(app.db, EMAIL_QUEUES.welcome, { shopId, to: 'queued@example.com', dedupeKey: 'q', data: {} })
    await sql`
      INSERT INTO audit_event (shop_id, action, target_type, created_at) VALUES
        (${shopId}, 'test.old', 'Test', now() - interval '401 days'),
        (${shopId}, 'test.new', 'Test', now() - interval '399 days')`.execute(app.db)
  })
  afterAll(() => app?.close())

  it('deletes each data class past its window and keeps what is younger', async () => {
    const outcome = await purgeExpiredData(app.db, app.config.retention)
    expect(outcome).toEqual({ idempotencyKeys: 1, emailLog: 1, failedJobs: 2, auditEvents: 1 })
    const keys = await app.db
      .selectFrom('idempotency_key')
      .select('key')
      .where('user_id', '=', customer.userId)
      .execute()
    expect(keys.map((k) => k.key)).toEqual(['new'])
    const log = await app.db
      .selectFrom('email_delivery')
      .select('dedupe_key')
      .where('shop_id', '=', customer.shopId)
      .execute()
    expect(log.map((r) => r.dedupe_key)).toEqual(['new'])
    const jobs = await sql<{
      to: string
    }>`SELECT data->>'to' AS to FROM pgboss.job WHERE data->>'shopId' = ${customer.shopId} ORDER BY 1`.execute(app.db)
    expect(jobs.rows.map((r) => r.to)).toEqual(
      ['new-failed@example.com', 'queued@example.com', `${customer.email}`].sort(),
    )
    const audit = await app.db.selectFrom('audit_event').select('action').where('target_type', '=', 'Test').execute()
    expect(audit.map((r) => r.action)).toEqual(['test.new'])
  })

  it("runs as part of the workers' housekeeping", async () => {
    await sql`
      INSERT INTO audit_event (shop_id, action, target_type, created_at)
      VALUES (${customer.shopId}, 'test.older', 'Test', now() - interval '500 days')`.execute(app.db)
    await housekeeping(app.db, app.config, [])
    const audit = await app.db.selectFrom('audit_event').select('action').where('action', '=', 'test.older').execute()
    expect(audit).toEqual([])
  })

  it('still refuses to delete or change audit events outside the retention purge', async () => {
    await expect(sql`DELETE FROM audit_event WHERE action = 'test.new'`.execute(app.db)).rejects.toThrow(/append-only/)
    await expect(sql`UPDATE audit_event SET action = 'x' WHERE action = 'test.new'`.execute(app.db)).rejects.toThrow(
      /append-only/,
    )
    // Not even inside a transaction that claims to be the purge.
    await expect(
      app.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL shopfront.audit_retention = 'purge'`.execute(trx)
        await sql`UPDATE audit_event SET action = 'x' WHERE action = 'test.new'`.execute(trx)
      }),
    ).rejects.toThrow(/append-only/)
  })
})
