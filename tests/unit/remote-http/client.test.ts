import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createRemoteClient } from '../../../src/main/core/remote/http/client'
import { unixSeconds } from '../../../src/main/core/remote/http/convert'
import type { RemoteFailure } from '../../../src/main/core/remote/http/errors'
import { createRateLimiter, type RateLimiter, unlimitedRateLimiter } from '../../../src/main/core/remote/http/rate-limiter'
import { FakeClock, scriptedRandom } from './fake-clock'
import { harness, remoteError, TOKEN } from './helpers'
import { apiError, closedPort, reply, startServer, success, type TestServer } from './server'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const products = { path: '/1/products' } as const
const tags = { path: '/1/accounts/{account_id}/tags', params: { account_id: 42 } } as const
const tag = z.object({ id: z.number(), name: z.string() })

describe('a successful answer', () => {
  it('returns `data` validated by the schema, from a URL built from the template', async () => {
    server.answer((_hit, response) => reply(response, 200, success([{ id: 1, name: 'VIP', extra: true }])))
    const { api } = harness(server.url)
    const result = await api.get(
      { path: '/1/accounts/{account_id}/tags', params: { account_id: 'a b/c' } },
      { query: { with: 'products', search: undefined }, schema: z.array(tag) },
    )
    expect(result).toEqual([{ id: 1, name: 'VIP' }])
    const [hit] = server.hits
    expect(hit.method).toBe('GET')
    expect(hit.url.pathname).toBe('/1/accounts/a%20b%2Fc/tags')
    expect(hit.url.search).toBe('?with=products')
    expect(hit.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(hit.headers.accept).toBe('application/json')
    expect(hit.body).toBe('')
  })

  it('keeps a path prefix of the base URL', async () => {
    server.answer((_hit, response) => reply(response, 200, success(true)))
    const { api } = harness(`${server.url}/partner/`)
    await api.get(products, { schema: z.literal(true) })
    expect(server.hits[0].url.pathname).toBe('/partner/1/products')
  })
})

describe('error answers', () => {
  const cases: [status: number, code: string, kind: RemoteFailure['kind']][] = [
    [401, 'not_authorized', 'token_invalid'],
    [403, 'access_denied', 'forbidden'],
    [403, 'account_not_partner', 'forbidden'],
    [404, 'object_not_found', 'not_found'],
    [409, 'object_already_exists', 'conflict'],
    [422, 'validation_failed', 'validation'],
    [400, 'bad_request', 'rejected'],
    [405, 'method_not_allowed', 'rejected'],
  ]
  it.each(cases)('HTTP %i %s → %s, in one request, naming call, status and code', async (status, code, kind) => {
    server.answer((_hit, response) => reply(response, status, apiError(code, `the ${code} description`)))
    const { api, retries } = harness(server.url)
    const error = await remoteError(api.get(tags, { schema: z.unknown() }))
    expect(error.failure).toMatchObject({ kind, status, api: { code, description: `the ${code} description` } })
    expect(error.message).toMatch(
      new RegExp(`^GET /1/accounts/\\{account_id\\}/tags \\(account_id=42\\): .*\\(HTTP ${status} ${code}: the ${code} description\\)`),
    )
    expect(error.attempts).toBe(1)
    expect(server.hits).toHaveLength(1)
    expect(retries).toEqual([])
  })

  it('a 422 lists the refused attributes', async () => {
    server.answer((_hit, response) =>
      reply(
        response,
        422,
        apiError('validation_failed', 'The given data was invalid.', {
          errors: [
            { code: 'max', description: 'at most 30 characters', context: { attribute: 'name', values: { max: 30 } } },
            { code: 'in', description: 'not a colour', context: { attribute: 'color', values: [1, 2] } },
            { code: 'odd', description: 'no context' },
          ],
        }),
      ),
    )
    const { api } = harness(server.url)
    const error = await remoteError(api.send('POST', tags, { body: { name: 'x'.repeat(40) }, schema: z.unknown() }))
    expect(error.failure).toEqual({
      kind: 'validation',
      status: 422,
      api: expect.objectContaining({ code: 'validation_failed' }),
      errors: [
        { code: 'max', description: 'at most 30 characters', attribute: 'name', values: { max: 30 } },
        { code: 'in', description: 'not a colour', attribute: 'color', values: [1, 2] },
        { code: 'odd', description: 'no context', attribute: null, values: null },
      ],
    })
    expect(error.message).toContain('validation failed (HTTP 422 validation_failed: The given data was invalid.): ')
    expect(error.message).toContain('name: at most 30 characters; color: not a colour; (request): no context')
  })

  it('a refusal whose body is not an API error still maps by status, with api null', async () => {
    server.answer((_hit, response) => reply(response, 403, '<html>Forbidden by proxy</html>', { 'Content-Type': 'text/html' }))
    const { api } = harness(server.url)
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure).toEqual({ kind: 'forbidden', status: 403, api: null })
    expect(error.message).toBe('GET /1/products: access denied (HTTP 403)')
  })

  it('an error envelope on a 2xx is an error, its kind taken from the code', async () => {
    server.answer((_hit, response) => reply(response, 200, apiError('account_not_partner', 'not a partner')))
    const { api } = harness(server.url)
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure).toMatchObject({ kind: 'forbidden', status: 200, api: { code: 'account_not_partner' } })
  })

  it('a redirect is refused, not followed (it would carry the token elsewhere)', async () => {
    server.answer((_hit, response) => reply(response, 302, '', { Location: 'http://elsewhere.invalid/' }))
    const { api } = harness(server.url)
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure).toEqual({ kind: 'rejected', status: 302, api: null })
    expect(server.hits).toHaveLength(1)
  })
})

