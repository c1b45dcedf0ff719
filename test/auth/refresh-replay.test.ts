import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONCURRENT_REFRESH_GRACE_MS } from '../../src/modules/auth/session.service.js'
import { hashToken } from '../../src/platform/security/tokens.js'
import { SessionRefreshDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { serverUrl } from '../support/database.js'
import { createShop, registerCustomer } from '../support/fixtures.js'

// Needs a lock held from outside the app's single embedded connection: PostgreSQL only.
describe.skipIf(!serverUrl())('refresh reuse detection', () => {
  let app: TestApp
  let shopHandle: string
  let locker: pg.Client

  beforeAll(async () => {
    app = await startTestApp()
    shopHandle = (await createShop(app)).handle
    locker = new pg.Client({ connectionString: app.database.url })
    await locker.connect()
  })
  afterAll(async () => {
    await locker?.end()
    await app?.close()
  })

  it('revokes the family for a replay whose request arrived before the rotation but was held past it', async () => {
    const victim = await registerCustomer(app, shopHandle)
    const decoy = await registerCustomer(app, shopHandle)
    // The attacker's document first logs a decoy session out, which waits on a row lock we hold, so
    // its sessionRefresh of the stolen token runs only after the victim has rotated that token.
    const attack = app.post({
      query: `mutation Replay($decoy: String!, $stolen: String!) {
        first: sessionRevoke(input: { refreshToken: $decoy }) { revoked }
        second: sessionRefresh(input: { refreshToken: $stolen }) { session { refreshToken } userErrors { code } }
      }`,
      variables: { decoy: decoy.refreshToken, stolen: victim.refreshToken },
    })
    let successor: string
    await locker.query('BEGIN')
    try {
      await locker.query('SELECT id FROM refresh_token WHERE token_hash = $1 FOR UPDATE', [
        hashToken(decoy.refreshToken),
      ])
      // Held longer than a busy server's queueing (the grace a concurrent twin gets), by the database clock.
      await vi.waitFor(
        async () => {
          const { rows } = await locker.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'
               AND clock_timestamp() - query_start > make_interval(secs => $1)`,
            [(CONCURRENT_REFRESH_GRACE_MS + 500) / 1000],
          )
          if (rows[0].n < 1) throw new Error('the attack has not waited long enough yet')
        },
        { timeout: 10_000, interval: 20 },
      )
      const rotated = expectNoErrors(
        await app.gql(SessionRefreshDocument, { input: { refreshToken: victim.refreshToken } }),
      )
      expect(rotated.sessionRefresh.userErrors).toEqual([])
      successor = rotated.sessionRefresh.session!.refreshToken
    } finally {
      await locker.query('ROLLBACK')
    }
    const replay = JSON.parse((await attack).text)
    expect(replay.errors).toBeUndefined()
    expect(replay.data.second.session).toBeNull()
    expect(replay.data.second.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_TOKEN'])
    // Reuse detected: the victim's successor is revoked with the rest of the family.
    const after = expectNoErrors(await app.gql(SessionRefreshDocument, { input: { refreshToken: successor } }))
    expect(after.sessionRefresh.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN'])
  })
})
