/**
 * Time as the HTTP layer sees it. Injected so tests run waits in virtual time,
 * instantly and deterministically.
 */
export interface Clock {
  /** Milliseconds on a monotonic scale: only differences are meaningful. */
  now(): number
  /** Resolves after `ms`; rejects with `signal.reason` as soon as the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

// performance.now(), not Date.now(): a wall clock set back by an hour would
// otherwise make the rate limiter wait that hour.
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(signal?.reason)
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}
