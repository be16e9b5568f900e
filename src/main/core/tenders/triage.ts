import type BetterSqlite3 from 'better-sqlite3'
import type { TenderTriageState } from '../../../shared/domain'
import type { MovableState } from '../../../shared/tenders'
import { readRaw } from './detail'
import { prepared, TenderRefused } from './statements'

// The pipeline's moves. Each records what it replaced, so undo puts back
// exactly that (state, reason, snooze), last move first.

interface Pipeline {
  triage_state: TenderTriageState
  decline_reason: string | null
  snoozed_until: number | null
  triaged_at: number | null
  conflict_settled_at: number | null
}

const PIPELINE_COLUMNS = 'triage_state, decline_reason, snoozed_until, triaged_at, conflict_settled_at'

function pipeline(db: BetterSqlite3.Database, id: number): Pipeline {
  readRaw(db, id)
  return prepared(db, `SELECT ${PIPELINE_COLUMNS} FROM tenders WHERE id = ?`).get(id) as Pipeline
}

function apply(db: BetterSqlite3.Database, id: number, before: Pipeline, after: Pipeline, now: number): void {
  prepared(
    db,
    `UPDATE tenders SET triage_state = :triage_state, decline_reason = :decline_reason, snoozed_until = :snoozed_until,
       triaged_at = :triaged_at, conflict_settled_at = :conflict_settled_at WHERE id = :id`,
  ).run({ ...after, id })
  prepared(db, 'INSERT INTO tender_moves (tender_id, before_json, after_json, at) VALUES (?, ?, ?, ?)').run(
    id,
    JSON.stringify(before),
    JSON.stringify(after),
    now,
  )
}

const GONE: Partial<Record<TenderTriageState, string>> = {
  withdrawn: 'the client withdrew it',
  expired: 'its validity ended',
}

export function moveTender(db: BetterSqlite3.Database, id: number, to: MovableState, reason: string | undefined, now: number): void {
  db.transaction(() => {
    const before = pipeline(db, id)
    const from = before.triage_state
    const gone = GONE[from]
    if (gone) throw new TenderRefused(`tender ${id} cannot move to ${to}: ${gone}`)
    if (to === 'proposal_sent' && !['consulted', 'proposal_sent'].includes(from)) {
      throw new TenderRefused(`tender ${id}: a proposal follows consulting the tender (it is ${from})`)
    }
    if ((to === 'won' || to === 'lost') && from !== 'proposal_sent') {
      throw new TenderRefused(`tender ${id}: only a tender with a proposal sent can be won or lost (it is ${from})`)
    }
    if (from === to && to !== 'dismissed') return
    apply(db, id, before, { ...before, triage_state: to, decline_reason: to === 'dismissed' ? (reason ?? '').trim() : null, triaged_at: now }, now)
  })()
}

/** Snoozed out of the inbox until `until` (never past the tender's validity); null wakes it now. */
export function snoozeTender(db: BetterSqlite3.Database, id: number, until: number | null, now: number): void {
  db.transaction(() => {
    const before = pipeline(db, id)
    if (until !== null) {
      const { valid_until } = readRaw(db, id)
      if (until <= now) throw new TenderRefused(`tender ${id}: a snooze ends in the future`)
      if (until > valid_until) throw new TenderRefused(`tender ${id}: a snooze cannot end after the tender's validity`)
    }
    apply(db, id, before, { ...before, snoozed_until: until, triaged_at: now }, now)
  })()
}

/** The client withdrew a tender the partner worked on: keep the partner's state as history, or take the withdrawal. */
export function resolveConflict(db: BetterSqlite3.Database, id: number, keep: 'mine' | 'withdrawn', now: number): void {
  db.transaction(() => {
    const before = pipeline(db, id)
    const { remote_state } = readRaw(db, id)
    if (remote_state !== 'deleted' || before.conflict_settled_at !== null) throw new TenderRefused(`tender ${id} has no conflict to settle`)
    const after = keep === 'mine' ? { ...before, conflict_settled_at: now } : { ...before, triage_state: 'withdrawn' as const, conflict_settled_at: now }
    apply(db, id, before, after, now)
  })()
}

/** Undoes the last move not undone yet; returns the tender it concerned. */
export function undoLastMove(db: BetterSqlite3.Database): number {
  return db.transaction(() => {
    const last = prepared(db, 'SELECT id, tender_id, before_json FROM tender_moves WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as
      | { id: number; tender_id: number; before_json: string }
      | undefined
    if (!last) throw new TenderRefused('nothing to undo')
    const before = JSON.parse(last.before_json) as Pipeline
    prepared(
      db,
      `UPDATE tenders SET triage_state = :triage_state, decline_reason = :decline_reason, snoozed_until = :snoozed_until,
         triaged_at = :triaged_at, conflict_settled_at = :conflict_settled_at WHERE id = :id`,
    ).run({ ...before, id: last.tender_id })
    prepared(db, 'UPDATE tender_moves SET undone = 1 WHERE id = ?').run(last.id)
    return last.tender_id
  })()
}

export function updateTender(db: BetterSqlite3.Database, id: number, change: { owner?: string; notes?: string }): void {
  readRaw(db, id)
  if (change.owner !== undefined) prepared(db, 'UPDATE tenders SET owner = ? WHERE id = ?').run(change.owner, id)
  if (change.notes !== undefined) prepared(db, 'UPDATE tenders SET notes = ? WHERE id = ?').run(change.notes, id)
}

export function overrideScore(db: BetterSqlite3.Database, id: number, score: number | null, reason: string): void {
  readRaw(db, id)
  prepared(db, 'UPDATE tenders SET score_override = ?, score_override_reason = ? WHERE id = ?').run(score, score === null ? null : reason, id)
}
