// The one IPC contract. Main registers handlers from it, the preload exposes
// exactly its channels and events, the renderer gets a typed client from it,
// and the CLI and the browser-test bridge go through the same dispatcher.
import { z } from 'zod'
import { BASE_URL_PROBLEMS, baseUrlProblem } from './base-url'
import { newChangeSchema, type Change } from './changes'
import { clientFiltersSchema } from './client-filters-schema'
import type { Money } from './money'
import type { FacetCounts } from './client-filters'
import type {
  AccessType,
  CapabilityFamily,
  Currency,
  LegalEntityType,
  OutboxState,
  PartnershipEventKind,
  PartnershipStatus,
  PaymentMode,
  RenewalPreference,
  ServiceCategory,
} from './domain'
import type { AppError, Result } from './result'
import type { DataSet, SyncedList } from './data-sets'
import type { BRIDGE_BRAND, Channel, EventName } from './channels'
import { settingsSchema } from './settings-schema'
import type { BillingSummary, EarningsOutlook, EarningsSummary, ExportFinished, ExportProgress, ExportRecord } from './billing'
import { billingQuerySchema, billingSummaryInput, exportSpecSchema } from './billing-schema'
import { IMPORT_FIELDS, type ChosenFile, type ImportOutcome, type ImportPreview, type ImportProgress, type ImportRecord, type UnmatchedLine } from './billing-import'
import { HISTORY_TYPES } from './domain'
import { tenderChannelInputs as tender } from './tenders-schema'
import type { EmailReading, ProposalSending, TenderDetail, TenderNotice, TenderPage, TenderPrefs } from './tenders'
import type { Settings } from './settings'
import type { UpdateState } from './updates'
import { REMINDER_KEYS_PER_CALL } from './renewals'

export const DEMO_SIZES = ['small', 'bench'] as const
export type DemoSize = (typeof DEMO_SIZES)[number]

/** What the open cache holds: the built-in demo, an Infomaniak account's synced data, or nothing yet. */
export type Dataset = { kind: 'demo'; size: DemoSize } | { kind: 'account' } | { kind: 'empty' }

/**
 * The cache's state at open. Anything but `ready` leaves the app usable enough
 * to tell the user what happened and offer a way out (never a crash loop).
 */
/** The full quick_check runs beside the open cache, so a large file opens at once. */
export type Integrity = 'checking' | 'ok' | 'unchecked'

export type CacheStatus =
  | { state: 'ready'; dataset: Dataset; schemaVersion: number; integrity: Integrity }
  | { state: 'corrupt'; message: string }
  /** The file could not be opened at all (a folder in its place, no permission); like damage, it can be moved aside. */
  | { state: 'unopenable'; message: string }
  | { state: 'too_new'; fileVersion: number; appVersion: number }

export interface CacheInfo {
  schemaVersion: number
  integrity: Integrity
  dataset: Dataset
  counts: Record<'clients' | 'partnerships' | 'products' | 'billingLines' | 'invoices' | 'tenders' | 'tags' | 'outbox', number>
}

export const CLIENT_SORT_KEYS = ['name', 'nextExpiry', 'productCount', 'billing12m'] as const
export type ClientSortKey = (typeof CLIENT_SORT_KEYS)[number]

export interface ClientRow {
  id: number
  name: string
  vatNumber: string | null
  currency: Currency
  status: PartnershipStatus
  accessType: AccessType
  /** null exactly when accessType is 'limited'. */
  paymentMode: PaymentMode | null
  productCount: number
  /** Unix seconds of the earliest upcoming product expiry, if any. */
  nextExpiry: number | null
  tags: string[]
  /** Charges of the last 12 months, one amount per currency (CHF and EUR never summed). */
  billing12m: Money[]
}

export interface ClientProduct {
  id: number
  service: ServiceCategory
  /** The service's own name as Infomaniak sent it: what the UI shows for the category `other`. */
  serviceName: string
  name: string
  fqdn: string | null
  /** Unix seconds. */
  expiredAt: number | null
  managedByPartner: boolean
  /** Ids of the client's tags on this product. */
  tagIds: number[]
}

