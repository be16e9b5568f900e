import { sql } from 'kysely'
import type { ClientPage, ClientRow, ParsedInput } from '../../../shared/contract'
import type { Db } from '../db/kysely'
import { toFtsQuery } from '../search/fts-query'

type ListInput = ParsedInput<'clients:list'>

const ORDER = {
  name: sql`o.sort_key`,
  // Clients with nothing expiring sort last in either direction.
  nextExpiry: sql`next_expiry IS NULL, next_expiry`,
  productCount: sql`product_count`,
} as const

/** One page of the clients list, filtered by a search and sorted by a column (or the one client `only`). */
export async function listClients(db: Db, input: ListInput, now: number, only?: number): Promise<ClientPage> {
  const match = toFtsQuery(input.query)
  let filtered = db
    .selectFrom('organizations as o')
    .innerJoin('partnerships as p', 'p.client_organization_id', 'o.id')
    .where('o.role', '=', 'client')
  if (only !== undefined) filtered = filtered.where('o.id', '=', only)
  if (match) filtered = filtered.where(sql<boolean>`o.id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ${match})`)

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
    ])
    .orderBy(sql`${ORDER[input.sort]} ${direction}, o.id ${direction}`)
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
      }),
    ),
  }
}
