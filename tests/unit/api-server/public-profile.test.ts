import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ENDPOINTS, type EndpointName, pathOf } from '../../../src/main/core/remote/endpoints'
import { errorAnswer, PER_PAGE } from '../../../src/main/core/remote/schemas'
import { type ApiServer, PROFILE_INVITATION_ID, PROFILE_USER_ID, PUBLIC_PER_PAGE, startApiServer } from '../../fixtures/api-server'
import { BEYOND_DEMO_SERVICES } from '../../fixtures/api-server/published'
import { smallDemo } from '../demo/fixture'
import { Document, readDocument } from '../remote/openapi'
import { answerBreaches } from './document-shape'
import { call, type Reply, useServers, walk } from './helpers'

// The public profile is what a real partner's token meets today: only the
// published endpoints, shaped as the published document says. Every answer
// must parse with the app's schemas and keep the document's promises.

const doc = new Document(readDocument())
const data = smallDemo()
const partnerId = data.ownOrganizationId
const active = data.partnerships.filter((p) => p.state.status === 'active')
const firstActive = (type: 'limited' | 'complete') => active.find((p) => p.access.type === type) ?? expect.fail(`no active ${type}`)

/** The answer parsed with the schema the app reads it with, and held to the document. */
function expectPublished(name: EndpointName, reply: Reply, schema: z.ZodType): unknown {
  expect(reply.status, reply.text.slice(0, 300)).toBe(200)
  const parsed = schema.safeParse(reply.json)
  expect(parsed.error?.issues ?? [], `${name}: ${reply.text.slice(0, 300)}`).toEqual([])
  const endpoint = ENDPOINTS[name]
  expect(answerBreaches(doc, endpoint.method, endpoint.template, reply.json), name).toEqual([])
  return reply.json
}

function expectNotFound(reply: Reply): void {
  expect(reply.status, reply.text).toBe(404)
  expect(errorAnswer.parse(reply.json).error.code).toBe('object_not_found')
}

interface Item {
  [field: string]: unknown
  id: number
}
const items = (reply: Reply): Item[] => (reply.json as { data: Item[] }).data

let server: ApiServer
beforeAll(async () => {
  server = await startApiServer({ profile: 'public', dataset: data, rateLimit: false })
})
afterAll(async () => {
  await server.close()
})

