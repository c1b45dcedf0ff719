import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.js'
import { createCostBudget, type CostBudget } from '../../src/platform/ratelimit.js'
import { startTestApp, type TestApp } from '../support/app.js'

// The budget as two API processes on one database would hold it, driven directly: settlements
// happen when the test calls settle() (the timer is off with settleMs this large), never by time.
const CAPACITY = 500
const LEAK = 1
const budgetOf = (): CostBudget => createCostBudget({ capacity: CAPACITY, leakPerSecond: LEAK, settleMs: 3_600_000 })

let app: TestApp
let key = 0
const nextKey = () => `test:${++key}`
const levelOf = async (k: string) =>
  (await app.db.selectFrom('cost_bucket').select('level').where('key', '=', k).executeTakeFirst())?.level

beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

describe('cost budget settled in batches', () => {
  it('charges a caller first seen synchronously, then admits its next operations with no SQL', async () => {
    const budget = budgetOf()
    const k = nextKey()
    app.statements.reset()
    expect(await budget.charge(app.db, k, 100)).toMatchObject({ charged: true })
    expect(app.statements.count).toBe(1)
    for (let i = 0; i < 3; i++) expect((await budget.charge(app.db, k, 100)).charged).toBe(true)
    expect(app.statements.count).toBe(1)
    await budget.close()
  })

  it('refuses in memory what does not fit, exactly as the synchronous bucket would', async () => {
    const budget = budgetOf()
    const k = nextKey()
    await budget.charge(app.db, k, 200)
    expect((await budget.charge(app.db, k, 200)).charged).toBe(true)
    app.statements.reset()
    const refused = await budget.charge(app.db, k, 200)
    expect(refused.charged).toBe(false)
    expect(refused.level).toBeGreaterThan(400 - 5)
    expect(refused.level).toBeLessThanOrEqual(400)
    expect(app.statements.count).toBe(0)
    await budget.close()
  })

  it('settles every caller’s pending points in one statement', async () => {
    const budget = budgetOf()
    const [a, b] = [nextKey(), nextKey()]
    await budget.charge(app.db, a, 10)
    await budget.charge(app.db, b, 20)
    await budget.charge(app.db, a, 30)
    await budget.charge(app.db, b, 40)
    app.statements.reset()
    await budget.settle()
    expect(app.statements.count).toBe(1)
    expect(await levelOf(a)).toBeGreaterThan(40 - 5)
    expect(await levelOf(a)).toBeLessThanOrEqual(40)
    expect(await levelOf(b)).toBeGreaterThan(60 - 5)
    expect(await levelOf(b)).toBeLessThanOrEqual(60)
    await budget.close()
  })

  it('shares one budget between processes: after a settlement each refuses what the other spent', async () => {
    const [one, two] = [budgetOf(), budgetOf()]
    const k = nextKey()
    await one.charge(app.db, k, 10)
    await two.charge(app.db, k, 10)
    expect((await one.charge(app.db, k, 300)).charged).toBe(true)
    await one.settle()
    // `two` learns of the 300 when it settles its own pending points (none yet: it reads the level again).
    await two.settle()
    expect((await two.charge(app.db, k, 300)).charged).toBe(false)
    await one.close()
    await two.close()
  })

  it('bounds over-spend between settlements by the number of processes (two: at most twice the room)', async () => {
    const [one, two] = [budgetOf(), budgetOf()]
    const k = nextKey()
    await one.charge(app.db, k, 1)
    await two.charge(app.db, k, 1)
    let spent = 2
    for (const budget of [one, two]) {
      while ((await budget.charge(app.db, k, 50)).charged) spent += 50
    }
    expect(spent).toBeGreaterThan(CAPACITY)
    expect(spent).toBeLessThanOrEqual(2 * CAPACITY)
    await one.settle()
    await two.settle()
    expect(await levelOf(k)).toBeGreaterThan(CAPACITY)
    // One settle interval later each process has read the shared level back: both refuse until it has leaked under.
    await one.settle()
    await two.settle()
    expect((await one.charge(app.db, k, 1)).charged).toBe(false)
    expect((await two.charge(app.db, k, 1)).charged).toBe(false)
    await one.close()
    await two.close()
  })

  it('keeps pending points when the settlement fails, and writes them at the next one', async () => {
    const budget = budgetOf()
    const k = nextKey()
    await budget.charge(app.db, k, 5)
    await budget.charge(app.db, k, 70)
    // The next charge brings a database that cannot be reached (as during a failover).
    const away = openDatabase({ url: 'postgres://postgres@127.0.0.1:1/away', connectionTimeoutMillis: 500 })
    await budget.charge(away.db, k, 1)
    await expect(budget.settle()).rejects.toThrow()
    await away.close()
    await budget.charge(app.db, k, 1)
    await budget.settle()
    expect(await levelOf(k)).toBeGreaterThan(77 - 5)
    expect(await levelOf(k)).toBeLessThanOrEqual(77)
    await budget.close()
  })
})
