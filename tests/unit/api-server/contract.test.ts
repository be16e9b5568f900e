import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ENDPOINTS, type EndpointName, type Endpoints, pathOf } from '../../../src/main/core/remote/endpoints'
import { errorAnswer, PER_PAGE } from '../../../src/main/core/remote/schemas'
import { type ApiServer, PROFILE_INVITATION_ID, PROFILE_USER_ID, STAFF_INVITATION_IDS, startApiServer } from '../../fixtures/api-server'
import { smallDemo } from '../demo/fixture'
import { call, PARTNER, type Reply, walk } from './helpers'

// Every endpoint of the table, called on the small demo, must answer what
// its schema says: this keeps the server, the schemas and the docs honest.

const covered = new Set<EndpointName>()

type Variant = 'page' | 'all' | 'total'
type AnswerOf<N extends EndpointName, V extends Variant> = Endpoints[N] extends { kind: 'list'; answers: infer A extends Record<Variant, z.ZodType> }
  ? z.output<A[V]>
  : Endpoints[N] extends { answer: infer S extends z.ZodType }
    ? z.output<S>
    : never

/** Parses a success answer with the endpoint's schema (the right list variant for lists). */
function expectAnswer<N extends EndpointName, V extends Variant = 'page'>(name: N, reply: Reply, variant?: V): AnswerOf<N, V> {
  const endpoint = ENDPOINTS[name]
  expect(reply.status, reply.text.slice(0, 300)).toBe(endpoint.kind === 'mutation' ? endpoint.status : 200)
  const schema: z.ZodType = endpoint.kind === 'list' ? endpoint.answers[variant ?? 'page'] : endpoint.answer
  const parsed = schema.safeParse(reply.json)
  expect(parsed.error?.issues ?? [], `${name}: ${reply.text.slice(0, 300)}`).toEqual([])
  covered.add(name)
  return parsed.data as AnswerOf<N, V>
}

function expectError(reply: Reply, status: number, code: string) {
  expect(reply.status, reply.text).toBe(status)
  expect(errorAnswer.parse(reply.json).error.code).toBe(code)
  return errorAnswer.parse(reply.json).error
}

let server: ApiServer
const data = smallDemo()
const firstActive = (type: 'limited' | 'complete') =>
  data.partnerships.find((p) => p.state.status === 'active' && p.access.type === type) ?? expect.fail(`no active ${type}`)

beforeAll(async () => {
  server = await startApiServer({ dataset: data, rateLimit: false })
})
afterAll(async () => {
  await server.close()
})

