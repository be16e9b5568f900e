import { describe, expect, it } from 'vitest'
import type { RemoteFailure } from '../../../src/main/core/remote/http/errors'
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  parseRetryAfter,
  retryDelayMs,
} from '../../../src/main/core/remote/http/retry'

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 120_000 }

describe('backoff', () => {
  it('is full jitter: random() times the doubling ceiling, capped', () => {
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffMs(policy, retry, () => 0.999))).toEqual(
      [100, 200, 400, 800, 1000, 1000].map((ceiling) => ceiling * 0.999),
    )
    expect(backoffMs(policy, 3, () => 0)).toBe(0)
    expect(backoffMs(policy, 3, () => 0.5)).toBe(400)
  })

  it('takes the server Retry-After instead, cut to the cap', () => {
    expect(retryDelayMs(policy, 4, 7_000, () => 0.5)).toBe(7_000)
    expect(retryDelayMs(policy, 0, 3_600_000, () => 0.5)).toBe(120_000)
    expect(retryDelayMs(policy, 2, null, () => 0.5)).toBe(200)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0)

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7_000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
  })

  it('reads an HTTP-date as the time left, never negative', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:00:00 GMT', now)).toBe(0)
  })

  it('ignores what it cannot read, so backoff applies', () => {
    for (const value of [null, '', 'soon', '-5', '1.5', '2025-01-01T12:00:30Z']) expect(parseRetryAfter(value, now)).toBeNull()
  })
})

describe('isRetryable', () => {
  const refusal = { status: 400, api: null }
  const cases: [RemoteFailure, replaySafe: boolean, expected: boolean][] = [
    [{ kind: 'rate_limited', retryAfterMs: null }, false, true],
    [{ kind: 'server', status: 503, api: null }, true, true],
    [{ kind: 'server', status: 503, api: null }, false, false],
    [{ kind: 'timeout', timeoutMs: 10 }, true, true],
    [{ kind: 'timeout', timeoutMs: 10 }, false, false],
    [{ kind: 'network', code: 'ECONNRESET', detail: '' }, true, true],
    [{ kind: 'network', code: 'ECONNRESET', detail: '' }, false, false],
    [{ kind: 'network', code: 'ECONNREFUSED', detail: '' }, false, true],
    [{ kind: 'network', code: 'ENOTFOUND', detail: '' }, false, true],
    [{ kind: 'token_invalid', ...refusal, status: 401 }, true, false],
    [{ kind: 'forbidden', ...refusal }, true, false],
    [{ kind: 'not_found', ...refusal }, true, false],
    [{ kind: 'conflict', ...refusal }, true, false],
    [{ kind: 'validation', ...refusal, errors: [] }, true, false],
    [{ kind: 'rejected', ...refusal }, true, false],
    [{ kind: 'malformed', path: 'data', problem: '' }, true, false],
    [{ kind: 'cancelled' }, true, false],
  ]
  it.each(cases)('%o (replay-safe %s) → %s', (failure, replaySafe, expected) => {
    expect(isRetryable(failure, replaySafe)).toBe(expected)
  })
})