describe('malformed answers', () => {
  it('names the call and the field path of a schema mismatch', async () => {
    const items = [0, 1, 2, 3].map((id) => ({ id, expired_at: id === 3 ? '1767225600' : 1_767_225_600 }))
    server.answer((_hit, response) => reply(response, 200, success({ items })))
    const { api } = harness(server.url)
    const schema = z.object({ items: z.array(z.object({ id: z.number(), expired_at: unixSeconds })) })
    const error = await remoteError(api.get(products, { schema }))
    expect(error.failure).toEqual({ kind: 'malformed', path: 'data.items[3].expired_at', problem: 'expected number, received string' })
    expect(error.message).toBe('GET /1/products: data.items[3].expired_at: expected number, received string')
    expect(server.hits).toHaveLength(1)
  })

  it('counts the further issues', async () => {
    server.answer((_hit, response) => reply(response, 200, success([{ id: 'a' }, { id: 'b' }, { id: 'c' }])))
    const { api } = harness(server.url)
    const error = await remoteError(api.get(products, { schema: z.array(z.object({ id: z.number() })) }))
    expect(error.message).toBe('GET /1/products: data[0].id: expected number, received string (and 2 more)')
  })

  it('reports a body that is not JSON, not retried', async () => {
    server.answer((_hit, response) => reply(response, 200, '{"result":"success","data":[1,2'))
    const { api } = harness(server.url)
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure).toMatchObject({ kind: 'malformed', path: '(body)' })
    expect(error.message).toMatch(/^GET \/1\/products: \(body\): not JSON: /)
    expect(server.hits).toHaveLength(1)
  })

  it('reports an envelope that is not one', async () => {
    const { api } = harness(server.url)
    const answers: [body: unknown, path: string, problem: string][] = [
      [[1, 2], '(body)', 'expected an object, received array'],
      [{ data: [] }, 'result', 'expected "success" or "error", received nothing'],
      [{ result: 'asynchronous', data: { uuid: 'x' } }, 'result', 'expected "success" or "error", received "asynchronous"'],
      [{ result: 'error' }, 'error', 'expected an object with a string code'],
      [{ result: 'success' }, 'data', 'expected array, received undefined'],
    ]
    for (const [body, path, problem] of answers) {
      server.answer((_hit, response) => reply(response, 200, body))
      const error = await remoteError(api.get(products, { schema: z.array(z.number()) }))
      expect(error.failure).toEqual({ kind: 'malformed', path, problem })
    }
  })
})

