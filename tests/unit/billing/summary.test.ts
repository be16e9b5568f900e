// The billing browser's sums read from the rollup must equal a naive
// aggregate over the lines, for periods cut anywhere, before and after the
// lines change (a merge refreshes only the months it touched).
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { HISTORY_FILTER_TYPES, HISTORY_FILTERS, type BillingQuery } from '../../../src/shared/billing'
import { periodSeconds, presetPeriod } from '../../../src/shared/period'
import { billingSummary } from '../../../src/main/core/billing/browse'
import { segments } from '../../../src/main/core/billing/aggregate'
import { refreshBillingRollup } from '../../../src/main/core/billing/rollup'
import { tempDir } from '../../paths'
import { DAY, openFixture, seedFixture, T0, type LineSeed } from './fixture'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A deterministic spread of lines over three years, both currencies, every type. */
function spread(count: number): LineSeed[] {
  const types = HISTORY_FILTER_TYPES.all
  let x = 12345
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31)
  return Array.from({ length: count }, () => {
    const eur = next() % 3 === 0
    return {
      client: eur ? 20 : 10,
      type: types[next() % types.length],
      at: T0 - 800 * DAY + (next() % (1100 * DAY)),
      description: 'x',
      net: (next() % 20_000) - 2_000,
      currency: eur ? 'EUR' : 'CHF',
      rateBp: eur ? 2_000 : 810,
    } as LineSeed
  })
}

function naive(db: BetterSqlite3.Database, query: BillingQuery) {
  const { from, to } = periodSeconds(query)
  const rows = db
    .prepare(
      `SELECT currency, client_organization_id AS client, count(*) AS lines, sum(amount_excl_vat_minor) AS net, sum(vat_minor) AS vat FROM billing_lines
       WHERE occurred_at >= ? AND occurred_at < ? AND history_type IN (SELECT value FROM json_each(?)) ${query.clients ? 'AND client_organization_id IN (SELECT value FROM json_each(?))' : ''}
       GROUP BY currency, client_organization_id ORDER BY currency, client_organization_id`,
    )
    .all(from, to, JSON.stringify(HISTORY_FILTER_TYPES[query.type]), ...(query.clients ? [JSON.stringify(query.clients)] : [])) as Array<{ currency: string; client: number; lines: number; net: number; vat: number }>
  const totals = new Map<string, { lines: number; net: number; vat: number }>()
  for (const row of rows) {
    const total = totals.get(row.currency) ?? { lines: 0, net: 0, vat: 0 }
    totals.set(row.currency, { lines: total.lines + row.lines, net: total.net + row.net, vat: total.vat + row.vat })
  }
  return { totals: [...totals.entries()].map(([currency, t]) => ({ currency, ...t })), clients: rows.map(({ currency, client, lines, net }) => ({ currency, client, lines, net })) }
}

function fromRollup(db: BetterSqlite3.Database, query: BillingQuery) {
  const summary = billingSummary(db, { query, sort: 'amount_desc', limit: 1000 })
  return {
    totals: summary.totals.map(({ currency, lines, netMinor, vatMinor }) => ({ currency, lines, net: netMinor, vat: vatMinor })),
    clients: summary.clients.rows.map(({ currency, id, lines, netMinor }) => ({ currency, client: id, lines, net: netMinor })).sort((a, b) => a.currency.localeCompare(b.currency) || a.client - b.client),
    months: summary.months,
  }
}

const PERIODS: Array<[string, string]> = [
  ['2023-01-01', '2025-12-31'],
  ['2024-01-01', '2024-12-31'],
  ['2024-02-10', '2025-03-17'],
  ['2025-03-18', '2025-03-18'],
  ['2023-11-30', '2024-01-01'],
  ['2024-02-01', '2024-02-29'],
]

