import { describe, expect, it } from 'vitest'
import { ENDPOINTS, pathOf } from '../../../src/main/core/remote/endpoints'
import { errorAnswer } from '../../../src/main/core/remote/schemas'
import { MALFORMED_JSON } from '../../fixtures/api-server/faults'
import { smallDemo } from '../demo/fixture'
import { call, PARTNER, useServers } from './helpers'

const start = useServers()
const openTender = () => smallDemo().tenders.find((t) => t.remoteState === 'open') ?? expect.fail('no open tender')

describe('faults that strike before the route', () => {
  it('rate_limit: 429 with Retry-After, once by default', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /2/profile', kind: 'rate_limit', retryAfterSeconds: 7 })
    const limited = await call(server, 'GET', '/2/profile')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(errorAnswer.parse(limited.json).error.code).toBe('too_many_requests')
    expect((await call(server, 'GET', '/2/profile')).status).toBe(200)
  })

  it('rate_limit_no_retry_after: 429 without the header', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /2/profile', kind: 'rate_limit_no_retry_after' })
    const limited = await call(server, 'GET', '/2/profile')
    expect(limited.status).toBe(429)
    expect(limited.headers.has('retry-after')).toBe(false)
  })

  it('server_error: 500 unexpected_error in the envelope', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /1/products', kind: 'server_error', times: 2 })
    for (let i = 0; i < 2; i++) {
      const reply = await call(server, 'GET', '/1/products', { query: { page: 1, per_page: 10 } })
      expect(reply.status).toBe(500)
      expect(errorAnswer.parse(reply.json).error.code).toBe('unexpected_error')
    }
    expect((await call(server, 'GET', '/1/products', { query: { page: 1, per_page: 10 } })).status).toBe(200)
  })

  it('unavailable: 503 with a proxy page, not the envelope', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /2/profile', kind: 'unavailable' })
    const reply = await call(server, 'GET', '/2/profile')
    expect(reply.status).toBe(503)
    expect(reply.headers.get('content-type')).toMatch(/text\/html/)
    expect(reply.json).toBeUndefined()
  })

  it('hang: no answer until the client gives up; close() drops a hung connection', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /2/profile', kind: 'hang', times: 2 })
    await expect(call(server, 'GET', '/2/profile', { signal: AbortSignal.timeout(200) })).rejects.toThrow(/timeout|aborted/i)
    const pending = call(server, 'GET', '/2/profile')
    await expect.poll(() => server.requests.length).toBe(2)
    const closing = server.close()
    await expect(pending).rejects.toThrow()
    await closing
    expect(server.requests.map((r) => [r.fault, r.status])).toEqual([['hang', null], ['hang', null]])
  })

  it('a mutation struck before the route changes nothing', async () => {
    const server = await start()
    const tender = openTender()
    server.faults.add({ route: 'POST /1/partners/{partner_id}/tenders/{tender_id}/proposals', kind: 'server_error' })
    const reply = await call(server, 'POST', pathOf('tenderPropose', { partner_id: 1, tender_id: tender.id }), { body: { text: 'Hello' } })
    expect(reply.status).toBe(500)
    expect(server.state.sentProposals()).toHaveLength(0)
  })
})

