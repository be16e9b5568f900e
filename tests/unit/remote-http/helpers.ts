import { expect } from 'vitest'
import {
  createRemoteClient,
  type RemoteClient,
  type RemoteClientOptions,
  type RequestEvent,
  type RetryEvent,
} from '../../../src/main/core/remote/http/client'
import { RemoteError } from '../../../src/main/core/remote/http/errors'
import { unlimitedRateLimiter } from '../../../src/main/core/remote/http/rate-limiter'
import { FakeClock } from './fake-clock'

export const TOKEN = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0'

export interface Harness {
  readonly api: RemoteClient
  readonly clock: FakeClock
  readonly requests: RequestEvent[]
  readonly retries: RetryEvent[]
}

/**
 * A client on virtual time, with no rate limit unless a test brings one, and
 * random() fixed at 0.5 so every backoff is half its ceiling.
 */
export function harness(baseUrl: string, options: Partial<RemoteClientOptions> = {}): Harness {
  const clock = options.clock instanceof FakeClock ? options.clock : new FakeClock()
  const requests: RequestEvent[] = []
  const retries: RetryEvent[] = []
  const api = createRemoteClient({
    baseUrl,
    token: () => TOKEN,
    clock,
    random: () => 0.5,
    rateLimiter: unlimitedRateLimiter,
    ...options,
    onRequest: (event) => {
      requests.push(event)
      options.onRequest?.(event)
    },
    onRetry: (event) => {
      retries.push(event)
      options.onRetry?.(event)
    },
  })
  return { api, clock, requests, retries }
}

/** The RemoteError a call fails with; fails the test if it succeeds or throws anything else. */
export async function remoteError(call: Promise<unknown>): Promise<RemoteError> {
  try {
    await call
  } catch (error) {
    expect(error).toBeInstanceOf(RemoteError)
    return error as RemoteError
  }
  throw new Error('the call succeeded; a RemoteError was expected')
}
