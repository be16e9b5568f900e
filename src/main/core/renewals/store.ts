// Renewals from the cache: what expires soon, grouped by client, and the
// reminders' memory (renewal_reminders) and lead times (cache_meta).
import { createHash } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import type { RenewalGroup, RenewalOverview, RenewalReminder, RenewalsDue } from '../../../shared/contract'
import { REMINDERS_NAMED } from '../../../shared/renewals'
import type { AccessType, PartnershipStatus, PaymentMode, RenewalPreference, ServiceCategory } from '../../../shared/domain'
import { partnershipTerms } from '../../../shared/partnership'
import { currentLead, DEFAULT_LEADS, dueReminders, normalizeLeads, parseReminderKey, reminderKey } from './schedule'

const DAY = 86_400
const LEADS_KEY = 'renewal_lead_days'
/** More products than this in the window are cut (the user narrows the window). */
export const RENEWALS_SHOWN = 2_000

export function readLeads(db: BetterSqlite3.Database): number[] {
  const value = db.prepare('SELECT value FROM cache_meta WHERE key = ?').pluck().get(LEADS_KEY) as string | undefined
  if (value === undefined) return [...DEFAULT_LEADS]
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) ? normalizeLeads(parsed.filter((n): n is number => typeof n === 'number')) : [...DEFAULT_LEADS]
  } catch {
    return [...DEFAULT_LEADS]
  }
}

