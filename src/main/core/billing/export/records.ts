// The record of each export (migration 4's `exports`): what was asked, where
// it went, what it held, and its files' fingerprints.
import { rmSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import type { Selectable } from 'kysely'
import type { ExportRecord, ExportSpec, MoneyTotals } from '../../../../shared/billing'
import type { ExportsTable } from '../../db/schema'

type Row = Selectable<ExportsTable>

const toRecord = (row: Row): ExportRecord => ({
  id: row.id,
  spec: JSON.parse(row.spec_json) as ExportSpec,
  files: JSON.parse(row.files_json) as string[],
  state: row.state,
  rows: row.rows,
  totals: JSON.parse(row.totals_json) as MoneyTotals[],
  sha256: JSON.parse(row.sha256_json) as string[],
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  dataAsOf: row.data_as_of,
  error: row.error,
})

/** When the billing history was last brought in: the last sync that read it; null for the demo or an import alone. */
export function billingAsOf(db: BetterSqlite3.Database): number | null {
  const row = db.prepare("SELECT max(coalesce(last_full_at, 0), coalesce(last_incremental_at, 0)) AS at FROM sync_state WHERE resource = 'billing'").get() as { at: number } | undefined
  return row && row.at > 0 ? row.at : null
}

export function beginRecord(db: BetterSqlite3.Database, spec: ExportSpec, target: string, now: number): number {
  return Number(
    db
      .prepare("INSERT INTO exports (spec_json, files_json, state, started_at, data_as_of) VALUES (?, ?, 'running', ?, ?)")
      .run(JSON.stringify({ ...spec, target }), JSON.stringify([target]), now, billingAsOf(db)).lastInsertRowid,
  )
}

/** The temporary files under way, so a stop mid-export (a kill) can be cleaned at the next open. */
export function noteTemporary(db: BetterSqlite3.Database, id: number, temporary: string[]): void {
  db.prepare('UPDATE exports SET temp_json = ? WHERE id = ?').run(JSON.stringify(temporary), id)
}

export function finishRecord(
  db: BetterSqlite3.Database,
  id: number,
  outcome: { state: 'done'; files: string[]; rows: number; totals: MoneyTotals[]; sha256: string[] } | { state: 'cancelled' | 'failed'; error: string | null },
  now: number,
): void {
  if (outcome.state === 'done') {
    db.prepare("UPDATE exports SET state = 'done', files_json = ?, temp_json = '[]', rows = ?, totals_json = ?, sha256_json = ?, finished_at = ? WHERE id = ?").run(
      JSON.stringify(outcome.files),
      outcome.rows,
      JSON.stringify(outcome.totals),
      JSON.stringify(outcome.sha256),
      now,
      id,
    )
  } else {
    db.prepare("UPDATE exports SET state = ?, files_json = '[]', temp_json = '[]', error = ?, finished_at = ? WHERE id = ?").run(outcome.state, outcome.error, now, id)
  }
}

/** The spec and the target path chosen for it (kept inside spec_json, for a re-export). */
export function readRecord(db: BetterSqlite3.Database, id: number): (ExportRecord & { target: string }) | null {
  const row = db.prepare('SELECT * FROM exports WHERE id = ?').get(id) as Row | undefined
  if (!row) return null
  const record = toRecord(row)
  const { target, ...spec } = record.spec as ExportSpec & { target: string }
  return { ...record, spec, target }
}

export function listRecords(db: BetterSqlite3.Database, limit: number): ExportRecord[] {
  return (db.prepare('SELECT * FROM exports ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map((row) => {
    const record = toRecord(row)
    const { target: _target, ...spec } = record.spec as ExportSpec & { target?: string }
    return { ...record, spec }
  })
}

/** After a stop mid-export (the app killed): its temporary files go, and the record says it was interrupted. */
export function recoverInterrupted(db: BetterSqlite3.Database, now: number): void {
  const running = db.prepare("SELECT id, temp_json FROM exports WHERE state = 'running'").all() as Array<{ id: number; temp_json: string }>
  for (const { id, temp_json } of running) {
    for (const file of JSON.parse(temp_json) as string[]) rmSync(file, { force: true })
    db.prepare("UPDATE exports SET state = 'interrupted', files_json = '[]', temp_json = '[]', error = 'the app stopped during the export', finished_at = ? WHERE id = ?").run(now, id)
  }
}
