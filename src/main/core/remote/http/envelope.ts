import type { ApiError, ApiFieldError, RemoteFailure } from './errors'

/** A `result: 'success'` body, whole: `data` and, on paged lists, the paging fields beside it. */
export type SuccessEnvelope = Readonly<Record<string, unknown>>

export type Answer =
  | { readonly ok: true; readonly envelope: SuccessEnvelope }
  | { readonly ok: false; readonly failure: RemoteFailure; readonly retryAfterMs: number | null }

type RefusalKind = 'token_invalid' | 'forbidden' | 'not_found' | 'conflict' | 'validation' | 'rejected' | 'server'

const KIND_OF_STATUS: ReadonlyMap<number, RefusalKind> = new Map([
  [401, 'token_invalid'],
  [403, 'forbidden'],
  [404, 'not_found'],
  [409, 'conflict'],
  [422, 'validation'],
])

// The documented codes, for error envelopes that come with a 2xx status. A
// Map, not an object: a code such as "constructor" must not find a property.
const KIND_OF_CODE: ReadonlyMap<string, RefusalKind> = new Map([
  ['not_authorized', 'token_invalid'],
  ['access_denied', 'forbidden'],
  ['account_not_partner', 'forbidden'],
  ['object_not_found', 'not_found'],
  ['object_already_exists', 'conflict'],
  ['validation_failed', 'validation'],
  ['unexpected_error', 'server'],
])

/**
 * Reads one HTTP answer. A non-2xx status is a failure whatever the body says,
 * and its status picks the kind; a 2xx is a success only with
 * `result: 'success'`. `retryAfterMs` is the parsed Retry-After header, kept
 * for 429 and 503. `scrub` removes the token from server-supplied text.
 */
export function readAnswer(
  status: number,
  body: string,
  retryAfterMs: number | null,
  scrub: (text: string) => string,
): Answer {
  const json = parseJson(body)
  if (status >= 200 && status < 300) {
    if (!json.ok) return malformed('(body)', `not JSON: ${scrub(json.problem)}`)
    const envelope = json.value
    if (!isRecord(envelope)) return malformed('(body)', `expected an object, received ${typeName(envelope)}`)
    if (envelope.result === 'success') return { ok: true, envelope }
    if (envelope.result === 'error') {
      const api = readApiError(envelope.error, scrub)
      if (api === null) return malformed('error', 'expected an object with a string code')
      return refusal(KIND_OF_CODE.get(api.code) ?? 'rejected', status, api, null)
    }
    // 'asynchronous' lands here too: callers of long jobs must poll, which this layer does not do.
    return malformed('result', `expected "success" or "error", received ${scrub(JSON.stringify(envelope.result) ?? 'nothing')}`)
  }

  const api = json.ok && isRecord(json.value) ? readApiError(json.value.error, scrub) : null
  if (status === 429) return { ok: false, failure: { kind: 'rate_limited', retryAfterMs }, retryAfterMs }
  // 501 says the server has no such endpoint: asking again will not make one (see sync/capabilities.ts).
  if (status >= 500 && status !== 501) return refusal('server', status, api, status === 503 ? retryAfterMs : null)
  return refusal(KIND_OF_STATUS.get(status) ?? 'rejected', status, api, null)
}

function refusal(kind: RefusalKind, status: number, api: ApiError | null, retryAfterMs: number | null): Answer {
  const failure: RemoteFailure =
    kind === 'validation' ? { kind, status, api, errors: api?.errors ?? [] } : { kind, status, api }
  return { ok: false, failure, retryAfterMs }
}

function malformed(path: string, problem: string): Answer {
  return { ok: false, failure: { kind: 'malformed', path, problem }, retryAfterMs: null }
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) }
  }
}

// Lenient on purpose: the call has failed already, and a strict reading would
// hide the API's reason behind a complaint about its shape.
function readApiError(value: unknown, scrub: (text: string) => string): ApiError | null {
  if (!isRecord(value) || typeof value.code !== 'string') return null
  return {
    code: scrub(value.code),
    description: typeof value.description === 'string' ? scrub(value.description) : '',
    context: value.context ?? null,
    errors: Array.isArray(value.errors) ? value.errors.filter(isRecord).map((entry) => readFieldError(entry, scrub)) : [],
  }
}

function readFieldError(entry: Readonly<Record<string, unknown>>, scrub: (text: string) => string): ApiFieldError {
  const context = isRecord(entry.context) ? entry.context : {}
  return {
    code: typeof entry.code === 'string' ? scrub(entry.code) : '',
    description: typeof entry.description === 'string' ? scrub(entry.description) : '',
    attribute: typeof context.attribute === 'string' ? scrub(context.attribute) : null,
    values: context.values ?? null,
  }
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function typeName(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'array' : typeof value
}
