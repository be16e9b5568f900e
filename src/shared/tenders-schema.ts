// The tender channels' input schemas (zod), apart from tenders.ts so the
// renderer can take the inbox's names and types without bundling zod.
import { z } from 'zod'
import { TENDER_TRIAGE_STATES } from './domain'
import { CLIENT_SIZES, MOVABLE_TO, TENDER_LANGUAGES, TENDER_SOURCES, TENDER_SORTS, SCORE_CRITERIA, type ScoreCriterion } from './tenders'

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
