// A pull against the local API server, for the sync tests that run it under
// either profile: the real HTTP client, a real cache in a temporary folder.
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { afterEach } from 'vitest'
import { openCache } from '../../../src/main/core/db/open'
import { createRemoteClient, unlimitedRateLimiter } from '../../../src/main/core/remote/http'
import { pull, type PullMode, type PullOptions, type PullSummary } from '../../../src/main/core/sync/pull'
import { type ApiServer, type ServerProfile, startApiServer } from '../../fixtures/api-server'
import { tempDir } from '../../paths'

export const NOW = 1_795_000_000

export interface Harness {
  server: ApiServer
  db: BetterSqlite3.Database
  run(mode: PullMode, options?: Partial<Omit<PullOptions, 'mode' | 'onProgress'>>): Promise<PullSummary>
  count(sql: string, ...params: unknown[]): number
  /** The rows of a query, as arrays. */
  rows(sql: string, ...params: unknown[]): unknown[][]
}

/** Tables a pull writes, to prove a failed one wrote nothing (sync_state included: cursors must not move). */
const WRITTEN = ['organizations', 'organization_addresses', 'partnerships', 'partnership_products', 'products', 'tags', 'product_tags', 'invoices', 'billing_lines', 'tenders', 'partnership_events', 'capabilities', 'sync_state', 'profiles']

/** Everything a pull writes, as one text. */
export function snapshot(db: BetterSqlite3.Database, tables: readonly string[] = WRITTEN): string {
  return JSON.stringify(tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all()))
}

/** A fresh small-demo server of the profile and an empty cache for each test, both closed after it. */
export function usePullHarness(profile: ServerProfile): () => Promise<Harness> {
  const open: Harness[] = []
  afterEach(async () => {
    for (const harness of open.splice(0)) {
      harness.db.close()
      await harness.server.close()
    }
  })
  return async () => {
    const server = await startApiServer({ profile, size: 'small', now: NOW, rateLimit: false })
    const outcome = openCache(join(tempDir(`pull-${profile}`), 'account.sqlite'))
    if (outcome.state !== 'ready') throw new Error(outcome.state)
    const db = outcome.db
    const client = createRemoteClient({
      baseUrl: server.url,
      token: () => server.token,
      rateLimiter: unlimitedRateLimiter,
      timeoutMs: 5_000,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    })
    const harness: Harness = {
      server,
      db,
      run: (mode, options = {}) => pull(db, client, { now: NOW, ...options, mode, onProgress: () => {} }),
      count: (sql, ...params) => db.prepare(sql).pluck().get(...params) as number,
      rows: (sql, ...params) => db.prepare(sql).raw().all(...params) as unknown[][],
    }
    open.push(harness)
    return harness
  }
}