describe('retries', () => {
  it('429 with Retry-After waits exactly that long, then retries', async () => {
    server.answer((_hit, response, index) =>
      index === 0 ? reply(response, 429, apiError('too_many_requests', 'slow down'), { 'Retry-After': '7' }) : reply(response, 200, success(1)),
    )
    const { api, clock, retries } = harness(server.url)
    expect(await api.get(products, { schema: z.number() })).toBe(1)
    expect(clock.sleeps).toEqual([7_000])
    expect(retries).toEqual([
      { request: { method: 'GET', path: '/1/products' }, attempt: 1, failure: { kind: 'rate_limited', retryAfterMs: 7_000 }, delayMs: 7_000 },
    ])
    expect(server.hits).toHaveLength(2)
  })

  it('caps a long Retry-After', async () => {
    server.answer((_hit, response, index) =>
      index === 0 ? reply(response, 429, '', { 'Retry-After': '3600' }) : reply(response, 200, success(1)),
    )
    const { api, clock } = harness(server.url, { retry: { maxRetryAfterMs: 120_000 } })
    await api.get(products, { schema: z.number() })
    expect(clock.sleeps).toEqual([120_000])
  })

  it('429 without Retry-After backs off with full jitter, then gives up as rate_limited', async () => {
    server.answer((_hit, response) => reply(response, 429, apiError('too_many_requests', 'slow down')))
    const { api, clock } = harness(server.url, {
      random: scriptedRandom(0.5, 0.25, 1, 0),
      retry: { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 },
    })
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    // random() * min(cap, 1000 * 2^retry): 0.5 * 1000, 0.25 * 2000, 1 * 4000, 0 * 8000.
    expect(clock.sleeps).toEqual([500, 500, 4_000, 0])
    expect(error.failure).toEqual({ kind: 'rate_limited', retryAfterMs: null })
    expect(error.attempts).toBe(5)
    expect(error.message).toBe('GET /1/products: still rate limited (HTTP 429) after 5 attempts')
    expect(server.hits).toHaveLength(5)
  })

  it('5xx is retried up to the cap, then fails as server with its status', async () => {
    server.answer((_hit, response) => reply(response, 502, apiError('unexpected_error', 'upstream down')))
    const { api, clock, retries } = harness(server.url, { retry: { maxAttempts: 3, baseDelayMs: 100 } })
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure).toMatchObject({ kind: 'server', status: 502, api: { code: 'unexpected_error' } })
    expect(error.message).toBe('GET /1/products: server error (HTTP 502 unexpected_error: upstream down) after 3 attempts')
    expect(server.hits).toHaveLength(3)
    expect(clock.sleeps).toEqual([50, 100])
    expect(retries.map((r) => r.attempt)).toEqual([1, 2])
  })

  it('5xx then success returns the success', async () => {
    server.answer((_hit, response, index) => (index < 2 ? reply(response, 500, 'oops') : reply(response, 200, success('ok'))))
    const { api } = harness(server.url)
    expect(await api.get(products, { schema: z.string() })).toBe('ok')
    expect(server.hits).toHaveLength(3)
  })

  it('503 with Retry-After honours it', async () => {
    server.answer((_hit, response, index) =>
      index === 0 ? reply(response, 503, '', { 'Retry-After': '2' }) : reply(response, 200, success(1)),
    )
    const { api, clock } = harness(server.url)
    await api.get(products, { schema: z.number() })
    expect(clock.sleeps).toEqual([2_000])
  })

  it('a reset connection is retried, then fails as network', async () => {
    server.answer((_hit, response) => response.socket?.destroy())
    const { api } = harness(server.url, { retry: { maxAttempts: 3 } })
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure.kind).toBe('network')
    expect(error.message).toMatch(/^GET \/1\/products: network error (UND_ERR_SOCKET|ECONNRESET) \(.+\) after 3 attempts$/)
    expect(server.hits).toHaveLength(3)
  })

  it('a refused connection is retried, then fails as network ECONNREFUSED', async () => {
    const { api, requests } = harness(`http://127.0.0.1:${await closedPort()}`, { retry: { maxAttempts: 2 } })
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' })
    expect(requests).toHaveLength(2)
  })

  it('a server that never answers times out on each attempt, then fails as timeout', async () => {
    server.answer(() => undefined)
    const { api } = harness(server.url, { timeoutMs: 50, retry: { maxAttempts: 2 } })
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure).toEqual({ kind: 'timeout', timeoutMs: 50 })
    expect(error.message).toBe('GET /1/products: no answer within 50 ms after 2 attempts')
    expect(server.hits).toHaveLength(2)
  })

  it('the timeout covers the body: headers then silence is a timeout too', async () => {
    server.answer((_hit, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.write('{"result":"success","data":')
    })
    const { api } = harness(server.url, { timeoutMs: 50, retry: { maxAttempts: 1 } })
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure).toEqual({ kind: 'timeout', timeoutMs: 50 })
  })

  it('401 fails at once: exactly one request, one limiter slot, no retry', async () => {
    server.answer((_hit, response) => reply(response, 401, apiError('not_authorized', 'Unauthorized')))
    let slots = 0
    const counting: RateLimiter = { acquire: (signal) => (slots++, unlimitedRateLimiter.acquire(signal)) }
    const { api, retries, clock } = harness(server.url, { rateLimiter: counting })
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure.kind).toBe('token_invalid')
    expect(error.message).toBe('GET /1/products: the token was refused (HTTP 401 not_authorized: Unauthorized)')
    expect(server.hits).toHaveLength(1)
    expect(slots).toBe(1)
    expect(retries).toEqual([])
    expect(clock.sleeps).toEqual([])
  })

  it('asks the token provider on every attempt, so a replaced token is used at once', async () => {
    server.answer((_hit, response, index) => (index === 0 ? reply(response, 500, '') : reply(response, 200, success(1))))
    const tokens = ['tok_first_aaaaaaaaaaaa', 'tok_second_bbbbbbbbbbb']
    const { api } = harness(server.url, { token: async () => tokens.shift() ?? 'none' })
    await api.get(products, { schema: z.number() })
    expect(server.hits.map((hit) => hit.headers.authorization)).toEqual(['Bearer tok_first_aaaaaaaaaaaa', 'Bearer tok_second_bbbbbbbbbbb'])
  })

  it('never sends a token a header cannot carry', async () => {
    const { api, requests } = harness(server.url, { token: () => `${TOKEN}\n` })
    server.answer((_hit, response) => reply(response, 200, success(1)))
    const error = await remoteError(api.get(products, { schema: z.unknown() }))
    expect(error.failure).toEqual({ kind: 'token_invalid', status: null, api: null })
    expect(error.message).toBe('GET /1/products: the token is empty or holds characters an HTTP header cannot carry; nothing was sent')
    expect(requests).toHaveLength(1)
    expect(server.hits).toHaveLength(0)
  })
})

