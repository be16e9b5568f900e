import { z } from 'zod'
import {
  ACCESS_TYPES,
  CURRENCIES,
  HISTORY_TYPES,
  INVOICE_STATUSES,
  LEGAL_ENTITY_TYPES,
  PARTNERSHIP_STATUSES,
  PAYMENT_MODES,
  TENDER_REMOTE_STATES,
} from '../../../shared/domain'
import type { Money } from '../../../shared/money'
import { moneyToMinor, readMoney, readVatRate, unixSeconds as unixSecondsSchema, wireMoney } from './http/convert'

// The wire format of the remote API (docs/remote-api.md), as zod schemas that
// the HTTP client validates every answer with and the local API server
// (tests/fixtures/api-server) is tested against. Input types (z.input) are
// what travels; output types (z.output, the exported names) are what the app
// keeps: money in integer minor units, VAT rates in basis points, unions where
// the wire allows only some combinations. Unknown fields are dropped, so the
// live API may add fields; known ones are typed strictly, and an answer that
// breaks them is malformed.
//
// Enumerations come from the shared domain, so they cannot drift from the
// SQLite CHECKs; decimals, dates and money from the HTTP client's converters.

// ---------------------------------------------------------------------------
// Decimals, dates and money: one definition, shared with the HTTP client.

/** The wire number for an integer count of hundredths: `34720` → `347.2` (what moneyToMinor reads back). */
export function fromHundredths(hundredths: number): number {
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`not an integer count of hundredths: ${hundredths}`)
  return hundredths / 100
}

export const id = z.number().int().positive()
/** Dates are whole Unix seconds; milliseconds and zeroes are refused by name. */
export const unixSeconds = unixSecondsSchema
const count = z.number().int().nonnegative()
export const currency = z.enum(CURRENCIES)
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code')

/** `{amount: 347.2, currency: 'CHF'}` on the wire; `{minor: 34720, currency: 'CHF'}` in the app. */
export const money = moneyToMinor
export type { Money }
export type { WireMoney } from './http/convert'

// ---------------------------------------------------------------------------
// Envelopes and errors

/** `{result: 'success', data}`: any other `result` (including "asynchronous") is not a success. */
export function success<T extends z.ZodType>(data: T) {
  return z.object({ result: z.literal('success'), data })
}

const uniqueIds = (items: readonly { id: number }[], ctx: z.RefinementCtx): void => {
  const seen = new Set<number>()
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `id ${item.id} appears twice`, path: ['data', index, 'id'] })
    seen.add(item.id)
  })
}

/**
 * The largest page the app asks of a list. Infomaniak does not publish a
 * maximum for its lists, so public ones are read 1,000 at a time (the answer's
 * `items_per_page` rules). The modeled lists are ours to define: they serve
 * up to 10,000, so a full sync of a million billing lines takes 100 calls,
 * not 1,000 (under 60 calls a minute, minutes instead of a quarter hour).
 */
export const PER_PAGE = { public: 1000, modeled: 10_000 } as const

/**
 * A page of a list (the request sent `page`): `pages` is `ceil(total /
 * items_per_page)` (an empty list may say 0 or 1), and the page holds exactly
 * `min(items_per_page, total − (page − 1) × items_per_page)` items, none
 * beyond the last page, no id twice. Anything else is a truncated or
 * corrupted page.
 */
export function paged<T extends z.ZodType<{ id: number }>>(item: T, maxPerPage: number = PER_PAGE.public) {
  return z
    .object({
      result: z.literal('success'),
      data: z.array(item),
      total: count,
      page: z.number().int().positive(),
      pages: count,
      items_per_page: z.number().int().positive().max(maxPerPage),
    })
    .superRefine((body, ctx) => {
      const pages = Math.ceil(body.total / body.items_per_page)
      if (body.pages !== pages && !(body.total === 0 && body.pages === 1)) {
        ctx.addIssue({ code: 'custom', message: `pages is ${body.pages}, expected ${pages} for ${body.total} items`, path: ['pages'] })
      }
      const expected = Math.max(0, Math.min(body.items_per_page, body.total - (body.page - 1) * body.items_per_page))
      if (body.data.length !== expected) {
        ctx.addIssue({ code: 'custom', message: `page ${body.page} holds ${body.data.length} items, expected ${expected}`, path: ['data'] })
      }
      uniqueIds(body.data, ctx)
    })
}

