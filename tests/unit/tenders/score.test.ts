import { describe, expect, it } from 'vitest'
import { explainScore, type Scorable } from '../../../src/main/core/tenders/score'
import { DEFAULT_TENDER_PREFS, type TenderPrefs } from '../../../src/shared/tenders'

const NOW = 1_800_000_000
const DAY = 86_400

const tender = (over: Partial<Scorable> = {}): Scorable => ({
  category: 'website',
  region: 'Vaud',
  language: 'fr',
  clientSize: 'small',
  budgetMin: 800_000,
  budgetMax: 1_200_000,
  currency: 'CHF',
  validUntil: NOW + 30 * DAY,
  ...over,
})

const prefs = (over: Partial<TenderPrefs> = {}): TenderPrefs => ({
  ...DEFAULT_TENDER_PREFS,
  skills: ['website', 'e_shop'],
  regions: ['Vaud', 'Genève'],
  languages: ['fr', 'en'],
  clientSizes: ['small', 'medium'],
  minBudget: { CHF: 500_000, EUR: 400_000 },
  ...over,
})

describe('the bid/no-bid score', () => {
  it('is 100 when every criterion fits, and says which criterion gave what', () => {
    const score = explainScore(tender(), prefs(), NOW)
    expect(score.computed).toBe(100)
    expect(score.vetoes).toEqual([])
    expect(score.parts.map((p) => [p.criterion, p.points])).toEqual([
      ['budget', 3], ['category', 5], ['region', 2], ['language', 2], ['deadline', 2], ['clientSize', 1],
    ])
  })

  it('weighs each criterion by the partner’s weight', () => {
    // Category misses: 5 of 15 points lost.
    expect(explainScore(tender({ category: 'vps' }), prefs(), NOW).computed).toBe(Math.round((100 * 10) / 15))
    // The same miss with the category weighing nothing costs nothing.
    expect(explainScore(tender({ category: 'vps' }), prefs({ weights: { ...DEFAULT_TENDER_PREFS.weights, category: 0 } }), NOW).computed).toBe(100)
  })

  it('counts what the tender does not say as half, and a budget below the minimum in proportion, per currency', () => {
    const unknown = explainScore(tender({ region: null, budgetMin: null, budgetMax: null }), prefs(), NOW)
    expect(unknown.parts.find((p) => p.criterion === 'region')).toMatchObject({ fit: null, points: 1 })
    expect(unknown.parts.find((p) => p.criterion === 'budget')).toMatchObject({ fit: null, points: 1.5 })
    const euros = explainScore(tender({ currency: 'EUR', budgetMin: 200_000, budgetMax: 200_000 }), prefs(), NOW)
    expect(euros.parts.find((p) => p.criterion === 'budget')?.fit).toBe(0.5)
  })

  it('gives no time points to a tender closing within two days, all of them from fourteen', () => {
    const deadline = (days: number) => explainScore(tender({ validUntil: NOW + days * DAY }), prefs(), NOW).parts.find((p) => p.criterion === 'deadline')?.fit
    expect(deadline(1)).toBe(0)
    expect(deadline(8)).toBe(0.5)
    expect(deadline(20)).toBe(1)
  })

  it('is 0 when a veto applies, and names the veto', () => {
    const vetoes = { ...DEFAULT_TENDER_PREFS.vetoes, category: true, minDaysLeft: 5 }
    expect(explainScore(tender({ category: 'vps' }), prefs({ vetoes }), NOW)).toMatchObject({ computed: 0, vetoes: ['category'] })
    expect(explainScore(tender({ validUntil: NOW + 3 * DAY }), prefs({ vetoes }), NOW)).toMatchObject({ computed: 0, vetoes: ['deadline'] })
    // A criterion the tender does not state is no reason to veto.
    expect(explainScore(tender({ category: 'website', region: null }), prefs({ vetoes: { ...vetoes, region: true } }), NOW).vetoes).toEqual([])
    expect(explainScore(tender({ budgetMax: 100_000, budgetMin: 100_000 }), prefs({ vetoes: { ...vetoes, budget: true } }), NOW).vetoes).toEqual(['budget'])
  })

  it('is 50 when the partner weighs nothing', () => {
    const weights = { budget: 0, category: 0, region: 0, language: 0, deadline: 0, clientSize: 0 }
    expect(explainScore(tender(), prefs({ weights }), NOW).computed).toBe(50)
  })
})
