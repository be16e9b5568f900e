// The tender inbox's part of the contract: its names, answers and the
// partner's criteria (the input schemas are in tenders-schema.ts). No zod, so
// the renderer can import it. Kept apart from contract.ts, which names the channels.
import type { Currency, TenderRemoteState, TenderTriageState } from './domain'
import type { TenderDraft, TenderPrefs } from './tenders-schema'

export type { TenderDraft, TenderFilter, TenderPrefs } from './tenders-schema'

export const TENDER_LANGUAGES = ['en', 'fr', 'de', 'it', 'es'] as const
export type TenderLanguage = (typeof TENDER_LANGUAGES)[number]

export const CLIENT_SIZES = ['small', 'medium', 'large'] as const
export type ClientSize = (typeof CLIENT_SIZES)[number]

export const TENDER_SOURCES = ['sync', 'email'] as const
export type TenderSource = (typeof TENDER_SOURCES)[number]

/** The pipeline's states a tender is still being worked in. */
export const ACTIVE_TRIAGE_STATES = ['new', 'shortlisted', 'consulted', 'proposal_sent'] as const satisfies readonly TenderTriageState[]

/** Where the partner may move a tender by hand; consulted comes from consulting, withdrawn and expired from the client and the clock. */
export const MOVABLE_TO = ['new', 'shortlisted', 'proposal_sent', 'won', 'lost', 'dismissed'] as const satisfies readonly TenderTriageState[]
export type MovableState = (typeof MOVABLE_TO)[number]

export const TENDER_SORTS = ['posted', 'validUntil', 'score', 'budget'] as const
export type TenderSort = (typeof TENDER_SORTS)[number]

export const SCORE_CRITERIA = ['budget', 'category', 'region', 'language', 'deadline', 'clientSize'] as const
export type ScoreCriterion = (typeof SCORE_CRITERIA)[number]


export const DEFAULT_TENDER_PREFS: TenderPrefs = {
  weights: { budget: 3, category: 5, region: 2, language: 2, deadline: 2, clientSize: 1 },
  skills: [],
  regions: [],
  languages: [],
  clientSizes: [],
  minBudget: { CHF: null, EUR: null },
  vetoes: { category: false, region: false, language: false, budget: false, minDaysLeft: null },
  notifyMinScore: 70,
  retentionDays: 365,
  views: [],
}


export interface TenderBudget {
  /** Minor units; min = max for a single figure. */
  min: number
  max: number
  currency: Currency
}

export interface TenderRow {
  id: number
  title: string
  category: string
  excerpt: string
  budget: TenderBudget | null
  region: string | null
  language: TenderLanguage | null
  /** Unix seconds. */
  postedAt: number
  validUntil: number
  state: TenderTriageState
  remoteState: TenderRemoteState
  source: TenderSource
  /** The override when there is one, else the computed score. */
  score: number | null
  scoreOverridden: boolean
  snoozedUntil: number | null
  owner: string
  /** Stored after the partner's last visit to the inbox. */
  isNew: boolean
  /** The client withdrew it while the partner worked on it, and the partner has not settled that yet. */
  conflict: boolean
  managerUrl: string | null
}

export interface TenderPage {
  total: number
  offset: number
  rows: TenderRow[]
  newSinceVisit: number
  lastVisitAt: number | null
  /** The core's clock when it answered, for the countdowns. */
  now: number
}

export interface ScorePart {
  criterion: ScoreCriterion
  weight: number
  /** 0..1; null: the tender does not say (counted as half). */
  fit: number | null
  points: number
}

export interface ScoreExplanation {
  computed: number
  parts: ScorePart[]
  vetoes: ScoreCriterion[]
}

export interface TenderMove {
  from: TenderTriageState
  to: TenderTriageState
  at: number
  reason: string | null
}

export interface TenderDetail extends TenderRow {
  fullText: string | null
  contact: { name: string; email: string; phone: string } | null
  revealedAt: number | null
  contactsPurgedAt: number | null
  notes: string
  proposal: string
  proposalSentAt: number | null
  declineReason: string | null
  explanation: ScoreExplanation
  overrideReason: string | null
  moves: TenderMove[]
  /** Still valid and not withdrawn: the Manager can show it. */
  consultable: boolean
}

export interface EmailReading {
  drafts: Array<TenderDraft & { name: string; duplicateOf: number | null }>
  problems: Array<{ name: string; message: string }>
}

export interface TenderNotice {
  key: string
  tenderId: number
  title: string
  route: string
}

export type ProposalSending = { via: 'outbox' } | { via: 'clipboard'; managerUrl: string }
