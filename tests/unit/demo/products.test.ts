import { describe, expect, it } from 'vitest'
import { FQDN_CATEGORIES } from '../../../src/main/core/demo/dataset'
import { smallDemo } from './fixture'

describe('demo products', () => {
  it('belong to clients whose partner can see them', () => {
    const data = smallDemo()
    const status = new Map(data.partnerships.map((p) => [p.clientOrganizationId, p.state.status]))
    for (const p of data.products) expect(['active', 'ended']).toContain(status.get(p.ownerOrganizationId))
  })

  it('carry a host name exactly in the categories tied to one, derived from the client’s name', () => {
    const data = smallDemo()
    for (const p of data.products) {
      if ((FQDN_CATEGORIES as readonly string[]).includes(p.category)) expect(p.fqdn).toMatch(/^(\*\.|www\.)?[a-z0-9-]+\.[a-z]{2,}$/)
      else expect(p.fqdn).toBeNull()
    }
    const domains = data.products.filter((p) => p.category === 'domain').map((p) => p.fqdn)
    expect(new Set(domains).size).toBe(domains.length)
    const tlds = new Set(domains.map((d) => d?.slice(d.lastIndexOf('.') + 1)))
    for (const tld of ['ch', 'com', 'fr', 'de']) expect(tlds).toContain(tld)
  })

  it('keeps owner, manager and payer apart: the partner pays only when the wallet is entrusted', () => {
    const data = smallDemo()
    const partnership = new Map(data.partnerships.map((p) => [p.clientOrganizationId, p]))
    for (const p of data.products) {
      const { access, state } = partnership.get(p.ownerOrganizationId)!
      const partnerPays = state.status === 'active' && access.type === 'complete' && access.paymentMode === 'partner'
      if (p.isFree) expect(p.payerOrganizationId).toBeNull()
      else expect(p.payerOrganizationId).toBe(partnerPays ? data.ownOrganizationId : p.ownerOrganizationId)
      if (state.status !== 'active') expect(p.managedByPartner).toBe(false)
      // Limited access may not order or renew.
      expect(p.rights.sale).toBe(state.status === 'active' && access.type === 'complete')
    }
    expect(data.products.some((p) => p.managedByPartner)).toBe(true)
    expect(data.products.some((p) => !p.managedByPartner)).toBe(true)
    expect(new Set(data.products.map((p) => p.renewalPreference))).toEqual(new Set(['automatic', 'manual', 'cancel_at_expiry']))
  })

  it('delegates the products of limited partnerships, and only those', () => {
    const data = smallDemo()
    const partnershipOf = new Map(data.partnerships.map((p) => [p.id, p]))
    const ownerOf = new Map(data.products.map((p) => [p.id, p.ownerOrganizationId]))
    for (const link of data.partnershipProducts) {
      const partnership = partnershipOf.get(link.partnershipId)!
      expect(partnership.access.type).toBe('limited')
      expect(ownerOf.get(link.productId)).toBe(partnership.clientOrganizationId)
    }
    const limitedClients = new Set(data.partnerships.filter((p) => p.access.type === 'limited').map((p) => p.clientOrganizationId))
    const delegated = data.products.filter((p) => limitedClients.has(p.ownerOrganizationId)).length
    expect(data.partnershipProducts).toHaveLength(delegated)
    expect(delegated).toBeGreaterThan(0)
  })

  it('gives clients 0 to 5 tags, some assigned to their own products', () => {
    const data = smallDemo()
    const perOrg = new Map<number, string[]>()
    for (const tag of data.tags) {
      perOrg.set(tag.organizationId, [...(perOrg.get(tag.organizationId) ?? []), tag.name])
      expect(tag.color).toBeGreaterThanOrEqual(0)
      expect(tag.color).toBeLessThanOrEqual(0xffffff)
      expect(tag.name.length).toBeGreaterThan(0)
    }
    for (const names of perOrg.values()) {
      expect(names.length).toBeLessThanOrEqual(5)
      expect(new Set(names).size).toBe(names.length)
    }
    expect(data.tags.some((t) => t.name === 'VIP')).toBe(true)
    expect(data.tags.some((t) => /^Renewal 20\d\d$/.test(t.name))).toBe(true)
    const tagOrg = new Map(data.tags.map((t) => [t.id, t.organizationId]))
    const productOrg = new Map(data.products.map((p) => [p.id, p.ownerOrganizationId]))
    expect(data.productTags.length).toBeGreaterThan(50)
    for (const link of data.productTags) expect(tagOrg.get(link.tagId)).toBe(productOrg.get(link.productId))
    // Some tags exist unassigned.
    const used = new Set(data.productTags.map((l) => l.tagId))
    expect(data.tags.some((t) => !used.has(t.id))).toBe(true)
  })
})
