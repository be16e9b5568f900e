// Validated API items as staged rows, in stage.ts's column order (billing
// lines in history/table.ts's). Fields the API does not carry get the value
// the app assumes until it learns better (stated where it happens).
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../shared/domain'
import { sortKey } from '../db/sort-key'
import type { BillingLine, Invoice, Partnership, Product, TenderItem } from '../remote/schemas'

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
    ],
    delegated: p.delegated_product_ids.map((productId) => [p.id, productId]),
  }
}

const categories = new Set<string>(SERVICE_CATEGORIES)

/** Null for a service the app has no category for yet: such products are counted, not stored. */
export function productRow(p: Product): Row | null {
  if (!categories.has(p.service_name)) return null
  return [
    p.id,
    p.account_id,
    p.service_id,
    p.service_name as ServiceCategory,
    p.internal_name,
    p.customer_name,
    p.fqdn,
    bit(p.is_managed_by_partner),
    // The payer follows the partnership's payment mode; merge.ts sets it.
    null,
    p.created_at,
    p.expired_at,
    p.deleted_at,
    bit(p.is_free),
    bit(p.is_trial),
    // Not in the public API: renewals are automatic unless the client says otherwise.
    'automatic',
    bit(p.rights.technical),
    bit(p.rights.statistic),
    bit(p.rights.check),
    bit(p.rights.sale),
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
