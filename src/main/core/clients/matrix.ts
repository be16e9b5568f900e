// Where the partner may act: each client against each service category.
// Complete access covers the whole organization (DOMAIN.md); limited access
// only the categories of the products the client delegated; a collaboration
// that is not active gives nothing.
import { sql } from 'kysely'
import type { AccessMatrix, MatrixCell } from '../../../shared/contract'
import type { ClientFilters } from '../../../shared/client-filters'
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../shared/domain'
import type { Db } from '../db/kysely'
import { filteredClients } from './filters'

export async function accessMatrix(db: Db, query: string, filters: ClientFilters, now: number): Promise<AccessMatrix> {
  const filtered = filteredClients(db, query, filters, now)
  const rows = await filtered
    .select(['o.id', 'o.name', 'p.access_type', 'p.status'])
    .orderBy('o.sort_key')
    .orderBy('o.id')
    .execute()
  // The delegated categories of every active limited client in one grouped pass
  // (a subquery per client cost 6× more at 5,000 clients).
  const delegatedRows = await sql<{ owner: number; service: ServiceCategory }>`
    SELECT pr.owner_organization_id AS owner, pr.service_name AS service FROM products pr
    WHERE pr.deleted_at IS NULL AND pr.managed_by_partner = 1 AND pr.owner_organization_id IN (
      SELECT client_organization_id FROM partnerships WHERE access_type = 'limited' AND status = 'active')
    GROUP BY 1, 2`.execute(db)
  const delegated = new Map<number, ServiceCategory[]>()
  for (const { owner, service } of delegatedRows.rows) delegated.set(owner, [...(delegated.get(owner) ?? []), service])
  const categories = [...SERVICE_CATEGORIES]
  const none: MatrixCell[] = categories.map(() => 'none')
  const complete: MatrixCell[] = categories.map(() => 'complete')
  const index = new Map<string, number>(categories.map((category, i) => [category, i]))
  return {
    categories,
    rows: rows.map((row) => {
      let cells = none
      if (row.status === 'active' && row.access_type === 'complete') cells = complete
      else if (row.status === 'active' && delegated.has(row.id)) {
        cells = [...none]
        for (const category of delegated.get(row.id)!) {
          const at = index.get(category)
          if (at !== undefined) cells[at] = 'limited'
        }
      }
      return { id: row.id, name: row.name, accessType: row.access_type, cells }
    }),
  }
}
