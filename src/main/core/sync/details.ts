// An organization's own record (GET /1/accounts/{id}), read one at a time:
// when the user opens a client, and in the background a few a minute. The
// sync never reads it per client (5,000 clients would be 83 minutes at the
// rate limit); the accounts list's summary stands in until then.
import type BetterSqlite3 from 'better-sqlite3'
import { sortKey } from '../db/sort-key'
import { ENDPOINTS } from '../remote/endpoints'
import { type RemoteClient, RemoteError } from '../remote/http'
import type { Account } from '../remote/schemas'

/** The background reads: one every 20 s is 3 a minute, a twentieth of the rate limit. */
export const DETAILS_EVERY_MS = 20_000

/** The next organization whose details were never read: clients first, by id. */
export function nextWithoutDetails(db: BetterSqlite3.Database): number | null {
  const id = db
    .prepare("SELECT id FROM organizations WHERE details_at IS NULL ORDER BY role = 'own', id LIMIT 1")
    .pluck()
    .get() as number | undefined
  return id ?? null
}

/**
 * Reads one organization and writes what it says, in one transaction. An
 * organization the server no longer shows (404: an ended client) is marked
 * read, so the background does not ask again and again.
 */
export async function readDetails(db: BetterSqlite3.Database, client: RemoteClient, id: number, now: number, signal?: AbortSignal): Promise<'read' | 'gone'> {
  let account: Account
  try {
    account = await client.get({ path: ENDPOINTS.account.template, params: { account_id: id } }, { schema: ENDPOINTS.account.answer.shape.data, signal })
  } catch (error) {
    if (!(error instanceof RemoteError) || error.failure.kind !== 'not_found') throw error
    db.prepare('UPDATE organizations SET details_at = ? WHERE id = ?').run(now, id)
    return 'gone'
  }
  writeDetails(db, account, now)
  return 'read'
}

function writeDetails(db: BetterSqlite3.Database, account: Account, now: number): void {
  db.transaction(() => {
    // A field the answer leaves out keeps what the cache knew.
    db.prepare(
      `UPDATE organizations SET name = ?, sort_key = ?, legal_entity_type = ?, locale = ?,
         vat_number = CASE WHEN ? THEN ? ELSE vat_number END, timezone = coalesce(?, timezone), details_at = ?
       WHERE id = ?`,
    ).run(
      account.name,
      sortKey(account.name),
      account.legal_entity_type,
      account.locale,
      account.vat_number === undefined ? 0 : 1,
      account.vat_number ?? null,
      account.timezone ?? null,
      now,
      account.id,
    )
    if (account.addresses != null) {
      db.prepare('DELETE FROM organization_addresses WHERE organization_id = ?').run(account.id)
      const insert = db.prepare('INSERT INTO organization_addresses (organization_id, street, postal_code, city, country, for_invoice) VALUES (?, ?, ?, ?, ?, ?)')
      for (const a of account.addresses) insert.run(account.id, a.street, a.zip, a.city, a.country.short_name, a.for_invoice ? 1 : 0)
    }
    const tag = db.prepare(
      `INSERT INTO tags (id, organization_id, name, color) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color`,
    )
    for (const t of account.tags ?? []) tag.run(t.id, account.id, t.name, t.color)
  }).immediate()
}
