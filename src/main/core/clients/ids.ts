import type { ClientFilters } from '../../../shared/client-filters'
import type { Db } from '../db/kysely'
import { filteredClients } from './filters'

/** The ids of every client the search and filters give, in name order (select all). */
export async function listClientIds(db: Db, query: string, filters: ClientFilters, now: number): Promise<number[]> {
  const filtered = filteredClients(db, query, filters, now)
  return (await filtered.select('o.id').orderBy('o.sort_key').orderBy('o.id').execute()).map((row) => row.id)
}
