import { describe, expect, it } from 'vitest'
import { ENDPOINTS, pathOf } from '../../../src/main/core/remote/endpoints'
import { errorAnswer } from '../../../src/main/core/remote/schemas'
import type { ApiServer } from '../../fixtures/api-server'
import { smallDemo } from '../demo/fixture'
import { call, PARTNER, useServers } from './helpers'

// The modeled mutations change the remote state, so a sync after a push sees
// them; Idempotency-Key makes a retried push apply once.

const start = useServers()
const data = smallDemo()
const partnershipWith = (status: string, access?: string) =>
  data.partnerships.find((p) => p.state.status === status && (access === undefined || p.access.type === access)) ??
  expect.fail(`no ${status} ${access ?? ''} partnership`)

async function partnerships(server: ApiServer) {
  return ENDPOINTS.partnerships.answers.all.parse((await call(server, 'GET', `${PARTNER}/partnerships`)).json).data
}

async function tenders(server: ApiServer) {
  return ENDPOINTS.tenders.answers.all.parse((await call(server, 'GET', `${PARTNER}/tenders`)).json).data
}

async function tagsOf(server: ApiServer, accountId: number) {
  return ENDPOINTS.tags.answer.parse((await call(server, 'GET', pathOf('tags', { account_id: accountId }))).json).data
}

async function accountIds(server: ApiServer) {
  return ENDPOINTS.accounts.answer.parse((await call(server, 'GET', '/1/accounts')).json).data.map((a) => a.id)
}

describe('partnership actions', () => {
  it('accepting an invitation makes the client active and reachable', async () => {
    const server = await start()
    const invited = partnershipWith('invited')
    server.state.advanceTime(60)
    const reply = await call(server, 'POST', pathOf('invitationAccept', { partner_id: 1, partnership_id: invited.id }))
    expect(ENDPOINTS.invitationAccept.answer.parse(reply.json).data).toMatchObject({ status: 'active', updated_at: data.now + 60 })
    expect((await partnerships(server)).find((p) => p.id === invited.id)?.status).toBe('active')
    expect(await accountIds(server)).toContain(invited.clientOrganizationId)
  })

  it('stopping needs confirm: true, ends the partnership and takes the client and its products away', async () => {
    const server = await start()
    const active = partnershipWith('active', 'complete')
    const path = pathOf('partnershipStop', { partner_id: 1, partnership_id: active.id })
    const unconfirmed = await call(server, 'POST', path, { body: { confirm: false } })
    expect(errorAnswer.parse(unconfirmed.json).error.errors?.[0].context.attribute).toBe('confirm')
    expect((await call(server, 'POST', path, { body: { confirm: true } })).status).toBe(200)
    const ended = (await partnerships(server)).find((p) => p.id === active.id)
    expect(ended).toMatchObject({ status: 'ended', ended_at: data.now })
    expect(await accountIds(server)).not.toContain(active.clientOrganizationId)
    const products = await call(server, 'GET', '/1/products', { query: { account_id: active.clientOrganizationId, return: 'total' } })
    expect(ENDPOINTS.products.answers.total.parse(products.json).data).toBe(0)
    expect(errorAnswer.parse((await call(server, 'POST', path, { body: { confirm: true } })).json).error.code).toBe('conflict')
  })

  it('declining an invitation ends it', async () => {
    const server = await start()
    const invited = partnershipWith('invited')
    await call(server, 'POST', pathOf('invitationDecline', { partner_id: 1, partnership_id: invited.id }))
    expect((await partnerships(server)).find((p) => p.id === invited.id)).toMatchObject({ status: 'ended', ended_at: data.now })
  })
})

describe('tenders', () => {
  it('consulting reveals the contact once and shows as consulted in the list', async () => {
    const server = await start()
    const tender = data.tenders.find((t) => t.remoteState === 'open' && t.reveal === null) ?? expect.fail('no unconsulted open tender')
    const path = pathOf('tenderConsult', { partner_id: 1, tender_id: tender.id })
    const first = ENDPOINTS.tenderConsult.answer.parse((await call(server, 'POST', path)).json).data
    expect(first.contact.email).toMatch(/@/)
    server.state.advanceTime(3_600)
    const again = ENDPOINTS.tenderConsult.answer.parse((await call(server, 'POST', path)).json).data
    expect(again).toEqual(first)
    expect((await tenders(server)).find((t) => t.id === tender.id)).toMatchObject({ state: 'open', consulted_at: data.now })
  })

  it('a proposal is kept and shows in the list; an empty one is refused', async () => {
    const server = await start()
    const tender = data.tenders.find((t) => t.remoteState === 'open') ?? expect.fail('no open tender')
    const path = pathOf('tenderPropose', { partner_id: 1, tender_id: tender.id })
    expect((await call(server, 'POST', path, { body: { text: '   ' } })).status).toBe(422)
    expect((await call(server, 'POST', path, { body: { text: 'We can do it.' } })).status).toBe(201)
    expect((await tenders(server)).find((t) => t.id === tender.id)).toMatchObject({ proposal_sent_at: data.now })
  })
})

