import { z } from 'zod'
import { type Clock, systemClock } from './clock'
import { buildUrl, type Endpoint, type HttpMethod, type Query } from './endpoint'
import { readAnswer } from './envelope'
import { type RemoteFailure, RemoteError, type RequestLabel } from './errors'
import { type Page, PageChecker, pageEnvelope, type PageFault, type PageMeta } from './paging'
import { createRateLimiter, INFOMANIAK_RATE_LIMIT, type RateLimiter } from './rate-limiter'
import { DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter, retryDelayMs, type RetryPolicy } from './retry'
import { type Checked, checkShape } from './validate'

export interface RequestEvent {
  readonly request: RequestLabel
  /** 1 for the first attempt. */
  readonly attempt: number
}

export interface RetryEvent {
  readonly request: RequestLabel
  /** The attempt that failed. */
  readonly attempt: number
  readonly failure: RemoteFailure
  readonly delayMs: number
}

export interface RemoteClientOptions {
  /** The API's root, e.g. `https://api.infomaniak.com`; a path after the host prefixes every endpoint. */
  readonly baseUrl: string
  /**
   * Asked before every attempt, so a replaced token takes effect at once. Never
   * logged, never in an error. If it throws, the call fails with its error as is.
   */
  readonly token: () => Promise<string> | string
  /** One per token, shared by every client and call using it. Default: a new 60-per-60-s limiter on `clock`. */
  readonly rateLimiter?: RateLimiter
  /**
   * Per attempt, from sending to the body's last byte. Counted in real time even
   * when `clock` is fake: no fake clock makes a socket answer sooner. Default 30 s.
   */
  readonly timeoutMs?: number
  readonly retry?: Partial<RetryPolicy>
  /** Backoff sleeps and the default limiter run on it. */
  readonly clock?: Clock
  /** In [0, 1), for backoff jitter. */
  readonly random?: () => number
  /** Before each attempt is sent (after the limiter let it go). For progress and logs: it holds no token. */
  readonly onRequest?: (event: RequestEvent) => void
  /** Before waiting to retry a failed attempt. */
  readonly onRetry?: (event: RetryEvent) => void
}

export type SendMethod = Exclude<HttpMethod, 'GET'>

export interface GetOptions<T> {
  readonly query?: Query
  /** Validates `data`; its paths appear in errors as `data.…`. */
  readonly schema: z.ZodType<T>
  readonly signal?: AbortSignal
}

export interface SendOptions<T> {
  /** Sent as JSON; `{}` when absent, as the API wants a JSON body on every method but GET. */
  readonly body?: unknown
  readonly schema: z.ZodType<T>
  /**
   * Sent as the Idempotency-Key header. It also lets a POST or PATCH be
   * retried after a 5xx, reset or timeout; without it only a 429 or a
   * connection that never opened is retried (see isRetryable).
   */
  readonly idempotencyKey?: string
  readonly signal?: AbortSignal
}

export interface PagedOptions<T> {
  /** `page` and `per_page` are the iterator's to set. */
  readonly query?: Query & { readonly page?: never; readonly per_page?: never }
  /** Validates each item; errors name it as `data[3].…` on the page at fault. */
  readonly itemSchema: z.ZodType<T>
  /** Default 100. The server may answer with fewer per page; its `items_per_page` then rules. */
  readonly perPage?: number
  /**
   * Pages to ask for before they are read (default 0), for a caller that reads
   * the whole list: the server then prepares the next pages while this one is
   * checked and stored. Each still counts against the rate limit, so a caller
   * that may stop early keeps 0.
   */
  readonly readAhead?: number
  readonly signal?: AbortSignal
}

/**
 * Reads one page's successful (2xx) answer somewhere else: parses, checks and
 * keeps its items, and says where the listing stands. A failure it returns is
 * the answer's fault, as readAnswer and checkShape would name it, with server
 * text not yet scrubbed of the token (the client does that). Rejects only
 * when it could not read at all.
 */
