// Everything the client page shows beside the products and tags of
// clients:get: the organization's own record, the collaboration and its
// money, who owns, manages and pays each product, the detected changes, the
// last 12 months of billing, and the partner's notes.
import type BetterSqlite3 from 'better-sqlite3'
import type { ClientProfile, TimelineEntry } from '../../../shared/contract'
import type { Currency, PartnershipEventKind, ServiceCategory } from '../../../shared/domain'
import { billingSince, BILLING_12M_BY_CURRENCY } from './billing-totals'
import { UnknownClient } from './detail'
import { checkVatNumber } from './vat'

interface OrganizationRecord {
  name: string
  legal_entity_type: ClientProfile['organization']['legalEntityType']
  vat_number: string | null
  currency: Currency
  locale: string
  timezone: string
  created_at: number
}

interface PartnershipRecord {
  id: number
  partner_name: string
  status: ClientProfile['partnership']['status']
  access_type: ClientProfile['partnership']['accessType']
  payment_mode: ClientProfile['partnership']['paymentMode']
  since: number
  until: number | null
  incomes_minor: number
  discounts_minor: number
  total_paid_minor: number
  currency: Currency
}

const money = (rows: Array<{ currency: Currency; amountMinor: number }>) => rows.map((r) => ({ minor: r.amountMinor, currency: r.currency }))

export function clientProfile(db: BetterSqlite3.Database, id: number, now: number): ClientProfile {
  const organization = db
    .prepare("SELECT name, legal_entity_type, vat_number, currency, locale, timezone, created_at FROM organizations WHERE id = ? AND role = 'client'")
    .get(id) as OrganizationRecord | undefined
  const partnership = db
    .prepare(
      `SELECT p.id, partner.name AS partner_name, p.status, p.access_type, p.payment_mode, p.since, p.until,
         p.incomes_minor, p.discounts_minor, p.total_paid_minor, p.currency
       FROM partnerships p JOIN organizations partner ON partner.id = p.partner_organization_id WHERE p.client_organization_id = ?`,
    )
    .get(id) as PartnershipRecord | undefined
  if (!organization || !partnership) throw new UnknownClient(`no client ${id} in the cache`)
  const addresses = db
    .prepare('SELECT street, postal_code AS postalCode, city, country, for_invoice AS forInvoice FROM organization_addresses WHERE organization_id = ? ORDER BY for_invoice DESC, id')
    .all(id) as Array<{ street: string; postalCode: string; city: string; country: string; forInvoice: 0 | 1 }>
  const representatives = db
    .prepare('SELECT first_name AS firstName, last_name AS lastName, email FROM legal_representatives WHERE organization_id = ? ORDER BY last_name, first_name')
    .all(id) as ClientProfile['organization']['representatives']
  const invoiceCountry = addresses.find((a) => a.forInvoice === 1)?.country ?? addresses[0]?.country ?? null
  const payers = db
    .prepare(
      `SELECT pr.id, payer.id AS payerId, payer.name AS payerName FROM products pr LEFT JOIN organizations payer ON payer.id = pr.payer_organization_id
       WHERE pr.owner_organization_id = ? AND pr.deleted_at IS NULL`,
    )
    .all(id) as Array<{ id: number; payerId: number | null; payerName: string | null }>
  const products = db
    .prepare('SELECT id, renewal_preference AS renewal FROM products WHERE owner_organization_id = ? AND deleted_at IS NULL')
    .all(id) as Array<{ id: number; renewal: ClientProfile['products'][number]['renewal'] }>
  const payerOf = new Map(payers.map((p) => [p.id, p.payerId === null ? null : { id: p.payerId, name: p.payerName ?? '' }]))
  const timeline = db
    .prepare('SELECT id, kind, before_json, after_json, detected_at FROM partnership_events WHERE partnership_id = ? ORDER BY detected_at DESC, id DESC LIMIT 200')
    .all(partnership.id) as Array<{ id: number; kind: PartnershipEventKind; before_json: string | null; after_json: string | null; detected_at: number }>
  const since = billingSince(now)
  const charges = db.prepare(BILLING_12M_BY_CURRENCY('charges')).all(id, since) as Array<{ currency: Currency; amountMinor: number }>
  const earnings = db.prepare(BILLING_12M_BY_CURRENCY('earnings')).all(id, since) as Array<{ currency: Currency; amountMinor: number }>
  const lastLine = db.prepare('SELECT max(occurred_at) FROM billing_lines WHERE client_organization_id = ?').pluck().get(id) as number | null
  const note = db.prepare('SELECT body, updated_at AS updatedAt FROM client_notes WHERE organization_id = ?').get(id) as
    | { body: string; updatedAt: number }
    | undefined
  const request = db
    .prepare(
      `SELECT payload_json, created_at FROM outbox WHERE kind = 'client.request' AND state <> 'discarded'
         AND lower(json_extract(payload_json, '$.email')) IN (SELECT lower(email) FROM legal_representatives WHERE organization_id = ?)
       ORDER BY id DESC LIMIT 1`,
    )
    .get(id) as { payload_json: string; created_at: number } | undefined
  const asked = request ? (JSON.parse(request.payload_json) as { accessType: ClientProfile['partnership']['accessType']; categories: ServiceCategory[] }) : null
  const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>))
  return {
    organization: {
      legalEntityType: organization.legal_entity_type,
      vatNumber: organization.vat_number,
      vat: checkVatNumber(organization.vat_number, invoiceCountry),
      currency: organization.currency,
      locale: organization.locale,
      timezone: organization.timezone,
      createdAt: organization.created_at,
      addresses: addresses.map((a) => ({ ...a, forInvoice: a.forInvoice === 1 })),
      representatives,
    },
    partnership: {
      id: partnership.id,
      partnerName: partnership.partner_name,
      status: partnership.status,
      accessType: partnership.access_type,
      paymentMode: partnership.payment_mode,
      since: partnership.since,
      until: partnership.until,
      incomes: { minor: partnership.incomes_minor, currency: partnership.currency },
      discounts: { minor: partnership.discounts_minor, currency: partnership.currency },
      totalPaid: { minor: partnership.total_paid_minor, currency: partnership.currency },
    },
    products: products.map((p) => ({ id: p.id, renewal: p.renewal, payer: payerOf.get(p.id) ?? null })),
    timeline: timeline.map(
      (e): TimelineEntry => ({ id: e.id, kind: e.kind, before: parse(e.before_json), after: parse(e.after_json), detectedAt: e.detected_at }),
    ),
    billing: { since, charges: money(charges), earnings: money(earnings), lastLineAt: lastLine },
    note: note ?? null,
    requested: asked && request ? { accessType: asked.accessType, categories: asked.categories, at: request.created_at } : null,
  }
}