describe('tags', () => {
  const client = () => partnershipWith('active', 'complete').clientOrganizationId

  it('a created tag is listed; its name is unique per account, whatever the case', async () => {
    const server = await start()
    const account_id = client()
    const created = await call(server, 'POST', pathOf('tagCreate', { account_id }), { body: { name: 'Key client', color: 0x43a047 } })
    expect(created.status).toBe(201)
    expect((await tagsOf(server, account_id)).map((t) => t.name)).toContain('Key client')
    const again = await call(server, 'POST', pathOf('tagCreate', { account_id }), { body: { name: 'KEY CLIENT', color: 1 } })
    expect(errorAnswer.parse(again.json).error.code).toBe('object_already_exists')
  })

  it('an update based on a stale copy answers 409 conflict with the current tag', async () => {
    const server = await start()
    const tag = data.tags.find((t) => server.state.isVisibleAccount(t.organizationId)) ?? expect.fail('no visible tag')
    server.state.renameTag(tag.id, 'Renamed in the Manager')
    const path = pathOf('tagUpdate', { account_id: tag.organizationId, tag_id: tag.id })
    const stale = await call(server, 'PATCH', path, { body: { color: 0, expected: { name: tag.name, color: tag.color } } })
    expect(stale.status).toBe(409)
    const error = errorAnswer.parse(stale.json).error
    expect(error.code).toBe('conflict')
    expect(error.context?.current).toMatchObject({ id: tag.id, name: 'Renamed in the Manager', color: tag.color })
    const fresh = await call(server, 'PATCH', path, { body: { color: 0, expected: { name: 'Renamed in the Manager', color: tag.color } } })
    expect(ENDPOINTS.tagUpdate.answer.parse(fresh.json).data).toMatchObject({ name: 'Renamed in the Manager', color: 0 })
  })

  it('assigning shows on the product; a product of another account is refused by index', async () => {
    const server = await start()
    const account_id = client()
    const own = data.products.find((p) => p.ownerOrganizationId === account_id) ?? expect.fail('no product')
    const foreign = data.products.find((p) => p.ownerOrganizationId !== account_id) ?? expect.fail('no other product')
    const tag = ENDPOINTS.tagCreate.answer.parse((await call(server, 'POST', pathOf('tagCreate', { account_id }), { body: { name: 'Tagged', color: 5 } })).json).data
    const assign = pathOf('tagAssign', { account_id, tag_id: tag.id })
    const refused = await call(server, 'POST', assign, { body: { product_ids: [own.id, foreign.id] } })
    expect(errorAnswer.parse(refused.json).error.errors?.map((e) => e.context.attribute)).toEqual(['product_ids.1'])
    expect(ENDPOINTS.tagAssign.answer.parse((await call(server, 'POST', assign, { body: { product_ids: [own.id] } })).json).data.product_count).toBe(1)
    const products = ENDPOINTS.products.answers.all.parse((await call(server, 'GET', '/1/products', { query: { account_id } })).json).data
    expect(products.find((p) => p.id === own.id)?.tags.map((t) => t.name)).toContain('Tagged')
    await call(server, 'DELETE', pathOf('tagDelete', { account_id, tag_id: tag.id }))
    expect((await tagsOf(server, account_id)).map((t) => t.id)).not.toContain(tag.id)
  })
})

describe('Idempotency-Key', () => {
  const account_id = () => partnershipWith('active', 'complete').clientOrganizationId

  it('replays the first answer for the same key and applies the mutation once', async () => {
    const server = await start()
    const path = pathOf('tagCreate', { account_id: account_id() })
    const body = { name: 'Once', color: 7 }
    const first = await call(server, 'POST', path, { body, key: 'outbox-42' })
    const second = await call(server, 'POST', path, { body, key: 'outbox-42' })
    expect(second.status).toBe(first.status)
    expect(second.json).toEqual(first.json)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect((await tagsOf(server, account_id())).filter((t) => t.name === 'Once')).toHaveLength(1)
    // Without a key, the same request is a new one.
    expect((await call(server, 'POST', path, { body })).status).toBe(409)
  })

  it('replays an error answer too, but not a 5xx: a retry after a server error runs', async () => {
    const server = await start()
    const invited = partnershipWith('invited')
    const path = pathOf('invitationAccept', { partner_id: 1, partnership_id: invited.id })
    server.faults.add({ route: 'POST /1/partners/{partner_id}/invitations/{partnership_id}/accept', kind: 'server_error' })
    expect((await call(server, 'POST', path, { key: 'accept-1' })).status).toBe(500)
    expect((await call(server, 'POST', path, { key: 'accept-1' })).status).toBe(200)
    // Accepted now: a second accept under a new key is a conflict, and stays one when replayed.
    expect((await call(server, 'POST', path, { key: 'accept-2' })).status).toBe(409)
    const replay = await call(server, 'POST', path, { key: 'accept-2' })
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([409, 'true'])
  })

  it('refuses a key reused for another request', async () => {
    const server = await start()
    const path = pathOf('tagCreate', { account_id: account_id() })
    await call(server, 'POST', path, { body: { name: 'A', color: 1 }, key: 'k' })
    const reused = await call(server, 'POST', path, { body: { name: 'B', color: 1 }, key: 'k' })
    expect(reused.status).toBe(422)
    expect(errorAnswer.parse(reused.json).error.errors?.[0].code).toBe('idempotency_key_reused')
  })

  it('is not honoured on the public b2b calls (not documented there)', async () => {
    const server = await start()
    const target = partnershipWith('active', 'limited').id
    const path = pathOf('staffAssign', { account: 1, invitation: 102 })
    await call(server, 'POST', path, { body: { partnership_ids: [target] }, key: 'b2b' })
    const again = await call(server, 'POST', path, { body: { partnership_ids: [target] }, key: 'b2b' })
    expect(again.headers.get('idempotent-replayed')).toBeNull()
    expect(server.requests.every((r) => !r.replayed)).toBe(true)
  })

  it('records the key of every request', async () => {
    const server = await start()
    await call(server, 'POST', `${PARTNER}/client_requests`, { body: { email: 'a@b.example', access_type: 'limited', message: '' }, key: 'req-1' })
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      route: 'POST /1/partners/{partner_id}/client_requests',
      idempotencyKey: 'req-1',
      body: { email: 'a@b.example', access_type: 'limited', message: '' },
      status: 201,
    })
  })
})
