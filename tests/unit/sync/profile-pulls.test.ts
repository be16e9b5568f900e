// The same full and incremental pulls against both profiles of the local API
// server: the app's partner contract and Infomaniak's published API alone
// must leave the same truth about the active clients in the cache.
import { describe, expect, it } from 'vitest'
import { ENDPOINTS } from '../../../src/main/core/remote/endpoints'
import { SERVER_PROFILES } from '../../fixtures/api-server'
import { NOW, usePullHarness } from './pull-harness'

describe.each(SERVER_PROFILES)('against the %s profile', (profile) => {
  const start = usePullHarness(profile)

  it('a full pull stores every visible product and each active client’s access and payment mode', async () => {
    const h = await start()
    const { state } = h.server
    await h.run('full')
    expect(h.rows("SELECT id FROM organizations WHERE role = 'own'")).toEqual([[state.partnerId]])
    expect(h.count('SELECT count(*) FROM products')).toBe(state.visibleProducts().length)
    const active = state.allPartnerships().filter((p) => p.state.status === 'active')
    const stored = new Map(
      h.rows("SELECT client_organization_id, access_type, payment_mode FROM partnerships WHERE status = 'active'").map(([client, access, payment]) => [client, [access, payment]]),
    )
    expect(stored.size).toBe(active.length)
    for (const p of active) expect(stored.get(p.clientOrganizationId), `client ${p.clientOrganizationId}`).toEqual([p.access.type, p.access.type === 'complete' ? p.access.paymentMode : null])
  })

  it('an incremental pull records a payment mode switched as a dated event, and reads no product page when their count held', async () => {
    const h = await start()
    const { state } = h.server
    await h.run('full')
    expect((await h.run('incremental')).events).toBe(0)
    const payer = state.allPartnerships().find((p) => p.state.status === 'active' && p.access.type === 'complete' && p.access.paymentMode === 'customer') ?? expect.fail('no client that pays')
    state.setPaymentMode(payer.id, 'partner')
    const first = h.server.requests.length
    const summary = await h.run('incremental')
    expect(summary.events).toBe(1)
    expect(summary.unchanged).toContain('products')
    expect(h.server.requests.slice(first).filter((request) => request.route === ENDPOINTS.products.route && request.query.page !== undefined)).toEqual([])
    const events = h.rows(
      `SELECT e.kind, e.before_json, e.after_json, e.detected_at FROM partnership_events e JOIN partnerships p ON p.id = e.partnership_id
        WHERE p.client_organization_id = ?`,
      payer.clientOrganizationId,
    )
    expect(events).toEqual([['payment_mode', '{"payment_mode":"customer"}', '{"payment_mode":"partner"}', NOW]])
    expect(h.rows('SELECT payment_mode, wallet_entrusted FROM partnerships WHERE client_organization_id = ?', payer.clientOrganizationId)).toEqual([['partner', 1]])
  })

  it('an incremental pull makes the partner the payer of the client’s products once the client entrusts its wallet, though no product changed', async () => {
    const h = await start()
    const { state } = h.server
    await h.run('full')
    const payer = state.allPartnerships().find((p) => p.state.status === 'active' && p.access.type === 'complete' && p.access.paymentMode === 'customer') ?? expect.fail('no client that pays')
    const paid = () => h.rows('SELECT DISTINCT payer_organization_id FROM products WHERE owner_organization_id = ? AND is_free = 0', payer.clientOrganizationId)
    expect(paid()).toEqual([[payer.clientOrganizationId]])
    state.setPaymentMode(payer.id, 'partner')
    expect((await h.run('incremental')).unchanged).toContain('products')
    // merge.ts: "who pays follows the payment mode", as a full pull would have it.
    expect(paid()).toEqual([[state.partnerId]])
  })
})
