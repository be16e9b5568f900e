// Migration 2 widens two CHECK constraints in place (see Migration.widenChecks)
// and adds what the published API brings. A cache written by version 1 keeps
// every row, and nothing moves.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/core/db/migrate'
import { MIGRATIONS } from '../../../src/main/core/db/migrations'
import type { Migration } from '../../../src/main/core/db/migrations/migration'
import { tempDir } from '../../paths'

const [v1, v2] = MIGRATIONS

function versionOne(): Database.Database {
  const db = new Database(join(tempDir('migration-002'), 'cache.sqlite'))
  db.pragma('foreign_keys = ON')
  migrate(db, [v1])
  db.exec(`INSERT INTO organizations VALUES (1, 'Partner SA', 'partner sa', 'own', 'company', NULL, 'CHF', 'fr_CH', 'Europe/Zurich', 0, 0);
    INSERT INTO organizations VALUES (2, 'Client AG', 'client ag', 'client', 'company', NULL, 'CHF', 'de_CH', 'Europe/Zurich', 0, 0);
    INSERT INTO products (id, owner_organization_id, service_id, service_name, internal_name, customer_name, managed_by_partner, created_at,
      renewal_preference, right_technical, right_statistic, right_check, right_sale)
      VALUES (10, 2, 1, 'kdrive', 'drive-1', 'Team drive', 1, 0, 'automatic', 1, 1, 1, 0);
    INSERT INTO tags VALUES (5, 2, 'VIP', 255);
    INSERT INTO product_tags VALUES (10, 5);`)
  return db
}

const product = (db: Database.Database, id: number, service: string) =>
  db
    .prepare(
      `INSERT INTO products (id, owner_organization_id, service_id, service_name, internal_name, customer_name, managed_by_partner, created_at,
         renewal_preference, right_technical, right_statistic, right_check, right_sale, service)
       VALUES (?, 2, 9, ?, 'x', 'x', 1, 0, 'automatic', 0, 0, 0, 0, ?)`,
    )
    .run(id, service, service)

describe('migration 2 (public API)', () => {
  it('keeps every row of a version-1 cache and names old products by their category', () => {
    const db = versionOne()
    expect(migrate(db, [v1, v2])).toBe(2)
    expect(db.prepare('SELECT id, service_name, service FROM products').all()).toEqual([{ id: 10, service_name: 'kdrive', service: 'kdrive' }])
    expect(db.prepare('SELECT count(*) FROM product_tags').pluck().get()).toBe(1)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('accepts the new categories and legal entity type, and still refuses the unknown', () => {
    const db = versionOne()
    expect(() => db.prepare("UPDATE products SET service_name = 'other' WHERE id = 10").run()).toThrow(/CHECK constraint failed/)
    migrate(db, [v1, v2])
    product(db, 11, 'other')
    product(db, 12, 'streaming')
    product(db, 13, 'server')
    expect(() => product(db, 14, 'radio')).toThrow(/CHECK constraint failed/)
    db.prepare("UPDATE organizations SET legal_entity_type = 'restrict' WHERE id = 2").run()
    expect(() => db.prepare("UPDATE organizations SET legal_entity_type = 'club' WHERE id = 2").run()).toThrow(/CHECK constraint failed/)
  })

  it('remembers capabilities by family only', () => {
    const db = versionOne()
    migrate(db, [v1, v2])
    db.prepare("INSERT INTO capabilities VALUES ('tenders', 0, 1)").run()
    expect(() => db.prepare("INSERT INTO capabilities VALUES ('weather', 0, 1)").run()).toThrow(/CHECK constraint failed/)
  })

  it('rolls back whole when a constraint to widen is not where it is expected', () => {
    const db = versionOne()
    const broken: Migration = {
      ...v2,
      widenChecks: [...(v2.widenChecks ?? []), { table: 'tags', from: "color IN ('red')", to: "color IN ('red', 'blue')" }],
    }
    expect(() => migrate(db, [v1, broken])).toThrow(/not found exactly once/)
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(1)
    expect(() => db.prepare("UPDATE products SET service_name = 'other' WHERE id = 10").run()).toThrow(/CHECK constraint failed/)
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('products') WHERE name = 'service'").pluck().get()).toBe(0)
  })
})
