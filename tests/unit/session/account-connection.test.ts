// Adding an account tries the token first (whose it is, which organizations
// it sees, what is missing), and an account can be edited and removed.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startApiServer, type ApiServer } from '../../fixtures/api-server'
import { CANARY, closeSessions, NOW, startSession, type Harness } from './harness'

let server: ApiServer | null = null
afterEach(async () => {
  await closeSessions()
  await server?.close()
  server = null
})

async function serve(profile: 'partner' | 'public') {
  server = await startApiServer({ profile, size: 'small', now: NOW, rateLimit: false, token: CANARY })
  return server
}

const cacheFiles = (h: Harness, id: string) =>
  existsSync(join(h.dataDir, 'caches')) ? readdirSync(join(h.dataDir, 'caches')).filter((name) => name.startsWith(`account-${id}.`)) : []

describe.each(['partner', 'public'] as const)('accounts:test against the %s profile', (profile) => {
  it('says whose token it is and which organizations it sees, storing nothing', async () => {
    const api = await serve(profile)
    const h = startSession()
    const report = await h.value('accounts:test', { token: CANARY, baseUrl: api.url })
    const own = api.state.ownOrganization()
    expect(report.user.email).toBe(own.representatives[0].email)
    expect(report.partner).toBe(api.state.partnerId)
    expect(report.organizations.filter((org) => org.own).map((org) => org.id)).toEqual([api.state.partnerId])
    expect(report.organizations.length).toBe(api.state.visibleAccounts().length)
    expect(api.requests.map((request) => request.path)).toEqual(['/2/profile', '/1/accounts'])
    expect(await h.value('accounts:list', {})).toMatchObject({ accounts: [] })
  })
})

describe('accounts:test', () => {
  it('names a refused token, and stores nothing', async () => {
    const api = await serve('public')
    const h = startSession()
    expect(await h.call('accounts:test', { token: 'a-wrong-token-of-some-length', baseUrl: api.url })).toMatchObject({
      ok: false,
      error: { code: 'token_invalid' },
    })
  })

  it('names the scope a 403 says is missing', async () => {
    const api = await serve('public')
    api.faults.add({ route: 'GET /1/accounts', kind: 'forbidden' })
    const h = startSession()
    const answer = await h.call('accounts:test', { token: CANARY, baseUrl: api.url })
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('"accounts" scope') } })
  })

  it('leaves the pick to the user when the token sees several organizations of its own, then syncs the one picked', async () => {
    const api = await serve('public')
    const second = api.state.addOwnOrganization('Helvetic Web Holding', 'holding@example.ch')
    const h = startSession()
    const report = await h.value('accounts:test', { token: CANARY, baseUrl: api.url })
    expect(report.partner).toBeNull()
    expect(report.organizations.filter((org) => org.own).map((org) => org.id).sort((a, b) => a - b)).toEqual([api.state.partnerId, second].sort((a, b) => a - b))
    const since = h.events.length
    const account = await h.value('accounts:add', { label: 'Helvetic Web', token: CANARY, baseUrl: api.url, organizationId: api.state.partnerId })
    expect(account.organizationId).toBe(api.state.partnerId)
    expect(await h.waitFor('sync:finished', since)).toMatchObject({ ok: true })
    expect(await h.value('clients:list', {})).toMatchObject({ total: api.state.visibleAccounts().length - 2 })
  })
})

describe('accounts:update and accounts:remove', () => {
  it('renames an account and changes its organization; removing it erases its token and cache and opens the demo', async () => {
    const api = await serve('partner')
    const h = startSession()
    const since = h.events.length
    const account = await h.value('accounts:add', { label: 'Helvetic Web', token: CANARY, baseUrl: api.url })
    await h.waitFor('sync:finished', since)
    const renamed = await h.value('accounts:update', { accountId: account.id, label: 'Helvetic Web SA', organizationId: api.state.partnerId })
    expect(renamed).toMatchObject({ label: 'Helvetic Web SA', organizationId: api.state.partnerId })
    expect(await h.call('accounts:update', { accountId: account.id, baseUrl: 'http://example.com' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(cacheFiles(h, account.id).length).toBeGreaterThan(0)

    const overview = await h.value('accounts:remove', { accountId: account.id })
    expect(overview).toMatchObject({ active: null, accounts: [] })
    expect(cacheFiles(h, account.id)).toEqual([])
    expect(existsSync(join(h.dataDir, 'tokens', `${account.id}.token`))).toBe(false)
    expect(await h.value('cache:status', {})).toMatchObject({ state: 'ready' })
  })
})