describe('send', () => {
  it('sends the JSON body, its content type and the Idempotency-Key', async () => {
    server.answer((_hit, response) => reply(response, 201, success({ id: 9, name: 'VIP' })))
    const { api } = harness(server.url)
    const created = await api.send('POST', tags, { body: { name: 'VIP', color: 3 }, schema: tag, idempotencyKey: 'tag-create-7f3a' })
    expect(created).toEqual({ id: 9, name: 'VIP' })
    const [hit] = server.hits
    expect(hit.method).toBe('POST')
    expect(hit.url.pathname).toBe('/1/accounts/42/tags')
    expect(hit.headers['idempotency-key']).toBe('tag-create-7f3a')
    expect(hit.headers['content-type']).toBe('application/json')
    expect(JSON.parse(hit.body)).toEqual({ name: 'VIP', color: 3 })
  })

  it('sends an empty JSON object when there is no body, as the API wants one on every method but GET', async () => {
    server.answer((_hit, response) => reply(response, 200, success(true)))
    const { api } = harness(server.url)
    await api.send('DELETE', { path: '/1/accounts/{account_id}/tags/{tag_id}', params: { account_id: 42, tag_id: 9 } }, { schema: z.literal(true) })
    expect(server.hits[0]).toMatchObject({ method: 'DELETE', body: '{}' })
    expect(server.hits[0].headers['idempotency-key']).toBeUndefined()
  })

  it('does not repeat a POST without Idempotency-Key after a 5xx: the server may have acted', async () => {
    server.answer((_hit, response) => reply(response, 500, apiError('unexpected_error', 'oops')))
    const { api } = harness(server.url)
    const error = await remoteError(api.send('POST', tags, { body: { name: 'VIP' }, schema: z.unknown() }))
    expect(error.failure.kind).toBe('server')
    expect(server.hits).toHaveLength(1)
  })

  it('repeats a POST with its Idempotency-Key, the same key each time', async () => {
    server.answer((_hit, response, index) => (index < 2 ? reply(response, 503, '') : reply(response, 201, success(1))))
    const { api } = harness(server.url)
    await api.send('POST', tags, { body: { name: 'VIP' }, schema: z.number(), idempotencyKey: 'k-1' })
    expect(server.hits.map((hit) => hit.headers['idempotency-key'])).toEqual(['k-1', 'k-1', 'k-1'])
  })

  it('repeats a PATCH without key after a 429 (refused, so not acted on) and a POST whose connection never opened', async () => {
    server.answer((_hit, response, index) => (index === 0 ? reply(response, 429, '') : reply(response, 200, success(1))))
    const { api } = harness(server.url)
    await api.send('PATCH', tags, { body: {}, schema: z.number() })
    expect(server.hits).toHaveLength(2)

    const refused = harness(`http://127.0.0.1:${await closedPort()}`, { retry: { maxAttempts: 3 } })
    const error = await remoteError(refused.api.send('POST', tags, { schema: z.unknown() }))
    expect(error.failure).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' })
    expect(refused.requests).toHaveLength(3)
  })
})

