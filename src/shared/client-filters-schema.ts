// The IPC schema of the clients table's filters (see client-filters.ts).
import { z } from 'zod'
import type { ClientFilters } from './client-filters'
import { ACCESS_TYPES, CURRENCIES, PARTNERSHIP_STATUSES, PAYMENT_MODES, SERVICE_CATEGORIES } from './domain'

export const clientFiltersSchema = z
  .object({
    access: z.array(z.enum(ACCESS_TYPES)).max(ACCESS_TYPES.length).optional(),
    payment: z.array(z.enum(PAYMENT_MODES)).max(PAYMENT_MODES.length).optional(),
    status: z.array(z.enum(PARTNERSHIP_STATUSES)).max(PARTNERSHIP_STATUSES.length).optional(),
    category: z.array(z.enum(SERVICE_CATEGORIES)).max(SERVICE_CATEGORIES.length).optional(),
    tag: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
    currency: z.array(z.enum(CURRENCIES)).max(CURRENCIES.length).optional(),
    staff: z.array(z.number().int().positive()).max(50).optional(),
    /** A live product expires within this many days from now. */
    renewalWithin: z.number().int().min(1).max(3650).optional(),
    /** Has changes waiting to be sent (or refused). */
    pending: z.boolean().optional(),
  })
  .strict()

/** Compile-time proof that the schema and the interface say the same. */
export type FiltersMatch = [z.infer<typeof clientFiltersSchema>] extends [ClientFilters]
  ? [ClientFilters] extends [z.infer<typeof clientFiltersSchema>]
    ? true
    : never
  : never
export const filtersMatch: FiltersMatch = true
