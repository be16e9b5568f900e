// A client's own record (GET /1/accounts/{id}), read one at a time outside
// the sync: what it writes, what it keeps, and what a client gone means.
import { describe, expect, it } from 'vitest'
import { createRemoteClient, unlimitedRateLimiter } from '../../../src/main/core/remote/http'
import { nextWithoutDetails, readDetails } from '../../../src/main/core/sync/details'
import { NOW, usePullHarness } from './pull-harness'

const start = usePullHarness('public')

describe('client details', () => {
  it('are not read by a pull, one by one afterwards, clients first; each read is marked and fills what the list left out', async () => {
    const h = await start()
    await h.run('full')
    expect(h.count('SELECT count(*) FROM organizations WHERE details_at IS NOT NULL')).toBe(0)
    expect(h.server.requests.filter((request) => /^\/1\/accounts\/\d+$/.test(request.path))).toEqual([])

    const client = createRemoteClient({ baseUrl: h.server.url, token: () => h.server.token, rateLimiter: unlimitedRateLimiter })
    const first = nextWithoutDetails(h.db) ?? expect.fail('nothing to read')
    expect(h.rows('SELECT role FROM organizations WHERE id = ?', first)).toEqual([['client']])
    const org = h.server.state.organization(first) ?? expect.fail('unknown organization')
    h.db.prepare("UPDATE organizations SET timezone = '' WHERE id = ?").run(first)
    expect(await readDetails(h.db, client, first, NOW + 60)).toBe('read')
    expect(h.rows('SELECT details_at, timezone FROM organizations WHERE id = ?', first)).toEqual([[NOW + 60, org.timezone]])
    expect(h.count('SELECT count(*) FROM organization_addresses WHERE organization_id = ? AND for_invoice = 1', first)).toBe(1)
    expect(nextWithoutDetails(h.db)).not.toBe(first)
  })

  it('of a client the server no longer shows are marked read, not asked again and again', async () => {
    const h = await start()
    await h.run('full')
    const gone = h.server.state.allPartnerships().find((p) => p.state.status === 'active') ?? expect.fail('no active client')
    h.server.state.endPartnership(gone.id)
    const client = createRemoteClient({ baseUrl: h.server.url, token: () => h.server.token, rateLimiter: unlimitedRateLimiter })
    expect(await readDetails(h.db, client, gone.clientOrganizationId, NOW + 60)).toBe('gone')
    expect(h.rows('SELECT details_at FROM organizations WHERE id = ?', gone.clientOrganizationId)).toEqual([[NOW + 60]])
  })
})