describe('the shared rate limiter', () => {
  it('spaces concurrent calls of two clients sharing one limiter', async () => {
    server.answer((_hit, response) => reply(response, 200, success(1)))
    const clock = new FakeClock()
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000 }, clock)
    const sent: number[] = []
    const onRequest = () => sent.push(clock.now())
    const a = harness(server.url, { clock, rateLimiter: limiter, onRequest })
    const b = harness(server.url, { clock, rateLimiter: limiter, onRequest })
    const calls = [a, b, a, b, a].map(({ api }) => api.get(products, { schema: z.number() }))
    await Promise.all(calls)
    expect(sent).toEqual([0, 0, 1_000, 1_000, 2_000])
    expect(server.hits).toHaveLength(5)
  })

  it('counts retries: a retried attempt waits for its own slot', async () => {
    server.answer((_hit, response, index) => (index === 0 ? reply(response, 503, '') : reply(response, 200, success(1))))
    const clock = new FakeClock()
    const sent: number[] = []
    const { api } = harness(server.url, {
      clock,
      random: () => 0,
      rateLimiter: createRateLimiter({ limit: 1, windowMs: 1_000 }, clock),
      onRequest: () => sent.push(clock.now()),
    })
    await api.get(products, { schema: z.number() })
    expect(sent).toEqual([0, 1_000])
  })

  it('defaults to 60 requests per minute on the client clock', async () => {
    server.answer((_hit, response) => reply(response, 200, success(1)))
    const clock = new FakeClock()
    const sent: number[] = []
    const api = createRemoteClient({ baseUrl: server.url, token: () => TOKEN, clock, onRequest: () => sent.push(clock.now()) })
    await Promise.all(Array.from({ length: 61 }, () => api.get(products, { schema: z.number() })))
    expect(sent.filter((at) => at === 0)).toHaveLength(60)
    expect(sent[60]).toBe(60_000)
  })
})

