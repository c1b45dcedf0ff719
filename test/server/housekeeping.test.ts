import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { sendJob } from '../../src/platform/jobs/boss.js'
import { PASSWORD_RESET_REQUEST_QUEUE } from '../../src/platform/jobs/queues.js'
import { forgetFailedJobs } from '../../src/platform/jobs/runtime.js'
import { purgeRateLimits, rateLimitAddress } from '../../src/platform/ratelimit.js'
import { UserRegisterDocument, ShopCreateDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { PASSWORD, createShop } from '../support/fixtures.js'

describe('rateLimitAddress', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6 and reduces IPv6 to its /64', () => {
    expect(rateLimitAddress('203.0.113.9')).toBe('203.0.113.9')
    expect(rateLimitAddress('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(rateLimitAddress('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64')
    expect(rateLimitAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(rateLimitAddress('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(rateLimitAddress(undefined)).toBe('unknown')
  })
})

describe('limits on the database', () => {
  let app: TestApp
  beforeAll(async () => {
    const defaults = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://unused/db',
      JWT_SECRET: 'k'.repeat(32),
    }).limits
    app = await startTestApp({ limits: { ...defaults, signupsPerAddress: 3 } })
  })
  afterAll(() => app?.close())

  it('counts shops and accounts created per address: the fourth from one IPv6 /64 is THROTTLED', async () => {
    const handle = (await createShop(app)).handle // 1 (from 127.0.0.1)
    const register = (i: number, address: string) =>
      app.gql(
        UserRegisterDocument,
        { input: { shopHandle: handle, email: `signup-${i}@example.com`, password: PASSWORD, displayName: 'S' } },
        { headers: { 'x-forwarded-for': address } },
      )
    for (let i = 0; i < 3; i++)
      expect(expectNoErrors(await register(i, `2001:db8:5:6::${i + 1}`)).userRegister.userErrors).toEqual([])
    const fourth = await register(3, '2001:db8:5:6::99')
    expect(fourth.body.errors?.[0]?.extensions?.code).toBe('THROTTLED')
    expect(expectNoErrors(await register(4, '2001:db8:5:7::1')).userRegister.userErrors).toEqual([])
    const shop = await app.gql(
      ShopCreateDocument,
      {
        input: {
          handle: 'throttled-shop',
          name: 'T',
          currencyCode: 'USD',
          admin: { email: 'a@example.com', password: PASSWORD, displayName: 'A' },
        },
      },
      { headers: { 'x-forwarded-for': '2001:db8:5:6::100' } },
    )
    expect(shop.body.errors?.[0]?.extensions?.code).toBe('THROTTLED')
  })

  it('purges ended windows and empty buckets, and keeps live ones', async () => {
    await sql`INSERT INTO rate_limit (key, hits, reset_at) VALUES ('t:ended', 3, now() - interval '1 second'), ('t:live', 3, now() + interval '1 hour')`.execute(
      app.db,
    )
    await sql`INSERT INTO cost_bucket (key, level, updated_at) VALUES ('t:empty', 100, now() - interval '1 hour'), ('t:full', 100000, now())`.execute(
      app.db,
    )
    await purgeRateLimits(app.db, 500)
    const windows = await sql<{ key: string }>`SELECT key FROM rate_limit WHERE key LIKE 't:%' ORDER BY key`.execute(
      app.db,
    )
    const buckets = await sql<{ key: string }>`SELECT key FROM cost_bucket WHERE key LIKE 't:%' ORDER BY key`.execute(
      app.db,
    )
    expect(windows.rows.map((r) => r.key)).toEqual(['t:live'])
    expect(buckets.rows.map((r) => r.key)).toEqual(['t:full'])
  })

  it('forgets failed password-reset request jobs, whose data must not be kept', async () => {
    await sendJob(app.db, PASSWORD_RESET_REQUEST_QUEUE, { shopHandle: 'x', email: 'gone@example.com', requestId: 'r' })
    await sql`UPDATE pgboss.job SET state = 'failed' WHERE name = ${PASSWORD_RESET_REQUEST_QUEUE}`.execute(app.db)
    expect(await forgetFailedJobs(app.db, PASSWORD_RESET_REQUEST_QUEUE)).toBe(1)
    const left = await sql<{
      n: string
    }>`SELECT count(*) AS n FROM pgboss.job WHERE data->>'email' = 'gone@example.com'`.execute(app.db)
    expect(Number(left.rows[0].n)).toBe(0)
  })
})
