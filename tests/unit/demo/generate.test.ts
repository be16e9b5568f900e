import { describe, expect, it, vi } from 'vitest'
import { DEMO_CATEGORIES } from '../../../src/main/core/demo/catalogue'
import { DEMO_SIZE_SPECS } from '../../../src/main/core/demo/sizes'
import { generateDemo } from '../../../src/main/core/demo/generate'
import { MONTH, YEAR } from '../../../src/main/core/demo/time'
import { NOW, smallDemo } from './fixture'

describe('generateDemo', () => {
  it('gives identical data for the same size, seed and time, without clock or global randomness', () => {
    const random = vi.spyOn(Math, 'random')
    const clock = vi.spyOn(Date, 'now')
    const first = generateDemo('small', { seed: 7, now: NOW })
    const second = generateDemo('small', { seed: 7, now: NOW })
    expect(random).not.toHaveBeenCalled()
    expect(clock).not.toHaveBeenCalled()
    vi.restoreAllMocks()
    expect(second).toEqual(first)
  })

  it('gives different data for another seed', () => {
    const a = generateDemo('small', { seed: 1, now: NOW })
    const b = generateDemo('small', { seed: 2, now: NOW })
    expect(b.organizations.map((o) => o.name)).not.toEqual(a.organizations.map((o) => o.name))
    expect(b.billingLines.amountExclVatMinor).not.toEqual(a.billingLines.amountExclVatMinor)
  })

  it('refuses a reference time that is not Unix seconds', () => {
    expect(() => generateDemo('small', { now: 1_767_225_600.5 })).toThrow(RangeError)
  })

  it('holds the small size’s exact counts', () => {
    const data = smallDemo()
    const spec = DEMO_SIZE_SPECS.small
    expect(data.organizations.filter((o) => o.role === 'client')).toHaveLength(spec.clients)
    expect(data.organizations.filter((o) => o.role === 'own')).toHaveLength(1)
    expect(data.partnerships).toHaveLength(spec.clients)
    expect(data.products).toHaveLength(spec.products)
    expect(data.billingLines.count).toBe(spec.billingLines)
    expect(data.tenders).toHaveLength(spec.tenders)
    expect(data.invoices.length).toBeGreaterThan(spec.billingLines / 5)
  })

  it('generates the small size well under a second', () => {
    // The best of three, so a busy machine (tests run in parallel) does not decide.
    const runs = [1, 2, 3].map((seed) => {
      const start = performance.now()
      generateDemo('small', { seed, now: NOW })
      return performance.now() - start
    })
    expect(Math.min(...runs)).toBeLessThan(500)
  })

  it('uses unique ids in every table', () => {
    const data = smallDemo()
    for (const rows of [data.organizations, data.partnerships, data.products, data.tags, data.invoices, data.tenders]) {
      const ids = rows.map((row) => row.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
  })

  it('covers every service category and spreads expiries over the next 18 months', () => {
    const data = smallDemo()
    expect(new Set(data.products.map((p) => p.category))).toEqual(new Set(DEMO_CATEGORIES))
    const active = new Set(data.partnerships.filter((p) => p.state.status === 'active').map((p) => p.clientOrganizationId))
    const current = data.products.filter((p) => active.has(p.ownerOrganizationId) && p.deletedAt === null && !p.isTrial)
    const ahead = current.filter((p) => p.expiredAt > NOW)
    expect(Math.max(...ahead.map((p) => p.expiredAt))).toBeLessThanOrEqual(NOW + 18 * MONTH)
    // Every quarter of the next 18 months has its expiries.
    for (let quarter = 0; quarter < 6; quarter++) {
      const from = NOW + quarter * 3 * MONTH
      expect(ahead.filter((p) => p.expiredAt > from && p.expiredAt <= from + 3 * MONTH).length).toBeGreaterThan(5)
    }
    // Some have already expired without renewal, a few were deleted.
    expect(current.filter((p) => p.expiredAt <= NOW).length).toBeGreaterThan(10)
    expect(data.products.filter((p) => p.deletedAt !== null).length).toBeGreaterThan(10)
    for (const p of data.products) {
      expect(p.createdAt).toBeLessThan(p.expiredAt)
      expect(p.createdAt).toBeLessThanOrEqual(NOW)
      if (p.deletedAt !== null) expect(p.deletedAt).toBeGreaterThan(p.expiredAt)
    }
  })

  it('keeps the bulk history within the last three years', () => {
    const { billingLines: lines } = smallDemo()
    let min = Infinity
    let max = -Infinity
    for (const at of lines.occurredAt) {
      min = Math.min(min, at)
      max = Math.max(max, at)
    }
    expect(min).toBeGreaterThanOrEqual(NOW - 3 * YEAR)
    expect(min).toBeLessThan(NOW - 3 * YEAR + MONTH)
    expect(max).toBeLessThanOrEqual(NOW)
  })
})
