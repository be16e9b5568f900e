// Migration 3 adds the imports of the Manager's CSV exports: a version-2 cache
// keeps every line, and a full pull that replaces the history keeps the
// imported lines (they are the user's, the server does not have them).
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/core/db/migrate'
import { MIGRATIONS } from '../../../src/main/core/db/migrations'
import { createHistoryStage, replaceHistory } from '../../../src/main/core/sync/history/table'
import { tempDir } from '../../paths'

const [v1, v2, v3] = MIGRATIONS

function versionTwo(): Database.Database {
  const db = new Database(join(tempDir('migration-003'), 'cache.sqlite'))
  db.pragma('foreign_keys = ON')
  migrate(db, [v1, v2])
  db.exec(`INSERT INTO organizations VALUES (2, 'Client AG', 'client ag', 'client', 'company', NULL, 'CHF', 'de_CH', 'Europe/Zurich', 0, 0, NULL);
    INSERT INTO billing_lines VALUES (7, 2, NULL, NULL, 'order', 1700000000, 'synced', 1000, 810, 81, 'CHF', 'customer');`)
  return db
}

const line = (id: number, key: string | null, importId: number | null, at = 1_700_000_100) =>
  `INSERT INTO billing_lines (id, client_organization_id, history_type, occurred_at, description, amount_excl_vat_minor, vat_rate_bp, vat_minor,
     currency, paid_by, import_id, import_key, import_seq) VALUES (${id}, 2, 'order', ${at}, 'imported', 500, 810, 41, 'CHF', 'customer', ${importId}, ${key === null ? 'NULL' : `'${key}'`}, 0)`

describe('migration 3 (billing imports)', () => {
  it('keeps every line of a version-2 cache, as the server sent it', () => {
    const db = versionTwo()
    expect(migrate(db, [v1, v2, v3])).toBe(3)
    expect(db.prepare('SELECT id, import_id, import_key, document_number FROM billing_lines').all()).toEqual([
      { id: 7, import_id: null, import_key: null, document_number: null },
    ])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('allows a natural key once, and names an import that exists', () => {
    const db = versionTwo()
    migrate(db, [v1, v2, v3])
    db.exec(`INSERT INTO billing_imports (id, file_name, sha256, kind, rows, added, unmatched, duplicates, totals_json, imported_at)
      VALUES (1, 'a.csv', '${'0'.repeat(64)}', 'clients', 1, 1, 0, 0, '{}', 0)`)
    db.exec(line(-1, 'k', 1))
    expect(() => db.exec(line(-2, 'k', 1))).toThrow(/UNIQUE/)
    expect(() => db.exec(line(-3, 'other', 42))).toThrow(/FOREIGN KEY/)
  })

  it('a full pull replacing the history keeps the imported lines inside its window', () => {
    const db = versionTwo()
    migrate(db, [v1, v2, v3])
    db.exec(`INSERT INTO billing_imports (id, file_name, sha256, kind, rows, added, unmatched, duplicates, totals_json, imported_at)
      VALUES (1, 'a.csv', '${'0'.repeat(64)}', 'clients', 1, 1, 0, 0, '{}', 0)`)
    db.exec(line(-1, 'k', 1))
    createHistoryStage(db)
    db.transaction(() => replaceHistory(db, 1_600_000_000))()
    // The synced line inside the window is gone (the pull did not list it); the imported one stays, its columns whole.
    expect(db.prepare('SELECT id, import_id, import_key FROM billing_lines ORDER BY id').all()).toEqual([{ id: -1, import_id: 1, import_key: 'k' }])
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'billing_lines'").pluck().get()).toBe(6)
  })
})
