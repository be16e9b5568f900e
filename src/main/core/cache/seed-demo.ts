import type BetterSqlite3 from 'better-sqlite3'
import type { DemoProgress, DemoSize } from '../../../shared/contract'
import { refreshBillingRollup } from '../billing/rollup'
import { generateDemo } from '../demo/generate'
import { clearDomainData, insertDemo } from '../demo/insert'
import { rebuildSearchIndex } from '../search/index'
import { writeDataset } from './meta'

/** Same seed every time: every demo install shows the same partner. */
export const DEMO_SEED = 2026

/**
 * Replaces the cache's contents with the demo partner in one transaction:
 * a failure half-way leaves the previous contents whole.
 */
export function seedDemo(db: BetterSqlite3.Database, size: DemoSize, now: number, onProgress: (progress: DemoProgress) => void): void {
  const data = generateDemo(size, { seed: DEMO_SEED, now })
  db.transaction(() => {
    clearDomainData(db)
    insertDemo(db, data, onProgress)
    refreshBillingRollup(db)
    onProgress({ phase: 'index', done: 0, total: 1 })
    rebuildSearchIndex(db)
    writeDataset(db, { kind: 'demo', size })
    onProgress({ phase: 'index', done: 1, total: 1 })
  })()
}
