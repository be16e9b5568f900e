import type BetterSqlite3 from 'better-sqlite3'
import type { TenderTriageState } from '../../../shared/domain'
import type { TenderDetail, TenderMove } from '../../../shared/tenders'
import { readPrefs, readVisits } from './prefs'
import { ROW_COLUMNS, scorable, toRow, type RawRow } from './rows'
import { explainScore } from './score'
import { prepared, TenderRefused } from './statements'

interface RawDetail extends RawRow {
  full_text: string | null
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  revealed_at: number | null
  contacts_purged_at: number | null
  notes: string
  proposal: string
  proposal_sent_at: number | null
  decline_reason: string | null
  score_override_reason: string | null
}

export function readRaw(db: BetterSqlite3.Database, id: number): RawDetail {
  const raw = prepared(
    db,
    `SELECT ${ROW_COLUMNS}, t.full_text, t.contact_name, t.contact_email, t.contact_phone, t.revealed_at, t.contacts_purged_at,
       t.notes, t.proposal, t.proposal_sent_at, t.decline_reason, t.score_override_reason
     FROM tenders t WHERE t.id = :id`,
  ).get({ id, baseline: readVisits(db).baseline }) as RawDetail | undefined
  if (!raw) throw new TenderRefused(`no tender ${id} in the inbox`)
  return raw
}

/** Refuses an id the inbox does not hold, before a read brings the inbox up to date (a refusal writes nothing). */
export function requireTender(db: BetterSqlite3.Database, id: number): void {
  if (!prepared(db, 'SELECT 1 FROM tenders WHERE id = ?').get(id)) throw new TenderRefused(`no tender ${id} in the inbox`)
}

export const isConsultable = (raw: Pick<RawRow, 'remote_state' | 'valid_until' | 'triage_state'>, now: number) =>
  raw.remote_state === 'open' && raw.valid_until > now && raw.triage_state !== 'withdrawn' && raw.triage_state !== 'expired'

export function tenderDetail(db: BetterSqlite3.Database, id: number, now: number): TenderDetail {
  const raw = readRaw(db, id)
  const moves = prepared(
    db,
    `SELECT json_extract(before_json, '$.triage_state') AS "from", json_extract(after_json, '$.triage_state') AS "to", at,
       json_extract(after_json, '$.decline_reason') AS reason
     FROM tender_moves WHERE tender_id = ? AND undone = 0 ORDER BY id`,
  ).all(id) as Array<{ from: TenderTriageState; to: TenderTriageState; at: number; reason: string | null }>
  const contact =
    raw.contact_name === null ? null : { name: raw.contact_name, email: raw.contact_email ?? '', phone: raw.contact_phone ?? '' }
  return {
    ...toRow(raw),
    fullText: raw.full_text,
    contact,
    revealedAt: raw.revealed_at,
    contactsPurgedAt: raw.contacts_purged_at,
    notes: raw.notes,
    proposal: raw.proposal,
    proposalSentAt: raw.proposal_sent_at,
    declineReason: raw.decline_reason,
    explanation: explainScore(scorable(raw), readPrefs(db), now),
    overrideReason: raw.score_override_reason,
    moves: moves.filter((move): move is TenderMove => move.from !== move.to || move.reason !== null).map((m) => ({ ...m, reason: m.to === 'dismissed' ? m.reason : null })),
    consultable: isConsultable(raw, now),
  }
}
