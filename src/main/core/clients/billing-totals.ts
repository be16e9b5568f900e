// The 12-month billing of a client, in ONE place: today an aggregate over
// billing_lines read from the index billing_lines_client_amounts alone
// (migration 7: client, date, type, currency, amount); a monthly rollup can
// replace these fragments without touching their callers.
import { sql, type RawBuilder } from 'kysely'

const DAY = 86_400
/** The last 12 months: 365 days back from now. */
export const billingSince = (now: number): number => now - 365 * DAY

/** What the client was charged: orders, renewals, usage invoices, less refunds (not the partner's earnings). */
export const CHARGE_TYPES = ['invoice', 'order', 'renewal', 'refund'] as const
/** What the partner earned on the client. */
export const EARNING_TYPES = ['cashback', 'income', 'discount'] as const

const inList = (types: readonly string[]) => sql.join(types.map((type) => sql.lit(type)))

/**
 * The client's charges of the last 12 months, one `{currency, amountMinor}`
 * per currency, as a JSON array text (CHF and EUR are never summed).
 * `clientId` is the SQL expression of the client organization's id.
 */
export function billing12mJson(clientId: RawBuilder<unknown>, now: number): RawBuilder<string> {
  return sql<string>`(SELECT coalesce(json_group_array(json_object('currency', currency, 'amountMinor', total)), '[]') FROM (
    SELECT b.currency, sum(b.amount_excl_vat_minor) AS total FROM billing_lines b
    WHERE b.client_organization_id = ${clientId} AND b.occurred_at >= ${billingSince(now)}
      AND b.history_type IN (${inList(CHARGE_TYPES)}) GROUP BY b.currency ORDER BY b.currency))`
}

/** The sort key by 12-month billing: the amount in the client's own currency (the list sorts by currency first). */
export function billing12mSortKey(clientId: RawBuilder<unknown>, currency: RawBuilder<unknown>, now: number): RawBuilder<number> {
  return sql<number>`coalesce((SELECT sum(b.amount_excl_vat_minor) FROM billing_lines b
    WHERE b.client_organization_id = ${clientId} AND b.currency = ${currency} AND b.occurred_at >= ${billingSince(now)}
      AND b.history_type IN (${inList(CHARGE_TYPES)})), 0)`
}

/** The same totals for one client as plain SQL (the client page, the impact preview): `kinds` says charges or earnings. */
export const BILLING_12M_BY_CURRENCY = (kinds: 'charges' | 'earnings'): string =>
  `SELECT currency, sum(amount_excl_vat_minor) AS amountMinor FROM billing_lines
   WHERE client_organization_id = ? AND occurred_at >= ?
     AND history_type IN (${(kinds === 'charges' ? CHARGE_TYPES : EARNING_TYPES).map((t) => `'${t}'`).join(', ')})
   GROUP BY currency ORDER BY currency`
