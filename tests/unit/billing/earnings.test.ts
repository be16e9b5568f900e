import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { earningsFor, earningsPossible } from '../../../src/shared/earnings-rules'
import { earningsSummary } from '../../../src/main/core/billing/earnings'
import { earningsOutlook } from '../../../src/main/core/billing/outlook'
import { tempDir } from '../../paths'
import { DAY, openFixture, seedFixture, T0 } from './fixture'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function fixture() {
  const dir = tempDir('billing-earnings')
  dirs.push(dir)
  const db = openFixture(join(dir, 'cache.sqlite'))
  seedFixture(db)
  return db
}

describe('the programme rules', () => {
  it('cashback, income or discount by access type, payment mode and who placed the order', () => {
    const limited = { type: 'limited' } as const
    const customer = { type: 'complete', paymentMode: 'customer' } as const
    const partner = { type: 'complete', paymentMode: 'partner' } as const
    expect(earningsFor(limited, 'partner')).toEqual(['cashback'])
    expect(earningsFor(limited, 'client')).toEqual(['cashback'])
    expect(earningsFor(customer, 'partner')).toEqual(['cashback'])
    expect(earningsFor(customer, 'client')).toEqual(['cashback', 'income'])
    expect(earningsFor(partner, 'partner')).toEqual(['discount'])
    expect(earningsFor(partner, 'client')).toEqual(['cashback', 'income'])
    expect(earningsPossible(partner)).toEqual(['cashback', 'income', 'discount'])
    expect(earningsPossible(limited)).toEqual(['cashback'])
  })
})

describe('earnings per client and month', () => {
  it('sums each kind per month, with the kinds each client can earn', () => {
    const db = fixture()
    const summary = earningsSummary(db, { type: 'earnings', from: '2024-01-01', to: '2025-12-31', clients: null }, 10)
    expect(summary.totals).toEqual([
      { currency: 'CHF', cashback: 0, income: 0, discount: 6_944 },
      { currency: 'EUR', cashback: 2_400, income: 0, discount: 0 },
    ])
    expect(summary.clients.rows.map(({ id, access, paymentMode, expected, months }) => ({ id, access, paymentMode, expected, months }))).toEqual([
      { id: 10, access: 'complete', paymentMode: 'partner', expected: ['cashback', 'income', 'discount'], months: [{ month: '2024-10', cashback: 0, income: 0, discount: 6_944 }] },
      { id: 20, access: 'limited', paymentMode: null, expected: ['cashback'], months: [{ month: '2025-03', cashback: 2_400, income: 0, discount: 0 }] },
    ])
  })
})

describe('outlook', () => {
  it('expects each renewing product to earn what it earned last time, under the current rules', () => {
    const db = fixture()
    const outlook = earningsOutlook(db, T0, null)
    expect(outlook.method).toEqual({ productsDue: 2, renewals: 2, withoutHistory: 0, clientRate: 0 })
    expect(outlook.months).toEqual([
      { month: '2025-06', currency: 'EUR', renewals: 1, basisMinor: 12_000, expected: { cashback: 2_400, income: 0, discount: 0 } },
      { month: '2025-10', currency: 'CHF', renewals: 1, basisMinor: 34_720, expected: { cashback: 0, income: 0, discount: 6_944 } },
    ])
  })

  it('follows a payment-mode switch: the discount becomes cashback at the client’s own rate', () => {
    const db = fixture()
    db.prepare("INSERT INTO billing_lines (client_organization_id, product_id, history_type, occurred_at, description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by) VALUES (10, 1001, 'cashback', ?, 'c', 300, 810, 24, 'CHF', 'partner')").run(T0 - 165 * DAY)
    db.prepare("UPDATE partnerships SET payment_mode = 'customer' WHERE id = 100").run()
    const outlook = earningsOutlook(db, T0, [10])
    expect(outlook.method).toEqual({ productsDue: 1, renewals: 1, withoutHistory: 0, clientRate: 1 })
    // 300 / 1500 = 20 % of 347.20
    expect(outlook.months).toEqual([{ month: '2025-10', currency: 'CHF', renewals: 1, basisMinor: 34_720, expected: { cashback: 6_944, income: 0, discount: 0 } }])
  })

  it('renews a monthly product every month it showed, and counts products with no history apart', () => {
    const db = fixture()
    db.prepare(
      `INSERT INTO products (id, owner_organization_id, service_id, service_name, internal_name, customer_name, managed_by_partner, created_at, expired_at, is_free, is_trial, renewal_preference, right_technical, right_statistic, right_check, right_sale)
       VALUES (?, 10, 1, 'ksuite', 'k', 'kSuite', 1, 0, ?, 0, 0, 'automatic', 1, 1, 1, 1)`,
    ).run(3000, T0 + 10 * DAY)
    db.prepare(
      `INSERT INTO products (id, owner_organization_id, service_id, service_name, internal_name, customer_name, managed_by_partner, created_at, expired_at, is_free, is_trial, renewal_preference, right_technical, right_statistic, right_check, right_sale)
       VALUES (?, 10, 1, 'vps', 'v', 'VPS', 1, 0, ?, 0, 0, 'manual', 1, 1, 1, 1)`,
    ).run(3001, T0 + 20 * DAY)
    const line = db.prepare("INSERT INTO billing_lines (client_organization_id, product_id, history_type, occurred_at, description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by) VALUES (10, 3000, ?, ?, 'k', ?, 810, 0, 'CHF', 'partner')")
    line.run('renewal', T0 - 50 * DAY, 1_000)
    line.run('renewal', T0 - 20 * DAY, 1_000)
    line.run('discount', T0 - 20 * DAY, 150)
    const outlook = earningsOutlook(db, T0, [10])
    const until = Date.UTC(2026, 2, 1) / 1000
    let monthly = 0
    for (let at = T0 + 10 * DAY; at < until; at += 30 * DAY) monthly++
    expect(outlook.method).toEqual({ productsDue: 3, renewals: monthly + 1, withoutHistory: 1, clientRate: 0 })
    const chf = outlook.months.filter((m) => m.currency === 'CHF')
    expect(chf.reduce((sum, m) => sum + m.expected.discount, 0)).toBe(monthly * 150 + 6_944)
  })
})
