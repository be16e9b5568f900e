import type BetterSqlite3 from 'better-sqlite3'
import type { TenderNotice } from '../../../shared/tenders'
import { readPrefs } from './prefs'
import { prepared } from './statements'

/** A burst (a first sync, a folder of e-mails) gives a few notices, not hundreds. */
const AT_MOST = 3
/** Only tenders that reached the inbox lately are news. */
const RECENT = 2 * 86_400

/**
 * The desktop notices due: new, open tenders that reached the inbox lately
 * and score at least the partner's threshold, each once. Every due tender is
 * marked shown, so the next call does not repeat one left out of a burst.
 */
export function takeNotices(db: BetterSqlite3.Database, now: number): TenderNotice[] {
  const { notifyMinScore } = readPrefs(db)
  if (notifyMinScore === null) return []
  return db.transaction(() => {
    const due = prepared(
      db,
      `SELECT id, title FROM tenders
        WHERE notified_at IS NULL AND triage_state = 'new' AND remote_state = 'open' AND valid_until > :now
          AND coalesce(score_override, score) >= :min AND (posted_at > :since OR received_at > :since)
        ORDER BY coalesce(score_override, score) DESC, id DESC`,
    ).all({ now, min: notifyMinScore, since: now - RECENT }) as Array<{ id: number; title: string }>
    const mark = prepared(db, 'UPDATE tenders SET notified_at = ? WHERE id = ?')
    for (const tender of due) mark.run(now, tender.id)
    return due.slice(0, AT_MOST).map((tender) => ({ key: `tender:${tender.id}`, tenderId: tender.id, title: tender.title, route: `tenders/${tender.id}` }))
  })()
}