export interface ClientTag {
  /** Negative while the tag waits to be created on the server. */
  id: number
  name: string
  /** 0xRRGGBB. */
  color: number
}

/** One client with what a partner manages of it. */
export interface ClientDetail {
  client: ClientRow
  partnershipId: number
  /** When the client's own record (addresses, VAT) was last read from Infomaniak; null: only the accounts list's summary. */
  detailsAt: number | null
  tags: ClientTag[]
  products: ClientProduct[]
}

// ── Clients workspace (issue 10): the client page, filters, saved views, notes ──

export type VatCheck =
  | { state: 'none' }
  /** jsvat knows no rule for the number's country. */
  | { state: 'unsupported' }
  | { state: 'invalid'; country: string }
  /** A well-formed number of another country than the invoice address's. */
  | { state: 'other_country'; country: string; expected: string }
  | { state: 'valid'; country: string }

export interface TimelineEntry {
  id: number
  kind: PartnershipEventKind
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  detectedAt: number
}

export interface ClientProfile {
  organization: {
    legalEntityType: LegalEntityType
    vatNumber: string | null
    vat: VatCheck
    currency: Currency
    locale: string
    timezone: string
    createdAt: number
    addresses: Array<{ street: string; postalCode: string; city: string; country: string; forInvoice: boolean }>
    representatives: Array<{ firstName: string; lastName: string; email: string }>
  }
  partnership: {
    id: number
    partnerName: string
    status: PartnershipStatus
    accessType: AccessType
    paymentMode: PaymentMode | null
    since: number
    until: number | null
    incomes: Money
    discounts: Money
    totalPaid: Money
  }
  /** Per live product, what clients:get does not say: its renewal preference and who pays it (null: not known). */
  products: Array<{ id: number; renewal: RenewalPreference; payer: { id: number; name: string } | null }>
  /** The collaboration's detected changes, newest first. */
  timeline: TimelineEntry[]
  billing: { since: number; charges: Money[]; earnings: Money[]; lastLineAt: number | null }
  note: { body: string; updatedAt: number } | null
  /** What the partner asked for with "Add a client" (matched by a legal representative's e-mail), to compare with what was granted. */
  requested: { accessType: AccessType; categories: ServiceCategory[]; at: number } | null
}

/** What stopping the collaboration costs, from the cache. */
export interface StopImpact {
  partnershipId: number
  status: PartnershipStatus
  products: number
  renewalDays: number
  renewals: Array<{ id: number; name: string; service: ServiceCategory; expiredAt: number; renewal: RenewalPreference }>
  earnings12m: Money[]
  invoicesHeldBy: 'client' | 'partner'
  pendingChanges: Array<{ kind: string; count: number }>
}

/** Complete: the partner may act (order, renew); limited: it manages delegated products; none: it only looks, if at all. */
export type MatrixCell = 'complete' | 'limited' | 'none'

export interface AccessMatrix {
  categories: ServiceCategory[]
  /** One row per client, `cells` in the order of `categories`. */
  rows: Array<{ id: number; name: string; accessType: AccessType; cells: MatrixCell[] }>
}

export interface RenewalGroup {
  clientId: number
  clientName: string
  accessType: AccessType
  /** Who settles the renewal (DOMAIN.md: the partner only when the client entrusted the wallet). */
  payer: 'client' | 'partner'
  /** Renewing needs an active complete access. */
  mayRenew: boolean
  products: Array<{
    id: number
    name: string
    service: ServiceCategory
    expiredAt: number
    renewal: RenewalPreference
    /** The reminder of the lead time the product is in now, to snooze it; null outside every lead time. */
    reminderKey: string | null
  }>
}

export interface RenewalOverview {
  days: number
  /** The lead times of the desktop reminders, in days, longest first. */
  leads: number[]
  /** More products expire in the window than are listed. */
  truncated: boolean
  groups: RenewalGroup[]
}

