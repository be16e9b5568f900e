import type BetterSqlite3 from 'better-sqlite3'
import type { DemoProgress } from '../../../shared/contract'
import { CURRENCIES, HISTORY_TYPES, PAYMENT_MODES } from '../../../shared/domain'
import type { Database } from '../db/schema'
import { sortKey } from '../db/sort-key'
import { type DemoDataset, demoRowCounts } from './dataset'

// Writes a generated dataset with prepared statements and positional
// parameters: the fastest path better-sqlite3 offers (a query builder costs
// more than half the throughput at a million rows). No transaction here: the
// caller wraps clearing, inserting and indexing in one.

/** Rows between two progress reports. */
const PROGRESS_EVERY = 10_000

type DomainTable = Exclude<keyof Database, 'schema_migrations' | 'settings' | 'cache_meta'>

/**
 * Every table holding domain data, children before parents. The full-text
 * tables (clients_fts, tenders_fts) are the search index's business.
 */
export const DEMO_TABLES_IN_DELETE_ORDER = [
  'product_tags',
  'partnership_products',
  'billing_lines',
  'invoices',
  'tags',
  'partnership_events',
  'outbox',
  'products',
  'partnerships',
  'legal_representatives',
  'organization_addresses',
  'organizations',
  'tenders',
  'profiles',
  'sync_state',
] as const satisfies readonly DomainTable[]

/** Deletes every domain row (settings, cache metadata and migrations stay). */
export function clearDomainData(db: BetterSqlite3.Database): void {
  for (const table of DEMO_TABLES_IN_DELETE_ORDER) db.prepare(`DELETE FROM ${table}`).run()
}

class PhaseProgress {
  private done = 0
  private reported = 0

  constructor(
    private readonly phase: DemoProgress['phase'],
    private readonly total: number,
    private readonly onProgress: ((progress: DemoProgress) => void) | undefined,
  ) {
    onProgress?.({ phase, done: 0, total })
  }

  /** Counts one row: a comparison per row, a report every PROGRESS_EVERY rows. */
  row(): void {
    if (++this.done - this.reported >= PROGRESS_EVERY) this.report()
  }

  /** The phase's last report, done = total. */
  finish(): void {
    if (this.done !== this.reported) this.report()
  }

  private report(): void {
    this.reported = this.done
    this.onProgress?.({ phase: this.phase, done: this.done, total: this.total })
  }
}

const bit = (value: boolean) => (value ? 1 : 0)

