// Which partner endpoints (the app's own contract, docs/remote-api.md) the
// account's server offers. Infomaniak's published API has none of them: a
// real token meets 404 there, which means "not offered", never a failed sync.
// Each family's list is its own probe: the first request a pull makes to it
// either answers or says it is not there, so probing costs no extra call. An
// answer is remembered and asked again at most daily.
import type BetterSqlite3 from 'better-sqlite3'
import { CAPABILITY_FAMILIES, type CapabilityFamily } from '../../../shared/domain'
import { RemoteError } from '../remote/http'

/** How long "not offered" is believed before the family is asked again. */
export const RECHECK_AFTER = 86_400

export interface Capability {
  offered: boolean
  checkedAt: number
}

export type Capabilities = Partial<Record<CapabilityFamily, Capability>>

export function readCapabilities(db: BetterSqlite3.Database): Capabilities {
  const rows = db.prepare('SELECT family, offered, checked_at FROM capabilities').all() as Array<{ family: CapabilityFamily; offered: 0 | 1; checked_at: number }>
  return Object.fromEntries(rows.map((row) => [row.family, { offered: row.offered === 1, checkedAt: row.checked_at }]))
}

/** A family the server said it does not offer, less than a day ago: not asked again yet. */
export function knownAbsent(capabilities: Capabilities, family: CapabilityFamily, now: number): boolean {
  const known = capabilities[family]
  return known !== undefined && !known.offered && now - known.checkedAt < RECHECK_AFTER
}

/**
 * 404, 405 or 501 on a family's first request: the server has no such
 * endpoint. (A 404 on a later page is a list that changed, not an absence.)
 */
export function isNotOffered(error: unknown): boolean {
  if (!(error instanceof RemoteError) || (error.request.page ?? 1) !== 1) return false
  const { failure } = error
  if (failure.kind === 'not_found') return true
  return failure.kind === 'rejected' && (failure.status === 405 || failure.status === 501)
}

/** Written in the merge's transaction, with the rows the answers brought. */
export function writeCapabilities(db: BetterSqlite3.Database, found: Capabilities): void {
  const write = db.prepare(
    `INSERT INTO capabilities (family, offered, checked_at) VALUES (?, ?, ?)
     ON CONFLICT (family) DO UPDATE SET offered = excluded.offered, checked_at = excluded.checked_at`,
  )
  for (const family of CAPABILITY_FAMILIES) {
    const capability = found[family]
    if (capability) write.run(family, capability.offered ? 1 : 0, capability.checkedAt)
  }
}
