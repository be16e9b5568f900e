import type BetterSqlite3 from 'better-sqlite3'
import { MIGRATIONS } from './migrations'
import type { Migration, WidenedCheck } from './migrations/migration'

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
      if (migration.widenChecks) widenChecks(db, migration.widenChecks)
      db.exec(migration.sql)
      record.run(migration.version, migration.name, Math.floor(Date.now() / 1000))
    })()
    version = migration.version
  }
  return version
}

/**
 * Edits the stored CREATE TABLE text in place (see Migration.widenChecks).
 * better-sqlite3 guards the schema table (SQLite's defensive mode); the guard
 * is lifted for these statements only, and each edit must hit exactly one
 * place, or the migration's transaction rolls back.
 */
function widenChecks(db: BetterSqlite3.Database, checks: readonly WidenedCheck[]): void {
  db.unsafeMode(true)
  try {
    db.pragma('writable_schema = ON')
    const read = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck()
    const write = db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?")
    for (const { table, from, to } of checks) {
      const sql = read.get(table) as string | undefined
      const at = sql?.indexOf(from) ?? -1
      if (sql === undefined || at < 0 || sql.indexOf(from, at + 1) >= 0) {
        throw new Error(`migration: the CHECK to widen on ${table} is not found exactly once: ${from}`)
      }
      write.run(sql.slice(0, at) + to + sql.slice(at + from.length), table)
    }
    // A new schema version makes every connection read the edited text again.
    db.pragma(`schema_version = ${(db.pragma('schema_version', { simple: true }) as number) + 1}`)
    db.pragma('writable_schema = RESET')
  } finally {
    db.unsafeMode(false)
  }
}
