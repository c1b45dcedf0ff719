import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shopfront-boot-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

/** Resolves with the first line matching `pattern` (bounded by the test timeout). */
function waitForLine(lines: string[], pattern: RegExp, exited: () => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const line = lines.find((l) => pattern.test(l))
      if (line) return resolve(line)
      if (exited()) return reject(new Error(`server exited before logging ${pattern}:\n${lines.join('\n')}`))
      setTimeout(check, 50)
    }
    check()
  })
}

interface Booted {
  url: string
  lines: string[]
  stop(): Promise<number | null>
}

/** Starts `src/main.ts` (the entry point `npm start` runs compiled) under tsx, with nothing but DATA_DIR and PORT set. */
async function boot(): Promise<Booted> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let exitCode: number | null | undefined
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve((exitCode = code))))
  child.stdout.on('data', (chunk) => lines.push(...String(chunk).split('\n').filter(Boolean)))
  child.stderr.on('data', (chunk) => lines.push(...String(chunk).split('\n').filter(Boolean)))
  const listening = JSON.parse(await waitForLine(lines, /Shopfront is listening/, () => exitCode !== undefined))
  expect(listening.nodeEnv).toBe('production')
  return {
    url: `http://127.0.0.1:${listening.port}/graphql`,
    lines,
    stop: () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}

async function post(url: string, query: string, variables: object = {}, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return response.json()
}

describe('main.ts', () => {
  it('boots with zero configuration on the embedded database, keeps its data across a restart, and exits 0 on SIGTERM', async () => {
    const first = await boot()
    expect(await post(first.url, '{ shop(handle: "demo") { name } }')).toMatchObject({
      data: { shop: { name: 'Shopfront Demo Store' } },
    })
    const registered = await post(
      first.url,
      'mutation ($input: UserRegisterInput!) { userRegister(input: $input) { session { accessToken } userErrors { code } } }',
      {
        input: {
          shopHandle: 'demo',
          email: 'restart@example.com',
          password: 'restart-password',
          displayName: 'Restart',
        },
      },
    )
    const token = registered.data.userRegister.session.accessToken
    expect(await first.stop()).toBe(0)
    expect(first.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true)
    expect(first.lines.some((l) => l.includes('loaded the demo shop'))).toBe(true)

    const second = await boot()
    // Same data, not seeded again, and the generated JWT secret survived: the old token still works.
    expect(second.lines.some((l) => l.includes('loaded the demo shop'))).toBe(false)
    expect(await post(second.url, '{ viewer { user { email } } }', {}, token)).toMatchObject({
      data: { viewer: { user: { email: 'restart@example.com' } } },
    })
    expect(await second.stop()).toBe(0)
  }, 180_000)
})
