import { describe, expect, it } from 'vitest'
import { errorAnswer } from '../../../src/main/core/remote/schemas'
import { call, useServers } from './helpers'

const start = useServers()

/** A clock the test moves by hand, in milliseconds. */
function fakeClock() {
  let now = 1_000_000
  return { read: () => now, advance: (ms: number) => (now += ms) }
}

describe('rate limit', () => {
  it('answers 429 too_many_requests with Retry-After past the limit, and lets requests through as the window slides', async () => {
    const clock = fakeClock()
    const server = await start({ rateLimit: { limit: 3, windowMs: 10_000, clock: clock.read } })
    for (let i = 0; i < 3; i++) {
      expect((await call(server, 'GET', '/2/profile')).status).toBe(200)
      clock.advance(1_000)
    }
    const refused = await call(server, 'GET', '/2/profile')
    expect(refused.status).toBe(429)
    expect(errorAnswer.parse(refused.json).error.code).toBe('too_many_requests')
    // The first request leaves the window 10 s after it passed, 7 s from now.
    expect(refused.headers.get('retry-after')).toBe('7')
    clock.advance(7_000)
    expect((await call(server, 'GET', '/2/profile')).status).toBe(200)
    expect((await call(server, 'GET', '/2/profile')).status).toBe(429)
  })

  it('does not count refused requests', async () => {
    const clock = fakeClock()
    const server = await start({ rateLimit: { limit: 2, windowMs: 1_000, clock: clock.read } })
    for (let i = 0; i < 2; i++) await call(server, 'GET', '/2/profile')
    for (let i = 0; i < 5; i++) expect((await call(server, 'GET', '/2/profile')).status).toBe(429)
    clock.advance(1_000)
    for (let i = 0; i < 2; i++) expect((await call(server, 'GET', '/2/profile')).status).toBe(200)
  })

  it('can leave out Retry-After, as the live API may', async () => {
    const server = await start({ rateLimit: { limit: 1, retryAfter: false } })
    await call(server, 'GET', '/2/profile')
    const refused = await call(server, 'GET', '/2/profile')
    expect(refused.status).toBe(429)
    expect(refused.headers.has('retry-after')).toBe(false)
  })

  it('defaults to 60 requests a minute, counting every request (unauthorized ones too)', async () => {
    const server = await start({ rateLimit: {} })
    for (let i = 0; i < 59; i++) expect((await call(server, 'GET', '/2/profile')).status).toBe(200)
    expect((await call(server, 'GET', '/2/profile', { token: null })).status).toBe(401)
    const refused = await call(server, 'GET', '/2/profile')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(59)
  })

  it('can be switched off', async () => {
    const server = await start({ rateLimit: false })
    const statuses = await Promise.all(Array.from({ length: 100 }, () => call(server, 'GET', '/2/profile')))
    expect(new Set(statuses.map((r) => r.status))).toEqual(new Set([200]))
  })
})