describe('the public profile', () => {
  it('answers every published read in the app’s schemas and in the document’s shapes', async () => {
    expectPublished('profile', await call(server, 'GET', '/2/profile'), ENDPOINTS.profile.answer)
    expectPublished('accounts', await call(server, 'GET', '/1/accounts'), ENDPOINTS.accounts.answer)
    for (const account of [partnerId, firstActive('complete').clientOrganizationId, firstActive('limited').clientOrganizationId]) {
      expectPublished('account', await call(server, 'GET', pathOf('account', { account_id: account })), ENDPOINTS.account.answer)
      expectPublished('services', await call(server, 'GET', pathOf('services', { account_id: account })), ENDPOINTS.services.answer)
    }
    for (const page of await walk(server, '/1/products', PER_PAGE.public)) expectPublished('products', page, ENDPOINTS.products.answers.page)
    expectPublished('products', await call(server, 'GET', '/1/products'), ENDPOINTS.products.answers.all)
    expect(ENDPOINTS.products.answers.total.safeParse((await call(server, 'GET', '/1/products', { query: { return: 'total' } })).json).success).toBe(true)

    const invitations = expectPublished('staffInvitations', await call(server, 'GET', pathOf('staffInvitations', { account: partnerId, user: PROFILE_USER_ID })), ENDPOINTS.staffInvitations.answer)
    expect(invitations).toMatchObject({ data: [{ id: PROFILE_INVITATION_ID, account_id: partnerId, status: 'accepted' }] })
    const b2b = pathOf('staffPartnerships', { account: partnerId, invitation: PROFILE_INVITATION_ID })
    for (const page of await walk(server, b2b, PER_PAGE.public, { with: 'customer,products' })) expectPublished('staffPartnerships', page, ENDPOINTS.staffPartnerships.answers.page)
    expectPublished('staffPartnerships', await call(server, 'GET', b2b, { query: { with: 'customer,products' } }), ENDPOINTS.staffPartnerships.answers.all)

    // The document types this answer's data as a string; the app reads a list of tags (an assumed field in docs/remote-api.md).
    const tagged = data.tags[0]
    expect(ENDPOINTS.tags.answer.safeParse((await call(server, 'GET', pathOf('tags', { account_id: tagged.organizationId }))).json).error).toBeUndefined()
  })

  it('answers /1/accounts whole and unpaged, whatever paging the request sends', async () => {
    const reply = await call(server, 'GET', '/1/accounts', { query: { page: 1, per_page: 2 } })
    expect(items(reply)).toHaveLength(1 + active.length)
    expect(Object.keys(reply.json as object).sort()).toEqual(['data', 'result'])
  })

  it('answers every modeled path 404 object_not_found, as an unknown path, and routes none of them', async () => {
    const modeled = (Object.keys(ENDPOINTS) as EndpointName[]).filter((name) => ENDPOINTS[name].source === 'modeled')
    expect(modeled.length).toBeGreaterThan(10)
    const ids = { partner_id: partnerId, account_id: partnerId, tender_id: 1, partnership_id: active[0].id, tag_id: data.tags[0].id, product_id: data.products[0].id }
    const before = server.requests.length
    for (const name of modeled) {
      const endpoint = ENDPOINTS[name]
      const path = endpoint.template.replace(/\{(\w+)\}/g, (_, param: keyof typeof ids) => String(ids[param]))
      expectNotFound(await call(server, endpoint.method, path, { key: `public-${name}` }))
      // Before the token is even looked at, as for any path the server does not know.
      expectNotFound(await call(server, endpoint.method, path, { token: 'stolen' }))
    }
    expect(server.requests.slice(before).map((request) => request.route)).toEqual(Array(modeled.length * 2).fill(null))
    expectNotFound(await call(server, 'GET', '/1/nowhere', { token: 'stolen' }))
  })

  it('serves at most its cap a page whatever per_page asks, and says so only in items_per_page', async () => {
    expect(PUBLIC_PER_PAGE).toBeLessThan(PER_PAGE.public)
    const total = server.state.visibleProducts().length
    expect(total).toBeGreaterThan(PUBLIC_PER_PAGE)
    const first = await call(server, 'GET', '/1/products', { query: { page: 1, per_page: PER_PAGE.public } })
    expect(first.json).toMatchObject({ total, page: 1, pages: Math.ceil(total / PUBLIC_PER_PAGE), items_per_page: PUBLIC_PER_PAGE })
    expect(items(first)).toHaveLength(PUBLIC_PER_PAGE)
    // Under the cap, per_page is served as asked.
    expect((await call(server, 'GET', '/1/products', { query: { page: 1, per_page: 100 } })).json).toMatchObject({ items_per_page: 100 })
    const pages = await walk(server, '/1/products', PER_PAGE.public)
    const ids = pages.flatMap(items).map((item) => item.id)
    expect(pages).toHaveLength(Math.ceil(total / PUBLIC_PER_PAGE))
    expect(new Set(ids).size).toBe(total)
  })

  it('names services from the published enum, some beyond the demo’s categories, and one beyond the enum', async () => {
    const products = (await walk(server, '/1/products', PER_PAGE.public)).flatMap(items)
    const names = new Set(products.map((product) => product.service_name as string))
    const listProducts = doc.operation('GET', '/1/products') ?? expect.fail('no /1/products in the document')
    const published = new Set(doc.parameters(listProducts).find((p) => p.name === 'service_name')?.schema?.enum ?? [])
    expect(published.size).toBe(25)
    expect([...names].filter((name) => !published.has(name))).toEqual(['future_service'])
    for (const name of [...BEYOND_DEMO_SERVICES, 'hosting', 'web_hosting', 'email_hosting', 'drive', 'certificate', 'cloud']) expect(names).toContain(name)
    // The service list of an account counts its products by the same names.
    const owner = firstActive('complete').clientOrganizationId
    const services = items(await call(server, 'GET', pathOf('services', { account_id: owner })))
    const own = products.filter((product) => product.account_id === owner)
    expect(Object.fromEntries(services.map((s) => [s.name, s.count]))).toEqual(
      Object.fromEntries([...new Set(own.map((p) => p.service_name as string))].map((name) => [name, own.filter((p) => p.service_name === name).length])),
    )
  })

  it('gives clients a partner_id that is no account id', async () => {
    const accounts = items(await call(server, 'GET', '/1/accounts'))
    const partnerIds = new Set(accounts.flatMap((account) => (typeof account.partner_id === 'number' ? [account.partner_id] : [])))
    expect(partnerIds.size).toBeGreaterThan(0)
    expect(accounts.filter((account) => partnerIds.has(account.id))).toEqual([])
    for (const id of partnerIds) expectNotFound(await call(server, 'GET', pathOf('account', { account_id: id })))
  })

  it('leaves declared fields out of some items and sends nullable ones null, so the app’s tolerance is exercised', async () => {
    const accounts = items(await call(server, 'GET', '/1/accounts'))
    const products = (await walk(server, '/1/products', PER_PAGE.public)).flatMap(items)
    const b2b = items(await call(server, 'GET', pathOf('staffPartnerships', { account: partnerId, invitation: PROFILE_INVITATION_ID })))
    const lacking = (list: Item[], field: string) => list.filter((item) => !(field in item)).length
    expect(lacking(accounts, 'timezone')).toBeGreaterThan(0)
    expect(lacking(accounts, 'vat_number')).toBeGreaterThan(0)
    expect(lacking(accounts.filter((a) => a.has_full_access === true && a.is_customer === true), 'has_customer_paiement_method')).toBeGreaterThan(0)
    expect(lacking(accounts.filter((a) => a.is_customer === true), 'in_partnership_full_access')).toBeGreaterThan(0)
    expect(lacking(products, 'is_managed_by_partner')).toBeGreaterThan(0)
    expect(lacking(products, 'fqdn')).toBeGreaterThan(0)
    expect(products.filter((p) => p.internal_name === null).length).toBeGreaterThan(0)
    expect(lacking(b2b, 'products')).toBeGreaterThan(0)
    expect(b2b.filter((p) => p.owned_by_id === null).length).toBeGreaterThan(0)
  })
})