/** An unpaged list as `data` (GET /1/accounts): the whole list, no id twice. */
export function uniqueList<T extends z.ZodType<{ id: number }>>(item: T) {
  return z.array(item).superRefine((items, ctx) => {
    const seen = new Set<number>()
    items.forEach((entry, index) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', message: `id ${entry.id} appears twice`, path: [index, 'id'] })
      seen.add(entry.id)
    })
  })
}

/** A whole list (the request sent no `page`): no paging fields. */
export function listed<T extends z.ZodType<{ id: number }>>(item: T) {
  return success(z.array(item)).superRefine((body, ctx) => uniqueIds(body.data, ctx))
}

/**
 * The answer to `return=total`: the count in `data`. The published document
 * also declares a `total` field on such answers; when present it must agree.
 */
export const totalAnswer = z
  .object({ result: z.literal('success'), data: count, total: count.optional() })
  .refine((body) => body.total === undefined || body.total === body.data, { message: 'total and data disagree' })

const errorDetail = z.object({
  code: z.string(),
  description: z.string(),
  context: z.looseObject({ attribute: z.string() }),
})

export const errorAnswer = z.object({
  result: z.literal('error'),
  error: z.object({
    code: z.string(),
    description: z.string(),
    context: z.record(z.string(), z.unknown()).optional(),
    errors: z.array(errorDetail).optional(),
  }),
})
export type ErrorAnswer = z.output<typeof errorAnswer>

/** The error codes the app acts on, with the status each comes with. */
export const ERROR_STATUS = {
  not_authorized: 401,
  access_denied: 403,
  account_not_partner: 403,
  object_not_found: 404,
  object_already_exists: 409,
  conflict: 409,
  tender_expired: 410,
  validation_failed: 422,
  too_many_requests: 429,
  unexpected_error: 500,
} as const
export type ErrorCode = keyof typeof ERROR_STATUS

// ---------------------------------------------------------------------------
// Query strings (what the server accepts; the client always sends page and per_page)

const integerText = z.string().regex(/^\d{1,15}$/, 'a non-negative integer').transform(Number)
const idText = integerText.pipe(id)
const idList = z
  .string()
  .regex(/^\d{1,15}(,\d{1,15})*$/, 'comma-separated ids')
  .transform((text) => text.split(',').map(Number))
  .pipe(z.array(id))

const pagingUpTo = (maxPerPage: number) =>
  z.object({
    page: integerText.pipe(z.number().int().min(1)).optional(),
    per_page: integerText.pipe(z.number().int().min(1).max(maxPerPage)).optional(),
    return: z.literal('total').optional(),
  })
export const pagingQuery = pagingUpTo(PER_PAGE.public)
export type PagingQuery = z.output<typeof pagingQuery>
const modeledPagingQuery = pagingUpTo(PER_PAGE.modeled)

export const productsQuery = pagingQuery.extend({ account_id: idText.optional(), service_name: z.string().min(1).optional() })
/** `with` names related objects to include; the b2b listing is asked for its customer and products. */
export const b2bQuery = pagingQuery.extend({ with: z.string().min(1).optional() })
export const partnershipsQuery = modeledPagingQuery.extend({ updated_since: integerText.optional() })
export const billingHistoryQuery = modeledPagingQuery
  .extend({ from: integerText, to: integerText, customer_ids: idList.optional() })
  .refine((q) => q.from < q.to, { message: 'from must be before to', path: ['to'] })
export const invoicesQuery = modeledPagingQuery.extend({
  from: integerText.optional(),
  to: integerText.optional(),
  customer_ids: idList.optional(),
  updated_since: integerText.optional(),
})
export const tendersQuery = modeledPagingQuery.extend({
  state: z.enum(TENDER_REMOTE_STATES).optional(),
  updated_since: integerText.optional(),
})

// ---------------------------------------------------------------------------
// Public endpoints (Infomaniak's published API)

// The published document (../shared/infomaniak-openapi/core-subset.json,
// checked by tests/unit/remote/conformance.test.ts) is clear on what it lists
// as required: the app requires those of them it reads. A field it declares
// without requiring may be missing or null (`optional`, below). Anything the
// app requires beyond the document is listed as assumed in docs/remote-api.md.