describe('cancellation', () => {
  it('aborts a request in flight', async () => {
    server.answer(() => undefined)
    const controller = new AbortController()
    const { api } = harness(server.url)
    setTimeout(() => controller.abort(), 20)
    const error = await remoteError(api.get(products, { schema: z.unknown(), signal: controller.signal }))
    expect(error.failure).toEqual({ kind: 'cancelled' })
    expect(error.message).toBe('GET /1/products: cancelled')
    expect(error.attempts).toBe(1)
  })

  it('aborts a backoff sleep', async () => {
    server.answer((_hit, response) => reply(response, 500, ''))
    const controller = new AbortController()
    const { api, clock } = harness(server.url, { onRetry: () => controller.abort() })
    const error = await remoteError(api.get(products, { schema: z.unknown(), signal: controller.signal }))
    expect(error.failure.kind).toBe('cancelled')
    expect(error.attempts).toBe(1)
    expect(server.hits).toHaveLength(1)
    expect(clock.pending).toBe(0)
  })

  it('aborts a wait in the limiter, and nothing is sent', async () => {
    server.answer((_hit, response) => reply(response, 200, success(1)))
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 })
    await limiter.acquire()
    const controller = new AbortController()
    const { api } = harness(server.url, { rateLimiter: limiter })
    setTimeout(() => controller.abort(), 20)
    const error = await remoteError(api.get(products, { schema: z.unknown(), signal: controller.signal }))
    expect(error.failure.kind).toBe('cancelled')
    expect(error.attempts).toBe(0)
    expect(server.hits).toHaveLength(0)
  })

  it('sends nothing when the signal is already aborted', async () => {
    const { api } = harness(server.url)
    const error = await remoteError(api.get(products, { schema: z.unknown(), signal: AbortSignal.abort() }))
    expect(error.failure.kind).toBe('cancelled')
    expect(server.hits).toHaveLength(0)
  })
})

describe('the token', () => {
  /** Answers with the Authorization header echoed everywhere a server could put it. */
  const echo = (authorization: string) =>
    apiError('not_authorized', `bad header ${authorization}`, {
      errors: [{ code: authorization, description: authorization, context: { attribute: authorization } }],
    })

  it('never appears in an error message, a failure, a stack or a hook event', async () => {
    const seen: string[] = []
    const { api, requests, retries } = harness(server.url, { retry: { maxAttempts: 2 } })
    const statuses = [401, 403, 404, 409, 422, 400, 429, 500]
    for (const status of statuses) {
      server.answer((hit, response) => reply(response, status, echo(String(hit.headers.authorization))))
      seen.push(await whatItSays(api.get(products, { schema: z.unknown() })))
    }
    server.answer((hit, response) => reply(response, 200, `${hit.headers.authorization} is not JSON`))
    seen.push(await whatItSays(api.get(products, { schema: z.unknown() })))
    server.answer((hit, response) => reply(response, 200, apiError(String(hit.headers.authorization), String(hit.headers.authorization))))
    seen.push(await whatItSays(api.get(products, { schema: z.unknown() })))
    server.answer((hit, response) => reply(response, 200, { result: hit.headers.authorization }))
    seen.push(await whatItSays(api.get(products, { schema: z.unknown() })))

    expect(seen).toHaveLength(statuses.length + 3)
    expect(seen.join('\n')).toContain('[token]')
    for (const text of [...seen, JSON.stringify(requests), JSON.stringify(retries)]) expect(text).not.toContain(TOKEN)

    async function whatItSays(call: Promise<unknown>): Promise<string> {
      const error = await remoteError(call)
      return [error.message, error.stack, JSON.stringify(error.failure), JSON.stringify(error.request)].join('\n')
    }
  })
})

describe('options', () => {
  it('refuses a base URL that is not plain http(s), and impossible limits', () => {
    const token = () => TOKEN
    expect(() => createRemoteClient({ baseUrl: 'api.infomaniak.com', token })).toThrow('is not a URL')
    expect(() => createRemoteClient({ baseUrl: 'ftp://api.example.test', token })).toThrow('must be http(s)')
    expect(() => createRemoteClient({ baseUrl: 'https://api.example.test/?x=1', token })).toThrow('without query')
    expect(() => createRemoteClient({ baseUrl: 'https://api.example.test', token, timeoutMs: 0 })).toThrow(RangeError)
    expect(() => createRemoteClient({ baseUrl: 'https://api.example.test', token, retry: { maxAttempts: 0 } })).toThrow(RangeError)
  })
})