describe('the public profile’s staff and organizations', () => {
  const started = useServers()

  it('has the profile user’s staff invitation handle every active collaboration, until it is cancelled', async () => {
    const server = await started({ profile: 'public' })
    const b2b = pathOf('staffPartnerships', { account: partnerId, invitation: PROFILE_INVITATION_ID })
    const handled = items(await call(server, 'GET', b2b)).map((p) => p.id)
    expect(handled.sort((a, b) => a - b)).toEqual(active.map((p) => p.id).sort((a, b) => a - b))
    // Ended since: no longer listed.
    server.state.endPartnership(active[0].id)
    expect(items(await call(server, 'GET', b2b)).map((p) => p.id)).not.toContain(active[0].id)

    server.state.setProfileInvitationStatus('cancelled')
    const lookup = await call(server, 'GET', pathOf('staffInvitations', { account: partnerId, user: PROFILE_USER_ID }))
    expect(items(lookup)).toMatchObject([{ id: PROFILE_INVITATION_ID, status: 'cancelled' }])
  })

  it('lists a second own organization when the user has one, and the profile names the current one', async () => {
    const server = await started({ profile: 'public' })
    expect((await call(server, 'GET', '/2/profile')).json).toMatchObject({ data: { current_account_id: partnerId } })
    const other = server.state.addOwnOrganization('Helvetic Lab SA', 'office@helvetic-lab.example')
    server.state.setCurrentAccount(other)
    const own = items(await call(server, 'GET', '/1/accounts')).filter((account) => account.is_customer === false)
    expect(own.map((account) => account.id).sort((a, b) => a - b)).toEqual([partnerId, other].sort((a, b) => a - b))
    expect((await call(server, 'GET', '/2/profile')).json).toMatchObject({ data: { current_account_id: other } })
    server.state.setCurrentAccount(null)
    expectPublished('profile', await call(server, 'GET', '/2/profile'), ENDPOINTS.profile.answer)
  })
})
