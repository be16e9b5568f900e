// Watches a cache the core owns from a read-only connection of the test's
// own: `version` moves whenever the core commits anything (SQLite's
// data_version counts other connections' commits), and `hash` digests every
// table's rows, to prove a refused call wrote nothing at all.
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'

export class CacheWatch {
  private readonly db: Database.Database

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true })
  }

  version(): number {
    return this.db.pragma('data_version', { simple: true }) as number
  }

  /** Every stored table's rows in one read transaction; the search indexes by their shadow tables. */
  hash(): string {
    const digest = createHash('sha256')
    this.db.exec('BEGIN')
    try {
      const tables = this.db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
        .pluck()
        .all() as string[]
      for (const table of tables) {
        digest.update(`\u0000${table}\u0000`)
        for (const row of this.db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
          for (const cell of row) digest.update(cell instanceof Buffer ? cell : `${typeof cell}:${String(cell)}\u0001`)
        }
      }
    } finally {
      this.db.exec('COMMIT')
    }
    return digest.digest('hex')
  }

  /** The first column of each row, for what the test wants to know of the data. */
  query<T>(sql: string): T[] {
    return this.db.prepare(sql).pluck().all() as T[]
  }

  close(): void {
    this.db.close()
  }
}
