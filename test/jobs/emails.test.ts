import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import PgBoss from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adapterFor } from '../../src/platform/jobs/boss.js'
import { enqueueEmail } from '../../src/platform/jobs/emails.js'
import { EMAIL_DEAD_LETTER_QUEUE, EMAIL_QUEUES } from '../../src/platform/jobs/queues.js'
import { UserRegisterDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { createShop, PASSWORD, registerCustomer } from '../support/fixtures.js'
import { smtpError, startSmtpCapture, waitFor, type SmtpCapture } from '../support/smtp.js'
import { FAST_JOBS, jobIn, jobsTo } from './support.js'

const newAddress = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.com`

let smtp: SmtpCapture
/** Runs the workers against the capture server, with short polling and immediate retries. */
let app: TestApp
let shop: { handle: string; id: string; name: string }
/** Runs no workers: jobs stay where they are enqueued. Default retry policy. */
let quiet: TestApp
let quietShopId: string

beforeAll(async () => {
  smtp = await startSmtpCapture()
  app = await startTestApp({ smtpUrl: smtp.url, ...FAST_JOBS }, { jobs: true })
  const created = await createShop(app)
  shop = { handle: created.handle, id: created.admin.shopId, name: `Shop ${created.handle}` }
  quiet = await startTestApp()
  quietShopId = (await createShop(quiet)).admin.shopId
})
afterAll(async () => {
  await app?.close()
  await quiet?.close()
  await smtp?.close()
})

describe('welcome email', () => {
  it('mails nothing the registrant wrote to the address they registered (not the display name, not the shop name)', async () => {
    const email = newAddress('attacker-text')
    const attackerName = 'Win a prize at evil.example'
    expectNoErrors(
      await app.gql(UserRegisterDocument, {
        input: { shopHandle: shop.handle, email, password: PASSWORD, displayName: attackerName },
      }),
    )
    const [mail] = await waitFor(() => smtp.messagesTo(email).length > 0 && smtp.messagesTo(email), 'the welcome email')
    for (const part of [mail.subject, mail.text]) {
      expect(part).not.toContain(attackerName)
      expect(part).not.toContain(shop.name)
    }
  })

  it('sends one welcome email after userRegister, and no second one when its job runs again', async () => {
    const email = newAddress('welcome')
    await registerCustomer(app, shop.handle, email)
    const [mail] = await waitFor(() => smtp.messagesTo(email).length > 0 && smtp.messagesTo(email), 'the welcome email')
    expect(mail.subject).toBe('Your new account')
    expect(mail.from).toBe('no-reply@shopfront.local')
    expect(mail.text).toContain('Hello,')
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@shopfront\.local>$/)
    const job = await waitFor(() => jobIn(app, EMAIL_QUEUES.welcome, email, 'completed'), 'the completed job')
    expect(job.output).toEqual({ delivered: true, messageId: mail.messageId })

    // A worker that sent the email but died before completing the job: pg-boss hands the job out again.
    await sql`UPDATE pgboss.job SET state = 'retry', completed_on = NULL WHERE name = ${EMAIL_QUEUES.welcome} AND id = ${job.id}::uuid`.execute(
      app.db,
    )
    const again = await waitFor(
      async () =>
        (await jobsTo(app, EMAIL_QUEUES.welcome, email)).find((j) => j.state === 'completed' && j.retry_count === 1),
      'the job to run again',
    )
    expect(again.output).toEqual({ delivered: false, reason: 'already-delivered', messageId: mail.messageId })
    expect(smtp.messagesTo(email)).toHaveLength(1)
    const deliveries = await app.db.selectFrom('email_delivery').selectAll().where('recipient', '=', email).execute()
    expect(deliveries).toMatchObject([{ kind: 'welcome', shop_id: shop.id, message_id: mail.messageId }])
  })

  it('retries an email the server refused for now, and delivers it once', async () => {
    const email = newAddress('greylisted')
    smtp.behave(email, (attempt) => {
      if (attempt === 1) throw smtpError(451, 'Greylisted, try again later')
    })
    await registerCustomer(app, shop.handle, email)
    const job = await waitFor(() => jobIn(app, EMAIL_QUEUES.welcome, email, 'completed'), 'the completed job')
    expect(job.retry_count).toBe(1)
    expect(smtp.attemptsTo(email)).toBe(2)
    expect(smtp.messagesTo(email)).toHaveLength(1)
  })

  it('does not enqueue a welcome email when the registration fails', async () => {
    const email = newAddress('taken')
    await registerCustomer(app, shop.handle, email)
    await waitFor(() => jobIn(app, EMAIL_QUEUES.welcome, email, 'completed'), 'the first welcome job')
    const second = expectNoErrors(
      await app.gql(UserRegisterDocument, {
        input: { shopHandle: shop.handle, email, password: PASSWORD, displayName: 'Twin' },
      }),
    ).userRegister
    expect(second.userErrors.map((e) => e.code)).toEqual(['TAKEN'])
    expect(await jobsTo(app, EMAIL_QUEUES.welcome, email)).toHaveLength(1)
  })
})

describe('failing mail server', () => {
  it('answers the mutation without waiting for the mail server, retries five times, then dead-letters the email', async () => {
    const email = newAddress('bounce')
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    smtp.behave(email, async (attempt) => {
      if (attempt === 1) await held // the server sits on the first try until the mutation has answered
      throw smtpError(550, 'Mailbox unavailable')
    })
    const registered = expectNoErrors(
      await app.gql(UserRegisterDocument, {
        input: { shopHandle: shop.handle, email, password: PASSWORD, displayName: 'Bo' },
      }),
    ).userRegister
    expect(registered.userErrors).toEqual([])
    // The mutation has answered; the mail server is still holding its first try (it would hold forever).
    await waitFor(() => smtp.attemptsTo(email) === 1, 'the first delivery try')
    release()

    const failed = await waitFor(() => jobIn(app, EMAIL_QUEUES.welcome, email, 'failed'), 'the job to fail for good')
    expect(failed.retry_count).toBe(4)
    expect(failed.output).toMatchObject({ message: expect.stringContaining('Mailbox unavailable') })
    expect(smtp.attemptsTo(email)).toBe(5)
    expect(smtp.messagesTo(email)).toHaveLength(0)
    const [dead] = await waitFor(async () => {
      const jobs = await jobsTo(app, EMAIL_DEAD_LETTER_QUEUE, email)
      return jobs.length > 0 && jobs
    }, 'the dead letter')
    expect(dead.data).toEqual(failed.data)
    expect(await app.db.selectFrom('email_delivery').select('id').where('recipient', '=', email).execute()).toEqual([])
  })

  it('dead-letters an email whose server hangs up on every try', async () => {
    const email = newAddress('hangup')
    smtp.behave(email, () => 'hang-up')
    await registerCustomer(app, shop.handle, email)
    const failed = await waitFor(() => jobIn(app, EMAIL_QUEUES.welcome, email, 'failed'), 'the job to fail for good')
    expect(failed.retry_count).toBe(4)
    expect(smtp.attemptsTo(email)).toBe(5)
    expect(await jobsTo(app, EMAIL_DEAD_LETTER_QUEUE, email)).toHaveLength(1)
  })
})

describe('enqueueEmail', () => {
  const welcome = (to: string, dedupeKey: string) =>
    ({ kind: 'welcome', shopId: quietShopId, to, dedupeKey, data: { displayName: 'Quinn' } }) as const

  it('enqueues nothing when the transaction rolls back', async () => {
    const email = newAddress('rollback')
    await expect(
      quiet.db.transaction().execute(async (trx) => {
        expect(await enqueueEmail(trx, welcome(email, 'rolled-back'))).toMatch(/^[0-9a-f-]{36}$/)
        // Inside the transaction the job is there...
        expect(
          await sql`SELECT 1 FROM pgboss.job WHERE data->>'to' = ${email}`.execute(trx).then((r) => r.rows),
        ).toHaveLength(1)
        throw new Error('a business rule failed')
      }),
    ).rejects.toThrow('a business rule failed')
    // ...and it left with the transaction.
    expect(await jobsTo(quiet, EMAIL_QUEUES.welcome, email)).toEqual([])
  })

  it('enqueues the job when the transaction commits, with five tries and the dead-letter queue', async () => {
    const email = newAddress('commit')
    await quiet.db.transaction().execute((trx) => enqueueEmail(trx, welcome(email, 'committed')))
    const [job] = await jobsTo(quiet, EMAIL_QUEUES.welcome, email)
    expect(job).toMatchObject({
      state: 'created',
      retry_limit: 4,
      retry_backoff: true,
      retry_delay: 30,
      dead_letter: EMAIL_DEAD_LETTER_QUEUE,
      data: { shopId: quietShopId, to: email, dedupeKey: 'committed', data: { displayName: 'Quinn' } },
    })
  })

  it('makes one job of two requests with the same dedupe key', async () => {
    const email = newAddress('twice')
    const first = await quiet.db.transaction().execute((trx) => enqueueEmail(trx, welcome(email, 'same-event')))
    const second = await quiet.db.transaction().execute((trx) => enqueueEmail(trx, welcome(email, 'same-event')))
    expect(first).not.toBeNull()
    expect(second).toBeNull()
    expect(await jobsTo(quiet, EMAIL_QUEUES.welcome, email)).toHaveLength(1)
  })

  it('carries bigint amounts of an order email as decimal strings', async () => {
    const email = newAddress('bigint')
    await quiet.db.transaction().execute((trx) =>
      enqueueEmail(trx, {
        kind: 'order-status-changed',
        shopId: quietShopId,
        to: email,
        dedupeKey: 'order-1:PAID',
        data: { orderNumber: 1, status: 'PAID', currencyCode: 'USD', totalMinor: 9_007_199_254_740_993n },
      }),
    )
    const [job] = await jobsTo(quiet, EMAIL_QUEUES['order-status-changed'], email)
    expect(job.data.data.totalMinor).toBe('9007199254740993')
  })
})

describe('order emails', () => {
  // Order emails go to verified accounts only: each test registers one, which also gets a welcome email.
  const orderMails = (to: string) => smtp.messagesTo(to).filter((m) => m.subject !== 'Your new account')
  it('renders the order confirmation with its lines and totals', async () => {
    const email = (await registerCustomer(app, shop.handle, newAddress('order'))).email
    await app.db.transaction().execute((trx) =>
      enqueueEmail(trx, {
        kind: 'order-confirmation',
        shopId: shop.id,
        to: email,
        dedupeKey: 'order-1001',
        data: {
          displayName: 'Olive',
          orderNumber: 1001,
          currencyCode: 'USD',
          subtotalMinor: 2000n,
          taxMinor: 165n,
          totalMinor: 2165n,
          status: 'PENDING_PAYMENT',
          lines: [{ title: 'Mug', sku: 'MUG-1', quantity: 2, unitPriceMinor: 1000n }],
        },
      }),
    )
    const [mail] = await waitFor(() => orderMails(email).length > 0 && orderMails(email), 'the confirmation')
    expect(mail.subject).toBe('Order #1001 confirmed')
    expect(mail.text).toContain('2 x Mug (MUG-1) at 10.00 USD')
    expect(mail.text).toContain('Subtotal: 20.00 USD\nTax: 1.65 USD\nTotal: 21.65 USD')
    expect(mail.text).toContain('Status: PENDING_PAYMENT')
  })

  it('renders the order status change', async () => {
    const email = (await registerCustomer(app, shop.handle, newAddress('status'))).email
    await app.db.transaction().execute((trx) =>
      enqueueEmail(trx, {
        kind: 'order-status-changed',
        shopId: shop.id,
        to: email,
        dedupeKey: 'order-1001:FULFILLED',
        data: {
          orderNumber: 1001,
          status: 'FULFILLED',
          previousStatus: 'PAID',
          currencyCode: 'USD',
          totalMinor: '2165',
        },
      }),
    )
    const [mail] = await waitFor(() => orderMails(email).length > 0 && orderMails(email), 'the status email')
    expect(mail.subject).toBe('Order #1001 is now FULFILLED')
    expect(mail.text).toContain('Your order #1001 has been fulfilled and is on its way.')
    expect(mail.text).toContain('Total: 21.65 USD')
  })
})

describe('pg-boss on this database', () => {
  it('applies the configured retry policy to the queues it works', async () => {
    const { rows } = await sql<{
      name: string
      retry_limit: number
      retry_delay: number
      retry_backoff: boolean
      dead_letter: string | null
    }>`
      SELECT name, retry_limit, retry_delay, retry_backoff, dead_letter FROM pgboss.queue ORDER BY name`.execute(app.db)
    const emailQueues = rows.filter((q) => Object.values(EMAIL_QUEUES).includes(q.name))
    expect(emailQueues).toHaveLength(4)
    for (const queue of emailQueues) {
      expect(queue).toMatchObject({
        retry_limit: 4,
        retry_delay: 0,
        retry_backoff: false,
        dead_letter: EMAIL_DEAD_LETTER_QUEUE,
      })
    }
    expect(rows.map((q) => q.name)).toContain(EMAIL_DEAD_LETTER_QUEUE)
  })

  it('runs maintenance: a job whose worker vanished expires and goes back to retry', async () => {
    const email = newAddress('vanished')
    await quiet.db.transaction().execute((trx) =>
      enqueueEmail(trx, {
        kind: 'welcome',
        shopId: quietShopId,
        to: email,
        dedupeKey: email,
        data: { displayName: 'Val' },
      }),
    )
    await sql`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 hour' WHERE data->>'to' = ${email}`.execute(
      quiet.db,
    )
    const boss = new PgBoss({ db: adapterFor(quiet.db), supervise: false, schedule: false })
    await boss.start()
    try {
      await boss.maintain() // expire, archive, drop
      expect(await boss.getQueueSize(EMAIL_QUEUES.welcome)).toBeGreaterThanOrEqual(1)
    } finally {
      await boss.stop({ graceful: false })
    }
    const [job] = await jobsTo(quiet, EMAIL_QUEUES.welcome, email)
    expect(job.state).toBe('retry')
    expect(job.output).toMatchObject({ value: { message: 'job failed by timeout in active state' } })
  })
})

