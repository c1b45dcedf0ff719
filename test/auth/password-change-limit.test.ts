import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passwordVerifications } from '../../src/platform/security/passwords.js'
import { PasswordChangeDocument } from '../generated/graphql.js'
import { expectNoErrors, startTestApp, type TestApp } from '../support/app.js'
import { PASSWORD, createShop, registerCustomer } from '../support/fixtures.js'

const NEW_PASSWORD = 'a different long passphrase'

let app: TestApp
let shopHandle: string

beforeAll(async () => {
  app = await startTestApp()
  shopHandle = (await createShop(app)).handle
})
afterAll(() => app?.close())

const change = (token: string, currentPassword: string) =>
  app.gql(PasswordChangeDocument, { input: { currentPassword, newPassword: NEW_PASSWORD } }, { token })

/** One document with `count` aliased guesses, as an attacker holding a stolen access token sends it. */
function aliasedGuesses(count: number): string {
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `g${i}: passwordChange(input: { currentPassword: "guess number ${i}", newPassword: "${NEW_PASSWORD}" }) { userErrors { code } }`,
  )
  return `mutation { ${fields.join(' ')} }`
}

describe('passwordChange failure limit', () => {
  it('throttles the sixth attempt after five wrong current passwords, even with the right one', async () => {
    const account = await registerCustomer(app, shopHandle)
    const hashOf = async () =>
      (
        await app.db
          .selectFrom('user')
          .select('password_hash')
          .where('id', '=', account.userId)
          .executeTakeFirstOrThrow()
      ).password_hash
    const original = await hashOf()
    for (let i = 0; i < 5; i++) {
      const payload = expectNoErrors(await change(account.accessToken, `wrong ${i}`)).passwordChange
      expect(payload.userErrors[0]?.code).toBe('INVALID_CREDENTIALS')
    }
    const sixth = await change(account.accessToken, PASSWORD)
    expect(sixth.body.errors?.[0]?.extensions).toMatchObject({
      code: 'THROTTLED',
      retryAfterSeconds: expect.any(Number),
    })
    expect(await hashOf()).toBe(original)
  })

  it('counts every alias of one document: 30 aliased guesses check five passwords', async () => {
    const account = await registerCustomer(app, shopHandle)
    const before = passwordVerifications.count
    const response = await app.post({ query: aliasedGuesses(30) }, { token: account.accessToken })
    const body = JSON.parse(response.text)
    expect(body.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toContain('THROTTLED')
    expect(passwordVerifications.count - before).toBe(5)
    const next = await change(account.accessToken, PASSWORD)
    expect(next.body.errors?.[0]?.extensions?.code).toBe('THROTTLED')
  })

  it('lets only five of 40 parallel attempts reach the password check', async () => {
    const account = await registerCustomer(app, shopHandle)
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => change(account.accessToken, `parallel ${i}`)),
    )
    const checked = responses.filter((r) => r.body.data?.passwordChange.userErrors[0]?.code === 'INVALID_CREDENTIALS')
    const throttled = responses.filter((r) => r.body.errors?.[0]?.extensions?.code === 'THROTTLED')
    expect(checked).toHaveLength(5)
    expect(throttled).toHaveLength(35)
  })

  it('does not throttle another user', async () => {
    const victim = await registerCustomer(app, shopHandle)
    const other = await registerCustomer(app, shopHandle)
    for (let i = 0; i < 5; i++) await change(victim.accessToken, `wrong ${i}`)
    expect(expectNoErrors(await change(other.accessToken, PASSWORD)).passwordChange.userErrors).toEqual([])
  })

  it('clears the count after a right current password', async () => {
    const account = await registerCustomer(app, shopHandle)
    for (let i = 0; i < 4; i++) await change(account.accessToken, `wrong ${i}`)
    const changed = expectNoErrors(await change(account.accessToken, PASSWORD)).passwordChange
    expect(changed.userErrors).toEqual([])
    const token = changed.session!.accessToken
    for (let i = 0; i < 4; i++) {
      expect(expectNoErrors(await change(token, `wrong again ${i}`)).passwordChange.userErrors[0]?.code).toBe(
        'INVALID_CREDENTIALS',
      )
    }
  })
})
