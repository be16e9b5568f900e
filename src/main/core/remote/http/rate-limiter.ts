import { type Clock, systemClock } from './clock'

/**
 * Permission to send one HTTP attempt. Every attempt asks, retries included,
 * because the server counts them all. Share one limiter between every call
 * made with the same token: the API's limit is per user, over all paths.
 */
export interface RateLimiter {
  /**
   * Resolves when one more attempt may be sent, in the order callers asked.
   * Rejects with `signal.reason` if the signal aborts first; the place in the
   * queue is then given up.
   */
  acquire(signal?: AbortSignal): Promise<void>
}

/** At most `limit` attempts in any `windowMs` span. */
export interface RateLimit {
  readonly limit: number
  readonly windowMs: number
}

/** The whole API's documented limit. */
export const INFOMANIAK_RATE_LIMIT: RateLimit = { limit: 60, windowMs: 60_000 }

export const unlimitedRateLimiter: RateLimiter = {
  acquire: (signal) => (signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve()),
}

/**
 * A sliding-window log: it remembers when the last `limit` attempts went out
 * and lets the next one go when the oldest leaves the window. Unlike a token
 * bucket of the same size, it never sends more than `limit` in any window,
 * whether the server counts per calendar minute or over a sliding one.
 */
export function createRateLimiter(rate: RateLimit = INFOMANIAK_RATE_LIMIT, clock: Clock = systemClock): RateLimiter {
  if (!Number.isSafeInteger(rate.limit) || rate.limit < 1) throw new RangeError(`rate limit: ${rate.limit} is not a positive integer`)
  if (!(rate.windowMs > 0) || !Number.isFinite(rate.windowMs)) throw new RangeError(`rate limit: window ${rate.windowMs} ms`)
  return new SlidingWindowLimiter(rate, clock)
}

interface Waiter {
  grant(): void
}

class SlidingWindowLimiter implements RateLimiter {
  /** When the last `limit` grants were made, oldest first. */
  private readonly sent: number[] = []
  private readonly queue: Waiter[] = []
  private pumping = false
  /** Cuts the pump's wait short once every waiter has given up, so no timer outlives them. */
  private idle: AbortController | null = null

  constructor(
    private readonly rate: RateLimit,
    private readonly clock: Clock,
  ) {}

  acquire(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      const onAbort = (): void => {
        this.queue.splice(this.queue.indexOf(waiter), 1)
        if (this.queue.length === 0) this.idle?.abort()
        reject(signal?.reason)
      }
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.queue.push(waiter)
      if (!this.pumping) void this.pump()
    })
  }

  /** The only code that grants, so grants follow the queue's order. */
  private async pump(): Promise<void> {
    this.pumping = true
    const { limit, windowMs } = this.rate
    while (this.queue.length > 0) {
      const now = this.clock.now()
      while (this.sent.length > 0 && this.sent[0] + windowMs <= now) this.sent.shift()
      if (this.sent.length < limit) {
        this.sent.push(now)
        this.queue.shift()?.grant()
        continue
      }
      this.idle = new AbortController()
      // Rejects only when `idle` aborts: the queue is empty and the loop ends.
      await this.clock.sleep(this.sent[0] + windowMs - now, this.idle.signal).catch(() => undefined)
      this.idle = null
    }
    this.pumping = false
  }
}