describe('shutdown', () => {
  it('lets the workers finish the email in hand before they stop', async () => {
    const local = await startTestApp({ smtpUrl: smtp.url, ...FAST_JOBS }, { jobs: true })
    try {
      const email = newAddress('shutdown')
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      smtp.behave(email, () => held)
      await registerCustomer(local, (await createShop(local)).handle, email)
      await waitFor(() => smtp.attemptsTo(email) === 1, 'the delivery try')
      const stopped = local.jobs!.stop()
      release()
      await stopped
      // Stopped means done: the job is completed, not left active for pg-boss to expire.
      const [job] = await jobsTo(local, EMAIL_QUEUES.welcome, email)
      expect(job.state).toBe('completed')
      expect(smtp.messagesTo(email)).toHaveLength(1)
    } finally {
      await local.close()
    }
  })
})

describe('development mail', () => {
  it('writes each email as an .eml file under DATA_DIR/mail when SMTP_URL is unset', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shopfront-mail-'))
    const local = await startTestApp({ smtpUrl: null, dataDir, ...FAST_JOBS }, { jobs: true })
    try {
      const handle = (await createShop(local)).handle
      const email = newAddress('files')
      await registerCustomer(local, handle, email)
      const mailDir = path.join(dataDir, 'mail')
      const [file] = await waitFor(() => {
        try {
          const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml'))
          return files.length > 0 && files
        } catch {
          return false
        }
      }, 'the .eml file')
      const raw = readFileSync(path.join(mailDir, file), 'utf8')
      expect(raw).toContain(`To: ${email}`)
      expect(raw).toContain('Subject: Your new account')
      expect(raw).toMatch(/^Message-ID: <[0-9a-f]{32}@shopfront\.local>$/m)
    } finally {
      await local.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
