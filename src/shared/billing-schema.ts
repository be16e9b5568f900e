// zod schemas of the billing channels (contract.ts); the types are billing.ts's.
import { z } from 'zod'
import { CLIENT_TOTAL_SORTS, EXPORT_COLUMNS, EXPORT_PRESETS, HISTORY_FILTERS, type BillingQuery, type ExportSpec } from './billing'
import { CURRENCIES } from './domain'
import { dayStart } from './period'

const day = z.string().refine((text) => dayStart(text) !== null, { message: 'expected a calendar day as YYYY-MM-DD (1970 or later)' })

export const billingQuerySchema = z
  .object({
    type: z.enum(HISTORY_FILTERS),
    from: day,
    to: day,
    clients: z.array(z.number().int().positive()).min(1).max(10_000).nullable(),
    currency: z.enum(CURRENCIES).optional(),
  })
  .strict()
  .refine((query) => query.from <= query.to, { message: 'from: the period starts after it ends', path: ['from'] }) satisfies z.ZodType<BillingQuery>

export const billingSummaryInput = z
  .object({
    query: billingQuerySchema,
    sort: z.enum(CLIENT_TOTAL_SORTS).default('amount_desc'),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict()

const accountText = z.string().trim().max(40).regex(/^[^\t\r\n]*$/, 'no tabs or line breaks')

export const exportSpecSchema = z
  .object({
    query: billingQuerySchema,
    preset: z.enum(EXPORT_PRESETS),
    columns: z
      .array(z.enum(EXPORT_COLUMNS))
      .min(1)
      .max(EXPORT_COLUMNS.length)
      .refine((columns) => new Set(columns).size === columns.length, { message: 'a column is chosen twice' }),
    split: z.enum(['one_file', 'per_client']),
    decimalMark: z.enum(['point', 'comma']).optional(),
    banana: z.object({ debit: accountText, credit: accountText, vatCode: accountText }).strict().optional(),
  })
  .strict()
  // Banana books in one currency per file: CHF and EUR amounts in one column would be summed by it.
  .refine((spec) => spec.preset !== 'banana' || spec.query.currency !== undefined, {
    message: 'query.currency: a Banana file holds one currency; choose CHF or EUR',
    path: ['query', 'currency'],
  }) satisfies z.ZodType<ExportSpec>
