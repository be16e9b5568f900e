import { describe, expect, it } from 'vitest'
import { ENDPOINTS, pathOf } from '../../../src/main/core/remote/endpoints'
import type { ApiServer } from '../../fixtures/api-server'
import { smallDemo } from '../demo/fixture'
import { call, PARTNER, useServers } from './helpers'

// Changes made on the remote side (by the client, by Infomaniak, by time)
// show in later answers, so sync tests can check the app detects them.

const start = useServers()
const data = smallDemo()
const DAY = 86_400
const active = (type: 'limited' | 'complete') =>
  data.partnerships.find((p) => p.state.status === 'active' && p.access.type === type) ?? expect.fail(`no active ${type}`)

async function partnership(server: ApiServer, id: number, query: Record<string, number> = {}) {
  const list = ENDPOINTS.partnerships.answers.all.parse((await call(server, 'GET', `${PARTNER}/partnerships`, { query })).json).data
  return list.find((p) => p.id === id)
}

async function productTotal(server: ApiServer, query: Record<string, number | string> = {}) {
  return ENDPOINTS.products.answers.total.parse((await call(server, 'GET', '/1/products', { query: { ...query, return: 'total' } })).json).data
}

async function tender(server: ApiServer, id: number) {
  const list = ENDPOINTS.tenders.answers.all.parse((await call(server, 'GET', `${PARTNER}/tenders`)).json).data
  return list.find((t) => t.id === id)
}

describe('partnerships', () => {
  it('setPaymentMode flips has_customer_payment_method, bumps updated_at and shows to an updated_since probe', async () => {
    const server = await start()
    const p = data.partnerships.find((x) => x.state.status === 'active' && x.access.type === 'complete' && x.access.paymentMode === 'customer') ?? expect.fail('no customer-pays client')
    server.state.advanceTime(DAY)
    const since = { updated_since: server.state.now }
    expect(ENDPOINTS.partnerships.answers.total.parse((await call(server, 'GET', `${PARTNER}/partnerships`, { query: { ...since, return: 'total' } })).json).data).toBe(0)
    server.state.setPaymentMode(p.id, 'partner')
    expect(await partnership(server, p.id, since)).toMatchObject({ has_full_access: true, has_customer_payment_method: false, updated_at: data.now + DAY })
    const account = ENDPOINTS.accounts.answer.parse((await call(server, 'GET', '/1/accounts')).json).data.find((a) => a.id === p.clientOrganizationId)
    expect(account?.has_customer_paiement_method).toBe(false)
  })

  it('setAccess to limited delegates products and hides the others; back to complete shows them all', async () => {
    const server = await start()
    const p = active('complete')
    const owned = data.products.filter((x) => x.ownerOrganizationId === p.clientOrganizationId)
    expect(owned.length).toBeGreaterThan(1)
    server.state.setAccess(p.id, { type: 'limited' }, [owned[0].id])
    expect(await partnership(server, p.id)).toMatchObject({ has_full_access: false, has_customer_payment_method: null, delegated_product_ids: [owned[0].id] })
    expect(await productTotal(server, { account_id: p.clientOrganizationId })).toBe(1)
    server.state.setAccess(p.id, { type: 'complete', paymentMode: 'customer' })
    expect(await productTotal(server, { account_id: p.clientOrganizationId })).toBe(owned.length)
    expect(() => server.state.setPaymentMode(active('limited').id, 'partner')).toThrow(/limited access/)
  })

  it('endPartnership and addInvitation change the list', async () => {
    const server = await start()
    const p = active('limited')
    server.state.endPartnership(p.id)
    expect(await partnership(server, p.id)).toMatchObject({ status: 'ended', ended_at: data.now })
    const id = server.state.addInvitation({ name: 'Nouveau Client SA', email: 'direction@nouveau.example', access: { type: 'limited' } })
    expect(await partnership(server, id)).toMatchObject({ status: 'invited', customer: { name: 'Nouveau Client SA', currency: 'CHF' } })
  })
})

