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

describe('main.ts', () => {
  it('boots with zero configuration on the embedded database, serves the demo shop, and exits 0 on SIGTERM after draining', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: string[] = []
    let exitCode: number | null = null
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve((exitCode = code))))
    child.stdout.on('data', (chunk) => lines.push(...String(chunk).split('\n').filter(Boolean)))
    child.stderr.on('data', (chunk) => lines.push(...String(chunk).split('\n').filter(Boolean)))

    const listening = JSON.parse(await waitForLine(lines, /Shopfront is listening/, () => exitCode !== null))
    expect(listening.nodeEnv).toBe('production')
    const url = `http://127.0.0.1:${listening.port}/graphql`
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ shop(handle: "demo") { name } }' }),
    })
    expect(await response.json()).toMatchObject({ data: { shop: { name: 'Shopfront Demo Store' } } })

    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true)
  }, 120_000)
})