describe('billing summary', () => {
  const dir = tempDir('billing-summary')
  dirs.push(dir)
  const db = openFixture(join(dir, 'cache.sqlite'))
  seedFixture(db, spread(3_000))

  it('splits a period into whole years, whole months and edge days', () => {
    const { from, to } = periodSeconds({ from: '2023-11-15', to: '2025-02-03' })
    const cut = segments(from, to, false)
    expect(cut.periods).toEqual([202312, 202400, 202501])
    expect(cut.raw.map(([a, b]) => [new Date(a * 1000).toISOString().slice(0, 10), new Date(b * 1000).toISOString().slice(0, 10)])).toEqual([
      ['2023-11-15', '2023-12-01'],
      ['2025-02-01', '2025-02-04'],
    ])
    expect(segments(from, to, true).periods).toHaveLength(14)
  })

  it.each(PERIODS)('%s to %s: the same sums as a naive aggregate, for every type and selection', (from, to) => {
    for (const type of HISTORY_FILTERS) {
      for (const clients of [null, [10], [20, 10]]) {
        const query: BillingQuery = { type, from, to, clients }
        const got = fromRollup(db, query)
        const want = naive(db, query)
        expect({ totals: got.totals, clients: got.clients }, `${type} ${JSON.stringify(clients)}`).toEqual(want)
        // The series per month adds up to the totals, currency by currency.
        for (const total of want.totals) {
          expect(got.months.filter((m) => m.currency === total.currency).reduce((sum, m) => sum + m.netMinor, 0)).toBe(total.net)
        }
      }
    }
  })

  it('follows lines that change, once the touched months are refreshed', () => {
    const query: BillingQuery = { type: 'all', from: '2024-01-01', to: '2024-12-31', clients: null }
    const moved = db.prepare("SELECT id, occurred_at FROM billing_lines WHERE occurred_at BETWEEN ? AND ? LIMIT 1").get(Date.UTC(2024, 4, 1) / 1000, Date.UTC(2024, 4, 31) / 1000) as { id: number; occurred_at: number }
    const later = Date.UTC(2025, 6, 4) / 1000
    db.prepare('UPDATE billing_lines SET occurred_at = ?, amount_excl_vat_minor = 777 WHERE id = ?').run(later, moved.id)
    db.prepare("INSERT INTO billing_lines (client_organization_id, history_type, occurred_at, description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by) VALUES (10, 'order', ?, 'new', 5000, 810, 405, 'CHF', 'partner')").run(Date.UTC(2024, 8, 9) / 1000)
    refreshBillingRollup(db, { from: moved.occurred_at, to: later })
    expect(fromRollup(db, query).totals).toEqual(naive(db, query).totals)
    expect(fromRollup(db, { ...query, from: '2025-01-01', to: '2025-12-31' }).totals).toEqual(naive(db, { ...query, from: '2025-01-01', to: '2025-12-31' }).totals)
  })

  it('never sums CHF and EUR together and ranks clients by amount within a currency', () => {
    const summary = billingSummary(db, { query: { type: 'all', from: '2023-01-01', to: '2025-12-31', clients: null }, sort: 'amount_desc', limit: 10 })
    expect(summary.totals.map((t) => t.currency)).toEqual(['CHF', 'EUR'])
    expect(summary.clients.rows.map((r) => [r.currency, r.name])).toEqual([
      ['CHF', 'Müller; "Bau" AG'],
      ['EUR', 'Société Générale de Café, SA'],
    ])
  })
})

describe('period presets', () => {
  it('are whole UTC months, quarters and years', () => {
    const now = Date.UTC(2026, 0, 15, 23, 30) / 1000
    expect(presetPeriod('this_month', now)).toEqual({ from: '2026-01-01', to: '2026-01-31' })
    expect(presetPeriod('last_month', now)).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(presetPeriod('this_quarter', now)).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(presetPeriod('last_quarter', now)).toEqual({ from: '2025-10-01', to: '2025-12-31' })
    expect(presetPeriod('this_year', now)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(presetPeriod('last_year', now)).toEqual({ from: '2025-01-01', to: '2025-12-31' })
  })
})