describe('public endpoints', () => {
  it('GET /2/profile', async () => {
    expectAnswer('profile', await call(server, 'GET', '/2/profile'))
  })

  it('GET /1/accounts lists the partner and its active clients only', async () => {
    const all = expectAnswer('accounts', await call(server, 'GET', '/1/accounts'))
    const active = data.partnerships.filter((p) => p.state.status === 'active').length
    expect(all.data).toHaveLength(1 + active)
    expect(all.data[0]).toMatchObject({ id: data.ownOrganizationId, is_customer: false, partner_id: null })
    expect(all.data.slice(1).every((account) => account.is_customer && account.partner_id !== data.ownOrganizationId)).toBe(true)
  })

  it('GET /1/accounts/{id} for the partner and a client; an ended client is not accessible', async () => {
    expectAnswer('account', await call(server, 'GET', pathOf('account', { account_id: 1 })))
    const client = firstActive('complete').clientOrganizationId
    const account = expectAnswer('account', await call(server, 'GET', pathOf('account', { account_id: client })))
    expect(account.data.addresses?.filter((a) => a.for_invoice)).toHaveLength(1)
    const ended = data.partnerships.find((p) => p.state.status === 'ended') ?? expect.fail('no ended partnership')
    expectError(await call(server, 'GET', pathOf('account', { account_id: ended.clientOrganizationId })), 404, 'object_not_found')
  })

  it('GET /1/accounts/{id}/services', async () => {
    const services = expectAnswer('services', await call(server, 'GET', pathOf('services', { account_id: 1 })))
    expect(services.data.map((s) => s.name)).toContain('web_hosting')
  })

  it('GET /1/products filters by account and service', async () => {
    const client = firstActive('complete').clientOrganizationId
    const page = expectAnswer('products', await call(server, 'GET', '/1/products', { query: { account_id: client, page: 1, per_page: 50 } }))
    expect(page.data.length).toBeGreaterThan(0)
    expect(page.data.every((p) => p.account_id === client)).toBe(true)
    const domains = expectAnswer('products', await call(server, 'GET', '/1/products', { query: { service_name: 'domain' } }), 'all')
    expect(domains.data.every((p) => p.service_name === 'domain')).toBe(true)
  })

  it('GET /1/accounts/{id}/tags', async () => {
    const tagged = data.tags[0]
    const tags = expectAnswer('tags', await call(server, 'GET', pathOf('tags', { account_id: tagged.organizationId })))
    expect(tags.data.map((t) => t.id)).toContain(tagged.id)
  })

  it('GET the profile user\'s staff invitations in the partner organization; another user is not found', async () => {
    const own = expectAnswer('staffInvitations', await call(server, 'GET', pathOf('staffInvitations', { account: 1, user: PROFILE_USER_ID })))
    expect(own.data).toEqual([{ id: PROFILE_INVITATION_ID, account_id: 1, status: 'accepted' }])
    expectError(await call(server, 'GET', pathOf('staffInvitations', { account: 1, user: PROFILE_USER_ID + 1 })), 404, 'object_not_found')
  })

  it('GET/POST/DELETE the b2b assignments of a staff invitation', async () => {
    const params = { account: 1, invitation: STAFF_INVITATION_IDS[1] }
    const target = firstActive('limited').id
    expectAnswer('staffAssign', await call(server, 'POST', pathOf('staffAssign', params), { body: { partnership_ids: [target] } }))
    const handled = expectAnswer('staffPartnerships', await call(server, 'GET', pathOf('staffPartnerships', params)), 'all')
    expect(handled.data.map((p) => p.id)).toEqual([target])
    expectAnswer('staffUnassign', await call(server, 'DELETE', pathOf('staffUnassign', { ...params, partnership_id: target })))
    expectError(await call(server, 'DELETE', pathOf('staffUnassign', { ...params, partnership_id: target })), 404, 'object_not_found')
    const client = firstActive('complete').clientOrganizationId
    expectError(await call(server, 'GET', pathOf('staffPartnerships', { ...params, account: client })), 403, 'account_not_partner')
  })
})

