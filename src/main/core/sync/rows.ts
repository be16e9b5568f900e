// Validated API items as staged rows, in stage.ts's column order (billing
// lines in history/table.ts's). Fields the API does not carry get the value
// the app assumes until it learns better (stated where it happens).
import type { Currency } from '../../../shared/domain'
import { sortKey } from '../db/sort-key'
import type { Account, B2bPartnership, BillingLine, Invoice, Partnership, Product, TenderItem } from '../remote/schemas'
import { categoryOf } from '../remote/services'

type Row = Array<string | number | null>
const bit = (value: boolean): number => (value ? 1 : 0)

export interface PartnershipRows {
  organization: Row
  address: Row
  representatives: Row[]
  partnership: Row
  delegated: Row[]
}

export function partnershipRows(p: Partnership, partnerId: number, now: number): PartnershipRows {
  const c = p.customer
  return {
    // The modeled list carries no locale, time zone or creation date of the
    // client: empty and the partnership's start stand in for them.
    organization: [c.id, c.name, sortKey(c.name), 'client', c.legal_entity_type, c.vat_number, c.currency, '', '', p.created_at, now],
    address: [c.id, c.invoice_address.street, c.invoice_address.zip, c.invoice_address.city, c.invoice_address.country, 1],
    representatives: c.legal_representatives.map((r) => [c.id, r.first_name, r.last_name, r.email]),
    partnership: [
      p.id,
      partnerId,
      c.id,
      p.status,
      p.has_full_access ? 'complete' : 'limited',
      p.has_full_access ? (p.has_customer_payment_method ? 'customer' : 'partner') : null,
      p.created_at,
      p.ended_at,
      p.incomes.minor,
      p.discounts.minor,
      p.total_payed.minor,
      p.total_payed_base_price.minor,
      c.currency,
      p.updated_at,
      p.id,
    ],
    delegated: p.delegated_product_ids.map((productId) => [p.id, productId]),
  }
}

/** Every product is stored: a service the app does not know is filed as `other`, its name kept. */
export function productRow(p: Product, partnerId: number): Row {
  return [
    p.id,
    p.account_id,
    p.service_id,
    categoryOf(p.service_name),
    p.internal_name ?? '',
    p.customer_name,
    p.fqdn ?? null,
    // Not said: the partner manages what it reaches in another organization.
    bit(p.is_managed_by_partner ?? p.account_id !== partnerId),
    // The payer follows the partnership's payment mode; merge.ts sets it.
    null,
    p.created_at,
    p.expired_at,
    p.deleted_at ?? null,
    bit(p.is_free),
    bit(p.is_trial),
    // Not in the public API: renewals are automatic unless the client says otherwise.
    'automatic',
    bit(p.rights.technical),
    bit(p.rights.statistic),
    bit(p.rights.check),
    bit(p.rights.sale),
    p.service_name,
  ]
}

export const tagRows = (p: Product): Row[] => p.tags.map((tag) => [tag.id, p.account_id, tag.name, tag.color])
export const productTagRows = (p: Product): Row[] => p.tags.map((tag) => [p.id, tag.id])

export const invoiceRow = (i: Invoice): Row => [
  i.id,
  i.organization_id,
  i.number,
  i.issued_at,
  i.status,
  i.total_excl_vat.minor,
  i.vat.minor,
  i.total_excl_vat.currency,
]

export const billingLineRow = (l: BillingLine): Row => [
  l.id,
  l.customer_id,
  l.product_id,
  l.invoice_id,
  l.type,
  l.date,
  l.description,
  l.amount.minor,
  l.vat_rate_bp,
  l.vat.minor,
  l.amount.currency,
  l.paid_by,
]

/** Null for a deleted tender: the server sends only a tombstone, and merge marks it deleted. */
export function tenderRow(t: TenderItem, partnerCurrency: string): Row | null {
  if (t.state === 'deleted') return null
  return [t.id, t.title, t.category, t.excerpt, t.posted_at, t.valid_until, t.budget?.minor ?? null, t.budget?.currency ?? partnerCurrency, t.state]
}

