import type BetterSqlite3 from 'better-sqlite3'
import { readPrefs, scoreRevision } from './prefs'
import { scorable, type RawRow } from './rows'
import { explainScore } from './score'
import { prepared } from './statements'

// What time and the server change without the partner doing anything:
// validity ends, clients withdraw, scores drift as deadlines near, revealed
// contacts pass their retention. Brought up to date before the inbox is read,
// at most once a minute unless something was written meanwhile (a sync on
// this connection, an import): the triage keys must not pay for it.

const RESCORE_EVERY = 3600
const RECHECK_EVERY = 60

const swept = new WeakMap<BetterSqlite3.Database, { at: number; changes: number }>()

const totalChanges = (db: BetterSqlite3.Database) => prepared(db, 'SELECT total_changes() AS n').get() as { n: number }

/** Marks the inbox current after a write of the tender code itself (it keeps what it writes in step). */
export function keepSwept(db: BetterSqlite3.Database): void {
  const last = swept.get(db)
  if (last) last.changes = totalChanges(db).n
}

export function sweepIfDue(db: BetterSqlite3.Database, now: number): void {
  const last = swept.get(db)
  if (last && now - last.at < RECHECK_EVERY && totalChanges(db).n === last.changes) return
  sweep(db, now)
  swept.set(db, { at: now, changes: totalChanges(db).n })
}

export function sweep(db: BetterSqlite3.Database, now: number): void {
  db.transaction(() => {
    // Nobody answered before the end of its validity (or the server says it expired).
    prepared(
      db,
      `UPDATE tenders SET triage_state = 'expired'
        WHERE triage_state IN ('new', 'shortlisted', 'consulted') AND (valid_until <= ? OR remote_state = 'expired')`,
    ).run(now)
    // Withdrawn by the client: a tender the partner never worked on here simply follows; one it did is a conflict to settle (rows.ts).
    prepared(
      db,
      `UPDATE tenders SET triage_state = 'withdrawn'
        WHERE triage_state IN ('new', 'shortlisted', 'consulted', 'proposal_sent') AND remote_state = 'deleted'
          AND (triaged_at IS NULL OR triage_state = 'new')`,
    ).run()
    purgeContacts(db, now)
    rescore(db, now)
  })()
}

/** Erases contact details revealed longer ago than the retention; nothing else. Returns how many tenders it touched. */
export function purgeContacts(db: BetterSqlite3.Database, now: number): number {
  const cutoff = now - readPrefs(db).retentionDays * 86_400
  return prepared(
    db,
    `UPDATE tenders SET contact_name = NULL, contact_email = NULL, contact_phone = NULL, contacts_purged_at = ?
      WHERE revealed_at IS NOT NULL AND revealed_at <= ? AND (contact_name IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL)`,
  ).run(now, cutoff).changes
}

/** Scores the tenders scored with older criteria, and all open ones again every hour (deadlines near). */
function rescore(db: BetterSqlite3.Database, now: number): void {
  const revision = scoreRevision(db)
  const lastFull = prepared(db, "SELECT value_json FROM tender_prefs WHERE key = 'scored_at'").get() as { value_json: string } | undefined
  const full = lastFull === undefined || now - Number(lastFull.value_json) >= RESCORE_EVERY
  const rows = prepared(
    db,
    `SELECT id, category, region, language, client_size, budget_minor, budget_max_minor, currency, valid_until FROM tenders
      WHERE scored_with IS NOT ? OR (? AND triage_state IN ('new', 'shortlisted', 'consulted', 'proposal_sent'))`,
  ).all(revision, full ? 1 : 0) as Array<Pick<RawRow, 'id' | 'category' | 'region' | 'language' | 'client_size' | 'budget_minor' | 'budget_max_minor' | 'currency' | 'valid_until'>>
  if (rows.length === 0 && !full) return
  const prefs = readPrefs(db)
  const update = prepared(db, 'UPDATE tenders SET score = ?, scored_with = ? WHERE id = ?')
  for (const row of rows) update.run(explainScore(scorable(row), prefs, now).computed, revision, row.id)
  if (full) {
    prepared(db, "INSERT INTO tender_prefs (key, value_json) VALUES ('scored_at', ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json").run(
      String(now),
    )
  }
}
