import { DEMO_SIZES, type Dataset } from '../../../shared/contract'
import type BetterSqlite3 from 'better-sqlite3'

// What the cache holds is recorded in the file itself, so whoever opens it
// (app, CLI, tests) labels demo data as demo.

export function readDataset(db: BetterSqlite3.Database): Dataset {
  const row = db.prepare("SELECT value FROM cache_meta WHERE key = 'dataset'").get() as { value: string } | undefined
  if (row?.value === 'account') return { kind: 'account' }
  const size = row?.value.startsWith('demo:') ? row.value.slice('demo:'.length) : undefined
  const demoSize = DEMO_SIZES.find((known) => known === size)
  return demoSize ? { kind: 'demo', size: demoSize } : { kind: 'empty' }
}

export function writeDataset(db: BetterSqlite3.Database, dataset: Dataset): void {
  const value = dataset.kind === 'demo' ? `demo:${dataset.size}` : dataset.kind
  db.prepare("INSERT INTO cache_meta (key, value) VALUES ('dataset', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(value)
}
