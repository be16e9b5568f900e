// The one IPC contract. Main registers handlers from it, the preload exposes
// exactly its channels and events, the renderer gets a typed client from it,
// and the CLI and the browser-test bridge go through the same dispatcher.
import { z } from 'zod'
import type { AccessType, Currency, PartnershipStatus, PaymentMode } from './domain'
import type { Result } from './result'
import type { BRIDGE_BRAND, Channel, EventName } from './channels'
import { settingsSchema } from './settings-schema'
import type { Settings } from './settings'

export const DEMO_SIZES = ['small', 'bench'] as const
export type DemoSize = (typeof DEMO_SIZES)[number]

/** What the open cache holds: the built-in demo, or an Infomaniak account's data. */
export type Dataset = { kind: 'demo'; size: DemoSize } | { kind: 'empty' }

/**
 * The cache's state at open. Anything but `ready` leaves the app usable enough
 * to tell the user what happened and offer a way out (never a crash loop).
 */
/** The full quick_check runs beside the open cache, so a large file opens at once. */
export type Integrity = 'checking' | 'ok'

export type CacheStatus =
  | { state: 'ready'; dataset: Dataset; schemaVersion: number; integrity: Integrity }
  | { state: 'corrupt'; message: string }
  | { state: 'too_new'; fileVersion: number; appVersion: number }

export interface CacheInfo {
  schemaVersion: number
  integrity: Integrity
  dataset: Dataset
  counts: Record<'clients' | 'partnerships' | 'products' | 'billingLines' | 'invoices' | 'tenders' | 'tags' | 'outbox', number>
}

export const CLIENT_SORT_KEYS = ['name', 'nextExpiry', 'productCount'] as const
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

export interface RecoverOutcome {
  /** Where the damaged file (with its -wal and -shm) was moved. */
  movedTo: string
  status: CacheStatus
}

const empty = z.object({}).strict()

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
  })
  .strict()

export const contract = {
  'cache:status': channel<CacheStatus>()(empty),
  'cache:info': channel<CacheInfo>()(empty),
  /** Destructive: moves the damaged cache aside and starts a fresh one. */
  'cache:recover': channel<RecoverOutcome>()(empty),
  'clients:list': channel<ClientPage>()(clientsListInput),
  'settings:get': channel<Settings>()(empty),
  'settings:set': channel<Settings>()(settingsSchema.partial().strict()),
  'demo:generate': channel<CacheInfo>()(z.object({ size: z.enum(DEMO_SIZES) }).strict()),
} as const

/** Push events from the core to every window. */
export const events = {
  /** Sent whenever the status changes, e.g. when the background integrity check ends. */
  'cache:status': event<CacheStatus>(),
  'demo:progress': event<DemoProgress>(),
  'cache:changed': event<{ reason: 'demo' | 'recovered' }>(),
}

export type Input<C extends Channel> = z.input<(typeof contract)[C]['input']>
export type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>
export type Output<C extends Channel> = (typeof contract)[C]['output']
export type EventPayload<E extends EventName> = (typeof events)[E]

export type { Channel, EventName } from './channels'

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
/** Compile-time proof that channels.ts names exactly this contract. */
export type NamesMatchContract = Assert<Exactly<keyof typeof contract, Channel>> & Assert<Exactly<keyof typeof events, EventName>>


export interface Bridge {
  readonly brand: typeof BRIDGE_BRAND
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
