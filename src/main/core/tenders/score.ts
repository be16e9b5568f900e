import type { Currency } from '../../../shared/domain'
import { SCORE_CRITERIA, type ClientSize, type ScoreCriterion, type ScoreExplanation, type TenderLanguage, type TenderPrefs } from '../../../shared/tenders'

// Bid/no-bid: each criterion says how well the tender fits (0..1), weighted
// by what the partner cares about; a veto sinks it whatever the rest says.
// A criterion the tender (or the partner) says nothing about counts as half:
// an e-mail without a region is neither a match nor a miss.

export interface Scorable {
  category: string
  region: string | null
  language: TenderLanguage | null
  clientSize: ClientSize | null
  budgetMin: number | null
  budgetMax: number | null
  currency: Currency
  validUntil: number
}

const DAY = 86_400
/** Fewer days than this leave no time to answer; more than FULL_DAYS, time is no concern. */
const NO_TIME_DAYS = 2
const FULL_DAYS = 14

const matches = (list: readonly string[], value: string | null): number | null => {
  if (value === null || list.length === 0) return null
  const wanted = value.toLocaleLowerCase('en')
  return list.some((item) => item.toLocaleLowerCase('en') === wanted) ? 1 : 0
}

function fits(tender: Scorable, prefs: TenderPrefs, now: number): Record<ScoreCriterion, number | null> {
  const minBudget = prefs.minBudget[tender.currency]
  const budget = tender.budgetMax ?? tender.budgetMin
  const daysLeft = (tender.validUntil - now) / DAY
  return {
    budget: budget === null || minBudget === null ? null : minBudget === 0 ? 1 : Math.min(1, budget / minBudget),
    category: matches(prefs.skills, tender.category),
    region: matches(prefs.regions, tender.region),
    language: matches(prefs.languages, tender.language),
    deadline: Math.max(0, Math.min(1, (daysLeft - NO_TIME_DAYS) / (FULL_DAYS - NO_TIME_DAYS))),
    clientSize: matches(prefs.clientSizes, tender.clientSize),
  }
}

export function explainScore(tender: Scorable, prefs: TenderPrefs, now: number): ScoreExplanation {
  const fit = fits(tender, prefs, now)
  const parts = SCORE_CRITERIA.map((criterion) => {
    const weight = prefs.weights[criterion]
    return { criterion, weight, fit: fit[criterion], points: weight * (fit[criterion] ?? 0.5) }
  })
  const vetoes: ScoreCriterion[] = []
  if (prefs.vetoes.category && fit.category === 0) vetoes.push('category')
  if (prefs.vetoes.region && fit.region === 0) vetoes.push('region')
  if (prefs.vetoes.language && fit.language === 0) vetoes.push('language')
  if (prefs.vetoes.budget && fit.budget !== null && fit.budget < 1) vetoes.push('budget')
  if (prefs.vetoes.minDaysLeft !== null && (tender.validUntil - now) / DAY < prefs.vetoes.minDaysLeft) vetoes.push('deadline')
  const totalWeight = parts.reduce((sum, part) => sum + part.weight, 0)
  const points = parts.reduce((sum, part) => sum + part.points, 0)
  const computed = vetoes.length > 0 ? 0 : totalWeight === 0 ? 50 : Math.round((100 * points) / totalWeight)
  return { computed, parts, vetoes }
}