export type PageReader = (page: number, body: string) => Promise<Checked<PageMeta>>

export interface ReadPagesOptions extends Omit<PagedOptions<never>, 'itemSchema'> {
  readonly reader: PageReader
}

export interface TotalOptions {
  readonly query?: Query & { readonly return?: never }
  readonly signal?: AbortSignal
}

export interface RemoteClient {
  get<T, P extends string>(endpoint: Endpoint<P>, options: GetOptions<T>): Promise<T>
  send<T, P extends string>(method: SendMethod, endpoint: Endpoint<P>, options: SendOptions<T>): Promise<T>
  /** Pages 1 to `pages`, each checked against the others (see PageChecker); stops early if the loop breaks. */
  paged<T, P extends string>(endpoint: Endpoint<P>, options: PagedOptions<T>): AsyncIterable<Page<T>>
  /**
   * As `paged`, but each page's answer goes to `reader` (on another thread,
   * say) instead of being parsed here; requests, limits and retries as ever.
   */
  readPages<P extends string>(endpoint: Endpoint<P>, options: ReadPagesOptions): AsyncIterable<PageMeta>
  /**
   * The `return=total` probe, a cheap way to notice a list changed: the same
   * call with `return=total` added, whose answer's `data` must be the count, a
   * non-negative integer (`{"result":"success","data":1234}`).
   */
  total<P extends string>(endpoint: Endpoint<P>, options?: TotalOptions): Promise<number>
}

/** Everything one call needs; its attempts share it. */
interface Call {
  readonly request: RequestLabel
  readonly url: URL
  readonly body: string | undefined
  readonly idempotencyKey: string | undefined
  readonly signal: AbortSignal | undefined
}

type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: RemoteFailure; readonly retryAfterMs: number | null; readonly cause?: unknown }

/** Turns one HTTP answer into an attempt's outcome; `scrub` removes the token from server text. */
type AnswerDecoder<T> = (status: number, body: string, retryAfterMs: number | null, scrub: (text: string) => string) => Attempt<T> | Promise<Attempt<T>>

/** Parses and validates the answer here, on the caller's thread. */
function validated<T>(schema: z.ZodType<T>): AnswerDecoder<T> {
  return (status, body, retryAfterMs, scrub) => {
    const answer = readAnswer(status, body, retryAfterMs, scrub)
    if (!answer.ok) return answer
    const checked = checkShape(schema, answer.envelope, scrub)
    return checked.ok ? checked : { ok: false, failure: checked.failure, retryAfterMs: null }
  }
}

/** Hands a successful answer to `reader`; a refusal is small, and read here. */
function readBy(reader: PageReader, page: number): AnswerDecoder<PageMeta> {
  return async (status, body, retryAfterMs, scrub) => {
    if (status < 200 || status >= 300) {
      const refused = readAnswer(status, body, retryAfterMs, scrub)
      if (!refused.ok) return refused
    }
    const checked = await reader(page, body)
    return checked.ok ? checked : { ok: false, failure: scrubbed(checked.failure, scrub), retryAfterMs: null }
  }
}

/** Every string in a failure read elsewhere, scrubbed: server text may echo the token. */
function scrubbed<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T
  if (Array.isArray(value)) return value.map((entry: unknown) => scrubbed(entry, scrub)) as T
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, scrubbed(entry, scrub)])) as T
  }
  return value
}

const DEFAULT_TIMEOUT_MS = 30_000
const DEFAULT_PER_PAGE = 100
const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE'])
// Visible ASCII: anything else (a pasted newline, a space) cannot be sent in a header.
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/