/** A renewal reminder due now: the renderer words it and asks the shell to show it (desktop:notify). */
export interface RenewalReminder {
  key: string
  clientId: number
  clientName: string
  productName: string
  expiredAt: number
  daysLeft: number
}

/** The renewal reminders due now, as the desktop notifier needs them (the Renewals screen lists them all). */
export interface RenewalsDue {
  count: number
  /** The soonest due, soonest first: all of them when `count` is REMINDERS_NAMED or fewer. */
  soonest: RenewalReminder[]
  /** The most days left among the due: the window a notice of them all opens on Renewals. */
  latestDaysLeft: number
  /** Names this set of due reminders: renewals:shownAll records them all, while they are still the ones due. */
  digest: string
}

/** What a bulk tag or untag touches, said before it runs. */
export interface BulkTagPlan {
  /** Clients with at least one product to change. */
  clients: number
  products: number
  /** Clients that get the tag created first. */
  tagsCreated: number
  /** Selected clients with nothing to change (already tagged, or without the tag). */
  unchanged: number
}

/** A staff member of the partner's organization, by its invitation id, as the partner named it. */
export interface StaffMember {
  invitationId: number
  label: string
  /** Collaborations the cache knows it handles. */
  clients: number
}

/** What assigning the selection to a staff member would add. */
export interface StaffAssignPlan {
  /** Active collaborations not yet assigned to the member: the change's content. */
  partnershipIds: number[]
  already: number
  /** Collaborations that are not active cannot be assigned. */
  notActive: number
}

export interface SavedView {
  id: number
  name: string
  /** The clients route it opens (see renderer/app/route.ts). */
  route: string
  createdAt: number
}

export interface ClientPage {
  total: number
  offset: number
  rows: ClientRow[]
}

export interface DemoProgress {
  phase: 'organizations' | 'products' | 'billing' | 'tenders' | 'index'
  done: number
  total: number
}

/** The lists a sync reads, in order; `merge` is the final write. */
export const SYNC_RESOURCES = ['profile', 'partnerships', 'products', 'tenders', 'invoices', 'billing', 'merge'] as const
export type SyncResource = (typeof SYNC_RESOURCES)[number]

export interface SyncProgress {
  resource: SyncResource
  done: number
  total: number
}


export interface SyncSummary {
  mode: 'full' | 'incremental'
  /** Partnership changes detected and recorded by this sync. */
  events: number
  /** Lists a `return=total` probe found unchanged, so they were not read again. */
  unchanged: SyncedList[]
  /** Products of services the app cannot file yet, and products of organizations it does not know. */
  skippedProducts: number
  requests: number
}

export interface SyncStatus {
  running: boolean
  /** Whether the last contact with the server worked; null before any. */
  online: boolean | null
  /** The account's token was refused (401): syncing waits for a new one. */
  tokenInvalid: boolean
  lastError: AppError | null
  /** When each list was last read, in Unix seconds; null if never. */
  asOf: Record<SyncedList, number | null>
  /** Whether the account's server offers each family of partner endpoints, as last asked. */
  capabilities: Record<CapabilityFamily, CapabilityState>
  /** Where each data set the user sees comes from, and as of when. */
  sources: Record<DataSet, DataSource>
}

export type CapabilityState = { offered: 'yes' | 'no'; checkedAt: number } | { offered: 'unknown' }


export type DataSource =
  /** Infomaniak's published API. */
  | { kind: 'published'; asOf: number | null }
  /** The account's server's partner endpoint (the app's own contract). */
  | { kind: 'partner'; asOf: number | null }
  /** The server has no endpoint for it: `checkedAt` is when it last said so. */
  | { kind: 'not_offered'; checkedAt: number }
  /** Not asked yet: the first sync will tell. */
  | { kind: 'unknown' }

export interface PartnershipEventRow {
  id: number
  partnershipId: number
  clientId: number
  clientName: string
  kind: PartnershipEventKind
  /** The values before and after, as recorded (e.g. `{ payment_mode: 'customer' }`). */
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  detectedAt: number
  seen: boolean
}

