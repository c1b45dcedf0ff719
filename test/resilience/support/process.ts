import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** A Shopfront process (`tsx src/main.ts` or `src/worker.ts`) with its log lines and exit awaited. */
export interface AppProcess {
  readonly child: ChildProcess
  /** Resolves to the port once it logs that it is listening (rejects if it exits first). */
  readonly listening: Promise<number>
  /** Resolves to the exit code (or the signal name). */
  readonly exited: Promise<number | string>
  /** Everything it wrote, stdout and stderr. */
  output(): string
  /** Resolves once a log line matches. */
  waitFor(pattern: RegExp): Promise<string>
  readonly alive: boolean
  url(pathname?: string): Promise<string>
}

export function startProcess(entry: 'src/main.ts' | 'src/worker.ts', env: Record<string, string>): AppProcess {
  // node itself with tsx's loader (not the tsx CLI, which would put a wrapper process between us
  // and the server: signals and SIGKILL must reach the server itself).
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  const watchers = new Set<{ pattern: RegExp; resolve: (line: string) => void }>()
  let exitCode: number | string | null = null
  const onData = (chunk: Buffer) => {
    text += chunk.toString()
    for (const watcher of [...watchers]) {
      const match = text.split('\n').find((line) => watcher.pattern.test(line))
      if (match) {
        watchers.delete(watcher)
        watcher.resolve(match)
      }
    }
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      exitCode = code ?? signal ?? 'unknown'
      resolve(exitCode)
    })
  })
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const existing = text.split('\n').find((line) => pattern.test(line))
      if (existing) return resolve(existing)
      watchers.add({ pattern, resolve })
      void exited.then((code) =>
        reject(new Error(`process exited (${code}) before logging ${pattern}:\n${text.slice(-3000)}`)),
      )
    })
  const listening = waitFor(/Shopfront is listening/).then((line) => JSON.parse(line).port as number)
  listening.catch(() => {})
  return {
    child,
    listening,
    exited,
    output: () => text,
    waitFor,
    get alive() {
      return exitCode === null
    },
    async url(pathname = '/graphql') {
      return `http://127.0.0.1:${await listening}${pathname}`
    },
  }
}

/** Sends an operation; answers status and parsed body (never throws on an HTTP status). */
export async function post(url: string, query: string, variables: object = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })
  const text = await response.text()
  let body
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  return { status: response.status, body }
}

/** Polls `check` until it answers true, up to `timeoutMs` (for states no event announces). */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs
  for (;;) {
    try {
      if (await check()) return
    } catch {
      // not yet
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
