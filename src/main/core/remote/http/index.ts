// The HTTP layer's public face: what endpoint schemas and the sync engine use.
export { type Clock, systemClock } from './clock'
export {
  createRemoteClient,
  type GetOptions,
  type PagedOptions,
  type PageReader,
  type ReadPagesOptions,
  type RemoteClient,
  type RemoteClientOptions,
  type RequestEvent,
  type RetryEvent,
  type SendMethod,
  type SendOptions,
  type TotalOptions,
} from './client'
export { moneyToMinor, readVatRate, unixSeconds } from './convert'
export { readAnswer } from './envelope'
export { type Checked, checkShape } from './validate'
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
export { type Page, PageChecker, pageEnvelope, type PageMeta } from './paging'
export {
  createRateLimiter,
  INFOMANIAK_RATE_LIMIT,
  type RateLimit,
  type RateLimiter,
  unlimitedRateLimiter,
} from './rate-limiter'
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry'
