// What the renewals due in the next 12 months should earn the partner, per
// month. Each product renewing (not cancelled at expiry, not free, of an
// active collaboration; under limited access only the delegated ones) renews
// at its expiry, then every period it showed (the gap between its last two
// charges; a year if it has one). Its basis is its last charge; the kinds of
// earning follow the programme's rules under the client's current access and
// payment mode, with who placed the last charge read from what it earned;
// each kind's rate is the one the product earned last time, else the
// client's average for that kind.
import type BetterSqlite3 from 'better-sqlite3'
import { EARNING_TYPES, type EarningType, type EarningsOutlook, type OutlookMonth } from '../../../shared/billing'
import type { Access, Currency, PaymentMode } from '../../../shared/domain'
import { earningsFor, type PlacedBy } from '../../../shared/earnings-rules'
import { monthText } from './aggregate'
import { monthCode, monthStartSeconds } from './rollup'

const DAY = 86_400
const YEAR = 365 * DAY
const CHARGES = "('order', 'renewal', 'invoice')"
const EARNINGS = "('cashback', 'income', 'discount')"

interface Due {
  product: number
  client: number
  expiredAt: number
  access: 'limited' | 'complete'
  paymentMode: PaymentMode | null
}

interface Charge {
  at: number
  amount: number
  currency: Currency
}

const nextMonth = (code: number): number => (code % 100 === 12 ? code + 89 : code + 1)

export function earningsOutlook(db: BetterSqlite3.Database, now: number, clients: number[] | null): EarningsOutlook {
  const first = monthCode(now)
  let end = first
  for (let i = 0; i < 12; i++) end = nextMonth(end)
  const until = monthStartSeconds(end)
  const due = db
    .prepare(
      `SELECT p.id AS product, p.owner_organization_id AS client, p.expired_at AS expiredAt, ps.access_type AS access, ps.payment_mode AS paymentMode
       FROM products p JOIN partnerships ps ON ps.client_organization_id = p.owner_organization_id AND ps.status = 'active'
       WHERE p.deleted_at IS NULL AND p.is_free = 0 AND p.renewal_preference <> 'cancel_at_expiry'
         AND p.expired_at >= :now AND p.expired_at < :until
         AND (ps.access_type = 'complete' OR p.id IN (SELECT product_id FROM partnership_products WHERE partnership_id = ps.id))
         ${clients ? 'AND p.owner_organization_id IN (SELECT value FROM json_each(:clients))' : ''}
       ORDER BY p.id`,
    )
    .all({ now, until, ...(clients ? { clients: JSON.stringify(clients) } : {}) }) as Due[]
  const lastCharges = db.prepare(
    `SELECT occurred_at AS at, amount_excl_vat_minor AS amount, currency FROM billing_lines
     WHERE product_id = ? AND history_type IN ${CHARGES} AND amount_excl_vat_minor > 0 ORDER BY occurred_at DESC LIMIT 2`,
  )
  const earnedAt = db.prepare(
    `SELECT history_type AS type, sum(amount_excl_vat_minor) AS amount FROM billing_lines
     WHERE product_id = ? AND occurred_at = ? AND history_type IN ${EARNINGS} GROUP BY history_type`,
  )
  const clientRates = new Map<number, Partial<Record<EarningType, number>>>()
  const months = new Map<string, OutlookMonth>()
  const method = { productsDue: due.length, renewals: 0, withoutHistory: 0, clientRate: 0 }
  for (const item of due) {
    const [last, before] = lastCharges.all(item.product) as Charge[]
    if (!last) {
      method.withoutHistory++
      continue
    }
    const earned = new Map((earnedAt.all(item.product, last.at) as Array<{ type: EarningType; amount: number }>).map((row) => [row.type, row.amount]))
    const access: Access = item.access === 'complete' && item.paymentMode ? { type: 'complete', paymentMode: item.paymentMode } : { type: 'limited' }
    const placedBy: PlacedBy = earned.has('discount') ? 'partner' : earned.has('income') ? 'client' : earned.size > 0 ? 'partner' : item.paymentMode === 'partner' ? 'partner' : 'client'
    const gap = before ? last.at - before.at : 0
    const period = gap >= 25 * DAY && gap <= 400 * DAY ? gap : YEAR
    const rates: Partial<Record<EarningType, number>> = {}
    let fromClient = false
    for (const kind of earningsFor(access, placedBy)) {
      const own = earned.get(kind)
      if (own !== undefined) rates[kind] = own / last.amount
      else {
        const average = averageRates(db, clientRates, item.client)[kind]
        if (average !== undefined) {
          rates[kind] = average
          fromClient = true
        }
      }
    }
    for (let at = item.expiredAt; at < until; at += period) {
      method.renewals++
      if (fromClient) method.clientRate++
      const month = monthText(monthCode(at))
      const key = `${month}|${last.currency}`
      let entry = months.get(key)
      if (!entry) months.set(key, (entry = { month, currency: last.currency, renewals: 0, basisMinor: 0, expected: { cashback: 0, income: 0, discount: 0 } }))
      entry.renewals++
      entry.basisMinor += last.amount
      for (const kind of EARNING_TYPES) if (rates[kind] !== undefined) entry.expected[kind] += Math.round(last.amount * rates[kind])
    }
  }
  return { from: now, months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)), method }
}

/** A client's earning rate per kind over its history: what each kind earned against the charges it was earned on. */
function averageRates(db: BetterSqlite3.Database, cache: Map<number, Partial<Record<EarningType, number>>>, client: number): Partial<Record<EarningType, number>> {
  const known = cache.get(client)
  if (known) return known
  const rows = db
    .prepare(
      `SELECT e.history_type AS type, sum(e.amount_excl_vat_minor) AS earned, sum(c.amount_excl_vat_minor) AS charged
       FROM billing_lines e JOIN billing_lines c ON c.client_organization_id = e.client_organization_id AND c.occurred_at = e.occurred_at
         AND c.product_id = e.product_id AND c.history_type IN ${CHARGES}
       WHERE e.client_organization_id = ? AND e.history_type IN ${EARNINGS} GROUP BY e.history_type`,
    )
    .all(client) as Array<{ type: EarningType; earned: number; charged: number }>
  const rates: Partial<Record<EarningType, number>> = {}
  for (const row of rows) if (row.charged > 0) rates[row.type] = row.earned / row.charged
  cache.set(client, rates)
  return rates
}