export interface PartnershipEventPage {
  total: number
  unseen: number
  rows: PartnershipEventRow[]
}

/** A change waiting for (or refused by) the server. */
export interface OutboxEntry {
  id: number
  change: Change
  /** The client the change concerns; changes of one client are pushed in order. */
  clientId: number | null
  clientName: string | null
  state: OutboxState
  attempts: number
  /** Unix seconds; null when it waits for nothing but the network. */
  nextAttemptAt: number | null
  lastError: string | null
  createdAt: number
  /** For a conflict: the server's values when it refused, to show beside the user's. */
  theirs: Record<string, unknown> | null
}

/** What the navigation's badge shows: waiting (or being sent), refused, and given up after too many attempts. */
export interface OutboxCounts {
  pending: number
  conflicts: number
  failed: number
}

export interface OutboxOverview extends OutboxCounts {
  entries: OutboxEntry[]
}

/** What protects stored tokens on this computer (see main/accounts/secret-store.ts). */
export type TokenProtection = 'os_keystore' | 'unprotected' | 'unavailable'

export interface AccountSummary {
  id: string
  label: string
  baseUrl: string
  /** The partner organization picked; absent: the sync finds it (the token's only own organization). */
  organizationId?: number
  hasToken: boolean
}

/** What "Test connection" found: whose token it is and which organizations it reaches. */
export interface ConnectionReport {
  user: { name: string; email: string }
  /** `own`: one of the user's own organizations (could be the partner), not a client. */
  organizations: Array<{ id: number; name: string; own: boolean }>
  /** The partner organization found without asking; null: several (or none) of its own, the user picks. */
  partner: number | null
  /** The profile's current organization, to preselect. */
  current: number | null
}

export interface AccountsOverview {
  /** The account the app shows; null: the demo data. */
  active: string | null
  accounts: AccountSummary[]
  protection: TokenProtection
}

export interface RecoverOutcome {
  /** Where the damaged file (with its -wal and -shm) was moved. */
  movedTo: string
  status: CacheStatus
}

const empty = z.object({}).strict()

/** A renewal reminder's key: `renewal:<product id>:<expiry>:<lead days>`. */
const reminderKeySchema = z.string().regex(/^renewal:\d{1,15}:\d{1,15}:\d{1,3}$/, 'a renewal reminder key, renewal:<product>:<expiry>:<lead days>')

/**
 * Declares a request/response channel: a zod schema for its input and, as a
 * phantom type, its output (curried so the output can be named while the
 * input type is inferred).
 */
const channel =
  <O>() =>
  <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O })

/** Declares a push event by its payload type only. */
const event = <P>() => undefined as unknown as P

export const clientsListInput = z
  .object({
    query: z.string().max(200).default(''),
    sort: z.enum(CLIENT_SORT_KEYS).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    filters: clientFiltersSchema.default({}),
  })
  .strict()

/**
 * A short name a person gives (a view, a staff member): no control characters,
 * which SQLite's length() counts only up to a NUL (see changes.ts on tag names).
 */
const givenName = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((name) => !/\p{Cc}/u.test(name), { message: 'a name cannot hold control characters' })

const bulkTagInput = z
  .object({
    clientIds: z.array(z.number().int().positive()).min(1).max(10_000),
    name: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine((name) => !/\p{Cc}/u.test(name), { message: 'a tag name cannot hold control characters' }),
    color: z.number().int().min(0).max(0xffffff),
    on: z.boolean(),
  })
  .strict()

/** An account's API address (see base-url.ts), trimmed. */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .superRefine((text, context) => {
    const problem = baseUrlProblem(text)
    if (problem !== null) context.addIssue({ code: 'custom', message: BASE_URL_PROBLEMS[problem] })
  })

/** A mapping field → header, as the preview shows it and the user corrects it. */
const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(200))
const importChoice = {
  handle: z.uuid(),
  mapping: importMappingSchema.optional(),
  /** The history type of every row when no column says it. */
  fixedType: z.enum(HISTORY_TYPES).nullable().optional(),
}

