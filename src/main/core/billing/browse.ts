// The billing browser's page: totals per currency, a series per month and
// the clients ranked by amount, for one query.
import type BetterSqlite3 from 'better-sqlite3'
import type { BillingClientTotal, BillingMonth, BillingQuery, BillingSummary, BillingTotals, ClientTotalSort } from '../../../shared/billing'
import type { Currency } from '../../../shared/domain'
import { aggregate, monthText } from './aggregate'

export interface SummaryInput {
  query: BillingQuery
  sort: ClientTotalSort
  limit: number
}

export function billingSummary(db: BetterSqlite3.Database, { query, sort, limit }: SummaryInput): BillingSummary {
  const totals = new Map<Currency, BillingTotals>()
  for (const sum of aggregate(db, query, { byClient: false, byMonth: false })) {
    let total = totals.get(sum.currency)
    if (!total) totals.set(sum.currency, (total = { currency: sum.currency, lines: 0, netMinor: 0, vatMinor: 0, byType: [] }))
    total.lines += sum.lines
    total.netMinor += sum.net
    total.vatMinor += sum.vat
    total.byType.push({ type: sum.type, lines: sum.lines, netMinor: sum.net })
  }
  const months = new Map<string, BillingMonth>()
  for (const sum of aggregate(db, query, { byClient: false, byMonth: true })) {
    const key = `${sum.month}|${sum.currency}`
    const month = months.get(key)
    if (month) month.netMinor += sum.net
    else months.set(key, { month: monthText(sum.month), currency: sum.currency, netMinor: sum.net })
  }
  return {
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)),
    clients: clientTotals(db, query, sort, limit),
  }
}

function clientTotals(db: BetterSqlite3.Database, query: BillingQuery, sort: ClientTotalSort, limit: number): BillingSummary['clients'] {
  const byClient = new Map<string, Omit<BillingClientTotal, 'name'>>()
  for (const sum of aggregate(db, query, { byClient: true, byMonth: false })) {
    const key = `${sum.client}|${sum.currency}`
    const row = byClient.get(key)
    if (row) {
      row.lines += sum.lines
      row.netMinor += sum.net
      row.vatMinor += sum.vat
    } else byClient.set(key, { id: sum.client, currency: sum.currency, lines: sum.lines, netMinor: sum.net, vatMinor: sum.vat })
  }
  const sign = sort === 'amount_desc' ? -1 : 1
  // Amounts in different currencies are not compared as if equal: each currency's clients rank among themselves, CHF first.
  const ranked = [...byClient.values()].sort((a, b) => a.currency.localeCompare(b.currency) || sign * (a.netMinor - b.netMinor) || a.id - b.id)
  const page = ranked.slice(0, limit)
  const names = new Map(
    (db.prepare('SELECT id, name FROM organizations WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(page.map((row) => row.id))) as Array<{ id: number; name: string }>).map(
      (row) => [row.id, row.name],
    ),
  )
  return { total: ranked.length, rows: page.map((row) => ({ ...row, name: names.get(row.id) ?? `#${row.id}` })) }
}
