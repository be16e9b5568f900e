// The partner's earnings per client and month (cashback, income on the
// client's own orders, discounts), beside the kinds the programme's rules
// grant each client under its current access and payment mode.
import type BetterSqlite3 from 'better-sqlite3'
import { EARNING_TYPES, type BillingQuery, type ClientEarnings, type EarningType, type EarningsSummary } from '../../../shared/billing'
import type { AccessType, Currency, PaymentMode } from '../../../shared/domain'
import { earningsPossible } from '../../../shared/earnings-rules'
import { aggregate, monthText } from './aggregate'

const zero = (): Record<EarningType, number> => ({ cashback: 0, income: 0, discount: 0 })
const isEarning = (type: string): type is EarningType => (EARNING_TYPES as readonly string[]).includes(type)

interface Partnership {
  client: number
  access: AccessType
  paymentMode: PaymentMode | null
}

/** The partnership that counts now: the open one, else the last ended. */
export function currentPartnerships(db: BetterSqlite3.Database, clients: number[]): Map<number, Partnership> {
  const rows = db
    .prepare(
      `SELECT client_organization_id AS client, access_type AS access, payment_mode AS paymentMode FROM partnerships
       WHERE client_organization_id IN (SELECT value FROM json_each(?))
       ORDER BY client_organization_id, status = 'ended' DESC, coalesce(until, 1e12), since`,
    )
    .all(JSON.stringify(clients)) as Partnership[]
  // Ordered so that the last row of each client is the one that counts.
  return new Map(rows.map((row) => [row.client, row]))
}

export function earningsSummary(db: BetterSqlite3.Database, query: BillingQuery, limit: number): EarningsSummary {
  const byClient = new Map<string, Omit<ClientEarnings, 'name' | 'access' | 'paymentMode' | 'expected'>>()
  const totals = new Map<Currency, Record<EarningType, number>>()
  for (const sum of aggregate(db, { ...query, type: 'earnings' }, { byClient: true, byMonth: true })) {
    if (!isEarning(sum.type)) continue
    const key = `${sum.client}|${sum.currency}`
    let row = byClient.get(key)
    if (!row) byClient.set(key, (row = { id: sum.client, currency: sum.currency, months: [], total: zero() }))
    const month = monthText(sum.month)
    let entry = row.months.find((m) => m.month === month)
    if (!entry) row.months.push((entry = { month, ...zero() }))
    entry[sum.type] += sum.net
    row.total[sum.type] += sum.net
    let total = totals.get(sum.currency)
    if (!total) totals.set(sum.currency, (total = zero()))
    total[sum.type] += sum.net
  }
  const all = (row: { total: Record<EarningType, number> }) => row.total.cashback + row.total.income + row.total.discount
  const ranked = [...byClient.values()].sort((a, b) => a.currency.localeCompare(b.currency) || all(b) - all(a) || a.id - b.id)
  const page = ranked.slice(0, limit)
  const ids = page.map((row) => row.id)
  const names = new Map((db.prepare('SELECT id, name FROM organizations WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{ id: number; name: string }>).map((r) => [r.id, r.name]))
  const partnerships = currentPartnerships(db, ids)
  return {
    totals: [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sums]) => ({ currency, ...sums })),
    clients: {
      total: ranked.length,
      rows: page.map((row) => {
        const partnership = partnerships.get(row.id)
        const access = partnership ? (partnership.access === 'complete' && partnership.paymentMode ? { type: 'complete' as const, paymentMode: partnership.paymentMode } : { type: 'limited' as const }) : null
        return {
          ...row,
          months: row.months.sort((a, b) => a.month.localeCompare(b.month)),
          name: names.get(row.id) ?? `#${row.id}`,
          access: access?.type ?? null,
          paymentMode: access?.type === 'complete' ? access.paymentMode : null,
          expected: access ? earningsPossible(access) : [],
        }
      }),
    },
  }
}
