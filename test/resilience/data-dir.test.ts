import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DataDirLockedError, LOCK_FILE, lockDataDir, processStartTime } from '../../db/datadir-lock.js'
import { post, root, startProcess, type AppProcess } from './support/process.js'

// Issue 10.2: two processes on one DATA_DIR both served the same embedded database and lost
// acknowledged orders. The second must refuse to start; a stale lock must not block a restart.

const dirs: string[] = []
const children: AppProcess[] = []
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shopfront-datadir-'))
  dirs.push(dir)
  return dir
}

afterAll(() => {
  for (const child of children) child.child.kill('SIGKILL')
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('the DATA_DIR lock', () => {
  it('refuses a second server on the same DATA_DIR with a clear message, and a restart after SIGKILL comes up', async () => {
    const dataDir = tempDir()
    const env = { DATA_DIR: dataDir, DEMO_DATA: 'false' }
    const first = startProcess('src/main.ts', env)
    children.push(first)
    const url = await first.url()

    const second = startProcess('src/main.ts', env)
    children.push(second)
    expect(await second.exited).toBe(75)
    expect(second.output()).toMatch(
      new RegExp(`DATA_DIR ${dataDir} is in use by another Shopfront process \\(pid ${first.child.pid}`),
    )
    expect(second.output()).not.toMatch(/Shopfront is listening/)
    // The first one still serves, alone.
    expect((await post(url, '{ shop(handle: "demo") { name } }')).body.data).toEqual({ shop: null })

    first.child.kill('SIGKILL')
    await first.exited
    // The killed process left its lock behind: stale, since its pid is gone.
    expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(first.child.pid)
    const restarted = startProcess('src/main.ts', env)
    children.push(restarted)
    expect((await post(await restarted.url(), '{ shop(handle: "demo") { name } }')).status).toBe(200)
    restarted.child.kill('SIGTERM')
    expect(await restarted.exited).toBe(0)
  })

  it('takes over a lock whose pid now belongs to another process (pid reuse: the start time differs)', () => {
    const dataDir = tempDir()
    const parent = process.ppid
    writeFileSync(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: parent, startTime: '1', startedAt: '2020-01-01T00:00:00Z' }),
    )
    lockDataDir(dataDir).release()
  })

  it('still refuses a lock held by a live process with the recorded start time', () => {
    const dataDir = tempDir()
    const parent = process.ppid
    writeFileSync(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: parent, startTime: processStartTime(parent), startedAt: '2020-01-01T00:00:00Z' }),
    )
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError)
  })

  it('takes over a lock carrying our own pid (a container restarted with the same pid)', () => {
    const dataDir = tempDir()
    writeFileSync(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid), startedAt: '2020-01-01T00:00:00Z' }),
    )
    lockDataDir(dataDir).release()
  })

  it('lets exactly one of several processes racing for a stale lock take it', async () => {
    const dataDir = tempDir()
    // A pid that is certainly gone: a child that has exited.
    const gone = spawn(process.execPath, ['-e', '0'])
    await new Promise((resolve) => gone.on('exit', resolve))
    writeFileSync(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: gone.pid, startTime: null, startedAt: '2020-01-01T00:00:00Z' }),
    )
    const script = `
      const { lockDataDir } = await import(${JSON.stringify(path.join(root, 'db/datadir-lock.ts'))})
      try { lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); setTimeout(() => {}, 5000) }
      catch (error) { console.log(error.name) }`
    const racers = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    )
    // Each holds what it got until all have answered.
    const outcomes = await Promise.all(
      racers.map(
        (child) =>
          new Promise<string>((resolve) => child.stdout.once('data', (chunk) => resolve(String(chunk).trim()))),
      ),
    )
    for (const child of racers) child.kill('SIGKILL')
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'DataDirLockedError')).toHaveLength(3)
  })
})