describe('modeled endpoints', () => {
  it('GET partnerships, billing history, invoices and tenders', async () => {
    const year = 365 * 86_400
    expectAnswer('partnerships', await call(server, 'GET', `${PARTNER}/partnerships`, { query: { page: 1, per_page: 20 } }))
    expectAnswer('billingHistory', await call(server, 'GET', `${PARTNER}/billing_history`, { query: { from: data.now - year, to: data.now, page: 1, per_page: 200 } }))
    expectAnswer('invoices', await call(server, 'GET', `${PARTNER}/invoices`, { query: { page: 1, per_page: 200 } }))
    expectAnswer('tenders', await call(server, 'GET', `${PARTNER}/tenders`, { query: { page: 1, per_page: 200 } }))
  })

  it('refuses another partner id and a bad query', async () => {
    const client = firstActive('complete').clientOrganizationId
    expectError(await call(server, 'GET', `/1/partners/${client}/partnerships`), 403, 'account_not_partner')
    expectError(await call(server, 'GET', '/1/partners/999999/partnerships'), 404, 'object_not_found')
    const tooMany = expectError(await call(server, 'GET', '/1/products', { query: { page: 1, per_page: PER_PAGE.public + 1 } }), 422, 'validation_failed')
    expect(tooMany.errors?.[0].context.attribute).toBe('per_page')
    // The modeled lists serve larger pages, up to their own maximum.
    expectAnswer('invoices', await call(server, 'GET', `${PARTNER}/invoices`, { query: { page: 1, per_page: PER_PAGE.modeled } }))
    const tooManyModeled = expectError(await call(server, 'GET', `${PARTNER}/invoices`, { query: { page: 1, per_page: PER_PAGE.modeled + 1 } }), 422, 'validation_failed')
    expect(tooManyModeled.errors?.[0].context.attribute).toBe('per_page')
    const noWindow = expectError(await call(server, 'GET', `${PARTNER}/billing_history`), 422, 'validation_failed')
    expect(noWindow.errors?.map((e) => e.context.attribute).sort()).toEqual(['from', 'to'])
  })

  it('POST consult and proposals on an open tender; 410 when expired, 404 when deleted', async () => {
    const open = data.tenders.find((t) => t.remoteState === 'open') ?? expect.fail('no open tender')
    const params = { partner_id: 1, tender_id: open.id }
    expectAnswer('tenderConsult', await call(server, 'POST', pathOf('tenderConsult', params)))
    expectAnswer('tenderPropose', await call(server, 'POST', pathOf('tenderPropose', params), { body: { text: 'Our offer.' } }))
    const expired = data.tenders.find((t) => t.remoteState === 'expired') ?? expect.fail('no expired tender')
    expectError(await call(server, 'POST', pathOf('tenderConsult', { partner_id: 1, tender_id: expired.id })), 410, 'tender_expired')
    const deleted = data.tenders.find((t) => t.remoteState === 'deleted') ?? expect.fail('no deleted tender')
    expectError(await call(server, 'POST', pathOf('tenderConsult', { partner_id: 1, tender_id: deleted.id })), 404, 'object_not_found')
  })

  it('POST accept, decline and stop on partnerships', async () => {
    const invited = data.partnerships.filter((p) => p.state.status === 'invited')
    expect(invited.length).toBeGreaterThanOrEqual(2)
    expectAnswer('invitationAccept', await call(server, 'POST', pathOf('invitationAccept', { partner_id: 1, partnership_id: invited[0].id })))
    expectAnswer('invitationDecline', await call(server, 'POST', pathOf('invitationDecline', { partner_id: 1, partnership_id: invited[1].id })))
    expectError(await call(server, 'POST', pathOf('invitationAccept', { partner_id: 1, partnership_id: invited[1].id })), 409, 'conflict')
    const stop = pathOf('partnershipStop', { partner_id: 1, partnership_id: invited[0].id })
    expectError(await call(server, 'POST', stop, { body: {} }), 422, 'validation_failed')
    expectAnswer('partnershipStop', await call(server, 'POST', stop, { body: { confirm: true } }))
  })

  it('POST client_requests', async () => {
    const body = { email: 'boss@new-client.example', access_type: 'complete', message: 'Shall we?' }
    expectAnswer('clientRequest', await call(server, 'POST', `${PARTNER}/client_requests`, { body }))
    expectError(await call(server, 'POST', `${PARTNER}/client_requests`, { body }), 409, 'object_already_exists')
    const bad = expectError(await call(server, 'POST', `${PARTNER}/client_requests`, { body: { ...body, email: 'nope' } }), 422, 'validation_failed')
    expect(bad.errors?.[0].context.attribute).toBe('email')
  })

  it('tag writes: create, update, assign, unassign, delete', async () => {
    const client = firstActive('complete').clientOrganizationId
    const product = data.products.find((p) => p.ownerOrganizationId === client) ?? expect.fail('no product')
    const created = expectAnswer('tagCreate', await call(server, 'POST', pathOf('tagCreate', { account_id: client }), { body: { name: 'Contract test', color: 0x0098ff } }))
    const tag = { account_id: client, tag_id: created.data.id }
    expectAnswer('tagUpdate', await call(server, 'PATCH', pathOf('tagUpdate', tag), { body: { color: 0xff0000, expected: { name: 'Contract test', color: 0x0098ff } } }))
    expectAnswer('tagAssign', await call(server, 'POST', pathOf('tagAssign', tag), { body: { product_ids: [product.id] } }))
    expectAnswer('tagUnassign', await call(server, 'DELETE', pathOf('tagUnassign', { ...tag, product_id: product.id })))
    expectAnswer('tagDelete', await call(server, 'DELETE', pathOf('tagDelete', tag)))
  })

  it('answers 401 without the token or with another one, and 404 off the table', async () => {
    expectError(await call(server, 'GET', '/2/profile', { token: null }), 401, 'not_authorized')
    expectError(await call(server, 'GET', '/1/products', { token: 'stolen' }), 401, 'not_authorized')
    expectError(await call(server, 'GET', '/1/nowhere'), 404, 'object_not_found')
    expectError(await call(server, 'PUT', '/2/profile'), 404, 'object_not_found')
  })

  it('covered every endpoint of the table', () => {
    expect([...covered].sort()).toEqual(Object.keys(ENDPOINTS).sort())
  })
})