export const contract = {
  'cache:status': channel<CacheStatus>()(empty),
  'cache:info': channel<CacheInfo>()(empty),
  /** Destructive: moves the damaged cache aside and starts a fresh one. */
  'cache:recover': channel<RecoverOutcome>()(empty),
  'clients:list': channel<ClientPage>()(clientsListInput),
  'clients:get': channel<ClientDetail>()(z.object({ id: z.number().int().positive() }).strict()),
  /** Reads the client's own record from Infomaniak now (GET /1/accounts/{id}); the cache changes when it arrives. */
  'clients:refreshDetails': channel<{ started: boolean }>()(z.object({ id: z.number().int().positive() }).strict()),
  'settings:get': channel<Settings>()(empty),
  /** Some settings; a key given holds a value (`{ theme: undefined }` is refused, not stored). */
  'settings:set': channel<Settings>()(settingsSchema.exactPartial().strict()),
  /**
   * Shows a desktop notification through the shell. The renderer sends the text
   * already in the user's language; whoever asks decides what is due and keeps
   * each from showing twice. `shown` is false where the system offers none.
   */
  'desktop:notify': channel<{ shown: boolean }>()(
    z
      .object({
        /** Names the notice: a later one with the same key replaces it on screen. */
        key: z.string().min(1).max(200),
        title: z.string().trim().min(1).max(200),
        body: z.string().max(2000),
        /** Where a click takes the user, in the renderer's route syntax (e.g. `clients/123`). */
        route: z.string().min(1).max(500),
      })
      .strict(),
  ),
  'demo:generate': channel<CacheInfo>()(z.object({ size: z.enum(DEMO_SIZES) }).strict()),
  /** Starts a sync in the background; progress and the end arrive as events. */
  'sync:start': channel<{ started: true }>()(z.object({ mode: z.enum(['full', 'incremental']).default('incremental') }).strict()),
  'sync:cancel': channel<{ cancelled: boolean }>()(empty),
  'sync:status': channel<SyncStatus>()(empty),
  'events:list': channel<PartnershipEventPage>()(
    z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        unseenOnly: z.boolean().default(false),
      })
      .strict(),
  ),
  /** An offline change: applied to the cache at once, queued for the server. */
  'changes:submit': channel<OutboxEntry>()(z.object({ change: newChangeSchema }).strict()),
  'outbox:list': channel<OutboxOverview>()(z.object({ includeDone: z.boolean().default(false) }).strict()),
  /** The outbox's counts alone, counted by the cache (the badge needs no entry). */
  'outbox:counts': channel<OutboxCounts>()(empty),
  'outbox:retry': channel<OutboxEntry>()(z.object({ id: z.number().int().positive() }).strict()),
  /** Destructive: drops the change; the cache shows the server's data again after the next sync. */
  'outbox:discard': channel<OutboxEntry>()(z.object({ id: z.number().int().positive() }).strict()),
  /** A conflict: send mine again over the server's version, or take theirs and drop mine. */
  'outbox:resolve': channel<OutboxEntry>()(z.object({ id: z.number().int().positive(), keep: z.enum(['mine', 'theirs']) }).strict()),
  'outbox:push': channel<{ started: boolean }>()(empty),
  'accounts:list': channel<AccountsOverview>()(empty),
  'accounts:add': channel<AccountSummary>()(
    z
      .object({
        label: z.string().trim().min(1).max(80),
        token: z.string().trim().min(20).max(4096),
        baseUrl: baseUrlSchema.optional(),
        /** The partner organization, when the token reaches several of its own (see accounts:test). */
        organizationId: z.number().int().positive().optional(),
        /** The user read that this computer offers no protected keystore and accepts it. */
        acceptUnprotected: z.boolean().default(false),
      })
      .strict(),
  ),
  /** Tries a token before it is saved: GET /2/profile and GET /1/accounts. */
  'accounts:test': channel<ConnectionReport>()(
    z.object({ token: z.string().trim().min(20).max(4096), baseUrl: baseUrlSchema.optional() }).strict(),
  ),
  'accounts:update': channel<AccountSummary>()(
    z
      .object({
        accountId: z.uuid(),
        label: z.string().trim().min(1).max(80).optional(),
        baseUrl: baseUrlSchema.optional(),
        organizationId: z.number().int().positive().nullable().optional(),
      })
      .strict(),
  ),
  /** Destructive: forgets the account, its token and its local data. */
  'accounts:remove': channel<AccountsOverview>()(z.object({ accountId: z.uuid() }).strict()),
  'accounts:switch': channel<CacheStatus>()(z.object({ accountId: z.uuid().nullable() }).strict()),
  'accounts:setToken': channel<AccountSummary>()(
    z.object({ accountId: z.uuid(), token: z.string().trim().min(20).max(4096), acceptUnprotected: z.boolean().default(false) }).strict(),
  ),
  /** "Token compromised?": forget the token, stop syncing, and optionally erase the account's local data. */
  'accounts:compromised': channel<AccountsOverview>()(z.object({ accountId: z.uuid(), wipeData: z.boolean() }).strict()),
  'events:markSeen': channel<{ unseen: number }>()(
    z.object({ ids: z.union([z.array(z.number().int().positive()).min(1).max(10_000), z.literal('all')]) }).strict(),
  ),
  /** The app's own updates (main/updates/update-service.ts). */
  'updates:state': channel<UpdateState>()(empty),
  /** Looks for a newer version now (the app also looks at start and daily); a failure is logged, never an error. */
  'updates:check': channel<UpdateState>()(empty),
  /** Downloads the version on offer again, after a failed download. */
  'updates:download': channel<UpdateState>()(empty),
  /** Restarts into the downloaded version: now, or once no change waits in the outbox and no export or import runs. */
  'updates:install': channel<UpdateState>()(empty),
  // Billing history (issue 8): browse, earnings, exports. The save dialog's answer stays in the main process as an
  // opaque handle: the renderer never names a path.
  'billing:summary': channel<BillingSummary>()(billingSummaryInput),
  'earnings:summary': channel<EarningsSummary>()(
    z.object({ query: billingQuerySchema, limit: z.number().int().min(1).max(1000).default(100) }).strict(),
  ),
  'earnings:outlook': channel<EarningsOutlook>()(
    z.object({ clients: z.array(z.number().int().positive()).min(1).max(10_000).nullable() }).strict(),
  ),
  'files:chooseToSave': channel<{ handle: string; fileName: string } | null>()(
    z.object({ suggestedName: z.string().trim().min(1).max(120).regex(/^[^/\\\0]+$/, 'a file name, not a path'), extension: z.enum(['csv', 'txt']) }).strict(),
  ),
  'files:showInFolder': channel<{ shown: boolean }>()(z.object({ exportId: z.number().int().positive() }).strict()),
  /** Starts an export in the background to the file chosen in the save dialog; progress and the end arrive as events. */
  'exports:start': channel<{ exportId: number }>()(z.object({ spec: exportSpecSchema, target: z.object({ handle: z.uuid() }).strict() }).strict()),
  'exports:cancel': channel<{ cancelled: boolean }>()(z.object({ exportId: z.number().int().positive() }).strict()),
  'exports:list': channel<ExportRecord[]>()(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict()),
  /** The same export again, to the same place (the file there is replaced once the new one is checked). */
  'exports:rerun': channel<{ exportId: number }>()(z.object({ id: z.number().int().positive() }).strict()),
  /** Opens the native open dialog; null: the user cancelled. */
  'imports:chooseFile': channel<ChosenFile | null>()(empty),
  /** Reads the file's head with the mapping (given, saved for its shape, or recognised): writes nothing. */
  'imports:preview': channel<ImportPreview>()(z.object(importChoice).strict()),
  'imports:saveMapping': channel<{ saved: true }>()(
    z
      .object({ signature: z.string().regex(/^[0-9a-f]{16}$/), mapping: importMappingSchema, fixedType: z.enum(HISTORY_TYPES).nullable().default(null) })
      .strict(),
  ),
  /** All or nothing, in one transaction; progress arrives as imports:progress. */
  'imports:commit': channel<ImportOutcome>()(
    z.object({ ...importChoice, sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(), dryRun: z.boolean().default(false) }).strict(),
  ),
  'imports:list': channel<ImportRecord[]>()(empty),
  'imports:unmatched': channel<{ total: number; lines: UnmatchedLine[] }>()(
    z
      .object({
        importId: z.number().int().positive().nullable().default(null),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** Destructive: takes the import's lines out of the cache again (the record stays, marked undone). */
  'imports:undo': channel<ImportRecord>()(z.object({ id: z.number().int().positive() }).strict()),
  // The tender inbox (shared/tenders.ts holds the schemas and answers).
  'tenders:list': channel<TenderPage>()(tender.list),
  'tenders:get': channel<TenderDetail>()(tender.get),
  'tenders:move': channel<TenderDetail>()(tender.move),
  'tenders:snooze': channel<TenderDetail>()(tender.snooze),
  /** Takes back the last pipeline move (of any tender); answers the tender it concerned. */
  'tenders:undo': channel<TenderDetail>()(tender.undo),
  'tenders:update': channel<TenderDetail>()(tender.update),
  /** A new visit of the inbox: what arrived since the previous one is marked new. */
  'tenders:visit': channel<{ lastVisitAt: number }>()(tender.visit),
  'tenders:getPrefs': channel<TenderPrefs>()(tender.getPrefs),
  'tenders:setPrefs': channel<TenderPrefs>()(tender.setPrefs),
  'tenders:overrideScore': channel<TenderDetail>()(tender.overrideScore),
  /** Reads notification e-mails for the user to confirm; stores nothing. */
  'tenders:readEmail': channel<EmailReading>()(tender.readEmail),
  'tenders:addFromEmail': channel<{ added: number[]; duplicates: number[] }>()(tender.addFromEmail),
  'tenders:consult': channel<TenderDetail>()(tender.consult),
  /** Destructive: erases contact details past the retention period, nothing else. */
  'tenders:purgeContacts': channel<{ purged: number }>()(tender.purgeContacts),
  'tenders:draftProposal': channel<{ text: string }>()(tender.draftProposal),
  'tenders:sendProposal': channel<ProposalSending>()(tender.sendProposal),
  'tenders:resolveConflict': channel<TenderDetail>()(tender.resolveConflict),
  /** The desktop notices due for new matching tenders, each given once. */
  'tenders:takeNotices': channel<TenderNotice[]>()(tender.takeNotices),
  // ── Clients workspace (issue 10) ──
  /** Counts per filter value for the clients table, given the search and the other filters. */
  'clients:facets': channel<FacetCounts>()(
    z.object({ query: z.string().max(200).default(''), filters: clientFiltersSchema.default({}) }).strict(),
  ),
  'clients:matrix': channel<AccessMatrix>()(
    z.object({ query: z.string().max(200).default(''), filters: clientFiltersSchema.default({}) }).strict(),
  ),
  /** Every client id of a search and filters (select all). */
  'clients:ids': channel<number[]>()(z.object({ query: z.string().max(200).default(''), filters: clientFiltersSchema.default({}) }).strict()),
  /** What tagging (on) or untagging the selected clients' products would change. */
  'clients:bulkTagPreview': channel<BulkTagPlan>()(bulkTagInput.omit({ color: true })),
  /** Queues the bulk tag or untag in the outbox (all or nothing). */
  'clients:bulkTag': channel<BulkTagPlan>()(bulkTagInput),
  'clients:profile': channel<ClientProfile>()(z.object({ id: z.number().int().positive() }).strict()),
  /** What stopping the collaboration would cost (the first step of stopping it). */
  'clients:impact': channel<StopImpact>()(z.object({ id: z.number().int().positive() }).strict()),
  /** The partner's own notes on a client: local, never sent. */
  'notes:set': channel<{ body: string; updatedAt: number }>()(
    z.object({ clientId: z.number().int().positive(), body: z.string().max(20_000) }).strict(),
  ),
  'views:list': channel<SavedView[]>()(empty),
  /** Saving under a name already used replaces that view. */
  'views:save': channel<SavedView[]>()(
    z
      .object({
        name: givenName(80),
        route: z.string().max(2000).regex(/^clients(\?[^\s\p{Cc}]*)?$/u, 'a saved view opens a clients route, such as "clients?access=complete"'),
      })
      .strict(),
  ),
  'views:delete': channel<SavedView[]>()(z.object({ id: z.number().int().positive() }).strict()),
  'staff:list': channel<StaffMember[]>()(empty),
  /** Names a staff member by its invitation id (Infomaniak's published API lists none); saving an id again renames it. */
  'staff:save': channel<StaffMember[]>()(z.object({ invitationId: z.number().int().positive(), label: givenName(80) }).strict()),
  'staff:assignPreview': channel<StaffAssignPlan>()(
    z.object({ invitationId: z.number().int().positive(), clientIds: z.array(z.number().int().positive()).min(1).max(10_000) }).strict(),
  ),
  'renewals:list': channel<RenewalOverview>()(z.object({ days: z.number().int().min(1).max(366).default(60) }).strict()),
  /** The lead times of the desktop reminders (days before expiry, at most a year). */
  'renewals:setLeads': channel<number[]>()(z.object({ leads: z.array(z.number().int().min(1).max(366)).max(10) }).strict()),
  /**
   * The reminders due now, each once, summed up: the renderer shows them, then says so with
   * renewals:shown (those it named) or renewals:shownAll (all of them, in one notice).
   */
  'renewals:due': channel<RenewalsDue>()(empty),
  'renewals:shown': channel<{ recorded: number }>()(z.object({ keys: z.array(reminderKeySchema).min(1).max(REMINDER_KEYS_PER_CALL) }).strict()),
  /** Records every due reminder as shown, if `digest` (from renewals:due) still names them; refused (invalid_input) once others are due. */
  'renewals:shownAll': channel<{ recorded: number }>()(z.object({ digest: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
  /** Shows the reminder again after `hours`. */
  'renewals:snooze': channel<{ until: number }>()(z.object({ key: reminderKeySchema, hours: z.number().int().min(1).max(24 * 30) }).strict()),
} as const

/** Push events from the core to every window. */
export const events = {
  /** Sent whenever the status changes, e.g. when the background integrity check ends. */
  'cache:status': event<CacheStatus>(),
  'demo:progress': event<DemoProgress>(),
  /** The cache's data changed: a new demo, a recovery, a sync, or a change the user made (any window may show it). */
  'cache:changed': event<{ reason: 'demo' | 'recovered' | 'sync' | 'change' | 'import' }>(),
  'sync:progress': event<SyncProgress>(),
  'sync:finished': event<{ ok: true; summary: SyncSummary } | { ok: false; error: AppError }>(),
  'outbox:changed': event<OutboxCounts>(),
  'accounts:changed': event<AccountsOverview>(),
  /** The user clicked a desktop notification; the window is already brought to the front. */
  'desktop:notificationClicked': event<{ key: string; route: string }>(),
  'updates:state': event<UpdateState>(),
  'exports:progress': event<ExportProgress>(),
  'exports:finished': event<ExportFinished>(),
  'imports:progress': event<ImportProgress>(),
}

export type Input<C extends Channel> = z.input<(typeof contract)[C]['input']>
export type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>
export type Output<C extends Channel> = (typeof contract)[C]['output']
export type EventPayload<E extends EventName> = (typeof events)[E]

export type { Channel, EventName } from './channels'
export { DATA_SETS, SYNCED_LISTS, type DataSet, type SyncedList } from './data-sets'

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
/** Compile-time proof that channels.ts names exactly this contract. */
export type NamesMatchContract = Assert<Exactly<keyof typeof contract, Channel>> & Assert<Exactly<keyof typeof events, EventName>>


export interface Bridge {
  readonly brand: typeof BRIDGE_BRAND
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
