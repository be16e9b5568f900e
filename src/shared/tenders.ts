// The tender inbox's part of the contract: input schemas, answers, and the
// partner's criteria. Kept apart from contract.ts, which names the channels.
import { z } from 'zod'
import type { Currency, TenderRemoteState, TenderTriageState } from './domain'
import { TENDER_TRIAGE_STATES } from './domain'

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

const id = z.number().int().positive()
const tenderId = z.number().int().refine((value) => value !== 0, { message: 'a tender id is never 0' })
const line = (max: number) => z.string().trim().max(max).refine((text) => !/\p{Cc}/u.test(text), { message: 'no control characters' })
const text = (max: number) => z.string().max(max).refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value), { message: 'no control characters' })
const unixSeconds = z.number().int().min(0).max(4_102_444_800)
const minor = z.number().int().min(0).max(1e13)

/** What the inbox shows: a saved view is one of these with a name. */
export const tenderFilterSchema = z
  .object({
    query: z.string().max(200).default(''),
    /** Empty: every state. */
    states: z.array(z.enum(TENDER_TRIAGE_STATES)).max(TENDER_TRIAGE_STATES.length).default([]),
    category: line(64).nullable().default(null),
    region: line(64).nullable().default(null),
    language: z.enum(TENDER_LANGUAGES).nullable().default(null),
    source: z.enum(TENDER_SOURCES).nullable().default(null),
    /** Snoozed tenders stay out of the inbox until their date, unless asked for. */
    showSnoozed: z.boolean().default(false),
    conflictsOnly: z.boolean().default(false),
    sort: z.enum(TENDER_SORTS).default('posted'),
    direction: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict()
export type TenderFilter = z.output<typeof tenderFilterSchema>

export const tenderListInput = tenderFilterSchema
  .extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) })
  .strict()

export const tenderPrefsSchema = z
  .object({
    weights: z.object(Object.fromEntries(SCORE_CRITERIA.map((c) => [c, z.number().int().min(0).max(10)])) as Record<ScoreCriterion, z.ZodNumber>).strict(),
    /** Categories the partner knows how to deliver. */
    skills: z.array(line(64).min(1)).max(50),
    regions: z.array(line(64).min(1)).max(50),
    languages: z.array(z.enum(TENDER_LANGUAGES)).max(5),
    clientSizes: z.array(z.enum(CLIENT_SIZES)).max(3),
    /** Below this budget a tender is not worth it; per currency, never converted. */
    minBudget: z.object({ CHF: minor.nullable(), EUR: minor.nullable() }).strict(),
    /** A vetoed tender scores 0 whatever the rest says. */
    vetoes: z
      .object({
        category: z.boolean(),
        region: z.boolean(),
        language: z.boolean(),
        budget: z.boolean(),
        minDaysLeft: z.number().int().min(0).max(365).nullable(),
      })
      .strict(),
    /** A desktop notice for a new tender scoring at least this; null: none. */
    notifyMinScore: z.number().int().min(0).max(100).nullable(),
    /** Contact details revealed longer ago than this are erased (nLPD/GDPR). */
    retentionDays: z.number().int().min(1).max(3650),
    views: z.array(z.object({ name: line(60).min(1), filter: tenderFilterSchema }).strict()).max(30),
  })
  .strict()
export type TenderPrefs = z.output<typeof tenderPrefsSchema>

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

/** What the partner copied from the Manager's page of the tender. */
export const copiedTenderSchema = z
  .object({
    fullText: text(50_000).refine((value) => value.trim() !== '', { message: 'the tender text is empty' }),
    contactName: line(200).min(1),
    contactEmail: line(320),
    contactPhone: line(60),
  })
  .strict()

/** A tender recognised in an e-mail, as the user confirmed it. */
export const tenderDraftSchema = z
  .object({
    key: line(300).min(1),
    /** The tender's id in the Manager's link, when it has one. */
    remoteId: id.nullable(),
    title: line(300).min(1),
    category: line(64).min(1),
    excerpt: text(20_000),
    budgetMin: minor.nullable(),
    budgetMax: minor.nullable(),
    currency: z.enum(['CHF', 'EUR']),
    region: line(64).nullable(),
    language: z.enum(TENDER_LANGUAGES).nullable(),
    postedAt: unixSeconds,
    validUntil: unixSeconds,
    managerUrl: z.url({ protocol: /^https$/ }).max(2048).nullable(),
  })
  .strict()
  .refine((draft) => draft.budgetMin === null || draft.budgetMax === null || draft.budgetMin <= draft.budgetMax, {
    message: 'the budget range ends below its start',
    path: ['budgetMax'],
  })
export type TenderDraft = z.output<typeof tenderDraftSchema>

/** An e-mail as the renderer read it: its bytes (base64) for a dropped file, or the text pasted. */
export const emailSourceSchema = z.union([
  z.object({ name: line(260).min(1), base64: z.base64().max(8_000_000) }).strict(),
  z.object({ name: line(260).min(1), text: z.string().min(1).max(6_000_000) }).strict(),
])

export const tenderChannelInputs = {
  list: tenderListInput,
  get: z.object({ id: tenderId }).strict(),
  move: z
    .object({ id: tenderId, to: z.enum(MOVABLE_TO), reason: line(500).optional() })
    .strict()
    .refine((move) => move.to !== 'dismissed' || (move.reason ?? '').trim() !== '', { message: 'declining needs a reason', path: ['reason'] }),
  snooze: z.object({ id: tenderId, until: unixSeconds.nullable() }).strict(),
  undo: z.object({}).strict(),
  update: z
    .object({ id: tenderId, owner: line(120).optional(), notes: text(20_000).optional() })
    .strict()
    .refine((update) => update.owner !== undefined || update.notes !== undefined, { message: 'an owner or notes are required' }),
  visit: z.object({}).strict(),
  getPrefs: z.object({}).strict(),
  setPrefs: tenderPrefsSchema.partial().strict(),
  overrideScore: z
    .object({ id: tenderId, score: z.number().int().min(0).max(100).nullable(), reason: line(500).default('') })
    .strict()
    .refine((override) => override.score === null || override.reason !== '', { message: 'an override needs its reason', path: ['reason'] }),
  readEmail: z.object({ messages: z.array(emailSourceSchema).min(1).max(50) }).strict(),
  addFromEmail: z.object({ drafts: z.array(tenderDraftSchema).min(1).max(50) }).strict(),
  consult: z.object({ id: tenderId, copied: copiedTenderSchema.optional() }).strict(),
  purgeContacts: z.object({}).strict(),
  draftProposal: z.object({ id: tenderId, language: z.enum(TENDER_LANGUAGES) }).strict(),
  sendProposal: z.object({ id: tenderId, text: text(10_000).refine((value) => value.trim() !== '', { message: 'the proposal is empty' }) }).strict(),
  resolveConflict: z.object({ id: tenderId, keep: z.enum(['mine', 'withdrawn']) }).strict(),
  takeNotices: z.object({}).strict(),
} as const

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