describe('paging', () => {
  const lists = [
    { name: 'products', path: '/1/products', query: {} },
    { name: 'partnerships', path: `${PARTNER}/partnerships`, query: {} },
    { name: 'billingHistory', path: `${PARTNER}/billing_history`, query: { from: 0, to: data.now + 1 } },
    { name: 'invoices', path: `${PARTNER}/invoices`, query: {} },
    { name: 'tenders', path: `${PARTNER}/tenders`, query: {} },
  ] as const

  for (const { name, path, query } of lists) {
    it(`${name}: pages add up to total, to return=total and to the whole list`, async () => {
      const pages = await walk(server, path, PER_PAGE.public, query)
      const ids = pages.flatMap((reply) => expectAnswer(name, reply, 'page').data.map((item) => item.id))
      const total = expectAnswer(name, await call(server, 'GET', path, { query: { ...query, return: 'total' } }), 'total').data
      const whole = expectAnswer(name, await call(server, 'GET', path, { query }), 'all').data
      expect(ids).toHaveLength(total)
      expect(new Set(ids).size).toBe(ids.length)
      expect(whole.map((item) => item.id)).toEqual(ids)
      expect((pages[0].json as { pages: number }).pages).toBe(pages.length)
    })
  }

  it('serves the whole billing history, to the minor unit', async () => {
    const pages = await walk(server, `${PARTNER}/billing_history`, ENDPOINTS.billingHistory.perPage, { from: 0, to: data.now + 1 })
    const lines = pages.flatMap((reply) => expectAnswer('billingHistory', reply).data)
    expect(lines).toHaveLength(data.billingLines.count)
    const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0)
    expect(sum(lines.map((l) => l.amount.minor))).toBe(sum(data.billingLines.amountExclVatMinor))
    expect(sum(lines.map((l) => l.vat.minor))).toBe(sum(data.billingLines.vatMinor))
    expect(lines.every((l, i) => i === 0 || lines[i - 1].id < l.id)).toBe(true)
  })

  it('filters the billing history by window and customers', async () => {
    const customer = firstActive('complete').clientOrganizationId
    const [from, to] = [data.now - 180 * 86_400, data.now - 90 * 86_400]
    const reply = await call(server, 'GET', `${PARTNER}/billing_history`, { query: { from, to, customer_ids: `${customer}` } })
    const lines = expectAnswer('billingHistory', reply, 'all').data
    const expected = Array.from({ length: data.billingLines.count }, (_, i) => i).filter(
      (i) => data.billingLines.clientOrganizationId[i] === customer && data.billingLines.occurredAt[i] >= from && data.billingLines.occurredAt[i] < to,
    )
    expect(lines.map((l) => l.id)).toEqual(expected.map((i) => i + 1))
  })

  it('answers an empty page beyond the last one', async () => {
    const reply = await call(server, 'GET', `${PARTNER}/tenders`, { query: { page: 999, per_page: 100 } })
    expect(expectAnswer('tenders', reply).data).toEqual([])
  })
})