export function insertDemo(
  db: BetterSqlite3.Database,
  data: DemoDataset,
  onProgress?: (progress: DemoProgress) => void,
): void {
  const counts = demoRowCounts(data)

  {
    const progress = new PhaseProgress(
      'organizations',
      counts.organizations + counts.organization_addresses + counts.legal_representatives + counts.partnerships,
      onProgress,
    )
    const organization = db.prepare(
      `INSERT INTO organizations (id, name, sort_key, role, legal_entity_type, vat_number, currency, locale, timezone, created_at, synced_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const address = db.prepare(
      `INSERT INTO organization_addresses (organization_id, street, postal_code, city, country, for_invoice)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    const representative = db.prepare(
      `INSERT INTO legal_representatives (organization_id, first_name, last_name, email) VALUES (?, ?, ?, ?)`,
    )
    for (const o of data.organizations) {
      organization.run(o.id, o.name, sortKey(o.name), o.role, o.legalEntity.type, o.legalEntity.vatNumber, o.currency, o.locale, o.timezone, o.createdAt, o.syncedAt)
      progress.row()
      const a = o.invoiceAddress
      address.run(o.id, a.street, a.postalCode, a.city, a.country, 1)
      progress.row()
      for (const b of o.otherAddresses) {
        address.run(o.id, b.street, b.postalCode, b.city, b.country, 0)
        progress.row()
      }
      for (const r of o.representatives) {
        representative.run(o.id, r.firstName, r.lastName, r.email)
        progress.row()
      }
    }
    const partnership = db.prepare(
      `INSERT INTO partnerships (id, partner_organization_id, client_organization_id, status, access_type, payment_mode,
         since, until, incomes_minor, discounts_minor, total_paid_minor, total_paid_base_price_minor, currency, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const p of data.partnerships) {
      partnership.run(
        p.id, p.partnerOrganizationId, p.clientOrganizationId, p.state.status, p.access.type,
        p.access.type === 'complete' ? p.access.paymentMode : null,
        p.since, p.state.until, p.incomesMinor, p.discountsMinor, p.totalPaidMinor, p.totalPaidBasePriceMinor,
        p.currency, p.updatedAt,
      )
      progress.row()
    }
    progress.finish()
  }

  {
    const progress = new PhaseProgress(
      'products',
      counts.products + counts.partnership_products + counts.tags + counts.product_tags,
      onProgress,
    )
    const product = db.prepare(
      `INSERT INTO products (id, owner_organization_id, service_id, service_name, internal_name, customer_name, fqdn,
         managed_by_partner, payer_organization_id, created_at, expired_at, deleted_at, is_free, is_trial,
         renewal_preference, right_technical, right_statistic, right_check, right_sale)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const p of data.products) {
      product.run(
        p.id, p.ownerOrganizationId, p.serviceId, p.category, p.internalName, p.customerName, p.fqdn,
        bit(p.managedByPartner), p.payerOrganizationId, p.createdAt, p.expiredAt, p.deletedAt, bit(p.isFree),
        bit(p.isTrial), p.renewalPreference, bit(p.rights.technical), bit(p.rights.statistic), bit(p.rights.check),
        bit(p.rights.sale),
      )
      progress.row()
    }
    const delegated = db.prepare(`INSERT INTO partnership_products (partnership_id, product_id) VALUES (?, ?)`)
    for (const link of data.partnershipProducts) {
      delegated.run(link.partnershipId, link.productId)
      progress.row()
    }
    const tag = db.prepare(`INSERT INTO tags (id, organization_id, name, color) VALUES (?, ?, ?, ?)`)
    for (const t of data.tags) {
      tag.run(t.id, t.organizationId, t.name, t.color)
      progress.row()
    }
    const productTag = db.prepare(`INSERT INTO product_tags (product_id, tag_id) VALUES (?, ?)`)
    for (const link of data.productTags) {
      productTag.run(link.productId, link.tagId)
      progress.row()
    }
    progress.finish()
  }

  {
    const progress = new PhaseProgress('billing', counts.invoices + counts.billing_lines, onProgress)
    const invoice = db.prepare(
      `INSERT INTO invoices (id, organization_id, number, issued_at, status, total_excl_vat_minor, vat_minor, currency)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const i of data.invoices) {
      invoice.run(i.id, i.organizationId, i.number, i.issuedAt, i.status, i.totalExclVatMinor, i.vatMinor, i.currency)
      progress.row()
    }
    const line = db.prepare(
      `INSERT INTO billing_lines (id, client_organization_id, product_id, invoice_id, history_type, occurred_at,
         description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const l = data.billingLines
    for (let i = 0; i < l.count; i++) {
      line.run(
        i + 1, l.clientOrganizationId[i], l.productId[i] || null, l.invoiceId[i] || null,
        HISTORY_TYPES[l.historyType[i]], l.occurredAt[i], l.descriptions[l.description[i]],
        l.amountExclVatMinor[i], l.vatRateBp[i], l.vatMinor[i], CURRENCIES[l.currency[i]], PAYMENT_MODES[l.paidBy[i]],
      )
      progress.row()
    }
    progress.finish()
  }

  {
    const progress = new PhaseProgress('tenders', counts.tenders, onProgress)
    const tender = db.prepare(
      `INSERT INTO tenders (id, title, category, excerpt, full_text, contact_name, contact_email, contact_phone,
         posted_at, revealed_at, valid_until, budget_minor, currency, remote_state, triage_state, score, notes, proposal)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const t of data.tenders) {
      const r = t.reveal
      tender.run(
        t.id, t.title, t.category, t.excerpt, r?.fullText ?? null, r?.contactName ?? null, r?.contactEmail ?? null,
        r?.contactPhone ?? null, t.postedAt, r?.revealedAt ?? null, t.validUntil, t.budgetMinor, t.currency,
        t.remoteState, t.triageState, t.score, t.notes, t.proposal,
      )
      progress.row()
    }
    progress.finish()
  }
}
