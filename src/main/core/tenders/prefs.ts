import type BetterSqlite3 from 'better-sqlite3'
import { DEFAULT_TENDER_PREFS, type TenderPrefs } from '../../../shared/tenders'
import { tenderPrefsSchema } from '../../../shared/tenders-schema'
import { prepared } from './statements'

// The partner's criteria, views and retention live in the cache beside the
// tenders they score (one account's criteria are not another's).

const READ = 'SELECT value_json FROM tender_prefs WHERE key = ?'
const WRITE = 'INSERT INTO tender_prefs (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json'

function readKey(db: BetterSqlite3.Database, key: string): unknown {
  const row = prepared(db, READ).get(key) as { value_json: string } | undefined
  return row === undefined ? undefined : JSON.parse(row.value_json)
}

function writeKey(db: BetterSqlite3.Database, key: string, value: unknown): void {
  prepared(db, WRITE).run(key, JSON.stringify(value))
}

/** Stored criteria, each field checked on its own: one a later version no longer understands falls back to its default alone. */
export function readPrefs(db: BetterSqlite3.Database): TenderPrefs {
  const stored = readKey(db, 'prefs')
  if (typeof stored !== 'object' || stored === null) return DEFAULT_TENDER_PREFS
  const shape = tenderPrefsSchema.shape
  const prefs: Record<string, unknown> = { ...DEFAULT_TENDER_PREFS }
  for (const [key, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse((stored as Record<string, unknown>)[key])
    if (parsed.success) prefs[key] = parsed.data
  }
  return prefs as TenderPrefs
}

/** Saves some criteria; a change to what the score reads makes every score due again. */
export function writePrefs(db: BetterSqlite3.Database, change: Partial<TenderPrefs>): TenderPrefs {
  return db.transaction(() => {
    const prefs = { ...readPrefs(db), ...change }
    writeKey(db, 'prefs', prefs)
    const scoring = ['weights', 'skills', 'regions', 'languages', 'clientSizes', 'minBudget', 'vetoes'] as const
    if (scoring.some((key) => key in change)) writeKey(db, 'score_revision', scoreRevision(db) + 1)
    return prefs
  })()
}

/** Bumped whenever the criteria change: a tender scored with an older one is scored again. */
export function scoreRevision(db: BetterSqlite3.Database): number {
  const value = readKey(db, 'score_revision')
  return typeof value === 'number' && Number.isInteger(value) ? value : 1
}

export interface Visits {
  /** The visit before this one: tenders stored after it are "new". */
  baseline: number | null
  last: number | null
}

export function readVisits(db: BetterSqlite3.Database): Visits {
  const value = readKey(db, 'visits') as Partial<Visits> | undefined
  const at = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null)
  return { baseline: at(value?.baseline), last: at(value?.last) }
}

/** A new visit: what arrived since the previous one stays marked new until the next. */
export function recordVisit(db: BetterSqlite3.Database, now: number): Visits {
  const visits = { baseline: readVisits(db).last, last: now }
  writeKey(db, 'visits', visits)
  return visits
}
