import { sql, type RawBuilder } from 'kysely'
import type { ClientPage, ClientRow, ParsedInput } from '../../../shared/contract'
import type { Money } from '../../../shared/money'
import type { Db } from '../db/kysely'
import { billing12mJson, billing12mSortKey } from './billing-totals'
import { filteredClients } from './filters'

type ListInput = ParsedInput<'clients:list'>

const productCount = sql<number>`(SELECT count(*) FROM products pr WHERE pr.owner_organization_id = o.id AND pr.deleted_at IS NULL)`
const nextExpiry = (now: number) =>
  sql<number | null>`(SELECT min(pr.expired_at) FROM products pr WHERE pr.owner_organization_id = o.id AND pr.deleted_at IS NULL AND pr.expired_at >= ${now})`

/**
 * One page of the clients list, filtered and searched, sorted by a column (or
 * the one client `only`). Two queries: the page's collaborations in order,
 * then the columns of just those. In one query, SQLite would compute every
 * column (tags, 12-month billing…) of every row it sorts, not only of the
 * hundred it keeps.
 */
export async function listClients(db: Db, input: ListInput, now: number, only?: number): Promise<ClientPage> {
  let filtered = filteredClients(db, input.query, input.filters, now)
  if (only !== undefined) filtered = filtered.where('o.id', '=', only)

  const key: RawBuilder<unknown> = {
    name: sql`o.sort_key`,
    nextExpiry: nextExpiry(now),
    productCount,
    billing12m: billing12mSortKey(sql`o.id`, sql`o.currency`, now),
  }[input.sort]
  const direction = input.direction === 'asc' ? sql`ASC` : sql`DESC`
  const order = {
    name: sql`sort_value ${direction}`,
    // Clients with nothing expiring sort last in either direction.
    nextExpiry: sql`sort_value IS NULL, sort_value ${direction}`,
    productCount: sql`sort_value ${direction}`,
    // CHF and EUR are never compared: one currency's clients, then the other's.
    billing12m: sql`o.currency, sort_value ${direction}`,
  }[input.sort]
  const page = await filtered
    .select(['p.id', key.as('sort_value')])
    .orderBy(sql`${order}, o.id ${direction}`)
    .limit(input.limit)
    .offset(input.offset)
    .execute()
  const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  if (page.length === 0) return { total, offset: input.offset, rows: [] }

  const rows = await db
    .selectFrom('organizations as o')
    .innerJoin('partnerships as p', 'p.client_organization_id', 'o.id')
    .where('p.id', 'in', page.map((row) => row.id))
    .select([
      'p.id as partnership_id',
      'o.id',
      'o.name',
      'o.vat_number',
      'o.currency',
      'p.status',
      'p.access_type',
      'p.payment_mode',
      productCount.as('product_count'),
      nextExpiry(now).as('next_expiry'),
      sql<string>`(SELECT json_group_array(t.name) FROM (SELECT name FROM tags WHERE organization_id = o.id ORDER BY name) t)`.as('tags'),
      billing12mJson(sql`o.id`, now).as('billing'),
    ])
    .execute()
  const byPartnership = new Map(rows.map((row) => [row.partnership_id, row]))

  return {
    total,
    offset: input.offset,
    // A collaboration that a write between the two queries removed is left out, not shown half-read.
    rows: page.flatMap(({ id }): ClientRow[] => {
      const row = byPartnership.get(id)
      if (!row) return []
      return [{
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
      }]
    }),
  }
}
