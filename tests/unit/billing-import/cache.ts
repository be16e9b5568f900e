// A small cache for the import tests: the partner, four clients it manages.
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { openCache } from '../../../src/main/core/db/open'
import { tempDir } from '../../paths'

export const FIXTURES = join(__dirname, '../../fixtures/manager-csv')
export const fixture = (name: string) => ({ path: join(FIXTURES, name), name })

export function importCache(path = join(tempDir('billing-import'), 'cache.sqlite')): { db: Database.Database; path: string } {
  const opened = openCache(path)
  if (opened.state !== 'ready') throw new Error(`cache not ready: ${opened.state}`)
  const db = opened.db
  db.exec(`
    INSERT INTO organizations VALUES (1, 'Partner SA', 'partner sa', 'own', 'company', NULL, 'CHF', 'fr_CH', 'Europe/Zurich', 0, 0, NULL);
    INSERT INTO organizations VALUES (101, 'Alpenblick AG', 'alpenblick ag', 'client', 'company', NULL, 'CHF', 'de_CH', 'Europe/Zurich', 0, 0, NULL);
    INSERT INTO organizations VALUES (102, 'Boulangerie Dupont Sàrl', 'boulangerie dupont sarl', 'client', 'company', NULL, 'CHF', 'fr_CH', 'Europe/Zurich', 0, 0, NULL);
    INSERT INTO organizations VALUES (103, 'Ristorante Bellavista', 'ristorante bellavista', 'client', 'company', NULL, 'EUR', 'it_IT', 'Europe/Rome', 0, 0, NULL);
    INSERT INTO partnerships (id, partner_organization_id, client_organization_id, status, access_type, payment_mode, since, currency, updated_at)
      VALUES (1, 1, 101, 'active', 'complete', 'partner', 0, 'CHF', 0), (2, 1, 102, 'active', 'complete', 'customer', 0, 'CHF', 0),
             (3, 1, 103, 'active', 'limited', NULL, 0, 'EUR', 0);
    INSERT INTO billing_lines (id, client_organization_id, product_id, invoice_id, history_type, occurred_at, description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by)
      VALUES (1, 101, NULL, NULL, 'order', 1700000000, 'synced line', 1000, 810, 81, 'CHF', 'partner');
  `)
  return { db, path }
}

/** Every row of the tables an import writes, and billing_lines' indexes (a large import builds some after its rows), to compare a cache before and after. */
export function snapshot(db: Database.Database): unknown {
  return [
    ...['billing_lines', 'billing_imports', 'billing_import_unmatched'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()),
    db.prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'billing_lines' ORDER BY name").all(),
  ]
}
