import type { ClientFilters } from '../../../shared/client-filters'
import type { Db } from '../db/kysely'
import { filterConditions, searchCondition } from './filters'

/** The ids of every client the search and filters give, in name order (select all). */
export async function listClientIds(db: Db, query: string, filters: ClientFilters, now: number): Promise<number[]> {
  let filtered = db
    .selectFrom('organizations as o')
    .innerJoin('partnerships as p', 'p.client_organization_id', 'o.id')
    .where('o.role', '=', 'client')
  const search = searchCondition(query)
  if (search) filtered = filtered.where(search)
  for (const condition of filterConditions(filters, now)) filtered = filtered.where(condition)
  return (await filtered.select('o.id').orderBy('o.sort_key').orderBy('o.id').execute()).map((row) => row.id)
}
