// The partner's notes on a client: kept in the cache only, never sent.
import type BetterSqlite3 from 'better-sqlite3'
import { UnknownClient } from './detail'
import { reindexClients } from '../search/index'

export function setNote(db: BetterSqlite3.Database, clientId: number, body: string, now: number): { body: string; updatedAt: number } {
  return db.transaction(() => {
    if (!db.prepare("SELECT 1 FROM organizations WHERE id = ? AND role = 'client'").get(clientId)) throw new UnknownClient(`no client ${clientId} in the cache`)
    db.prepare(
      `INSERT INTO client_notes (organization_id, body, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (organization_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
    ).run(clientId, body, now)
    reindexClients(db, [clientId])
    return { body, updatedAt: now }
  })()
}
