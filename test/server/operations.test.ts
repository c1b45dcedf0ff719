import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.js'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** An app whose JSON log lines are kept. */
async function loggedApp(overrides: Parameters<typeof startTestApp>[0] = {}) {
  const lines: string[] = []
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      done()
    },
  })
  app = await startTestApp(overrides, { logDestination, logLevel: 'info' })
  return { app, lines }
}

const base = (target: TestApp) => target.url.replace(/\/graphql$/, '')

describe('request logs', () => {
  it('logs the path of a refused GET, never its query string', async () => {
    const { app, lines } = await loggedApp()
    const query =
      'mutation { sessionCreate(input: { shopHandle: "demo", email: "a@example.com", password: "hunter2-secret-pw" }) { userErrors { code } } }'
    const response = await fetch(`${app.url}?query=${encodeURIComponent(query)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    await response.text()
    const logged = lines.filter((l) => l.includes('request completed'))
    expect(logged.length).toBeGreaterThan(0)
    expect(lines.join('\n')).not.toContain('hunter2')
    expect(JSON.parse(logged[logged.length - 1]).req.url).toBe('/graphql')
  })
})

describe('/metrics', () => {
  it('is off on the API port in production without METRICS_PORT or METRICS_TOKEN', async () => {
    app = await startTestApp({ nodeEnv: 'production' })
    expect((await fetch(`${base(app)}/metrics`)).status).toBe(404)
  })

  it('refuses a request without the METRICS_TOKEN, or with another one', async () => {
    app = await startTestApp({ nodeEnv: 'production', metricsToken: 'a-long-metrics-token-0123' })
    expect((await fetch(`${base(app)}/metrics`)).status).toBe(401)
    const wrong = await fetch(`${base(app)}/metrics`, {
      headers: { authorization: 'Bearer a-long-metrics-token-0124' },
    })
    expect(wrong.status).toBe(401)
  })

  it('serves metrics with the METRICS_TOKEN', async () => {
    app = await startTestApp({ nodeEnv: 'production', metricsToken: 'a-long-metrics-token-0123' })
    const response = await fetch(`${base(app)}/metrics`, {
      headers: { authorization: 'Bearer a-long-metrics-token-0123' },
    })
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/shopfront_http_requests_total/)
  })

  it('serves metrics only on METRICS_PORT when it is set', async () => {
    app = await startTestApp({ nodeEnv: 'production', metricsPort: 0 })
    expect((await fetch(`${base(app)}/metrics`)).status).toBe(404)
    const metricsServer = app.server.metricsServer!
    await new Promise<void>((resolve) => metricsServer.listen(0, '127.0.0.1', resolve))
    const { port } = metricsServer.address() as AddressInfo
    const response = await fetch(`http://127.0.0.1:${port}/metrics`)
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/shopfront_http_requests_total/)
    expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404)
  })
})

describe('TRUST_PROXY', () => {
  const warnings = (lines: string[]) =>
    lines.filter((l) => l.includes('X-Forwarded-For from a peer TRUST_PROXY does not trust'))

  it('warns once when requests come through a proxy it does not trust', async () => {
    const { app, lines } = await loggedApp({ trustProxy: '10.0.0.0/8' })
    for (let i = 0; i < 2; i++) {
      await (await fetch(`${base(app)}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).text()
    }
    expect(warnings(lines)).toHaveLength(1)
  })

  it('does not warn for a trusted proxy', async () => {
    const { app, lines } = await loggedApp()
    await (await fetch(`${base(app)}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).text()
    expect(warnings(lines)).toHaveLength(0)
  })
})