/** Declared by the document but not required: absent and null mean "not said". */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish()

export const profile = z.object({
  id,
  display_name: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  /** Required by the document (though not described): the organization the user last worked in. */
  current_account_id: optional(id),
})
export type Profile = z.output<typeof profile>

const tagName = z.string().min(1).max(64)
const tagColor = z.number().int().min(0).max(0xffffff)
export const tagRef = z.object({ id, name: tagName, color: tagColor })
export type TagRef = z.output<typeof tagRef>

const postalAddress = { street: z.string(), zip: z.string(), city: z.string(), country: countryCode }

/** An Accountaddress: the country is an object whose `short_name` is the ISO code. */
const accountAddress = z.object({
  street: z.string(),
  zip: z.string(),
  city: z.string(),
  country: z.object({ short_name: countryCode }),
  for_invoice: z.boolean(),
})

/**
 * An organization (the document's Account), as GET /1/accounts lists them and
 * GET /1/accounts/{id} gives one. The partnership flags say how the token's
 * user reaches it: `is_customer` and `in_partnership_*` mark a client under
 * management, `has_customer_paiement_method` (spelled so) that the client
 * pays. `partner_id`'s meaning is not documented: the app does not use it as
 * an account id.
 */
export const account = z.object({
  id,
  name: z.string(),
  legal_entity_type: z.enum(LEGAL_ENTITY_TYPES),
  created_at: unixSeconds,
  locale: z.string(),
  is_customer: z.boolean(),
  type: optional(z.string()),
  timezone: optional(z.string()),
  vat_number: optional(z.string()),
  addresses: optional(
    z.array(accountAddress).refine((all) => all.filter((a) => a.for_invoice).length <= 1, { message: 'more than one invoice address' }),
  ),
  tags: optional(z.array(tagRef)),
  partner_id: optional(z.number().int()),
  has_full_access: optional(z.boolean()),
  has_customer_paiement_method: optional(z.boolean()),
  in_partnership_full_access: optional(z.boolean()),
  in_partnership_limited: optional(z.boolean()),
})
export type Account = z.output<typeof account>

export const service = z.object({ id, name: z.string().min(1) })
export type Service = z.output<typeof service>

/** A product's rights: each declared, none required; one not said is not granted. */
const right = optional(z.boolean()).transform((value) => value ?? false)

export const product = z.object({
  id,
  account_id: id,
  service_id: id,
  /** One of the published enum's names (or a newer one): filed under a category by remote/services.ts. */
  service_name: z.string().min(1),
  customer_name: z.string(),
  internal_name: z.string().nullable(),
  fqdn: optional(z.string()),
  created_at: unixSeconds,
  expired_at: unixSeconds.nullable(),
  deleted_at: optional(unixSeconds),
  is_free: z.boolean(),
  is_trial: z.boolean(),
  rights: z.object({ technical: right, statistic: right, check: right, sale: right }),
  tags: z.array(tagRef),
  is_managed_by_partner: optional(z.boolean()),
})
export type Product = z.output<typeof product>

export const tag = tagRef.extend({ product_count: count })
export type Tag = z.output<typeof tag>

/** An AccountInvitation of GET /1/accounts/{account}/invitations/users/{user}: the user's place in an organization's staff. */
export const invitation = z.object({ id, account_id: id, status: z.enum(['accepted', 'cancelled', 'pending', 'rejected']) })
export type Invitation = z.output<typeof invitation>

/** Limited access has no payment mode: `has_customer_payment_method` is then null. */
const accessFlags = z.discriminatedUnion('has_full_access', [
  z.object({ has_full_access: z.literal(true), has_customer_payment_method: z.boolean() }),
  z.object({ has_full_access: z.literal(false), has_customer_payment_method: z.null() }),
])

const MONEY_TOTALS = ['incomes', 'discounts', 'total_payed', 'total_payed_base_price'] as const
const partnershipMoney = {
  incomes: money,
  discounts: money,
  total_payed: money,
  total_payed_base_price: money,
} satisfies Record<(typeof MONEY_TOTALS)[number], typeof money>

/** Amounts that belong together are in one currency. */
const sameCurrency =
  <K extends string>(fields: readonly K[]) =>
  (value: Partial<Record<K, Money | null>>, ctx: z.RefinementCtx): void => {
    const currencies = new Set(fields.flatMap((field) => (value[field] ? [value[field].currency] : [])))
    if (currencies.size > 1) ctx.addIssue({ code: 'custom', message: `${fields.join(', ')} mix currencies` })
  }

