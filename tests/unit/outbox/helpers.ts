import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { openCache } from '../../../src/main/core/db/open'
import { createRemoteClient, unlimitedRateLimiter, type RemoteClient } from '../../../src/main/core/remote/http'
import { recoverInFlight, rebase } from '../../../src/main/core/outbox/store'
import { pull } from '../../../src/main/core/sync/pull'
import type { ApiServer } from '../../fixtures/api-server'

export const NOW = 1_795_000_000

export function openAccountCache(path: string): BetterSqlite3.Database {
  const outcome = openCache(path)
  if (outcome.state !== 'ready') throw new Error(`cannot open ${path}: ${outcome.state}`)
  // As the core does at every open.
  recoverInFlight(outcome.db)
  return outcome.db
}

export function clientFor(server: ApiServer): RemoteClient {
  return createRemoteClient({
    baseUrl: server.url,
    token: () => server.token,
    rateLimiter: unlimitedRateLimiter,
    timeoutMs: 2_000,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
  })
}

export async function syncOnce(db: BetterSqlite3.Database, client: RemoteClient): Promise<void> {
  await pull(db, client, { mode: 'full', now: NOW, onProgress: () => {}, afterMerge: (merged) => rebase(merged, NOW) })
}

export const cachePath = (dir: string) => join(dir, 'account.sqlite')

export function partnerIdOf(db: BetterSqlite3.Database): number {
  return Number(db.prepare("SELECT value FROM cache_meta WHERE key = 'partner_id'").pluck().get())
}

/** A client organization with products, under complete access (tags are its own). */
export function someClients(db: BetterSqlite3.Database, count: number): Array<{ organizationId: number; productIds: number[] }> {
  const ids = db
    .prepare(
      `SELECT o.id FROM organizations o JOIN partnerships p ON p.client_organization_id = o.id
       WHERE o.role = 'client' AND p.status = 'active' AND (SELECT count(*) FROM products WHERE owner_organization_id = o.id) >= 2
       ORDER BY o.id LIMIT ?`,
    )
    .pluck()
    .all(count) as number[]
  return ids.map((organizationId) => ({
    organizationId,
    productIds: db.prepare('SELECT id FROM products WHERE owner_organization_id = ? ORDER BY id LIMIT 3').pluck().all(organizationId) as number[],
  }))
}
