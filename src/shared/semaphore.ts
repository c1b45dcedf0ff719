/**
 * A counting semaphore: at most `capacity` holders at once, the rest wait in arrival order.
 *
 * Used as a bulkhead in front of hot transactions (checkout) and in front of the pool's share for
 * writes: a burst of requests then waits in memory instead of in the pool's queue, where the
 * 2-second connection timeout would fail them, and the pool keeps connections free for everything
 * else. A waiter gives up when its `signal` aborts (the request's deadline), so nothing queues past
 * the deadline of the request it serves.
 */
export class Semaphore {
  private active = 0
  private readonly waiting: { grant: () => void }[] = []

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('semaphore capacity must be a positive integer')
  }

  /** Holders right now, and callers waiting for a slot. */
  get stats(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length }
  }

  /**
   * Waits for a slot (or until `signal` aborts: then rejects with its reason) and resolves to the
   * function that frees it; call that exactly once.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (this.active < this.capacity) {
      this.active += 1
      return Promise.resolve(this.releaser())
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve(this.releaser())
        },
      }
      const onAbort = () => {
        const index = this.waiting.indexOf(waiter)
        if (index >= 0) this.waiting.splice(index, 1)
        reject(signal!.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiting.push(waiter)
    })
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal)
    try {
      return await task()
    } finally {
      release()
    }
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      // Hand the slot straight to the next waiter; only free it when nobody waits.
      if (next) next.grant()
      else this.active -= 1
    }
  }
}
