// The clients table's filters as SQL conditions on `o` (the client
// organization) and `p` (its partnership), shared by the list and the counts.
import { sql, type RawBuilder } from 'kysely'
import { FACETS, type ClientFilters, type Facet } from '../../../shared/client-filters'
import type { Db } from '../db/kysely'
import { toFtsQuery } from '../search/fts-query'

const DAY = 86_400
/** The outbox states that mean "a change of this client is not on the server yet". */
export const UNSENT_STATES = ['pending', 'in_flight', 'conflict', 'failed'] as const

const list = (values: readonly (string | number)[]) => sql.join(values.map((value) => sql`${value}`))
const live = sql`pr.owner_organization_id = o.id AND pr.deleted_at IS NULL`

/** The condition one facet's chosen values put on a client. */
function facetCondition(facet: Facet, values: readonly (string | number)[]): RawBuilder<boolean> {
  switch (facet) {
    case 'access':
      return sql<boolean>`p.access_type IN (${list(values)})`
    case 'payment':
      return sql<boolean>`p.payment_mode IN (${list(values)})`
    case 'status':
      return sql<boolean>`p.status IN (${list(values)})`
    case 'currency':
      return sql<boolean>`o.currency IN (${list(values)})`
    case 'category':
      return sql<boolean>`EXISTS (SELECT 1 FROM products pr WHERE ${live} AND pr.service_name IN (${list(values)}))`
    case 'tag':
      return sql<boolean>`EXISTS (SELECT 1 FROM tags t WHERE t.organization_id = o.id AND t.name IN (${list(values)}))`
    case 'staff':
      return sql<boolean>`EXISTS (SELECT 1 FROM staff_assignments a WHERE a.partnership_id = p.id AND a.invitation_id IN (${list(values)}))`
  }
}

export const renewalCondition = (days: number, now: number): RawBuilder<boolean> =>
  sql<boolean>`EXISTS (SELECT 1 FROM products pr WHERE ${live} AND pr.expired_at >= ${now} AND pr.expired_at <= ${now + days * DAY})`

export const pendingCondition = sql<boolean>`EXISTS (SELECT 1 FROM outbox ob WHERE ob.client_organization_id = o.id AND ob.state IN (${list(UNSENT_STATES)}))`

/** A search matches the search index (name, VAT, products, tags) or the client's own notes. */
export function searchCondition(query: string): RawBuilder<boolean> | null {
  const match = toFtsQuery(query)
  // Nothing searchable (punctuation alone) filters nothing, as before notes existed.
  if (!match) return null
  const escaped = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return sql<boolean>`(o.id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ${match})
    OR o.id IN (SELECT organization_id FROM client_notes WHERE body LIKE ${escaped} ESCAPE '\\'))`
}

/** Every condition of the filters (all must hold), leaving out one facet's own when counting that facet. */
export function filterConditions(filters: ClientFilters, now: number, except?: Facet | 'renewalWithin' | 'pending'): RawBuilder<boolean>[] {
  const conditions: RawBuilder<boolean>[] = []
  for (const facet of FACETS) {
    const values = filters[facet]
    if (facet !== except && values && values.length > 0) conditions.push(facetCondition(facet, values))
  }
  if (except !== 'renewalWithin' && filters.renewalWithin !== undefined) conditions.push(renewalCondition(filters.renewalWithin, now))
  if (except !== 'pending' && filters.pending) conditions.push(pendingCondition)
  return conditions
}

export const allOf = (conditions: readonly RawBuilder<boolean>[]): RawBuilder<boolean> =>
  conditions.length === 0 ? sql<boolean>`1` : sql<boolean>`${sql.join(conditions, sql` AND `)}`

/** Clients (with their collaboration, `o` and `p`) that the search and filters give: the base of the select-all ids and the access matrix. */
export function filteredClients(db: Db, query: string, filters: ClientFilters, now: number) {
  let filtered = db
    .selectFrom('organizations as o')
    .innerJoin('partnerships as p', 'p.client_organization_id', 'o.id')
    .where('o.role', '=', 'client')
  const search = searchCondition(query)
  if (search) filtered = filtered.where(search)
  for (const condition of filterConditions(filters, now)) filtered = filtered.where(condition)
  return filtered
}
