import type { TenderRow } from '../../../shared/tenders'
import type { Currency, TenderRemoteState, TenderTriageState } from '../../../shared/domain'
import type { ClientSize, TenderLanguage, TenderSource } from '../../../shared/tenders'
import type { Scorable } from './score'

/** Withdrawn while the partner worked on it here, and not settled yet. */
export const CONFLICT = `(t.remote_state = 'deleted' AND t.triaged_at IS NOT NULL AND t.conflict_settled_at IS NULL
  AND t.triage_state IN ('shortlisted', 'consulted', 'proposal_sent'))`

/** The row's columns; `:baseline` is the previous visit (NULL: none, nothing is new). */
export const ROW_COLUMNS = `t.id, t.title, t.category, t.excerpt, t.budget_minor, t.budget_max_minor, t.currency, t.region, t.language,
  t.client_size, t.posted_at, t.valid_until, t.triage_state, t.remote_state, t.source, t.score, t.score_override, t.snoozed_until,
  t.owner, t.manager_url, (t.posted_at > :baseline OR t.received_at > :baseline) AS is_new, ${CONFLICT} AS conflict`

export interface RawRow {
  id: number
  title: string
  category: string
  excerpt: string
  budget_minor: number | null
  budget_max_minor: number | null
  currency: Currency
  region: string | null
  language: TenderLanguage | null
  client_size: ClientSize | null
  posted_at: number
  valid_until: number
  triage_state: TenderTriageState
  remote_state: TenderRemoteState
  source: TenderSource
  score: number | null
  score_override: number | null
  snoozed_until: number | null
  owner: string
  manager_url: string | null
  is_new: number | null
  conflict: number
}

export function toRow(raw: RawRow): TenderRow {
  const low = raw.budget_minor ?? raw.budget_max_minor
  return {
    id: raw.id,
    title: raw.title,
    category: raw.category,
    excerpt: raw.excerpt,
    budget: low === null ? null : { min: low, max: raw.budget_max_minor ?? low, currency: raw.currency },
    region: raw.region,
    language: raw.language,
    postedAt: raw.posted_at,
    validUntil: raw.valid_until,
    state: raw.triage_state,
    remoteState: raw.remote_state,
    source: raw.source,
    score: raw.score_override ?? raw.score,
    scoreOverridden: raw.score_override !== null,
    snoozedUntil: raw.snoozed_until,
    owner: raw.owner,
    isNew: raw.is_new === 1,
    conflict: raw.conflict === 1,
    managerUrl: raw.manager_url,
  }
}

export function scorable(raw: Pick<RawRow, 'category' | 'region' | 'language' | 'client_size' | 'budget_minor' | 'budget_max_minor' | 'currency' | 'valid_until'>): Scorable {
  return {
    category: raw.category,
    region: raw.region,
    language: raw.language,
    clientSize: raw.client_size,
    budgetMin: raw.budget_minor,
    budgetMax: raw.budget_max_minor,
    currency: raw.currency,
    validUntil: raw.valid_until,
  }
}