/**
 * An item of GET /1/accounts/{account}/invitations/{invitation}/b2b (the
 * document's Partnership): a collaboration the staff member handles, with
 * its money totals and, under limited access, the delegated products. The
 * document requires `has_customer_payment_method` even under limited
 * access, where it means nothing: the app reads it only under full access.
 */
export const b2bPartnership = z
  .object({
    id,
    name: z.string(),
    has_full_access: z.boolean(),
    has_customer_payment_method: z.boolean(),
    created_at: unixSeconds,
    updated_at: unixSeconds,
    /** Without it the collaboration names no client: it is counted, not stored. */
    customer: optional(z.object({ id, name: z.string() })),
    products: optional(z.array(z.object({ product_id: optional(id) }))),
    incomes: optional(money),
    discounts: optional(money),
    total_payed: optional(money),
    total_payed_base_price: optional(money),
  })
  .superRefine(sameCurrency(MONEY_TOTALS))
export type B2bPartnership = z.output<typeof b2bPartnership>

export const b2bAssignBody = z.object({ partnership_ids: z.array(id).min(1) })
export type B2bAssignBody = z.input<typeof b2bAssignBody>

/** DELETE answers and assignments carry `data: true`. */
export const done = z.literal(true)

// ---------------------------------------------------------------------------
// Modeled endpoints (the app's partner contract, prefix /1/partners/{partner_id})

/** An individual has no VAT number. */
const legalEntity = z.discriminatedUnion('legal_entity_type', [
  z.object({ legal_entity_type: z.literal('individual'), vat_number: z.null() }),
  z.object({ legal_entity_type: z.enum(['company', 'public_body']), vat_number: z.string().min(1).nullable() }),
])

export const customerAccount = z
  .object({
    id,
    name: z.string().min(1),
    currency,
    invoice_address: z.object(postalAddress),
    /** Never empty: the last legal representative cannot be removed. */
    legal_representatives: z
      .array(z.object({ first_name: z.string(), last_name: z.string(), email: z.string() }))
      .min(1),
  })
  .and(legalEntity)

/** Ended, and only ended, partnerships carry the end. */
const partnershipStatus = z.discriminatedUnion('status', [
  z.object({ status: z.enum(PARTNERSHIP_STATUSES).exclude(['ended']), ended_at: z.null() }),
  z.object({ status: z.literal('ended'), ended_at: unixSeconds }),
])

export const partnership = z
  .object({
    id,
    customer: customerAccount,
    /** Products the client delegated under limited access; empty under full access. */
    delegated_product_ids: z.array(id),
    ...partnershipMoney,
    created_at: unixSeconds,
    updated_at: unixSeconds,
  })
  .superRefine(sameCurrency(MONEY_TOTALS))
  .and(accessFlags)
  .and(partnershipStatus)
  .superRefine((p, ctx) => {
    if (p.has_full_access && p.delegated_product_ids.length > 0) {
      ctx.addIssue({ code: 'custom', message: 'full access delegates no products', path: ['delegated_product_ids'] })
    }
    if (p.incomes.currency !== p.customer.currency) {
      ctx.addIssue({ code: 'custom', message: 'totals are not in the customer’s currency', path: ['incomes'] })
    }
  })
export type Partnership = z.output<typeof partnership>

export const billingLine = z
  .object({
    id,
    customer_id: id,
    product_id: id.nullable(),
    invoice_id: id.nullable(),
    type: z.enum(HISTORY_TYPES),
    date: unixSeconds,
    description: z.string(),
    /** Excluding VAT. */
    amount: wireMoney,
    vat_rate: z.number(),
    vat: wireMoney,
    paid_by: z.enum(PAYMENT_MODES),
  })
  // Money and rate read in one pass, the line built field by field (a spread is slower): a million per full pull.
  .transform((line, ctx) => {
    const money = readMoney(line, ['amount', 'vat'], ctx)
    const rate = readVatRate(line.vat_rate)
    if (!rate.ok) ctx.addIssue({ code: 'custom', message: rate.problem, path: ['vat_rate'], input: line.vat_rate })
    if (money === null || !rate.ok) return z.NEVER
    return {
      id: line.id,
      customer_id: line.customer_id,
      product_id: line.product_id,
      invoice_id: line.invoice_id,
      type: line.type,
      date: line.date,
      description: line.description,
      amount: money.amount,
      vat_rate_bp: rate.basisPoints,
      vat: money.vat,
      paid_by: line.paid_by,
    }
  })
