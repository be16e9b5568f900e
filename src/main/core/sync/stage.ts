// A pull writes each page into TEMP staging tables (one transaction per page,
// prepared statements), and only the final merge touches the cache, in one
// transaction. So a failed, cancelled or killed sync leaves the cache and its
// cursors exactly as they were: TEMP tables die with the connection. (The
// billing history is staged in the cache file instead: history/table.ts.)
import type BetterSqlite3 from 'better-sqlite3'

/** Staged copies of the tables a pull fills, with the cache's own columns. */
const STAGED = {
  organizations: 'id, name, sort_key, role, legal_entity_type, vat_number, currency, locale, timezone, created_at, synced_at',
  organization_addresses: 'organization_id, street, postal_code, city, country, for_invoice',
  legal_representatives: 'organization_id, first_name, last_name, email',
  partnerships:
    'id, partner_organization_id, client_organization_id, status, access_type, payment_mode, since, until, incomes_minor, discounts_minor, total_paid_minor, total_paid_base_price_minor, currency, updated_at, remote_id',
  partnership_products: 'partnership_id, product_id',
  products:
    'id, owner_organization_id, service_id, service_name, internal_name, customer_name, fqdn, managed_by_partner, payer_organization_id, created_at, expired_at, deleted_at, is_free, is_trial, renewal_preference, right_technical, right_statistic, right_check, right_sale, service',
  tags: 'id, organization_id, name, color',
  product_tags: 'product_id, tag_id',
  invoices: 'id, organization_id, number, issued_at, status, total_excl_vat_minor, vat_minor, currency',
  tenders: 'id, title, category, excerpt, posted_at, valid_until, budget_minor, currency, remote_state',
} as const

export type StagedTable = keyof typeof STAGED

export const stagedColumns = (table: StagedTable): string => STAGED[table]

/**
 * The big lists, staged keyed by id: they come by id, so pages append, and
 * the merge reads them in key order without sorting (each id comes once: the
 * page checks refuse a listing that repeats one). The billing history, the
 * biggest, is staged apart: see history/table.ts.
 */
const KEYED: ReadonlySet<StagedTable> = new Set(['invoices'])

/** Creates (or empties) every staging table. */
export function resetStaging(db: BetterSqlite3.Database): void {
  for (const [table, columns] of Object.entries(STAGED) as [StagedTable, string][]) {
    const create = KEYED.has(table)
      ? `CREATE TEMP TABLE IF NOT EXISTS stage_${table} (${columns.replace(/^id, /, 'id INTEGER PRIMARY KEY, ')})`
      : `CREATE TEMP TABLE IF NOT EXISTS stage_${table} AS SELECT ${columns} FROM main.${table} WHERE 0`
    db.exec(`${create}; DELETE FROM temp.stage_${table};`)
  }
}

export function dropStaging(db: BetterSqlite3.Database): void {
  for (const table of Object.keys(STAGED)) db.exec(`DROP TABLE IF EXISTS temp.stage_${table}`)
}

/** A prepared insert into one staging table, positional in the column order above. */
export function stager(db: BetterSqlite3.Database, table: StagedTable): BetterSqlite3.Statement {
  const columns = STAGED[table].split(', ')
  return db.prepare(`INSERT INTO temp.stage_${table} (${STAGED[table]}) VALUES (${columns.map(() => '?').join(', ')})`)
}
