import type { Clock } from '../../../src/main/core/remote/http/clock'

interface Timer {
  readonly at: number
  readonly order: number
  readonly fire: () => void
}

/**
 * Virtual time for the HTTP layer. Each turn of the event loop (setImmediate)
 * ends the earliest pending sleep and moves `now()` to its due time, so waits
 * cost nothing, happen in due order, and tests read exactly when each ended.
 * Real I/O still takes real time; virtual time may run ahead of it, which is
 * fine for what the tests measure: when a request was let go.
 */
export class FakeClock implements Clock {
  /** Every sleep asked for, in ms, in the order asked. */
  readonly sleeps: number[] = []
  private time = 0
  private order = 0
  private timers: Timer[] = []
  private turnScheduled = false

  now(): number {
    return this.time
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms)
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      const onAbort = (): void => {
        this.timers = this.timers.filter((t) => t !== timer)
        reject(signal?.reason)
      }
      const timer: Timer = {
        at: this.time + ms,
        order: this.order++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.timers.push(timer)
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order)
      this.scheduleTurn()
    })
  }

  /** Sleeps not yet ended. */
  get pending(): number {
    return this.timers.length
  }

  private scheduleTurn(): void {
    if (this.turnScheduled) return
    this.turnScheduled = true
    setImmediate(() => {
      this.turnScheduled = false
      const next = this.timers.shift()
      if (next === undefined) return
      this.time = Math.max(this.time, next.at)
      next.fire()
      if (this.timers.length > 0) this.scheduleTurn()
    })
  }
}

/** A random() that returns these values in turn, then fails loudly. */
export function scriptedRandom(...values: number[]): () => number {
  let next = 0
  return () => {
    if (next >= values.length) throw new Error(`scriptedRandom: only ${values.length} values were given`)
    return values[next++]
  }
}