export type BillingLine = z.output<typeof billingLine>

export const invoice = z
  .object({
    id,
    customer_id: id,
    /** Where the invoice lives: the partner's organization when it pays, else the client's. */
    organization_id: id,
    number: z.string().min(1),
    issued_at: unixSeconds,
    updated_at: unixSeconds,
    status: z.enum(INVOICE_STATUSES),
    total_excl_vat: wireMoney,
    vat: wireMoney,
  })
  // As billing lines: one pass for the money.
  .transform((invoice, ctx) => {
    const money = readMoney(invoice, ['total_excl_vat', 'vat'], ctx)
    if (money === null) return z.NEVER
    return {
      id: invoice.id,
      customer_id: invoice.customer_id,
      organization_id: invoice.organization_id,
      number: invoice.number,
      issued_at: invoice.issued_at,
      updated_at: invoice.updated_at,
      status: invoice.status,
      total_excl_vat: money.total_excl_vat,
      vat: money.vat,
    }
  })
export type Invoice = z.output<typeof invoice>

/** A deleted tender is a tombstone: its content is no longer visible to partners. */
export const tenderItem = z.discriminatedUnion('state', [
  z.object({
    id,
    state: z.enum(TENDER_REMOTE_STATES).exclude(['deleted']),
    title: z.string().min(1),
    category: z.string().min(1),
    excerpt: z.string(),
    posted_at: unixSeconds,
    valid_until: unixSeconds,
    budget: money.nullable(),
    consulted_at: unixSeconds.nullable(),
    proposal_sent_at: unixSeconds.nullable(),
    updated_at: unixSeconds,
  }),
  z.object({ id, state: z.literal('deleted'), deleted_at: unixSeconds, updated_at: unixSeconds }),
])
export type TenderItem = z.output<typeof tenderItem>

export const tenderReveal = z.object({
  id,
  full_text: z.string().min(1),
  contact: z.object({ name: z.string().min(1), email: z.string().min(1), phone: z.string().min(1) }),
  consulted_at: unixSeconds,
})
export type TenderReveal = z.output<typeof tenderReveal>

export const proposal = z.object({ id, tender_id: id, text: z.string().min(1), sent_at: unixSeconds })
export type Proposal = z.output<typeof proposal>

export const clientRequest = z.object({
  id,
  email: z.string(),
  access_type: z.enum(ACCESS_TYPES),
  message: z.string(),
  created_at: unixSeconds,
})
export type ClientRequest = z.output<typeof clientRequest>

// ---------------------------------------------------------------------------
// Mutation bodies (every method but GET sends a JSON object)

export const emptyBody = z.object({})
export const proposalBody = z.object({ text: z.string().trim().min(1).max(10_000) })
/** The second confirmation; the Manager also asks for the password, the modeled endpoint relies on the token. */
export const stopBody = z.object({ confirm: z.literal(true) })
export const clientRequestBody = z.object({
  email: z.email(),
  access_type: z.enum(ACCESS_TYPES),
  message: z.string().max(2_000),
})
export const tagCreateBody = z.object({ name: tagName, color: tagColor })
/** `expected` is the tag as the app last saw it: a tag changed meanwhile answers 409 `conflict`. */
export const tagUpdateBody = z
  .object({ name: tagName.optional(), color: tagColor.optional(), expected: z.object({ name: tagName, color: tagColor }) })
  .refine((body) => body.name !== undefined || body.color !== undefined, { message: 'name or color is required' })
export const tagProductsBody = z.object({
  product_ids: z
    .array(id)
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'product ids repeat' }),
})

export type ProposalBody = z.input<typeof proposalBody>
export type StopBody = z.input<typeof stopBody>
export type ClientRequestBody = z.input<typeof clientRequestBody>
export type TagCreateBody = z.input<typeof tagCreateBody>
export type TagUpdateBody = z.input<typeof tagUpdateBody>
export type TagProductsBody = z.input<typeof tagProductsBody>
