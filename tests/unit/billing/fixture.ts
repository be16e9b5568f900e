// A small cache written by hand: two clients (CHF complete/partner-pays, EUR
// limited), products, invoices and lines whose texts try every trap an
// export has (separators, quotes, line breaks, formulas, accents).
import type BetterSqlite3 from 'better-sqlite3'
import { openCache } from '../../../src/main/core/db/open'
import { refreshBillingRollup } from '../../../src/main/core/billing/rollup'

export const DAY = 86_400
/** 2025-03-15T10:00:00Z */
export const T0 = Date.UTC(2025, 2, 15, 10) / 1000

export function openFixture(path: string): BetterSqlite3.Database {
  const outcome = openCache(path)
  if (outcome.state !== 'ready') throw new Error(`fixture cache: ${outcome.state}`)
  return outcome.db
}

export interface LineSeed {
  client: number
  product?: number | null
  invoice?: number | null
  type: string
  at: number
  description: string
  net: number
  rateBp?: number
  currency?: 'CHF' | 'EUR'
  paidBy?: 'customer' | 'partner'
}

export function seedFixture(db: BetterSqlite3.Database, extra: LineSeed[] = []): void {
  db.transaction(() => seed(db, extra))()
}

function seed(db: BetterSqlite3.Database, extra: LineSeed[]): void {
  const org = db.prepare(
    `INSERT INTO organizations (id, name, sort_key, role, legal_entity_type, vat_number, currency, locale, timezone, created_at, synced_at)
     VALUES (?, ?, ?, ?, 'company', NULL, ?, 'de_CH', 'Europe/Zurich', 0, 0)`,
  )
  org.run(1, 'Partner AG', 'partner ag', 'own', 'CHF')
  org.run(10, 'Müller; "Bau" AG', 'muller bau ag', 'client', 'CHF')
  org.run(20, 'Société Générale de Café, SA', 'societe', 'client', 'EUR')
  const partnership = db.prepare(
    `INSERT INTO partnerships (id, partner_organization_id, client_organization_id, status, access_type, payment_mode, since, until, currency, updated_at)
     VALUES (?, 1, ?, 'active', ?, ?, 0, NULL, ?, 0)`,
  )
  partnership.run(100, 10, 'complete', 'partner', 'CHF')
  partnership.run(200, 20, 'limited', null, 'EUR')
  const product = db.prepare(
    `INSERT INTO products (id, owner_organization_id, service_id, service_name, internal_name, customer_name, fqdn, managed_by_partner,
       payer_organization_id, created_at, expired_at, deleted_at, is_free, is_trial, renewal_preference, right_technical, right_statistic, right_check, right_sale)
     VALUES (?, ?, 1, ?, ?, ?, NULL, 1, NULL, 0, ?, NULL, 0, 0, ?, 1, 1, 1, 1)`,
  )
  product.run(1000, 10, 'web_hosting', 'wh-1', '=HYPERLINK("x")', T0 + 200 * DAY, 'automatic')
  product.run(1001, 10, 'domain', 'dom-1', 'müller-bau.ch', T0 + 40 * DAY, 'cancel_at_expiry')
  product.run(2000, 20, 'mail', 'mail-1', 'Café mail', T0 + 100 * DAY, 'automatic')
  db.prepare('INSERT INTO partnership_products (partnership_id, product_id) VALUES (200, 2000)').run()
  const invoice = db.prepare('INSERT INTO invoices (id, organization_id, number, issued_at, status, total_excl_vat_minor, vat_minor, currency) VALUES (?, ?, ?, ?, ?, 0, 0, ?)')
  invoice.run(1, 1, 'INV-2025-0000001', T0 - 165 * DAY, 'paid', 'CHF')
  invoice.run(2, 20, 'INV-2025-0000002', T0, 'refunded', 'EUR')
  const lines: LineSeed[] = [
    { client: 10, product: 1000, invoice: 1, type: 'renewal', at: T0 - 165 * DAY, description: 'Renewal · Web hosting, 1 year', net: 34_720, rateBp: 810 },
    { client: 10, product: 1000, type: 'discount', at: T0 - 165 * DAY, description: 'Reseller discount', net: 6_944, rateBp: 810 },
    { client: 10, product: 1001, invoice: 1, type: 'order', at: T0 - 165 * DAY, description: 'Order; "premium" domain\nsecond line', net: 1_500, rateBp: 810 },
    { client: 20, product: 2000, invoice: 2, type: 'renewal', at: T0, description: 'Renouvellement · Messagerie, 1 an', net: 12_000, rateBp: 2_000, currency: 'EUR', paidBy: 'customer' },
    { client: 20, product: 2000, type: 'cashback', at: T0, description: 'Cashback · Messagerie', net: 2_400, rateBp: 2_000, currency: 'EUR', paidBy: 'customer' },
    { client: 20, product: 2000, type: 'refund', at: T0 + 3 * DAY + 13 * 3600, description: '-12.50', net: -1_250, rateBp: 2_000, currency: 'EUR', paidBy: 'customer' },
    ...extra,
  ]
  const line = db.prepare(
    `INSERT INTO billing_lines (client_organization_id, product_id, invoice_id, history_type, occurred_at, description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const l of lines) {
    const rate = l.rateBp ?? 810
    line.run(l.client, l.product ?? null, l.invoice ?? null, l.type, l.at, l.description, l.net, rate, Math.round((l.net * rate) / 10_000), l.currency ?? 'CHF', l.paidBy ?? 'partner')
  }
  refreshBillingRollup(db)
}
