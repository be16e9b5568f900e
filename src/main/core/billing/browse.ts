// The billing browser's page: totals per currency, a series per month and
// the clients ranked by amount, for one query.
import type BetterSqlite3 from 'better-sqlite3'
import type { BillingClientTotal, BillingMonth, BillingQuery, BillingSummary, BillingTotals, ClientTotalSort } from '../../../shared/billing'
import type { Currency } from '../../../shared/domain'
import { aggregate, monthText, rankedClients } from './aggregate'

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
  // Amounts in different currencies are not compared as if equal: each currency's clients rank among themselves, CHF first.
  const { total, rows } = rankedClients(db, query, sort === 'amount_desc' ? 'DESC' : 'ASC', limit)
  const names = new Map(
    (db.prepare('SELECT id, name FROM organizations WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(rows.map((row) => row.id))) as Array<{ id: number; name: string }>).map(
      (row) => [row.id, row.name],
    ),
  )
  return {
    total,
    rows: rows.map((row): BillingClientTotal => ({ id: row.id, name: names.get(row.id) ?? `#${row.id}`, currency: row.currency, lines: row.lines, netMinor: row.net, vatMinor: row.vat })),
  }
}
