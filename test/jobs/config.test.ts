import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config.js'

const BASE = { NODE_ENV: 'test', DATABASE_URL: 'postgres://localhost/shopfront', JWT_SECRET: 'x'.repeat(32) }

describe('job and mail settings', () => {
  it('defaults to workers on, five tries with backoff from 30 s, and the Shopfront sender', () => {
    const config = loadConfig(BASE)
    expect(config).toMatchObject({
      jobsWorkers: true,
      jobsPollingIntervalSeconds: 2,
      jobsRetryLimit: 4,
      jobsRetryDelaySeconds: 30,
      jobsRetryBackoff: true,
      mailFrom: 'Shopfront <no-reply@shopfront.local>',
      smtpUrl: null,
    })
  })

  it('reads every variable', () => {
    const config = loadConfig({
      ...BASE,
      JOBS_WORKERS: 'false',
      JOBS_POLLING_INTERVAL_SECONDS: '0.5',
      JOBS_RETRY_LIMIT: '2',
      JOBS_RETRY_DELAY_SECONDS: '5',
      JOBS_RETRY_BACKOFF: 'off',
      MAIL_FROM: 'Demo <shop@example.com>',
      SMTP_URL: 'smtp://mail.example.com:587',
    })
    expect(config).toMatchObject({
      jobsWorkers: false,
      jobsPollingIntervalSeconds: 0.5,
      jobsRetryLimit: 2,
      jobsRetryDelaySeconds: 5,
      jobsRetryBackoff: false,
      mailFrom: 'Demo <shop@example.com>',
      smtpUrl: 'smtp://mail.example.com:587',
    })
  })

  it('names every malformed value', () => {
    const bad = {
      ...BASE,
      JOBS_WORKERS: 'sometimes',
      JOBS_POLLING_INTERVAL_SECONDS: '0.1',
      JOBS_RETRY_LIMIT: '-1',
      JOBS_RETRY_DELAY_SECONDS: 'soon',
      MAIL_FROM: 'not an address',
    }
    expect(() => loadConfig(bad)).toThrow(ConfigError)
    try {
      loadConfig(bad)
    } catch (error) {
      const names = (error as ConfigError).problems.map((p) => p.split(' ')[0])
      expect(names).toEqual(
        expect.arrayContaining([
          'JOBS_WORKERS',
          'JOBS_POLLING_INTERVAL_SECONDS',
          'JOBS_RETRY_LIMIT',
          'JOBS_RETRY_DELAY_SECONDS',
          'MAIL_FROM',
        ]),
      )
    }
  })

  it('refuses JOBS_WORKERS=false on the embedded database, where no other process could run them', () => {
    const { DATABASE_URL: _url, ...embedded } = BASE
    expect(() =>
      loadConfig({ ...embedded, JOBS_WORKERS: 'false' }, { dataDir: '/nonexistent', jwtSecret: 'x'.repeat(32) }),
    ).toThrow(/JOBS_WORKERS=false needs DATABASE_URL/)
  })
})
