import { describe, expect, it } from 'vitest'
import { TENDER_REMOTE_STATES } from '../../../src/shared/domain'
import { DEMO_TRIAGE_STATES } from '../../../src/main/core/demo/tenders'
import { REVEALED_TRIAGE_STATES } from '../../../src/main/core/demo/dataset'
import { NOW, smallDemo } from './fixture'

describe('demo tenders', () => {
  const { tenders } = smallDemo()

  it('covers every triage state but expired (the inbox sets it) and every remote state', () => {
    expect(new Set(tenders.map((t) => t.triageState))).toEqual(new Set(DEMO_TRIAGE_STATES))
    expect(new Set(tenders.map((t) => t.remoteState))).toEqual(new Set(TENDER_REMOTE_STATES))
  })

  it('reveals full text and contact exactly for consulted-or-later tenders, while they were valid', () => {
    for (const t of tenders) {
      const revealed = (REVEALED_TRIAGE_STATES as readonly string[]).includes(t.triageState)
      expect(t.reveal !== null, t.triageState).toBe(revealed)
      if (t.reveal === null) continue
      expect(t.reveal.revealedAt).toBeGreaterThanOrEqual(t.postedAt)
      expect(t.reveal.revealedAt).toBeLessThanOrEqual(Math.min(t.validUntil, NOW))
      expect(t.reveal.fullText.length).toBeGreaterThan(t.excerpt.length)
      expect(t.reveal.contactEmail).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]{2,}$/)
      expect(t.reveal.contactPhone).toMatch(/^\+\d{2,3}( \d+)+$/)
    }
  })

  it('keeps validity consistent with the remote state, spread around now', () => {
    for (const t of tenders) {
      expect(t.postedAt).toBeLessThan(t.validUntil)
      expect(t.postedAt).toBeLessThanOrEqual(NOW)
      if (t.remoteState === 'open') expect(t.validUntil).toBeGreaterThan(NOW)
      if (t.remoteState === 'expired') expect(t.validUntil).toBeLessThanOrEqual(NOW)
    }
    expect(tenders.filter((t) => t.validUntil > NOW).length).toBeGreaterThan(tenders.length / 4)
    expect(tenders.filter((t) => t.validUntil <= NOW).length).toBeGreaterThan(tenders.length / 4)
  })

  it('has titles, categories and excerpts, with notes, proposals and scores on some', () => {
    for (const t of tenders) {
      expect(t.title.length).toBeGreaterThan(10)
      expect(t.category.length).toBeGreaterThan(2)
      expect(t.excerpt.length).toBeGreaterThan(30)
      expect(t.proposal !== '').toBe(['proposal_sent', 'won', 'lost'].includes(t.triageState))
      if (t.score !== null) expect(t.score).toBeGreaterThanOrEqual(0)
      if (t.score !== null) expect(t.score).toBeLessThanOrEqual(100)
      if (t.budgetMinor !== null) expect(Number.isInteger(t.budgetMinor)).toBe(true)
    }
    expect(tenders.some((t) => t.notes !== '')).toBe(true)
    expect(tenders.some((t) => t.score !== null)).toBe(true)
    expect(new Set(tenders.map((t) => t.currency))).toEqual(new Set(['CHF', 'EUR']))
  })

  it('numbers tenders in posting order', () => {
    for (let i = 1; i < tenders.length; i++) {
      expect(tenders[i].id).toBe(i + 1)
      expect(tenders[i].postedAt).toBeGreaterThanOrEqual(tenders[i - 1].postedAt)
    }
  })
})
