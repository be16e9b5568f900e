import { describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/core/remote/http/clock'
import { createRateLimiter, unlimitedRateLimiter } from '../../../src/main/core/remote/http/rate-limiter'
import { FakeClock } from './fake-clock'

/** Starts `count` acquisitions at once; resolves to [caller index, virtual time granted] in grant order. */
async function grants(limiter: ReturnType<typeof createRateLimiter>, clock: FakeClock, count: number) {
  const order: [number, number][] = []
  await Promise.all(
    Array.from({ length: count }, (_, index) => limiter.acquire().then(() => order.push([index, clock.now()]))),
  )
  return order
}

describe('createRateLimiter', () => {
  it('lets `limit` go at once, then one more each time the oldest leaves the window', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000 }, clock)
    expect(await grants(limiter, clock, 5)).toEqual([
      [0, 0],
      [1, 0],
      [2, 1_000],
      [3, 1_000],
      [4, 2_000],
    ])
  })

  it('slides: a slot frees exactly one window after its own grant', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000 }, clock)
    await limiter.acquire()
    await clock.sleep(600)
    await limiter.acquire()
    const times: number[] = []
    for (let i = 0; i < 3; i++) {
      await limiter.acquire()
      times.push(clock.now())
    }
    expect(times).toEqual([1_000, 1_600, 2_000])
  })

  it('serves waiters first come, first served, even those that arrive while others wait', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ limit: 1, windowMs: 100 }, clock)
    const order: string[] = []
    const first = Promise.all(['a', 'b', 'c'].map((name) => limiter.acquire().then(() => order.push(name))))
    await new Promise((resolve) => setImmediate(resolve))
    const late = limiter.acquire().then(() => order.push('d'))
    await Promise.all([first, late])
    expect(order).toEqual(['a', 'b', 'c', 'd'])
    expect(clock.now()).toBe(300)
  })

  it('gives up the place of an aborted waiter to the next, and rejects with the reason', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ limit: 1, windowMs: 100 }, clock)
    await limiter.acquire()
    const controller = new AbortController()
    const aborted = limiter.acquire(controller.signal)
    const next = limiter.acquire().then(() => clock.now())
    controller.abort(new Error('user stopped the sync'))
    await expect(aborted).rejects.toThrow('user stopped the sync')
    expect(await next).toBe(100)
  })

  it('leaves no timer behind once every waiter gave up', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 }, clock)
    await limiter.acquire()
    const controller = new AbortController()
    const waiting = limiter.acquire(controller.signal)
    expect(clock.pending).toBe(1)
    controller.abort()
    await expect(waiting).rejects.toThrow()
    expect(clock.pending).toBe(0)
    expect(clock.now()).toBe(0)
  })

  it('refuses an already aborted signal without using a slot', async () => {
    const clock = new FakeClock()
    const limiter = createRateLimiter({ limit: 1, windowMs: 100 }, clock)
    await expect(limiter.acquire(AbortSignal.abort(new Error('too late')))).rejects.toThrow('too late')
    await limiter.acquire()
    expect(clock.now()).toBe(0)
  })

  it('works on the real clock', async () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 30 }, systemClock)
    const start = performance.now()
    await limiter.acquire()
    await limiter.acquire()
    expect(performance.now() - start).toBeGreaterThanOrEqual(29)
  })

  it('refuses a limit or window that cannot work', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1_000 })).toThrow(RangeError)
    expect(() => createRateLimiter({ limit: 1.5, windowMs: 1_000 })).toThrow(RangeError)
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError)
    expect(() => createRateLimiter({ limit: 1, windowMs: Number.POSITIVE_INFINITY })).toThrow(RangeError)
  })
})

describe('unlimitedRateLimiter', () => {
  it('never waits, but still honours an aborted signal', async () => {
    await Promise.all(Array.from({ length: 1_000 }, () => unlimitedRateLimiter.acquire()))
    await expect(unlimitedRateLimiter.acquire(AbortSignal.abort(new Error('stop')))).rejects.toThrow('stop')
  })
})
