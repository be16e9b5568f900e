// The filters of the clients table: one schema for the IPC input, the
// URL-like route that keeps them (so Back restores them) and the saved views.
import { z } from 'zod'
import { ACCESS_TYPES, CURRENCIES, PARTNERSHIP_STATUSES, PAYMENT_MODES, SERVICE_CATEGORIES } from './domain'

export const RENEWAL_WINDOWS = [7, 14, 30, 60, 90] as const

export const clientFiltersSchema = z
  .object({
    access: z.array(z.enum(ACCESS_TYPES)).max(ACCESS_TYPES.length).optional(),
    payment: z.array(z.enum(PAYMENT_MODES)).max(PAYMENT_MODES.length).optional(),
    status: z.array(z.enum(PARTNERSHIP_STATUSES)).max(PARTNERSHIP_STATUSES.length).optional(),
    category: z.array(z.enum(SERVICE_CATEGORIES)).max(SERVICE_CATEGORIES.length).optional(),
    tag: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
    currency: z.array(z.enum(CURRENCIES)).max(CURRENCIES.length).optional(),
    /** A live product expires within this many days from now. */
    renewalWithin: z.number().int().min(1).max(3650).optional(),
    /** Has changes waiting to be sent (or refused). */
    pending: z.boolean().optional(),
  })
  .strict()
export type ClientFilters = z.infer<typeof clientFiltersSchema>

/** The dimensions whose values get a count beside them. */
export const FACETS = ['access', 'payment', 'status', 'category', 'tag', 'currency'] as const
export type Facet = (typeof FACETS)[number]

/** Number of clients per value of each facet, given the other filters (a facet's own choice does not narrow its counts). */
export type FacetCounts = Record<Facet, Array<{ value: string; count: number }>> & {
  /** Clients with a renewal within the chosen window (or the default one). */
  renewalWithin: number
  pending: number
}

export const isEmptyFilters = (filters: ClientFilters): boolean =>
  Object.values(filters).every((value) => value === undefined || (Array.isArray(value) && value.length === 0) || value === false)
