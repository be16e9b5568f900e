// Which renewal reminders are due now: pure, so a fake clock tests it.
//
// At each lead time the user picked (e.g. 60/30/14/7 days before expiry) a
// product gets one reminder. Reminders are remembered by product, expiry and
// lead time, so each shows once; a product renewed (a new expiry) starts
// over. An app opened after several lead times passed shows only the
// tightest one, not a burst of stale ones. A snoozed reminder comes back
// when its snooze ends.

const DAY = 86_400

export interface Expiring {
  productId: number
  /** Unix seconds. */
  expiredAt: number
}

export interface ReminderMemory {
  /** Keys of reminders already shown (see reminderKey). */
  shown: ReadonlySet<string>
  /** Key → Unix seconds until which the reminder waits. */
  snoozedUntil: ReadonlyMap<string, number>
}

export interface DueReminder extends Expiring {
  key: string
  leadDays: number
  /** Whole days left, rounded up (0 on the last day). */
  daysLeft: number
}

export const reminderKey = (productId: number, expiredAt: number, leadDays: number): string => `renewal:${productId}:${expiredAt}:${leadDays}`

export function parseReminderKey(key: string): { productId: number; expiredAt: number; leadDays: number } | null {
  const match = /^renewal:(\d{1,15}):(\d{1,15}):(\d{1,3})$/.exec(key)
  return match ? { productId: Number(match[1]), expiredAt: Number(match[2]), leadDays: Number(match[3]) } : null
}

/** The lead time whose window `now` is in: the smallest lead still ≥ the days left; null before the first or after expiry. */
export function currentLead(expiredAt: number, leads: readonly number[], now: number): number | null {
  if (expiredAt <= now) return null
  const left = (expiredAt - now) / DAY
  const within = leads.filter((lead) => left <= lead)
  return within.length === 0 ? null : Math.min(...within)
}

export function dueReminders(products: readonly Expiring[], leads: readonly number[], memory: ReminderMemory, now: number): DueReminder[] {
  const due: DueReminder[] = []
  for (const product of products) {
    const lead = currentLead(product.expiredAt, leads, now)
    if (lead === null) continue
    const key = reminderKey(product.productId, product.expiredAt, lead)
    if (memory.shown.has(key)) continue
    const snoozed = memory.snoozedUntil.get(key)
    if (snoozed !== undefined && snoozed > now) continue
    due.push({ ...product, key, leadDays: lead, daysLeft: Math.ceil((product.expiredAt - now) / DAY) })
  }
  return due.sort((a, b) => a.expiredAt - b.expiredAt || a.productId - b.productId)
}

/** The lead times a user may pick: at most two months ahead, as the Manager's reminders. */
export const DEFAULT_LEADS: readonly number[] = [60, 30, 14, 7]
export function normalizeLeads(leads: readonly number[]): number[] {
  return [...new Set(leads.filter((lead) => Number.isInteger(lead) && lead >= 1 && lead <= 366))].sort((a, b) => b - a)
}
