import { performance } from 'node:perf_hooks'

/** One request a virtual user sends: a GraphQL operation, its variables and (optionally) a bearer token. */
export interface BenchRequest {
  query: string
  variables?: Record<string, unknown>
  token?: string
}

/**
 * A scenario: `next(vu, iteration)` answers the requests of one iteration of virtual user `vu`, sent one after
 * the other (closed loop: a virtual user sends its next request only once the previous one has answered).
 */
export interface Scenario {
  name: string
  describe: string
  next(vu: number, iteration: number): BenchRequest[]
}

export interface LoadOptions {
  url: string
  virtualUsers: number
  durationMs: number
  /** Stop starting new requests once this many have been sent (whichever of this and `durationMs` comes first). */
  maxRequests: number
  /** A request not answered by then counts as an error (`TIMEOUT`), so a run always ends. */
  requestTimeoutMs: number
}

export interface LoadResult {
  requests: number
  errors: Record<string, number>
  errorCount: number
  elapsedMs: number
  /** Latencies in milliseconds, one per request, in completion order. */
  latencies: number[]
}

/** Error codes of one answer: non-200 status, GraphQL errors by extensions.code, mutation userErrors by code. */
export function errorCodesOf(status: number, body: unknown): string[] {
  const codes: string[] = []
  if (status !== 200) codes.push(`HTTP_${status}`)
  if (!body || typeof body !== 'object') {
    if (status === 200) codes.push('NON_JSON')
    return codes
  }
  const { errors, data } = body as { errors?: { extensions?: { code?: unknown } }[]; data?: unknown }
  for (const error of errors ?? []) codes.push(String(error.extensions?.code ?? 'UNKNOWN'))
  if (data && typeof data === 'object') {
    for (const payload of Object.values(data)) {
      const userErrors = (payload as { userErrors?: { code?: unknown }[] } | null)?.userErrors
      for (const userError of userErrors ?? []) codes.push(`userError:${String(userError.code)}`)
    }
  }
  return codes
}

async function send(url: string, request: BenchRequest, timeoutMs: number): Promise<string[]> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (request.token) headers.authorization = `Bearer ${request.token}`
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    let body: unknown = null
    try {
      body = JSON.parse(text)
    } catch {
      body = null
    }
    return errorCodesOf(response.status, body)
  } catch (error) {
    return [(error as Error).name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK']
  }
}

/** Runs `scenario` with `virtualUsers` closed-loop users until the duration or the request count is reached. */
export async function runLoad(scenario: Scenario, options: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(options.url))
    throw new Error(`the benchmark only loads 127.0.0.1 (got ${options.url})`)
  const latencies: number[] = []
  const errors: Record<string, number> = {}
  let errorCount = 0
  let started = 0
  const start = performance.now()
  const deadline = start + options.durationMs
  const mayStart = () => started < options.maxRequests && performance.now() < deadline

  const user = async (vu: number) => {
    for (let iteration = 0; mayStart(); iteration++) {
      for (const request of scenario.next(vu, iteration)) {
        if (!mayStart()) return
        started++
        const sentAt = performance.now()
        const codes = await send(options.url, request, options.requestTimeoutMs)
        latencies.push(performance.now() - sentAt)
        if (codes.length > 0) errorCount++
        for (const code of codes) errors[code] = (errors[code] ?? 0) + 1
      }
    }
  }
  await Promise.all(Array.from({ length: options.virtualUsers }, (_, vu) => user(vu)))
  return { requests: latencies.length, errors, errorCount, elapsedMs: performance.now() - start, latencies }
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}