describe('faults that strike after the route', () => {
  it('reset: headers, then the connection drops mid-body', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /1/products', kind: 'reset' })
    await expect(call(server, 'GET', '/1/products', { query: { page: 1, per_page: 100 } })).rejects.toThrow()
    expect(server.requests[0]).toMatchObject({ fault: 'reset', status: 200 })
    expect((await call(server, 'GET', '/1/products', { query: { page: 1, per_page: 100 } })).status).toBe(200)
  })

  it('malformed_json: a 200 whose body is not JSON', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /2/profile', kind: 'malformed_json' })
    const reply = await call(server, 'GET', '/2/profile')
    expect(reply.status).toBe(200)
    expect(reply.text).toBe(MALFORMED_JSON)
    expect(reply.json).toBeUndefined()
  })

  it('wrong_types: valid JSON that breaks the schema (a number sent as a string)', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /2/profile', kind: 'wrong_types' })
    server.faults.add({ route: 'GET /1/products', kind: 'wrong_types' })
    const profile = await call(server, 'GET', '/2/profile')
    expect(typeof (profile.json as { data: { id: unknown } }).data.id).toBe('string')
    expect(ENDPOINTS.profile.answer.safeParse(profile.json).error?.issues[0]).toMatchObject({ code: 'invalid_type', path: ['data', 'id'] })
    const page = await call(server, 'GET', '/1/products', { query: { page: 1, per_page: 5 } })
    expect(ENDPOINTS.products.answers.page.safeParse(page.json).success).toBe(false)
  })

  it('truncated_page: a page one item short while more pages remain; the last page cut off', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /1/products', kind: 'truncated_page', page: 1 })
    const short = await call(server, 'GET', '/1/products', { query: { page: 1, per_page: 10 } })
    const body = short.json as { data: unknown[]; pages: number }
    expect(body.data).toHaveLength(9)
    expect(body.pages).toBeGreaterThan(1)
    expect(ENDPOINTS.products.answers.page.safeParse(short.json).error?.issues[0].message).toMatch(/holds 9 items, expected 10/)

    const { pages } = (await call(server, 'GET', '/1/products', { query: { page: 1, per_page: 1000 } })).json as { pages: number }
    server.faults.add({ route: 'GET /1/products', kind: 'truncated_page', page: pages })
    const last = await call(server, 'GET', '/1/products', { query: { page: pages, per_page: 1000 } })
    expect(last.status).toBe(200)
    expect(last.json).toBeUndefined()
  })

  it('duplicate_ids: an item repeated on a page', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /1/partners/{partner_id}/tenders', kind: 'duplicate_ids' })
    const reply = await call(server, 'GET', `${PARTNER}/tenders`, { query: { page: 1, per_page: 20 } })
    const ids = (reply.json as { data: { id: number }[] }).data.map((t) => t.id)
    expect(ids).toHaveLength(20)
    expect(new Set(ids).size).toBe(19)
    expect(ENDPOINTS.tenders.answers.page.safeParse(reply.json).error?.issues[0].message).toMatch(/appears twice/)
  })

  it('lost_response: the mutation is applied, the answer never arrives; the retry with the same key replays it', async () => {
    const server = await start()
    const tender = openTender()
    const path = pathOf('tenderPropose', { partner_id: 1, tender_id: tender.id })
    server.faults.add({ route: 'POST /1/partners/{partner_id}/tenders/{tender_id}/proposals', kind: 'lost_response' })
    await expect(call(server, 'POST', path, { body: { text: 'Hello' }, key: 'proposal-1' })).rejects.toThrow()
    expect(server.state.sentProposals()).toHaveLength(1)
    const retry = await call(server, 'POST', path, { body: { text: 'Hello' }, key: 'proposal-1' })
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(ENDPOINTS.tenderPropose.answer.parse(retry.json).data.id).toBe(server.state.sentProposals()[0].id)
    expect(server.state.sentProposals()).toHaveLength(1)
    expect(server.requests.map((r) => [r.fault, r.status, r.replayed])).toEqual([['lost_response', null, false], [null, 201, true]])
  })
})

describe('arming faults', () => {
  it('targets one page, counts down, and skips count probes for list faults', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /1/products', kind: 'server_error', page: 2, times: 2 })
    server.faults.add({ route: 'GET /1/products', kind: 'duplicate_ids' })
    const page = (n: number) => call(server, 'GET', '/1/products', { query: { page: n, per_page: 10 } })
    expect((await call(server, 'GET', '/1/products', { query: { return: 'total' } })).status).toBe(200)
    expect((await page(2)).status).toBe(500)
    expect(server.faults.pending().map((f) => [f.spec.kind, f.remaining])).toEqual([['server_error', 1], ['duplicate_ids', 1]])
    expect(ENDPOINTS.products.answers.page.safeParse((await page(1)).json).success).toBe(false)
    expect((await page(2)).status).toBe(500)
    expect((await page(2)).status).toBe(200)
    expect(server.faults.pending()).toEqual([])
  })

  it('refuses faults that cannot apply to the route', async () => {
    const server = await start()
    expect(() => server.faults.add({ route: 'GET /2/profile', kind: 'duplicate_ids' })).toThrow(/not a list/)
    expect(() => server.faults.add({ route: 'GET /2/profile', kind: 'server_error', page: 2 })).toThrow(/no pages/)
    expect(() => server.faults.add({ route: 'GET /2/profile', kind: 'hang', times: 0 })).toThrow(RangeError)
  })

  it('clear() disarms everything', async () => {
    const server = await start()
    server.faults.add({ route: 'GET /2/profile', kind: 'server_error', times: Infinity })
    expect((await call(server, 'GET', '/2/profile')).status).toBe(500)
    server.faults.clear()
    expect((await call(server, 'GET', '/2/profile')).status).toBe(200)
  })
})
