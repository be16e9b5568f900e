// The billing history as the accountant browses, charts and exports it. No zod
// here: the renderer imports these names and types (the schemas live in
// billing-schema.ts, for the contract).
import type { AccessType, Currency, HistoryType, PaymentMode } from './domain'

/** What the accountant picks (the Manager's "type of history"); `earnings` is cashback, income and discounts together. */
export const HISTORY_FILTERS = ['all', 'invoices', 'orders', 'renewals', 'earnings', 'refunds'] as const
export type HistoryFilter = (typeof HISTORY_FILTERS)[number]

export const EARNING_TYPES = ['cashback', 'income', 'discount'] as const satisfies readonly HistoryType[]
export type EarningType = (typeof EARNING_TYPES)[number]
/** What a client was charged: orders, renewals, usage invoices, less refunds (the clients list's 12-month billing). */
export const CHARGE_TYPES = ['invoice', 'order', 'renewal', 'refund'] as const satisfies readonly HistoryType[]

export const HISTORY_FILTER_TYPES: Record<HistoryFilter, readonly HistoryType[]> = {
  all: ['invoice', 'order', 'renewal', 'cashback', 'income', 'discount', 'refund'],
  invoices: ['invoice'],
  orders: ['order'],
  renewals: ['renewal'],
  earnings: EARNING_TYPES,
  refunds: ['refund'],
}

/**
 * Which lines to read: a history type, a period of whole days (`YYYY-MM-DD`,
 * both included, in UTC so that every computer reads the same lines) and the
 * clients (null: all of them).
 */
export interface BillingQuery {
  type: HistoryFilter
  from: string
  to: string
  clients: number[] | null
  /** Only lines in this currency; absent: both, never summed together. */
  currency?: Currency
}

export interface MoneyTotals {
  currency: Currency
  lines: number
  netMinor: number
  vatMinor: number
}

export interface BillingTotals extends MoneyTotals {
  byType: Array<{ type: HistoryType; lines: number; netMinor: number }>
}

export interface BillingMonth {
  /** `YYYY-MM`. */
  month: string
  currency: Currency
  netMinor: number
}

export interface BillingClientTotal {
  id: number
  name: string
  currency: Currency
  lines: number
  netMinor: number
  vatMinor: number
}

export const CLIENT_TOTAL_SORTS = ['amount_desc', 'amount_asc'] as const
export type ClientTotalSort = (typeof CLIENT_TOTAL_SORTS)[number]

export interface BillingSummary {
  totals: BillingTotals[]
  months: BillingMonth[]
  clients: { total: number; rows: BillingClientTotal[] }
}

/** One client's earnings: the kinds the programme grants it now, and what each month brought. */
export interface ClientEarnings {
  id: number
  name: string
  currency: Currency
  access: AccessType | null
  paymentMode: PaymentMode | null
  /** The kinds DOMAIN.md's rules grant under its access and payment mode (see earnings-rules.ts). */
  expected: EarningType[]
  months: Array<{ month: string } & Record<EarningType, number>>
  total: Record<EarningType, number>
}

export interface EarningsSummary {
  totals: Array<{ currency: Currency } & Record<EarningType, number>>
  clients: { total: number; rows: ClientEarnings[] }
}

export interface OutlookMonth {
  month: string
  currency: Currency
  renewals: number
  /** What the renewals due that month should cost, excluding VAT. */
  basisMinor: number
  expected: Record<EarningType, number>
}

export interface EarningsOutlook {
  /** Unix seconds: the outlook covers the 12 months from this day. */
  from: number
  months: OutlookMonth[]
  /** How it was computed, in counts the UI explains. */
  method: {
    /** Products due (renewing, not cancelled at expiry, not free) in the next 12 months. */
    productsDue: number
    /** Renewals counted (a monthly product renews up to twelve times). */
    renewals: number
    /** Products with no earlier charge in the cache: no basis, not counted. */
    withoutHistory: number
    /** Renewals whose rate came from the client's average, the product having none of its own. */
    clientRate: number
  }
}

// Export -----------------------------------------------------------------

export const EXPORT_PRESETS = ['excel-ch', 'excel-de', 'excel-fr', 'excel-it', 'excel-es', 'rfc4180', 'banana'] as const
export type ExportPreset = (typeof EXPORT_PRESETS)[number]

/** Columns the user may choose and order. `servicePeriod` has no source in the cache (see NO_SOURCE_COLUMNS). */
export const EXPORT_COLUMNS = [
  'date',
  'type',
  'document',
  'client',
  'clientId',
  'product',
  'category',
  'description',
  'net',
  'vatRate',
  'vat',
  'gross',
  'currency',
  'paymentMode',
  'status',
  'servicePeriod',
] as const
export type ExportColumn = (typeof EXPORT_COLUMNS)[number]

/** Neither the Manager's exports nor the API give a line's service period: the column is written empty, and the UI says so. */
export const NO_SOURCE_COLUMNS: readonly ExportColumn[] = ['servicePeriod']

export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = ['date', 'type', 'document', 'client', 'clientId', 'product', 'description', 'net', 'vatRate', 'vat', 'gross', 'currency', 'status']

export interface BananaAccounts {
  debit: string
  credit: string
  vatCode: string
}

export interface ExportSpec {
  query: BillingQuery
  preset: ExportPreset
  columns: ExportColumn[]
  split: 'one_file' | 'per_client'
  /** Excel Switzerland only: fr-CH machines may read `,` as the decimal mark (EXPORT-FORMATS.md). */
  decimalMark?: 'point' | 'comma'
  /** Banana only: the accounts and VAT code its transactions are booked on. */
  banana?: BananaAccounts
}

export interface ExportProgress {
  exportId: number
  done: number
  total: number
}

export type ExportState = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted'

export interface ExportRecord {
  id: number
  spec: ExportSpec
  /** The file (or, per client, the folder's files) written. */
  files: string[]
  state: ExportState
  rows: number
  totals: MoneyTotals[]
  /** SHA-256 of each file, in `files` order. */
  sha256: string[]
  /** Unix seconds. */
  startedAt: number
  finishedAt: number | null
  /** When the billing history it read was last brought in (a sync or the demo), Unix seconds. */
  dataAsOf: number | null
  error: string | null
}

export type ExportFinished = { exportId: number } & ({ ok: true; record: ExportRecord } | { ok: false; state: 'cancelled' | 'failed'; message: string })
