import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.js'

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shopfront-config-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const secret = 's'.repeat(32)

describe('loadConfig', () => {
  it('defaults to production, port 4000, the embedded database and introspection off', () => {
    const config = loadConfig({ DATA_DIR: tempDir() })
    expect(config).toMatchObject({
      nodeEnv: 'production',
      port: 4000,
      databaseUrl: null,
      introspection: false,
      demoData: true,
    })
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('refuses to boot in production on an external database without JWT_SECRET', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/shop' })).toThrow(ConfigError)
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/shop' })).toThrow(/JWT_SECRET is required/)
  })

  it('refuses a JWT_SECRET shorter than 32 bytes', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/shop', JWT_SECRET: 'short' })).toThrow(/at least 32 bytes/)
  })

  it('generates a secret once on the embedded database and keeps it in DATA_DIR', () => {
    const dir = tempDir()
    const first = loadConfig({ DATA_DIR: dir })
    const second = loadConfig({ DATA_DIR: dir })
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32)
    expect(second.jwtSecret).toBe(first.jwtSecret)
    expect(readFileSync(path.join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret)
  })

  it('trusts X-Forwarded-For from loopback proxies by default, and never from everyone', () => {
    const env = { DATABASE_URL: 'postgres://db/shop', JWT_SECRET: secret }
    expect(loadConfig(env).trustProxy).toBe('loopback')
    expect(loadConfig({ ...env, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8, 127.0.0.1')
    expect(loadConfig({ ...env, TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(() => loadConfig({ ...env, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/)
  })

  it('names every invalid variable at once', () => {
    try {
      loadConfig({
        DATABASE_URL: 'mysql://x',
        PORT: 'eighty',
        NODE_ENV: 'staging',
        JWT_SECRET: secret,
        DEMO_DATA: 'maybe',
      })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      const problems = (error as ConfigError).problems.join('\n')
      for (const name of ['DATABASE_URL', 'PORT', 'NODE_ENV', 'DEMO_DATA']) expect(problems).toContain(name)
    }
  })

  it('turns introspection on in development and demo data off for an external database', () => {
    const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgres://db/shop', JWT_SECRET: secret })
    expect(config).toMatchObject({ introspection: true, demoData: false })
  })

  it('limits password reset requests to 3 per account and 20 per address in 15 minutes unless told otherwise', () => {
    const base = { DATABASE_URL: 'postgres://db/shop', JWT_SECRET: secret }
    expect(loadConfig(base).limits).toMatchObject({
      passwordResetRequestsPerAccount: 3,
      passwordResetRequestsPerAddress: 20,
      passwordResetWindowSeconds: 900,
    })
    const configured = loadConfig({
      ...base,
      PASSWORD_RESET_MAX_REQUESTS_PER_ACCOUNT: '5',
      PASSWORD_RESET_MAX_REQUESTS_PER_ADDRESS: '50',
      PASSWORD_RESET_WINDOW_SECONDS: '3600',
    })
    expect(configured.limits).toMatchObject({
      passwordResetRequestsPerAccount: 5,
      passwordResetRequestsPerAddress: 50,
      passwordResetWindowSeconds: 3600,
    })
    expect(() => loadConfig({ ...base, PASSWORD_RESET_MAX_REQUESTS_PER_ACCOUNT: '0' })).toThrow(
      /PASSWORD_RESET_MAX_REQUESTS_PER_ACCOUNT/,
    )
  })

  it('defaults the API cost bucket to 10000 points leaking 500 per second', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db/shop', JWT_SECRET: secret })
    expect(config.limits).toMatchObject({ costBucketCapacity: 10_000, costLeakPerSecond: 500 })
    const tuned = loadConfig({
      DATABASE_URL: 'postgres://db/shop',
      JWT_SECRET: secret,
      API_COST_BUCKET_CAPACITY: '20000',
      API_COST_LEAK_PER_SECOND: '100',
    })
    expect(tuned.limits).toMatchObject({ costBucketCapacity: 20_000, costLeakPerSecond: 100 })
  })

  it('refuses a cost bucket or leak rate that is not a positive integer', () => {
    const env = { DATABASE_URL: 'postgres://db/shop', JWT_SECRET: secret }
    expect(() => loadConfig({ ...env, API_COST_BUCKET_CAPACITY: '0' })).toThrow(
      /API_COST_BUCKET_CAPACITY must be an integer/,
    )
    expect(() => loadConfig({ ...env, API_COST_LEAK_PER_SECOND: '2.5' })).toThrow(
      /API_COST_LEAK_PER_SECOND must be an integer/,
    )
  })

  it('refuses a cost bucket smaller than the per-operation cost limit', () => {
    const env = { DATABASE_URL: 'postgres://db/shop', JWT_SECRET: secret }
    expect(() => loadConfig({ ...env, API_COST_BUCKET_CAPACITY: '4999' })).toThrow(
      /must be at least MAX_QUERY_COST \(5000\)/,
    )
    expect(
      loadConfig({ ...env, API_COST_BUCKET_CAPACITY: '1000', MAX_QUERY_COST: '1000' }).limits.costBucketCapacity,
    ).toBe(1000)
  })
})
