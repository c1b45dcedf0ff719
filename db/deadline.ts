/**
 * The one deadline of a request (REQUEST_TIMEOUT_MS from its arrival). The request's database
 * handle is bound to it (db/client.ts `withDeadline`, made when the request's context is), so no
 * service has to pass it along: every pool checkout and statement made through `ctx.db` honours
 * it, and bulkhead waits take its signal from the request scope.
 *
 * Not carried through AsyncLocalStorage: on Node 20 that turns on a promise hook for every promise
 * the process makes (1.5-3 % of the server's self time on a nested query before the embeds; see
 * bench/README.md, "Request path levers"), and an explicit handle shows where the deadline applies.
 */
export interface Deadline {
  /** Epoch milliseconds. */
  readonly at: number
  /** Aborts (with a DeadlineExceededError) when the deadline passes. */
  readonly signal: AbortSignal
  /**
   * `write` once the request turned out to be a mutation: its connections then come from the
   * pool's write share, so that writes stuck on row locks cannot take every connection.
   */
  kind: 'read' | 'write'
  remainingMs(): number
}

/** Thrown by anything that would wait or run SQL past the request's deadline. */
export class DeadlineExceededError extends Error {
  readonly code = 'REQUEST_TIMEOUT'
  constructor(readonly timeoutMs: number) {
    super(`the request did not complete within its ${timeoutMs} ms deadline`)
    this.name = 'DeadlineExceededError'
  }
}

export interface DeadlineHandle {
  readonly deadline: Deadline
  /** Stops the timer (the request has been answered). */
  clear(): void
}

/** The deadlines of requests not answered yet, so shutdown can end them all. */
const active = new Map<Deadline, AbortController>()

/**
 * Ends every request still running (after the shutdown drain): their waits give up and their
 * statements are cancelled, so their connections come back and the pool can close.
 */
export function abortAllDeadlines(): number {
  const count = active.size
  for (const [deadline, controller] of active) {
    controller.abort(new DeadlineExceededError(Math.max(0, deadline.at - Date.now())))
  }
  active.clear()
  return count
}

/** Starts a deadline `timeoutMs` from now; `onExpire` runs when it passes (after the signal aborts). */
export function startDeadline(timeoutMs: number, onExpire?: () => void): DeadlineHandle {
  const controller = new AbortController()
  const at = Date.now() + timeoutMs
  const timer = setTimeout(() => {
    active.delete(deadline)
    controller.abort(new DeadlineExceededError(timeoutMs))
    onExpire?.()
  }, timeoutMs)
  timer.unref()
  const deadline: Deadline = {
    at,
    signal: controller.signal,
    kind: 'read',
    remainingMs: () => Math.max(0, at - Date.now()),
  }
  active.set(deadline, controller)
  return {
    deadline,
    clear: () => {
      clearTimeout(timer)
      active.delete(deadline)
    },
  }
}

/**
 * Resolves like `promise`, or rejects with the signal's reason when it aborts first. A value that
 * arrives after the abort is handed to `discard` (to release a pooled connection, say).
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal, discard?: (late: T) => void): Promise<T> {
  if (signal.aborted) {
    promise.then(
      (late) => discard?.(late),
      () => {},
    )
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const onAbort = () => {
      settled = true
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        if (settled) discard?.(value)
        else resolve(value)
      },
      (error) => {
        signal.removeEventListener('abort', onAbort)
        if (!settled) reject(error)
      },
    )
  })
}
