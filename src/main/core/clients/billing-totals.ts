// The 12-month billing of a client, in ONE place: the whole months from the
// monthly charges (billing_client_charges, migration 8), plus the lines of
// the month the year starts in, read from the index
// billing_lines_client_amounts alone (migration 7). Exactly the sum over the
// lines since a year ago, from about a dozen entries a client instead of a
// hundred lines.
import { sql, type RawBuilder } from 'kysely'
import { CHARGE_TYPES, EARNING_TYPES } from '../../../shared/billing'
import { monthCode, monthStartSeconds, nextMonthCode } from '../billing/rollup'

const DAY = 86_400
/** The last 12 months: 365 days back from now. */
export const billingSince = (now: number): number => now - 365 * DAY

const inList = (types: readonly string[]) => sql.join(types.map((type) => sql.lit(type)))

/** The client's charges since a year ago, one row per month and currency, as a `(currency, amount)` source. */
function chargesSince(clientId: RawBuilder<unknown>, now: number, currency?: RawBuilder<unknown>): RawBuilder<unknown> {
  const since = billingSince(now)
  const firstMonth = monthCode(since)
  const inCurrency = (column: RawBuilder<unknown>) => (currency ? sql`AND ${column} = ${currency}` : sql``)
  return sql`SELECT m.currency, m.net_minor AS amount FROM billing_client_charges m
      WHERE m.client_organization_id = ${clientId} AND m.period > ${firstMonth} ${inCurrency(sql`m.currency`)}
    UNION ALL
    SELECT b.currency, b.amount_excl_vat_minor FROM billing_lines b
      WHERE b.client_organization_id = ${clientId} AND b.occurred_at >= ${since} AND b.occurred_at < ${monthStartSeconds(nextMonthCode(firstMonth))}
        AND b.history_type IN (${inList(CHARGE_TYPES)}) ${inCurrency(sql`b.currency`)}`
}

/**
 * The client's charges of the last 12 months, one `{currency, amountMinor}`
 * per currency, as a JSON array text (CHF and EUR are never summed).
 * `clientId` is the SQL expression of the client organization's id.
 */
export function billing12mJson(clientId: RawBuilder<unknown>, now: number): RawBuilder<string> {
  return sql<string>`(SELECT coalesce(json_group_array(json_object('currency', currency, 'amountMinor', total)), '[]') FROM (
    SELECT currency, sum(amount) AS total FROM (${chargesSince(clientId, now)}) GROUP BY currency ORDER BY currency))`
}

/** The sort key by 12-month billing: the amount in the client's own currency (the list sorts by currency first). */
export function billing12mSortKey(clientId: RawBuilder<unknown>, currency: RawBuilder<unknown>, now: number): RawBuilder<number> {
  return sql<number>`coalesce((SELECT sum(amount) FROM (${chargesSince(clientId, now, currency)})), 0)`
}

/** The same totals for one client as plain SQL (the client page, the impact preview): `kinds` says charges or earnings. */
export const BILLING_12M_BY_CURRENCY = (kinds: 'charges' | 'earnings'): string =>
  `SELECT currency, sum(amount_excl_vat_minor) AS amountMinor FROM billing_lines
   WHERE client_organization_id = ? AND occurred_at >= ?
     AND history_type IN (${(kinds === 'charges' ? CHARGE_TYPES : EARNING_TYPES).map((t) => `'${t}'`).join(', ')})
   GROUP BY currency ORDER BY currency`