export function createRemoteClient(options: RemoteClientOptions): RemoteClient {
  const base = parseBaseUrl(options.baseUrl)
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  const limiter = options.rateLimiter ?? createRateLimiter(INFOMANIAK_RATE_LIMIT, clock)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
  if (!(timeoutMs > 0)) throw new RangeError(`remote client: timeout ${timeoutMs} ms`)
  if (!Number.isSafeInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`remote client: ${policy.maxAttempts} attempts`)
  }

  /** Runs a call's attempts until one succeeds, one fails for good, or the retry cap is reached. */
  async function exchange<T>(call: Call, decode: AnswerDecoder<T>): Promise<{ value: T; attempts: number }> {
    const { request, signal } = call
    const replaySafe = IDEMPOTENT_METHODS.has(request.method) || call.idempotencyKey !== undefined
    const cancelledAfter = (attempts: number) => new RemoteError(request, { kind: 'cancelled' }, attempts)
    for (let attempt = 1; ; attempt++) {
      await limiter.acquire(signal).catch((error: unknown) => {
        throw signal?.aborted ? cancelledAfter(attempt - 1) : error
      })
      options.onRequest?.({ request, attempt })
      const result = await attemptOnce(call, decode)
      if (result.ok) return { value: result.value, attempts: attempt }

      const { failure } = result
      if (attempt >= policy.maxAttempts || !isRetryable(failure, replaySafe)) {
        throw new RemoteError(request, failure, attempt, { cause: result.cause })
      }
      const delayMs = retryDelayMs(policy, attempt - 1, result.retryAfterMs, random)
      options.onRetry?.({ request, attempt, failure, delayMs })
      await clock.sleep(delayMs, signal).catch((error: unknown) => {
        throw signal?.aborted ? cancelledAfter(attempt) : error
      })
    }
  }

  async function attemptOnce<T>(call: Call, decode: AnswerDecoder<T>): Promise<Attempt<T>> {
    const token = await options.token()
    if (!HEADER_SAFE_TOKEN.test(token)) {
      return { ok: false, failure: { kind: 'token_invalid', status: null, api: null }, retryAfterMs: null }
    }
    const scrub = (text: string): string => text.split(token).join('[token]')

    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const cancel = (): void => controller.abort()
    call.signal?.addEventListener('abort', cancel, { once: true })
    if (call.signal?.aborted) cancel()

    let status: number
    let retryAfter: string | null
    let body: string
    try {
      const response = await fetch(call.url, {
        method: call.request.method,
        headers: headers(token, call),
        body: call.body,
        signal: controller.signal,
        // A redirect would carry the token to wherever it points; refuse it instead (kind 'rejected').
        redirect: 'manual',
      })
      status = response.status
      retryAfter = response.headers.get('retry-after')
      body = await response.text()
    } catch (error) {
      if (call.signal?.aborted) return { ok: false, failure: { kind: 'cancelled' }, retryAfterMs: null }
      if (timedOut) return { ok: false, failure: { kind: 'timeout', timeoutMs }, retryAfterMs: null }
      return { ok: false, failure: networkFailure(error, scrub), retryAfterMs: null, cause: error }
    } finally {
      clearTimeout(timer)
      call.signal?.removeEventListener('abort', cancel)
    }

    return decode(status, body, parseRetryAfter(retryAfter, Date.now()), scrub)
  }

  function prepare(
    method: HttpMethod,
    endpoint: Endpoint,
    query: Query,
    extra: { body?: unknown; idempotencyKey?: string; signal?: AbortSignal; page?: number } = {},
  ): Call {
    const request: RequestLabel = {
      method,
      path: endpoint.path,
      ...(endpoint.params === undefined ? {} : { params: endpoint.params }),
      ...(extra.page === undefined ? {} : { page: extra.page }),
    }
    return {
      request,
      url: buildUrl(base, endpoint, query),
      body: method === 'GET' ? undefined : JSON.stringify(extra.body ?? {}),
      idempotencyKey: extra.idempotencyKey,
      signal: extra.signal,
    }
  }

  /**
   * Pages 1 to `pages` in order, each read by its decoder; with `readAhead`,
   * the next pages are asked for before the current one is handed out.
   */
  async function* pageLoop<V extends PageMeta>(
    endpoint: Endpoint,
    { query = {}, perPage = DEFAULT_PER_PAGE, readAhead = 0, signal }: Omit<PagedOptions<never>, 'itemSchema'>,
    decoder: (page: number) => AnswerDecoder<V>,
    check: (page: number, value: V) => PageFault | null = () => null,
  ): AsyncGenerator<V> {
    if (!Number.isSafeInteger(perPage) || perPage < 1) throw new RangeError(`paged ${endpoint.path}: ${perPage} per page`)
    if (!Number.isSafeInteger(readAhead) || readAhead < 0) throw new RangeError(`paged ${endpoint.path}: read ahead ${readAhead}`)
    // Requests still in flight when the loop stops early are cancelled.
    const stop = new AbortController()
    const pageSignal = signal === undefined ? stop.signal : AbortSignal.any([signal, stop.signal])
    const ask = (page: number) => {
      const call = prepare('GET', endpoint, { ...query, page, per_page: perPage }, { signal: pageSignal, page })
      const answer = exchange(call, decoder(page)).then((exchanged) => ({ call, ...exchanged }))
      // Awaited in page order; until then a failure must not count as unhandled.
      answer.catch(() => undefined)
      return answer
    }
    const asked = new Map<number, ReturnType<typeof ask>>()
    try {
      for (let page = 1, pages = 1; page <= pages; page++) {
        const { call, value, attempts } = await (asked.get(page) ?? ask(page))
        asked.delete(page)
        const fault = check(page, value)
        if (fault !== null) throw new RemoteError(call.request, { kind: 'malformed', ...fault }, attempts)
        pages = value.pages
        for (let next = page + 1; next <= Math.min(pages, page + readAhead); next++) if (!asked.has(next)) asked.set(next, ask(next))
        yield value
      }
    } finally {
      stop.abort()
    }
  }

  return {
    async get(endpoint, { query = {}, schema, signal }) {
      const call = prepare('GET', endpoint, query, { signal })
      return (await exchange(call, validated(z.object({ data: schema })))).value.data
    },

    async send(method, endpoint, { body, schema, idempotencyKey, signal }) {
      const call = prepare(method, endpoint, {}, { body, idempotencyKey, signal })
      return (await exchange(call, validated(z.object({ data: schema })))).value.data
    },

    async *paged(endpoint, { itemSchema, ...options }) {
      const schema = pageEnvelope(itemSchema)
      const checker = new PageChecker()
      for await (const value of pageLoop(endpoint, options, () => validated(schema), (page, answer) => checker.check(page, answer))) {
        yield { items: value.data, page: value.page, pages: value.pages, total: value.total }
      }
    },

    async *readPages(endpoint, { reader, ...options }) {
      yield* pageLoop(endpoint, options, (page) => readBy(reader, page))
    },

    async total(endpoint, { query = {}, signal } = {}) {
      const call = prepare('GET', endpoint, { ...query, return: 'total' }, { signal })
      return (await exchange(call, validated(z.object({ data: z.number().int().min(0) })))).value.data
    },
  }
}

function parseBaseUrl(baseUrl: string): URL {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new TypeError(`remote client: the base URL ${JSON.stringify(baseUrl)} is not a URL`)
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
    throw new TypeError(`remote client: the base URL ${JSON.stringify(baseUrl)} must be http(s) without query or fragment`)
  }
  return url
}

function headers(token: string, call: Call): Record<string, string> {
  return {
    Accept: 'application/json',
    Authorization: `Bearer ${token}`,
    ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(call.idempotencyKey === undefined ? {} : { 'Idempotency-Key': call.idempotencyKey }),
  }
}

/** fetch rejects with "fetch failed" (or "terminated" mid-body); the system error is its cause. */
function networkFailure(error: unknown, scrub: (text: string) => string): RemoteFailure {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  const code = errorCode(cause) ?? errorCode(error) ?? 'unknown'
  const message = cause instanceof Error ? cause.message : String(cause)
  return { kind: 'network', code, detail: scrub(message === '' ? code : message) }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}
