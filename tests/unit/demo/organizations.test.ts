import { checkVAT, countries } from 'jsvat'
import { describe, expect, it } from 'vitest'
import { COUNTRIES, COUNTRY_CODES } from '../../../src/main/core/demo/countries'
import { Random } from '../../../src/main/core/demo/random'
import { drawVatNumber } from '../../../src/main/core/demo/vat-numbers'
import { smallDemo } from './fixture'

const SWISS_VAT = /^CHE-\d{3}\.\d{3}\.\d{3} (MWST|TVA|IVA)$/
const EU_VAT: Readonly<Record<string, RegExp>> = {
  FR: /^FR\d{11}$/,
  DE: /^DE[1-9]\d{8}$/,
  AT: /^ATU\d{8}$/,
  IT: /^IT\d{11}$/,
  BE: /^BE0\d{9}$/,
  LU: /^LU\d{8}$/,
}

describe('demo organizations', () => {
  it('has one Swiss partner organization paying in CHF', () => {
    const data = smallDemo()
    const own = data.organizations.filter((o) => o.role === 'own')
    expect(own).toHaveLength(1)
    expect(own[0].id).toBe(data.ownOrganizationId)
    expect(own[0].invoiceAddress.country).toBe('CH')
    expect(own[0].currency).toBe('CHF')
    expect(own[0].legalEntity.vatNumber).toMatch(SWISS_VAT)
  })

  it('gives checksum-valid VAT numbers in the country’s format, none to individuals', () => {
    const data = smallDemo()
    const withVat = data.organizations.filter((o) => o.legalEntity.vatNumber !== null)
    expect(withVat.length).toBeGreaterThan(data.organizations.length / 2)
    const seen = new Set<string>()
    for (const o of data.organizations) {
      const vat = o.legalEntity.vatNumber
      if (o.legalEntity.type === 'individual') expect(vat).toBeNull()
      if (vat === null) continue
      expect(checkVAT(vat, countries).isValid, vat).toBe(true)
      const country = o.invoiceAddress.country
      expect(vat).toMatch(country === 'CH' ? SWISS_VAT : EU_VAT[country])
      expect(seen.has(vat)).toBe(false)
      seen.add(vat)
    }
  })

  it('draws valid, distinct VAT numbers for every country, in every Swiss language', () => {
    const random = new Random(5)
    const taken = new Set<string>()
    for (const country of COUNTRY_CODES) {
      for (const language of ['de', 'fr', 'it'] as const) {
        for (let i = 0; i < 50; i++) {
          const vat = drawVatNumber(random, country, language, taken)
          expect(checkVAT(vat, countries).isValid, vat).toBe(true)
          expect(vat).toMatch(country === 'CH' ? SWISS_VAT : EU_VAT[country])
        }
      }
    }
    expect(taken.size).toBe(COUNTRY_CODES.length * 3 * 50)
  })

  it('sets the currency from the invoice address: CHF in Switzerland, EUR elsewhere', () => {
    const data = smallDemo()
    for (const o of data.organizations) {
      expect(o.currency).toBe(o.invoiceAddress.country === 'CH' ? 'CHF' : 'EUR')
      expect(o.timezone).toBe(COUNTRIES[o.invoiceAddress.country].timezone)
    }
    // Mostly Swiss clients, then the neighbours.
    const swiss = data.organizations.filter((o) => o.invoiceAddress.country === 'CH').length
    expect(swiss / data.organizations.length).toBeGreaterThan(0.55)
    expect(swiss / data.organizations.length).toBeLessThan(0.85)
  })

  it('mixes companies with their legal forms, individuals and public bodies', () => {
    const data = smallDemo()
    const clients = data.organizations.filter((o) => o.role === 'client')
    const byType = (type: string) => clients.filter((o) => o.legalEntity.type === type)
    expect(byType('company').length).toBeGreaterThan(clients.length * 0.6)
    expect(byType('individual').length).toBeGreaterThan(5)
    expect(byType('public_body').length).toBeGreaterThan(2)
    const forms = byType('company').map((o) => o.name.match(/ (AG|GmbH|SA|Sàrl|Sagl|SARL|SAS|EURL|S\.r\.l\.|S\.à r\.l\.|SRL)$/)?.[1])
    expect(new Set(forms).size).toBeGreaterThan(4)
    expect(new Set(clients.map((o) => o.name)).size).toBe(clients.length)
  })

  it('gives every organization legal representatives with addresses at its domain or mailbox', () => {
    for (const o of smallDemo().organizations) {
      expect(o.representatives.length).toBeGreaterThanOrEqual(1)
      for (const r of o.representatives) expect(r.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]{2,}$/)
    }
  })

  it('opens partnerships in every status and access, mostly active and two thirds complete', () => {
    const { partnerships } = smallDemo()
    const statuses = new Set(partnerships.map((p) => p.state.status))
    expect([...statuses].sort()).toEqual(['active', 'ended', 'invited', 'pending'])
    const active = partnerships.filter((p) => p.state.status === 'active').length
    expect(active / partnerships.length).toBeGreaterThan(0.7)
    const complete = partnerships.filter((p) => p.access.type === 'complete').length
    expect(complete / partnerships.length).toBeGreaterThan(0.55)
    expect(complete / partnerships.length).toBeLessThan(0.75)
    const modes = new Set(partnerships.map((p) => (p.access.type === 'complete' ? p.access.paymentMode : null)))
    expect(modes).toEqual(new Set(['customer', 'partner', null]))
  })

  it('ends ended partnerships after they began, and only those', () => {
    const data = smallDemo()
    for (const p of data.partnerships) {
      expect(p.partnerOrganizationId).toBe(data.ownOrganizationId)
      expect(p.since).toBeLessThanOrEqual(data.now)
      expect(p.updatedAt).toBeGreaterThanOrEqual(p.since)
      if (p.state.status === 'ended') expect(p.state.until).toBeGreaterThan(p.since)
      else expect(p.state.until).toBeNull()
    }
  })
})
