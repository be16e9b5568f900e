import { sql } from 'kysely'
import type { ClientPage, ClientRow, ParsedInput } from '../../../shared/contract'
import type { Money } from '../../../shared/money'
import type { Db } from '../db/kysely'
import { billing12mJson, billing12mSortKey } from './billing-totals'
import { filterConditions, searchCondition } from './filters'

type ListInput = ParsedInput<'clients:list'>

/** One page of the clients list, filtered and searched, sorted by a column (or the one client `only`). */
export async function listClients(db: Db, input: ListInput, now: number, only?: number): Promise<ClientPage> {
  const order = {
    name: sql`o.sort_key`,
    // Clients with nothing expiring sort last in either direction.
    nextExpiry: sql`next_expiry IS NULL, next_expiry`,
    productCount: sql`product_count`,
    // CHF and EUR are never compared: one currency's clients, then the other's.
    billing12m: sql`o.currency, ${billing12mSortKey(sql`o.id`, sql`o.currency`, now)}`,
  }[input.sort]
  let filtered = db
    .selectFrom('organizations as o')
    .innerJoin('partnerships as p', 'p.client_organization_id', 'o.id')
    .where('o.role', '=', 'client')
  if (only !== undefined) filtered = filtered.where('o.id', '=', only)
  const search = searchCondition(input.query)
  if (search) filtered = filtered.where(search)
  for (const condition of filterConditions(input.filters, now)) filtered = filtered.where(condition)

  const direction = input.direction === 'asc' ? sql`ASC` : sql`DESC`
  const rows = await filtered
    .select([
      'o.id',
      'o.name',
      'o.vat_number',
      'o.currency',
      'p.status',
      'p.access_type',
      'p.payment_mode',
      sql<number>`(SELECT count(*) FROM products pr WHERE pr.owner_organization_id = o.id AND pr.deleted_at IS NULL)`.as('product_count'),
      sql<number | null>`(SELECT min(pr.expired_at) FROM products pr
        WHERE pr.owner_organization_id = o.id AND pr.deleted_at IS NULL AND pr.expired_at >= ${now})`.as('next_expiry'),
      sql<string>`(SELECT json_group_array(t.name) FROM (SELECT name FROM tags WHERE organization_id = o.id ORDER BY name) t)`.as('tags'),
      billing12mJson(sql`o.id`, now).as('billing'),
    ])
    .orderBy(sql`${order} ${direction}, o.id ${direction}`)
    .limit(input.limit)
    .offset(input.offset)
    .execute()

  const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()

  return {
    total,
    offset: input.offset,
    rows: rows.map(
      (row): ClientRow => ({
        id: row.id,
        name: row.name,
        vatNumber: row.vat_number,
        currency: row.currency,
        status: row.status,
        accessType: row.access_type,
        paymentMode: row.payment_mode,
        productCount: row.product_count,
        nextExpiry: row.next_expiry,
        tags: JSON.parse(row.tags) as string[],
        billing12m: (JSON.parse(row.billing) as Array<{ currency: Money['currency']; amountMinor: number }>).map((m) => ({ minor: m.amountMinor, currency: m.currency })),
      }),
    ),
  }
}