/** The invoice currency follows the invoice address's country (DOMAIN.md): francs in Switzerland and Liechtenstein, else euros. */
export function currencyOf(account: Account, fallback: Currency): Currency {
  const addresses = account.addresses ?? []
  const invoice = addresses.find((address) => address.for_invoice) ?? addresses[0]
  if (!invoice) return fallback
  return invoice.country.short_name === 'CH' || invoice.country.short_name === 'LI' ? 'CHF' : 'EUR'
}

/** What the cache already holds of an organization, kept where the accounts list does not say. */
export interface KnownOrganization {
  vat_number: string | null
  timezone: string
}

export interface AccountRows {
  organization: Row
  /** Staged only when the answer carries addresses: the merge replaces an organization's addresses with the staged ones. */
  addresses: Row[] | null
  tags: Row[]
}

/** An organization as GET /1/accounts (or /1/accounts/{id}) gives it. */
export function accountRows(a: Account, role: 'own' | 'client', currency: Currency, known: KnownOrganization | undefined, now: number): AccountRows {
  return {
    organization: [
      a.id,
      a.name,
      sortKey(a.name),
      role,
      a.legal_entity_type,
      a.vat_number === undefined ? (known?.vat_number ?? null) : a.vat_number,
      currency,
      a.locale,
      a.timezone ?? known?.timezone ?? '',
      a.created_at,
      now,
    ],
    addresses:
      a.addresses == null
        ? null
        : a.addresses.map((address) => [a.id, address.street, address.zip, address.city, address.country.short_name, bit(address.for_invoice)]),
    tags: (a.tags ?? []).map((tag) => [tag.id, a.id, tag.name, tag.color]),
  }
}

/** What the cache held of a collaboration before this pull. */
export interface CachedCollaboration {
  since: number
  updatedAt: number
  incomes: number
  discounts: number
  totalPaid: number
  totalPaidBasePrice: number
  currency: Currency
  remoteId: number | null
  delegated: number[]
}

/** A collaboration as the published API shows it: the client's account flags, and its b2b entry where the staff member has one. */
export interface PublicPartnership {
  client: Account
  currency: Currency
  b2b: B2bPartnership | undefined
  /**
   * The cache's copy. Without a b2b entry (the user is no staff member of
   * it, or has no staff invitation) the listing says nothing of totals and
   * delegations: the cached ones stay, rather than read as zero and none.
   */
  cached: CachedCollaboration | undefined
  now: number
}

/**
 * The row of a collaboration found from the published API: its id is the
 * client organization's (one partner, one row per client), the b2b id kept
 * beside. Access and payment mode come from the b2b entry when there is
 * one, else from the account's flags; a complete access whose payment mode
 * is not said is read as the client paying, the Manager's default. The
 * published API does not say when a collaboration began, unless b2b does:
 * else it is when the cache first saw it.
 */
export function publicPartnershipRows(p: PublicPartnership, partnerId: number): { partnership: Row; delegated: Row[] } {
  const { client, b2b, cached } = p
  const complete = b2b ? b2b.has_full_access : (client.in_partnership_full_access ?? client.has_full_access ?? false)
  const customerPays = b2b ? b2b.has_customer_payment_method : (client.has_customer_paiement_method ?? true)
  const total = (money: { minor: number } | null | undefined, kept: number | undefined): number => (b2b ? (money?.minor ?? 0) : (kept ?? 0))
  const delegated = b2b ? (b2b.products ?? []).flatMap((product) => (product.product_id == null ? [] : [product.product_id])) : (cached?.delegated ?? [])
  return {
    partnership: [
      client.id,
      partnerId,
      client.id,
      'active',
      complete ? 'complete' : 'limited',
      complete ? (customerPays ? 'customer' : 'partner') : null,
      b2b?.created_at ?? cached?.since ?? p.now,
      null,
      total(b2b?.incomes, cached?.incomes),
      total(b2b?.discounts, cached?.discounts),
      total(b2b?.total_payed, cached?.totalPaid),
      total(b2b?.total_payed_base_price, cached?.totalPaidBasePrice),
      b2b?.incomes?.currency ?? cached?.currency ?? p.currency,
      b2b?.updated_at ?? cached?.updatedAt ?? p.now,
      b2b?.id ?? cached?.remoteId ?? null,
    ],
    delegated: complete ? [] : delegated.map((productId) => [client.id, productId]),
  }
}
