// The HTTP layer's public face: what endpoint schemas and the sync engine use.
export { type Clock, systemClock } from './clock'
export {
  createRemoteClient,
  type GetOptions,
  type PagedOptions,
  type RemoteClient,
  type RemoteClientOptions,
  type RequestEvent,
  type RetryEvent,
  type SendMethod,
  type SendOptions,
  type TotalOptions,
} from './client'
export { moneyToMinor, readVatRate, unixSeconds } from './convert'
export type { Endpoint, HttpMethod, ParamValue, Query } from './endpoint'
export {
  type ApiError,
  type ApiFieldError,
  describeRequest,
  RemoteError,
  type RemoteFailure,
  type RemoteFailureKind,
  type RequestLabel,
} from './errors'
export type { Page } from './paging'
export {
  createRateLimiter,
  INFOMANIAK_RATE_LIMIT,
  type RateLimit,
  type RateLimiter,
  unlimitedRateLimiter,
} from './rate-limiter'
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry'
