/**
 * A counting semaphore: at most `capacity` holders at once, the rest wait in arrival order.
 *
 * Used as a bulkhead in front of hot transactions (checkout): a burst of requests then waits in
 * memory instead of in the pool's queue, where the 2-second connection timeout would fail them,
 * and the pool keeps connections free for everything else.
 */
export class Semaphore {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('semaphore capacity must be a positive integer')
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.capacity) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.active += 1
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      // Hand the slot straight to the next waiter; only free it when nobody waits.
      if (next) next()
      else this.active -= 1
    }
  }
}
