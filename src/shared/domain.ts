// Domain vocabulary shared by every runtime. The string unions here are the
// same values the SQLite CHECK constraints accept (see core/db/migrations).

export const CURRENCIES = ['CHF', 'EUR'] as const
export type Currency = (typeof CURRENCIES)[number]

/** As Infomaniak's published enum; what `restrict` means is not documented, so it is kept as sent. */
export const LEGAL_ENTITY_TYPES = ['company', 'individual', 'public_body', 'restrict'] as const
export type LegalEntityType = (typeof LEGAL_ENTITY_TYPES)[number]

export const PARTNERSHIP_STATUSES = ['invited', 'pending', 'active', 'ended'] as const
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number]

export const ACCESS_TYPES = ['limited', 'complete'] as const
export type AccessType = (typeof ACCESS_TYPES)[number]

/** Who settles orders and renewals. Only meaningful under complete access. */
export const PAYMENT_MODES = ['customer', 'partner'] as const
export type PaymentMode = (typeof PAYMENT_MODES)[number]

/**
 * Access and payment mode together: a limited partnership has no payment mode,
 * so the pair is one union rather than two independent fields.
 */
export type Access =
  | { type: 'limited' }
  | { type: 'complete'; paymentMode: PaymentMode }

export const SERVICE_CATEGORIES = [
  'domain',
  'web_hosting',
  'mail',
  'kdrive',
  'ksuite',
  'vps',
  'public_cloud',
  'swiss_backup',
  'ssl',
  'server',
  'streaming',
  /** A service the app files nowhere else: the product keeps its service's own name beside it. */
  'other',
] as const
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]

/**
 * The families of partner endpoints (the app's own contract, not Infomaniak's
 * published API) a server may or may not offer. Each family's list is its
 * probe; its actions are offered with it (tag writes go with partnerships).
 */
export const CAPABILITY_FAMILIES = ['partnerships', 'billing_history', 'invoices', 'tenders'] as const
export type CapabilityFamily = (typeof CAPABILITY_FAMILIES)[number]

export const RENEWAL_PREFERENCES = ['automatic', 'manual', 'cancel_at_expiry'] as const
export type RenewalPreference = (typeof RENEWAL_PREFERENCES)[number]

export const HISTORY_TYPES = [
  'invoice',
  'order',
  'renewal',
  'cashback',
  'income',
  'discount',
  'refund',
] as const
export type HistoryType = (typeof HISTORY_TYPES)[number]

export const INVOICE_STATUSES = ['paid', 'unpaid', 'refunded', 'cancelled'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

export const PARTNERSHIP_EVENT_KINDS = [
  'access_type',
  'payment_mode',
  'delegated_products',
  'status',
  'invitation',
] as const
export type PartnershipEventKind = (typeof PARTNERSHIP_EVENT_KINDS)[number]

export const TENDER_REMOTE_STATES = ['open', 'deleted', 'expired'] as const
export type TenderRemoteState = (typeof TENDER_REMOTE_STATES)[number]

/** The app's own triage states (DOMAIN.md: decided by the app, kept locally). */
export const TENDER_TRIAGE_STATES = [
  'new',
  'shortlisted',
  'consulted',
  'proposal_sent',
  'won',
  'lost',
  'dismissed',
  'withdrawn',
  'expired',
] as const
export type TenderTriageState = (typeof TENDER_TRIAGE_STATES)[number]

export const OUTBOX_STATES = ['pending', 'in_flight', 'done', 'conflict', 'failed', 'discarded'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]
