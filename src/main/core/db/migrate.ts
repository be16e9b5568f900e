import type BetterSqlite3 from 'better-sqlite3'
import { MIGRATIONS } from './migrations'
import type { Migration } from './migrations/migration'

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT`

/** The schema version a file was written with; 0 for a new file. Reads only. */
export function fileSchemaVersion(db: BetterSqlite3.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()
  if (!table) return 0
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number | null }
  return row.version ?? 0
}

/**
 * Applies the missing migrations in order. Each runs in one transaction with
 * its bookkeeping row (Kysely's migrator does not do this on SQLite), so a
 * crash leaves the file at a whole version, never between two.
 */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(BOOKKEEPING)
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  let version = fileSchemaVersion(db)
  for (const migration of migrations) {
    if (migration.version <= version) continue
    db.transaction(() => {
      db.exec(migration.sql)
      record.run(migration.version, migration.name, Math.floor(Date.now() / 1000))
    })()
    version = migration.version
  }
  return version
}
