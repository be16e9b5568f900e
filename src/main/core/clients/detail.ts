import type BetterSqlite3 from 'better-sqlite3'
import type { ClientDetail, ClientProduct, ClientTag } from '../../../shared/contract'
import type { ServiceCategory } from '../../../shared/domain'
import type { Db } from '../db/kysely'
import { listClients } from './list'

export class UnknownClient extends Error {}

interface ProductRecord {
  id: number
  service_name: ServiceCategory
  service: string
  customer_name: string
  fqdn: string | null
  expired_at: number | null
  managed_by_partner: 0 | 1
  tag_ids: string
}

/** A client, its tags and its products (live ones, soonest expiry first). */
export async function clientDetail(raw: BetterSqlite3.Database, db: Db, id: number, now: number): Promise<ClientDetail> {
  const partnershipId = raw.prepare('SELECT id FROM partnerships WHERE client_organization_id = ?').pluck().get(id) as number | undefined
  const row = partnershipId === undefined ? undefined : (await listClients(db, { query: '', sort: 'name', direction: 'asc', offset: 0, limit: 1, filters: {} }, now, id)).rows[0]
  if (partnershipId === undefined || !row) throw new UnknownClient(`no client ${id} in the cache`)
  const tags = raw.prepare('SELECT id, name, color FROM tags WHERE organization_id = ? ORDER BY name').all(id) as ClientTag[]
  const products = raw
    .prepare(
      `SELECT p.id, p.service_name, coalesce(p.service, p.service_name) AS service, p.customer_name, p.fqdn, p.expired_at, p.managed_by_partner,
         (SELECT coalesce(json_group_array(tag_id), '[]') FROM product_tags WHERE product_id = p.id) AS tag_ids
       FROM products p WHERE p.owner_organization_id = ? AND p.deleted_at IS NULL ORDER BY p.expired_at IS NULL, p.expired_at, p.id`,
    )
    .all(id) as ProductRecord[]
  const detailsAt = raw.prepare('SELECT details_at FROM organizations WHERE id = ?').pluck().get(id) as number | null
  return {
    client: row,
    partnershipId,
    detailsAt,
    tags,
    products: products.map(
      (p): ClientProduct => ({
        id: p.id,
        service: p.service_name,
        serviceName: p.service,
        name: p.customer_name,
        fqdn: p.fqdn,
        expiredAt: p.expired_at,
        managedByPartner: p.managed_by_partner === 1,
        tagIds: JSON.parse(p.tag_ids) as number[],
      }),
    ),
  }
}
