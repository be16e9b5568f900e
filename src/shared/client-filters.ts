// The filters of the clients table: one schema for the IPC input, the
// URL-like route that keeps them (so Back restores them) and the saved views.
// No zod here: the renderer imports it (the schema is client-filters-schema.ts).
import type { AccessType, Currency, PartnershipStatus, PaymentMode, ServiceCategory } from './domain'

export const RENEWAL_WINDOWS = [7, 14, 30, 60, 90] as const

/** The clients table's filters (every one optional; all must hold). */
export interface ClientFilters {
  access?: AccessType[]
  payment?: PaymentMode[]
  status?: PartnershipStatus[]
  category?: ServiceCategory[]
  /** Tag names. */
  tag?: string[]
  currency?: Currency[]
  /** Handled by one of these staff members (their invitation ids). */
  staff?: number[]
  /** A live product expires within this many days from now. */
  renewalWithin?: number
  /** Has changes waiting to be sent (or refused). */
  pending?: boolean
}

/** The dimensions whose values get a count beside them. */
export const FACETS = ['access', 'payment', 'status', 'category', 'tag', 'currency', 'staff'] as const
export type Facet = (typeof FACETS)[number]

/** Number of clients per value of each facet, given the other filters (a facet's own choice does not narrow its counts). */
export type FacetCounts = Record<Facet, Array<{ value: string; count: number }>> & {
  /** Clients with a renewal within the chosen window (or the default one). */
  renewalWithin: number
  pending: number
}

export const isEmptyFilters = (filters: ClientFilters): boolean =>
  Object.values(filters).every((value) => value === undefined || (Array.isArray(value) && value.length === 0) || value === false)