export function writeLeads(db: BetterSqlite3.Database, leads: readonly number[]): number[] {
  const normalized = normalizeLeads(leads)
  db.prepare('INSERT INTO cache_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(LEADS_KEY, JSON.stringify(normalized))
  return normalized
}

interface Row {
  client_id: number
  client_name: string
  access_type: AccessType
  payment_mode: PaymentMode | null
  status: PartnershipStatus
  id: number
  name: string
  service: ServiceCategory
  expired_at: number
  renewal: RenewalPreference
}

const EXPIRING = `SELECT o.id AS client_id, o.name AS client_name, p.access_type, p.payment_mode, p.status,
    pr.id, pr.customer_name AS name, pr.service_name AS service, pr.expired_at, pr.renewal_preference AS renewal
  FROM products pr JOIN organizations o ON o.id = pr.owner_organization_id JOIN partnerships p ON p.client_organization_id = o.id
  WHERE pr.deleted_at IS NULL AND pr.expired_at > ? AND pr.expired_at <= ? AND p.status <> 'ended'`

export function renewalOverview(db: BetterSqlite3.Database, days: number, now: number): RenewalOverview {
  const rows = db.prepare(`${EXPIRING} ORDER BY pr.expired_at, pr.id LIMIT ?`).all(now, now + days * DAY, RENEWALS_SHOWN + 1) as Row[]
  const truncated = rows.length > RENEWALS_SHOWN
  const leads = readLeads(db)
  const groups = new Map<number, RenewalGroup>()
  for (const row of rows.slice(0, RENEWALS_SHOWN)) {
    let group = groups.get(row.client_id)
    if (!group) {
      const terms = partnershipTerms(row.access_type, row.payment_mode)
      group = {
        clientId: row.client_id,
        clientName: row.client_name,
        accessType: row.access_type,
        payer: terms.payer,
        mayRenew: row.status === 'active' && terms.mayOrderAndRenew,
        products: [],
      }
      groups.set(row.client_id, group)
    }
    const lead = currentLead(row.expired_at, leads, now)
    group.products.push({
      id: row.id,
      name: row.name,
      service: row.service,
      expiredAt: row.expired_at,
      renewal: row.renewal,
      reminderKey: lead === null ? null : reminderKey(row.id, row.expired_at, lead),
    })
  }
  return { days, leads, truncated, groups: [...groups.values()] }
}

/** The reminders due now, with what the notification says. */
export function dueRenewalReminders(db: BetterSqlite3.Database, now: number): RenewalReminder[] {
  const leads = readLeads(db)
  if (leads.length === 0) return []
  const rows = db.prepare(EXPIRING).all(now, now + Math.max(...leads) * DAY) as Row[]
  const memory = db.prepare('SELECT product_id, expired_at, lead_days, shown_at, snoozed_until FROM renewal_reminders').all() as Array<{
    product_id: number
    expired_at: number
    lead_days: number
    shown_at: number | null
    snoozed_until: number | null
  }>
  const key = (m: (typeof memory)[number]) => `renewal:${m.product_id}:${m.expired_at}:${m.lead_days}`
  const due = dueReminders(
    rows.map((row) => ({ productId: row.id, expiredAt: row.expired_at })),
    leads,
    {
      shown: new Set(memory.filter((m) => m.shown_at !== null).map(key)),
      snoozedUntil: new Map(memory.filter((m) => m.snoozed_until !== null).map((m) => [key(m), m.snoozed_until!])),
    },
    now,
  )
  const byId = new Map(rows.map((row) => [row.id, row]))
  return due.map((reminder) => {
    const row = byId.get(reminder.productId)!
    return { key: reminder.key, clientId: row.client_id, clientName: row.client_name, productName: row.name, expiredAt: row.expired_at, daysLeft: reminder.daysLeft }
  })
}

/** Names a set of due reminders (soonest first, as listed): the same keys, the same digest. */
const digestOf = (reminders: readonly RenewalReminder[]): string =>
  createHash('sha256').update(reminders.map((reminder) => reminder.key).join('\n')).digest('hex')

/**
 * The reminders due now as the notifier needs them: how many, the soonest by
 * name, and a digest of them all. At a first sync's size (some 6,000 due) the
 * whole list was a megabyte sent to a window that shows one notice.
 */
export function dueRenewals(db: BetterSqlite3.Database, now: number): RenewalsDue {
  const due = dueRenewalReminders(db, now)
  return {
    count: due.length,
    soonest: due.slice(0, REMINDERS_NAMED),
    latestDaysLeft: due.reduce((latest, reminder) => Math.max(latest, reminder.daysLeft), 0),
    digest: digestOf(due),
  }
}

/** Records every due reminder as shown, if `digest` still names them (null: others are due now, nothing recorded). */
export function markAllDueShown(db: BetterSqlite3.Database, digest: string, now: number): number | null {
  return db.transaction(() => {
    const due = dueRenewalReminders(db, now)
    if (digestOf(due) !== digest) return null
    markShown(db, due.map((reminder) => reminder.key), now)
    return due.length
  })()
}

/** Remembers reminders as shown, so they never show again. Unknown keys are refused by the caller's schema. */
export function markShown(db: BetterSqlite3.Database, keys: readonly string[], now: number): void {
  const upsert = db.prepare(
    `INSERT INTO renewal_reminders (product_id, expired_at, lead_days, shown_at, snoozed_until) VALUES (?, ?, ?, ?, NULL)
     ON CONFLICT (product_id, expired_at, lead_days) DO UPDATE SET shown_at = excluded.shown_at, snoozed_until = NULL`,
  )
  db.transaction(() => {
    for (const key of keys) {
      const parsed = parseReminderKey(key)
      if (parsed) upsert.run(parsed.productId, parsed.expiredAt, parsed.leadDays, now)
    }
  })()
}

/** Snoozing a product's current reminder: it shows again once `until` has passed. */
export function snooze(db: BetterSqlite3.Database, key: string, until: number): void {
  const parsed = parseReminderKey(key)
  if (!parsed) return
  db.prepare(
    `INSERT INTO renewal_reminders (product_id, expired_at, lead_days, shown_at, snoozed_until) VALUES (?, ?, ?, NULL, ?)
     ON CONFLICT (product_id, expired_at, lead_days) DO UPDATE SET shown_at = NULL, snoozed_until = excluded.snoozed_until`,
  ).run(parsed.productId, parsed.expiredAt, parsed.leadDays, until)
}
