import type { RemoteFailure } from './errors'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number
  /** Retry n (from 0) waits `random() * min(maxDelayMs, baseDelayMs * 2^n)` when the server gave no Retry-After. */
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** A longer Retry-After is cut to this: a sync should fail and be rescheduled rather than hang for an hour. */
  readonly maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
}

/**
 * Full jitter: waits spread over the whole range, so clients that failed
 * together do not come back together.
 */
export function backoffMs(policy: RetryPolicy, retry: number, random: () => number): number {
  return random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry)
}

/** How long to wait before the next attempt: the server's word when it gave one, capped, else backoff. */
export function retryDelayMs(policy: RetryPolicy, retry: number, retryAfterMs: number | null, random: () => number): number {
  return retryAfterMs === null ? backoffMs(policy, retry, random) : Math.min(retryAfterMs, policy.maxRetryAfterMs)
}

/**
 * Reads Retry-After, either delta-seconds or an HTTP-date; null when absent or
 * unreadable (then backoff applies). `wallNowMs` is Date.now(), for dates.
 */
export function parseRetryAfter(value: string | null, wallNowMs: number): number | null {
  if (value === null) return null
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  // Only the HTTP-date form (`Wed, 21 Oct 2015 07:28:00 GMT`): Date.parse accepts much else.
  if (!/^[A-Za-z]{3}, /.test(text) || Number.isNaN(date)) return null
  return Math.max(0, date - wallNowMs)
}

// Errors raised while connecting: the request never reached a server.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])

/**
 * Whether a failed attempt may be made again. `replaySafe` is true for GET,
 * PUT and DELETE (idempotent by HTTP's rules) and for any call sent with an
 * Idempotency-Key. Other calls (POST, PATCH) are repeated only when the server
 * cannot have acted: a 429, or a connection that never opened. After a 5xx,
 * reset or timeout it may have, and a blind repeat could do it twice.
 */
export function isRetryable(failure: RemoteFailure, replaySafe: boolean): boolean {
  switch (failure.kind) {
    case 'rate_limited':
      return true
    case 'server':
    case 'timeout':
      return replaySafe
    case 'network':
      return replaySafe || NOT_SENT.has(failure.code)
    default:
      return false
  }
}
