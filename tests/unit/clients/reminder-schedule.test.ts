import { describe, expect, it } from 'vitest'
import { currentLead, dueReminders, parseReminderKey, reminderKey, type ReminderMemory } from '../../../src/main/core/renewals/schedule'

const DAY = 86_400
const START = 1_800_000_000
const LEADS = [60, 30, 14, 7]

/** A fake clock and the memory a real store keeps: what was shown stays shown. */
function simulate(products: Array<{ productId: number; expiredAt: number }>, checks: number[]) {
  const shown = new Set<string>()
  const snoozedUntil = new Map<string, number>()
  const log: Array<{ at: number; key: string }> = []
  for (const at of checks) {
    const memory: ReminderMemory = { shown, snoozedUntil }
    for (const reminder of dueReminders(products, LEADS, memory, at)) {
      log.push({ at, key: reminder.key })
      shown.add(reminder.key)
    }
  }
  return { log, shown, snoozedUntil }
}

describe('the renewal reminder schedule', () => {
  it('shows one reminder per lead time, each once, checked every hour for 70 days', () => {
    const expiredAt = START + 65 * DAY
    const hourly = Array.from({ length: 70 * 24 }, (_, i) => START + i * 3600)
    const { log } = simulate([{ productId: 7, expiredAt }], hourly)
    expect(log.map((entry) => entry.key)).toEqual(LEADS.map((lead) => reminderKey(7, expiredAt, lead)))
    // Each at the first check inside its window.
    expect(log.map((entry) => Math.ceil((expiredAt - entry.at) / DAY))).toEqual([60, 30, 14, 7])
  })

  it('shows only the tightest lead when the app was closed through several', () => {
    const expiredAt = START + 10 * DAY
    const { log } = simulate([{ productId: 1, expiredAt }], [START, START + DAY, START + 2 * DAY])
    expect(log).toEqual([{ at: START, key: reminderKey(1, expiredAt, 14) }])
  })

  it('starts over for a renewed product (a new expiry), and never after expiry', () => {
    const first = START + 5 * DAY
    const renewed = first + 365 * DAY
    expect(currentLead(first, LEADS, first + 1)).toBeNull()
    const { log } = simulate([{ productId: 2, expiredAt: first }, { productId: 2, expiredAt: renewed }], [START, renewed - 6 * DAY])
    expect(log.map((entry) => entry.key)).toEqual([reminderKey(2, first, 7), reminderKey(2, renewed, 7)])
  })

  it('waits while snoozed, then shows it again', () => {
    const expiredAt = START + 20 * DAY
    const key = reminderKey(3, expiredAt, 30)
    const memory: ReminderMemory = { shown: new Set(), snoozedUntil: new Map([[key, START + DAY]]) }
    expect(dueReminders([{ productId: 3, expiredAt }], LEADS, memory, START)).toEqual([])
    expect(dueReminders([{ productId: 3, expiredAt }], LEADS, memory, START + DAY).map((r) => r.key)).toEqual([key])
  })

  it('reads back the keys it writes, and nothing else', () => {
    expect(parseReminderKey(reminderKey(12, 1_900_000_000, 14))).toEqual({ productId: 12, expiredAt: 1_900_000_000, leadDays: 14 })
    expect(parseReminderKey('renewal:1:2')).toBeNull()
    expect(parseReminderKey('renewal:1:2:3:4')).toBeNull()
  })
})
