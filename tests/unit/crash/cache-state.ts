// What a crashed sync left in its cache, read the way the app's next start
// reads it: better-sqlite3 opens the file read-write, so a WAL left by the
// killed process is recovered (committed frames kept, the rest dropped).
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { AccountRegistry } from '../../../src/main/accounts/registry'
import { HISTORY_STAGE } from '../../../src/main/core/sync/history/table'

/** Every table a pull writes rows to, and its cursors. */
export const PULLED_TABLES = [
  'organizations',
  'partnerships',
  'partnership_products',
  'products',
  'tags',
  'product_tags',
  'invoices',
  'billing_lines',
  'tenders',
  'partnership_events',
  'sync_state',
] as const
export type PulledTable = (typeof PULLED_TABLES)[number]

export interface SyncStateRow {
  resource: string
  cursor: string | null
  last_total: number | null
  last_full_at: number | null
}

export interface CacheState {
  /** `PRAGMA integrity_check`'s verdict; 'ok' for a cache not created yet. */
  integrity: string
  /** In the cache's own tables. */
  foreignKeyViolations: number
  /** A killed pull's staged billing history is still in the file. */
  staged: boolean
  counts: Record<PulledTable, number>
  /** A SHA-256 of each table's rows in key order: equal digests, equal contents. */
  digests: Record<PulledTable, string>
  cursors: SyncStateRow[]
}

/** The account's cache file; null while the registry does not list it (killed before it was added). */
export function cachePathOf(dataDir: string, label: string): string | null {
  const registry = new AccountRegistry(dataDir)
  const account = registry.findByLabel(label)
  return account === undefined ? null : registry.cachePath(account.id)
}

/**
 * A missing file, or one killed before its schema was created, reads as
 * empty tables: that is what the app shows for it.
 */
export function readCache(path: string | null): CacheState {
  const db = path !== null && existsSync(path) ? new Database(path) : null
  try {
    const exists = (table: string) =>
      db !== null && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined
    const rows = (table: PulledTable): unknown[][] => (exists(table) && db ? (db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all() as unknown[][]) : [])
    const counts = {} as Record<PulledTable, number>
    const digests = {} as Record<PulledTable, string>
    for (const table of PULLED_TABLES) {
      const all = rows(table)
      counts[table] = all.length
      digests[table] = createHash('sha256').update(JSON.stringify(all)).digest('hex')
    }
    return {
      integrity: db === null ? 'ok' : (db.pragma('integrity_check', { simple: true }) as string),
      // The billing history a killed pull staged is not the cache's yet (it names clients the merge never wrote): the app drops it
      // when it opens the file next, and `staged` says whether it is there.
      foreignKeyViolations: db === null ? 0 : (db.pragma('foreign_key_check') as Array<{ table: string }>).filter((row) => row.table !== HISTORY_STAGE).length,
      staged: exists(HISTORY_STAGE),
      counts,
      digests,
      cursors:
        exists('sync_state') && db
          ? (db.prepare('SELECT resource, cursor, last_total, last_full_at FROM sync_state ORDER BY resource').all() as SyncStateRow[])
          : [],
    }
  } finally {
    db?.close()
  }
}

/** The tables whose contents differ between two reads. */
export function changedTables(before: CacheState, after: CacheState, tables: readonly PulledTable[] = PULLED_TABLES): PulledTable[] {
  return tables.filter((table) => before.digests[table] !== after.digests[table])
}
