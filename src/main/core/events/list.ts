import type BetterSqlite3 from 'better-sqlite3'
import type { ParsedInput, PartnershipEventPage, PartnershipEventRow } from '../../../shared/contract'
import type { PartnershipEventKind } from '../../../shared/domain'

interface EventRecord {
  id: number
  partnership_id: number
  client_id: number
  client_name: string
  kind: PartnershipEventKind
  before_json: string | null
  after_json: string | null
  detected_at: number
  seen_at: number | null
}

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>))

/** The changes sync detected, newest first: how a partner learns what its clients changed. */
export function listEvents(db: BetterSqlite3.Database, input: ParsedInput<'events:list'>): PartnershipEventPage {
  const where = input.unseenOnly ? 'WHERE e.seen_at IS NULL' : ''
  const rows = db
    .prepare(
      `SELECT e.id, e.partnership_id, o.id AS client_id, o.name AS client_name, e.kind, e.before_json, e.after_json, e.detected_at, e.seen_at
       FROM partnership_events e JOIN partnerships p ON p.id = e.partnership_id JOIN organizations o ON o.id = p.client_organization_id
       ${where} ORDER BY e.detected_at DESC, e.id DESC LIMIT ? OFFSET ?`,
    )
    .all(input.limit, input.offset) as EventRecord[]
  const counts = db
    .prepare(`SELECT count(*) AS total, count(*) FILTER (WHERE seen_at IS NULL) AS unseen FROM partnership_events e ${where}`)
    .get() as { total: number; unseen: number }
  return {
    total: counts.total,
    unseen: counts.unseen,
    rows: rows.map(
      (row): PartnershipEventRow => ({
        id: row.id,
        partnershipId: row.partnership_id,
        clientId: row.client_id,
        clientName: row.client_name,
        kind: row.kind,
        before: parse(row.before_json),
        after: parse(row.after_json),
        detectedAt: row.detected_at,
        seen: row.seen_at !== null,
      }),
    ),
  }
}

export function markEventsSeen(db: BetterSqlite3.Database, ids: readonly number[] | 'all', now: number): { unseen: number } {
  if (ids === 'all') db.prepare('UPDATE partnership_events SET seen_at = ? WHERE seen_at IS NULL').run(now)
  else db.prepare('UPDATE partnership_events SET seen_at = ? WHERE seen_at IS NULL AND id IN (SELECT value FROM json_each(?))').run(now, JSON.stringify(ids))
  return { unseen: db.prepare('SELECT count(*) FROM partnership_events WHERE seen_at IS NULL').pluck().get() as number }
}