describe('products', () => {
  it('removeProduct lowers the count a return=total probe sees', async () => {
    const server = await start()
    const before = await productTotal(server)
    const product = data.products.find((x) => server.state.isVisibleProduct(x)) ?? expect.fail('no visible product')
    server.state.removeProduct(product.id)
    expect(await productTotal(server)).toBe(before - 1)
  })

  it('setProductExpiry changes expired_at in place: the count does not move (products have no updated_at)', async () => {
    const server = await start()
    const before = await productTotal(server)
    const product = data.products.find((x) => server.state.isVisibleProduct(x)) ?? expect.fail('no visible product')
    server.state.setProductExpiry(product.id, data.now + 400 * DAY)
    expect(await productTotal(server)).toBe(before)
    const page = ENDPOINTS.products.answers.all.parse((await call(server, 'GET', '/1/products', { query: { account_id: product.ownerOrganizationId } })).json).data
    expect(page.find((x) => x.id === product.id)?.expired_at).toBe(data.now + 400 * DAY)
  })

  it('renameTag, recolorTag and deleteTag show on the products that carry the tag', async () => {
    const server = await start()
    const link = data.productTags.find(({ productId }) => server.state.isVisibleProduct(data.products[productId - 1])) ?? expect.fail('no visible tagged product')
    const product = data.products[link.productId - 1]
    const tagsOfProduct = async () =>
      ENDPOINTS.products.answers.all
        .parse((await call(server, 'GET', '/1/products', { query: { account_id: product.ownerOrganizationId } })).json)
        .data.find((x) => x.id === product.id)?.tags
    server.state.renameTag(link.tagId, 'Renamed')
    server.state.recolorTag(link.tagId, 0x123456)
    expect(await tagsOfProduct()).toContainEqual({ id: link.tagId, name: 'Renamed', color: 0x123456 })
    server.state.deleteTag(link.tagId)
    expect((await tagsOfProduct())?.map((t) => t.id)).not.toContain(link.tagId)
    const tags = ENDPOINTS.tags.answer.parse((await call(server, 'GET', pathOf('tags', { account_id: product.ownerOrganizationId }))).json).data
    expect(tags.map((t) => t.id)).not.toContain(link.tagId)
  })
})

describe('billing and invoices', () => {
  it('addBillingLine books a new line with the next id and adds to the partnership totals', async () => {
    const server = await start()
    const p = active('complete')
    const window = { from: data.now, to: data.now + DAY }
    const before = await partnership(server, p.id)
    const id = server.state.addBillingLine({
      clientOrganizationId: p.clientOrganizationId,
      productId: null,
      invoiceId: null,
      historyType: 'discount',
      occurredAt: data.now + 60,
      description: 'Reseller discount · test',
      amountExclVatMinor: 1_234,
      vatRateBp: 810,
      vatMinor: 100,
      currency: p.currency,
      paidBy: 'partner',
    })
    expect(id).toBe(data.billingLines.count + 1)
    const lines = ENDPOINTS.billingHistory.answers.all.parse((await call(server, 'GET', `${PARTNER}/billing_history`, { query: window })).json).data
    expect(lines).toEqual([expect.objectContaining({ id, amount: { minor: 1_234, currency: p.currency }, vat_rate_bp: 810 })])
    const after = await partnership(server, p.id)
    expect((after?.discounts.minor ?? 0) - (before?.discounts.minor ?? 0)).toBe(1_234)
    expect((before?.total_payed.minor ?? 0) - (after?.total_payed.minor ?? 0)).toBe(1_234)
  })

  it('setInvoiceStatus changes the status in place and shows to updated_since', async () => {
    const server = await start()
    const invoice = data.invoices.find((x) => x.status === 'unpaid') ?? expect.fail('no unpaid invoice')
    server.state.advanceTime(DAY)
    server.state.setInvoiceStatus(invoice.id, 'paid')
    const changed = ENDPOINTS.invoices.answers.all.parse((await call(server, 'GET', `${PARTNER}/invoices`, { query: { updated_since: server.state.now } })).json).data
    expect(changed).toEqual([expect.objectContaining({ id: invoice.id, status: 'paid', updated_at: data.now + DAY })])
  })
})

describe('tenders', () => {
  it('deleteTender leaves a tombstone and makes consulting answer 404', async () => {
    const server = await start()
    const open = data.tenders.find((t) => t.remoteState === 'open') ?? expect.fail('no open tender')
    server.state.deleteTender(open.id)
    expect(await tender(server, open.id)).toEqual({ id: open.id, state: 'deleted', deleted_at: data.now, updated_at: data.now })
    expect((await call(server, 'POST', pathOf('tenderConsult', { partner_id: 1, tender_id: open.id }))).status).toBe(404)
  })

  it('expireTender and the passing of time expire a tender: consulting answers 410', async () => {
    const server = await start()
    const [first, second] = data.tenders.filter((t) => t.remoteState === 'open')
    server.state.expireTender(first.id)
    expect(await tender(server, first.id)).toMatchObject({ state: 'expired', valid_until: data.now })
    expect((await call(server, 'POST', pathOf('tenderConsult', { partner_id: 1, tender_id: first.id }))).status).toBe(410)
    server.state.advanceTime(second.validUntil - data.now)
    expect(await tender(server, second.id)).toMatchObject({ state: 'expired' })
  })

  it('addTender posts a new open tender', async () => {
    const server = await start()
    const id = server.state.addTender({ title: 'New intranet', budgetMinor: 1_500_000 })
    expect(await tender(server, id)).toMatchObject({ state: 'open', title: 'New intranet', budget: { minor: 1_500_000, currency: 'CHF' }, consulted_at: null })
  })
})
