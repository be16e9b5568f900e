import type BetterSqlite3 from 'better-sqlite3'
import { isConsultable, readRaw } from './detail'
import { prepared, TenderRefused } from './statements'

export interface Revealed {
  fullText: string
  contactName: string
  contactEmail: string
  contactPhone: string
}

/** The tender's search document again, after its text changed. */
export function reindexTender(db: BetterSqlite3.Database, id: number): void {
  prepared(db, 'DELETE FROM tenders_fts WHERE rowid = ?').run(id)
  prepared(db, "INSERT INTO tenders_fts (rowid, title, text) SELECT id, title, excerpt || ' ' || coalesce(full_text, '') FROM tenders WHERE id = ?").run(id)
}

/** Why a tender cannot be consulted any more, in words; null when it can. */
export function notConsultable(db: BetterSqlite3.Database, id: number, now: number): string | null {
  const raw = readRaw(db, id)
  if (isConsultable(raw, now)) return null
  if (raw.remote_state === 'deleted' || raw.triage_state === 'withdrawn') return `tender ${id} was withdrawn by the client: it can no longer be consulted; what was seen stays`
  return `tender ${id} expired on ${new Date(raw.valid_until * 1000).toISOString().slice(0, 10)}: it can no longer be consulted; what was seen stays`
}

/**
 * Records what consulting revealed (from the partner endpoint, or copied by
 * the partner from the Manager) and when; a new or shortlisted tender moves
 * to consulted, as a move undo can take back.
 */
export function recordReveal(db: BetterSqlite3.Database, id: number, revealed: Revealed, revealedAt: number, now: number): void {
  const refusal = notConsultable(db, id, now)
  if (refusal) throw new TenderRefused(refusal)
  db.transaction(() => {
    const before = prepared(db, 'SELECT triage_state, decline_reason, snoozed_until, triaged_at, conflict_settled_at FROM tenders WHERE id = ?').get(id) as {
      triage_state: string
    }
    prepared(
      db,
      `UPDATE tenders SET full_text = ?, contact_name = ?, contact_email = ?, contact_phone = ?, revealed_at = coalesce(revealed_at, ?),
         contacts_purged_at = NULL WHERE id = ?`,
    ).run(revealed.fullText, revealed.contactName, revealed.contactEmail, revealed.contactPhone, revealedAt, id)
    if (before.triage_state === 'new' || before.triage_state === 'shortlisted') {
      const after = { ...before, triage_state: 'consulted', triaged_at: now }
      prepared(db, "UPDATE tenders SET triage_state = 'consulted', triaged_at = ? WHERE id = ?").run(now, id)
      prepared(db, 'INSERT INTO tender_moves (tender_id, before_json, after_json, at) VALUES (?, ?, ?, ?)').run(id, JSON.stringify(before), JSON.stringify(after), now)
    }
    reindexTender(db, id)
  })()
}
