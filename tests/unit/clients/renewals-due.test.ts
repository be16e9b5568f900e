// renewals:due as a summary (count, the soonest by name, a digest), against
// the full list of due reminders it replaces on the wire, and recording them
// all by that digest.
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { seedDemo } from '../../../src/main/core/cache/seed-demo'
import { openCache } from '../../../src/main/core/db/open'
import { dueRenewalReminders, dueRenewals, markAllDueShown, markShown, writeLeads } from '../../../src/main/core/renewals/store'
import { REMINDERS_NAMED } from '../../../src/shared/renewals'
import { tempDir } from '../../paths'

const NOW = Date.UTC(2026, 0, 15, 9, 30) / 1000
let raw: BetterSqlite3.Database

beforeEach(() => {
  const outcome = openCache(join(tempDir('renewals-due'), 'cache.sqlite'))
  if (outcome.state !== 'ready') throw new Error(outcome.state)
  raw = outcome.db
  seedDemo(raw, 'small', NOW, () => {})
})

describe('renewals due, summed up', () => {
  it('counts what the full list holds, names its soonest in order, and gives the longest time left', () => {
    const due = dueRenewalReminders(raw, NOW)
    expect(due.length).toBeGreaterThan(REMINDERS_NAMED)
    const summary = dueRenewals(raw, NOW)
    expect(summary.count).toBe(due.length)
    expect(summary.soonest).toEqual(due.slice(0, REMINDERS_NAMED))
    expect(summary.latestDaysLeft).toBe(Math.max(...due.map((reminder) => reminder.daysLeft)))
  })

  it('names every due reminder when they are few, and sums up none when none is due', () => {
    const due = dueRenewalReminders(raw, NOW)
    markShown(raw, due.slice(2).map((reminder) => reminder.key), NOW)
    expect(dueRenewals(raw, NOW)).toMatchObject({ count: 2, soonest: due.slice(0, 2) })
    markShown(raw, due.slice(0, 2).map((reminder) => reminder.key), NOW)
    expect(dueRenewals(raw, NOW)).toMatchObject({ count: 0, soonest: [], latestDaysLeft: 0 })
  })

  it('records them all by the digest, and nothing once others are due', () => {
    writeLeads(raw, [7])
    const summary = dueRenewals(raw, NOW)
    // A longer lead time makes more due: the digest no longer names what is due.
    writeLeads(raw, [60, 30, 14, 7])
    const more = dueRenewals(raw, NOW)
    expect(more.count).toBeGreaterThan(summary.count)
    expect(markAllDueShown(raw, summary.digest, NOW)).toBeNull()
    expect(dueRenewals(raw, NOW).count).toBe(more.count)
    expect(markAllDueShown(raw, more.digest, NOW)).toBe(more.count)
    expect(dueRenewalReminders(raw, NOW + 3600)).toEqual([])
  })
})
