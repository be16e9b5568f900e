import type BetterSqlite3 from 'better-sqlite3'
import type { EmailReading, TenderDraft } from '../../../../shared/tenders'
import { reindexTender } from '../consult'
import { readPrefs, scoreRevision } from '../prefs'
import { explainScore } from '../score'
import { prepared } from '../statements'
import { NotATender, readPastedTender, readTenderEmail } from './read'

export type EmailSource = { name: string; base64: string } | { name: string; text: string }

/** The tender a draft repeats: the same e-mail, or the same tender in the Manager's link. */
function duplicateOf(db: BetterSqlite3.Database, draft: Pick<TenderDraft, 'key' | 'remoteId'>): number | null {
  const row = prepared(db, 'SELECT id FROM tenders WHERE email_key = ? OR id = ? LIMIT 1').get(draft.key, draft.remoteId ?? 0) as { id: number } | undefined
  return row?.id ?? null
}

/** Reads the messages for the user to confirm; stores nothing. */
export async function readMessages(db: BetterSqlite3.Database, sources: readonly EmailSource[], now: number): Promise<EmailReading> {
  const reading: EmailReading = { drafts: [], problems: [] }
  for (const source of sources) {
    try {
      const draft = 'base64' in source ? await readTenderEmail(Buffer.from(source.base64, 'base64'), now) : readPastedTender(source.text, now)
      // The same message dropped twice in one go is one tender too.
      const earlier = reading.drafts.find((d) => d.key === draft.key || (draft.remoteId !== null && d.remoteId === draft.remoteId))
      if (earlier) reading.problems.push({ name: source.name, message: `the same tender as ${earlier.name}` })
      else reading.drafts.push({ ...draft, name: source.name, duplicateOf: duplicateOf(db, draft) })
    } catch (error) {
      if (!(error instanceof NotATender)) throw error
      reading.problems.push({ name: source.name, message: error.message })
    }
  }
  return reading
}

/**
 * Stores the confirmed drafts in one transaction; one already stored is
 * skipped, not stored twice. A tender the Manager's link names keeps that id
 * (a later sync from the partner endpoint meets the same row); others get
 * negative ids, which no server id can take.
 */
export function addDrafts(db: BetterSqlite3.Database, drafts: readonly TenderDraft[], now: number): { added: number[]; duplicates: number[] } {
  return db.transaction(() => {
    const prefs = readPrefs(db)
    const revision = scoreRevision(db)
    const added: number[] = []
    const duplicates: number[] = []
    for (const draft of drafts) {
      const existing = duplicateOf(db, draft)
      if (existing !== null) {
        duplicates.push(existing)
        continue
      }
      const id = draft.remoteId ?? Math.min(0, (prepared(db, 'SELECT min(id) AS id FROM tenders').get() as { id: number | null }).id ?? 0) - 1
      const score = explainScore({ ...draft, clientSize: null }, prefs, now).computed
      prepared(
        db,
        `INSERT INTO tenders (id, title, category, excerpt, posted_at, valid_until, budget_minor, budget_max_minor, currency, remote_state,
           triage_state, source, email_key, region, language, manager_url, received_at, score, scored_with)
         VALUES (:id, :title, :category, :excerpt, :postedAt, :validUntil, :budgetMin, :budgetMax, :currency, :remoteState,
           'new', 'email', :key, :region, :language, :managerUrl, :now, :score, :revision)`,
      ).run({
        id,
        title: draft.title,
        category: draft.category,
        excerpt: draft.excerpt,
        postedAt: draft.postedAt,
        validUntil: draft.validUntil,
        budgetMin: draft.budgetMin,
        budgetMax: draft.budgetMax,
        currency: draft.currency,
        remoteState: draft.validUntil > now ? 'open' : 'expired',
        key: draft.key,
        region: draft.region,
        language: draft.language,
        managerUrl: draft.managerUrl,
        now,
        score,
        revision,
      })
      reindexTender(db, id)
      added.push(id)
    }
    return { added, duplicates }
  })()
}
