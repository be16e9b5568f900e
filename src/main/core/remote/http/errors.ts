import type { HttpMethod, ParamValue } from './endpoint'

/** Which call failed, as code and the API's documentation name it: the path template, not the URL. */
export interface RequestLabel {
  readonly method: HttpMethod
  readonly path: string
  readonly params?: Readonly<Record<string, ParamValue>>
  /** Set for one page of a paged list. */
  readonly page?: number
}

/** `GET /1/accounts/{account_id}/tags (account_id=42)`, `GET /1/products page 3`. */
export function describeRequest(request: RequestLabel): string {
  const params = Object.entries(request.params ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join(', ')
  return (
    `${request.method} ${request.path}` +
    (params === '' ? '' : ` (${params})`) +
    (request.page === undefined ? '' : ` page ${request.page}`)
  )
}

/** One entry of the API's `error.errors[]`, usually one per refused attribute. */
export interface ApiFieldError {
  readonly code: string
  readonly description: string
  /** `context.attribute`: the request field at fault, when the API names one. */
  readonly attribute: string | null
  /** `context.values`, as sent. */
  readonly values: unknown
}

/** The API's own `error` object. */
export interface ApiError {
  readonly code: string
  readonly description: string
  readonly context: unknown
  readonly errors: readonly ApiFieldError[]
}

/** An HTTP answer that refused the call; `api` is null when its body was not an API error (a proxy's page, say). */
interface Refusal {
  readonly status: number
  readonly api: ApiError | null
}

/** What went wrong, for the sync engine to switch on `kind`. */
export type RemoteFailure =
  /**
   * 401: the token is wrong, expired or revoked. Never retried: the account
   * needs a new token. `status` is null when the token was not even sent
   * (empty, or holding characters a header cannot carry).
   */
  | { readonly kind: 'token_invalid'; readonly status: number | null; readonly api: ApiError | null }
  /** 403: `api.code` tells `access_denied` from `account_not_partner`. */
  | ({ readonly kind: 'forbidden' } & Refusal)
  | ({ readonly kind: 'not_found' } & Refusal)
  /** 409, e.g. `object_already_exists`. */
  | ({ readonly kind: 'conflict' } & Refusal)
  /** 422; `errors` is `api.errors`, or empty when the body had none. */
  | ({ readonly kind: 'validation'; readonly errors: readonly ApiFieldError[] } & Refusal)
  /**
   * A refusal the API does not document: a redirect (never followed: it would
   * carry the token elsewhere), another 4xx, or an error envelope with an
   * unknown code on a 2xx. Never retried.
   */
  | ({ readonly kind: 'rejected' } & Refusal)
  /** 5xx, after the retry cap. */
  | ({ readonly kind: 'server' } & Refusal)
  /** 429 after the retry cap; `retryAfterMs` is what the last answer asked for, uncapped, to schedule the next sync. */
  | { readonly kind: 'rate_limited'; readonly retryAfterMs: number | null }
  /** No HTTP answer (reset, refused, DNS), after the cap; `code` is Node's: ECONNRESET, ENOTFOUND, UND_ERR_SOCKET... */
  | { readonly kind: 'network'; readonly code: string; readonly detail: string }
  /** No complete answer within `timeoutMs` on any attempt. */
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  /** The answer breaks the API's promises; `path` locates the fault, e.g. `data.items[3].expired_at`. */
  | { readonly kind: 'malformed'; readonly path: string; readonly problem: string }
  /** The caller's AbortSignal fired. */
  | { readonly kind: 'cancelled' }

export type RemoteFailureKind = RemoteFailure['kind']

/**
 * Every failure of a remote call. The message says which call and what went
 * wrong; it never holds the token (server-supplied text is scrubbed of it).
 */
export class RemoteError extends Error {
  constructor(
    readonly request: RequestLabel,
    readonly failure: RemoteFailure,
    /** HTTP attempts made: 0 when cancelled before the first. */
    readonly attempts: number,
    options?: ErrorOptions,
  ) {
    super(`${describeRequest(request)}: ${describeFailure(failure, attempts)}`, options)
  }
}
// On the prototype, so the stack's first line (captured by Error's constructor) reads RemoteError.
RemoteError.prototype.name = 'RemoteError'

function describeFailure(failure: RemoteFailure, attempts: number): string {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : ''
  switch (failure.kind) {
    case 'token_invalid':
      return failure.status === null
        ? 'the token is empty or holds characters an HTTP header cannot carry; nothing was sent'
        : `the token was refused${answer({ status: failure.status, api: failure.api })}`
    case 'forbidden':
      return `access denied${answer(failure)}`
    case 'not_found':
      return `not found${answer(failure)}`
    case 'conflict':
      return `conflict${answer(failure)}`
    case 'validation':
      return `validation failed${answer(failure)}${fieldErrors(failure.errors)}`
    case 'rejected':
      return `refused${answer(failure)}`
    case 'server':
      return `server error${answer(failure)}${tries}`
    case 'rate_limited':
      return (
        `still rate limited (HTTP 429)${tries}` +
        (failure.retryAfterMs === null ? '' : `; the server asks to wait ${Math.ceil(failure.retryAfterMs / 1000)} s`)
      )
    case 'network':
      return `network error ${failure.code} (${failure.detail})${tries}`
    case 'timeout':
      return `no answer within ${failure.timeoutMs} ms${tries}`
    case 'malformed':
      return `${failure.path}: ${failure.problem}`
    case 'cancelled':
      return 'cancelled'
  }
}

function answer({ status, api }: Refusal): string {
  return ` (HTTP ${status}${api === null ? '' : ` ${api.code}: ${api.description}`})`
}

function fieldErrors(errors: readonly ApiFieldError[]): string {
  if (errors.length === 0) return ''
  return `: ${errors.map((e) => `${e.attribute ?? '(request)'}: ${e.description}`).join('; ')}`
}
