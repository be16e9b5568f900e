// Counts beside each filter value: how many clients the value would leave,
// given the search and every other filter (a facet's own choice does not
// narrow its own counts, so the user sees what switching would give).
import { sql, type RawBuilder } from 'kysely'
import type { ClientFilters, Facet, FacetCounts } from '../../../shared/client-filters'
import type { Db } from '../db/kysely'
import { allOf, filterConditions, pendingCondition, renewalCondition, searchCondition } from './filters'

/** The renewal window counted when the user has not picked one. */
export const DEFAULT_RENEWAL_WINDOW = 30
const TAG_VALUES_SHOWN = 40

const VALUE: Record<Exclude<Facet, 'category' | 'tag' | 'staff'>, RawBuilder<string>> = {
  access: sql`p.access_type`,
  payment: sql`p.payment_mode`,
  status: sql`p.status`,
  currency: sql`o.currency`,
}

export async function facetCounts(db: Db, query: string, filters: ClientFilters, now: number): Promise<FacetCounts> {
  const search = searchCondition(query)
  const where = (except: Parameters<typeof filterConditions>[2]) => allOf([...(search ? [search] : []), ...filterConditions(filters, now, except)])
  const base = sql`FROM organizations o JOIN partnerships p ON p.client_organization_id = o.id WHERE o.role = 'client'`
  const grouped = async (facet: Facet): Promise<Array<{ value: string; count: number }>> => {
    let statement: RawBuilder<{ value: string; count: number }>
    if (facet === 'category') {
      statement = sql`SELECT pr.service_name AS value, count(DISTINCT o.id) AS count
        FROM organizations o JOIN partnerships p ON p.client_organization_id = o.id
        JOIN products pr ON pr.owner_organization_id = o.id AND pr.deleted_at IS NULL
        WHERE o.role = 'client' AND ${where(facet)} GROUP BY pr.service_name ORDER BY value`
    } else if (facet === 'tag') {
      statement = sql`SELECT t.name AS value, count(DISTINCT o.id) AS count
        FROM organizations o JOIN partnerships p ON p.client_organization_id = o.id JOIN tags t ON t.organization_id = o.id
        WHERE o.role = 'client' AND ${where(facet)} GROUP BY t.name ORDER BY count DESC, value LIMIT ${TAG_VALUES_SHOWN}`
    } else if (facet === 'staff') {
      statement = sql`SELECT CAST(a.invitation_id AS TEXT) AS value, count(DISTINCT o.id) AS count
        FROM organizations o JOIN partnerships p ON p.client_organization_id = o.id JOIN staff_assignments a ON a.partnership_id = p.id
        WHERE o.role = 'client' AND ${where(facet)} GROUP BY a.invitation_id ORDER BY a.invitation_id`
    } else {
      statement = sql`SELECT ${VALUE[facet]} AS value, count(*) AS count ${base} AND ${where(facet)} AND ${VALUE[facet]} IS NOT NULL GROUP BY 1 ORDER BY 1`
    }
    return (await statement.execute(db)).rows
  }
  const count = async (extra: RawBuilder<boolean>, except: Parameters<typeof filterConditions>[2]): Promise<number> =>
    (await sql<{ n: number }>`SELECT count(*) AS n ${base} AND ${where(except)} AND ${extra}`.execute(db)).rows[0]?.n ?? 0
  const [access, payment, status, category, tag, currency, staff, renewalWithin, pending] = await Promise.all([
    grouped('access'),
    grouped('payment'),
    grouped('status'),
    grouped('category'),
    grouped('tag'),
    grouped('currency'),
    grouped('staff'),
    count(renewalCondition(filters.renewalWithin ?? DEFAULT_RENEWAL_WINDOW, now), 'renewalWithin'),
    count(pendingCondition, 'pending'),
  ])
  return { access, payment, status, category, tag, currency, staff, renewalWithin, pending }
}
