// The baseline every load figure is compared with: the same rows, inserted by
// plain prepared statements in one transaction into a fresh cache.
import type Database from 'better-sqlite3'
import { openCache } from '../src/main/core/db/open'
import { DEMO_TABLES_IN_INSERT_ORDER } from '../src/main/core/demo/dataset'
import { time } from './measure'

export interface TableRows {
  table: string
  columns: string[]
  values: unknown[][]
}

export function openReady(path: string): Database.Database {
  const outcome = openCache(path)
  if (outcome.state !== 'ready') throw new Error(`bench: cannot open ${path}: ${outcome.state}`)
  return outcome.db
}

/** Every domain row of `source`, read before any timing starts; generated columns left out (they cannot be inserted). */
export function readRows(source: Database.Database): TableRows[] {
  return DEMO_TABLES_IN_INSERT_ORDER.map((table) => {
    const all = source.prepare('SELECT name, hidden FROM pragma_table_xinfo(?)').all(table) as Array<{ name: string; hidden: number }>
    const columns = all.filter((column) => column.hidden === 0).map((column) => column.name)
    return { table, columns, values: source.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).raw().all() as unknown[][] }
  })
}

/** Milliseconds to insert `rows` into a fresh cache at `path`. */
export function rawInsert(path: string, rows: readonly TableRows[]): number {
  const db = openReady(path)
  const elapsed = time(() =>
    db.transaction(() => {
      for (const { table, columns, values } of rows) {
        const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        for (const row of values) insert.run(row)
      }
    })(),
  )
  db.close()
  return elapsed
}
