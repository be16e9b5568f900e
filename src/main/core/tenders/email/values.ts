import type { Currency } from '../../../../shared/domain'
import { MONTHS } from './labels'

// The excerpt's values as people write them in Switzerland, France, Germany,
// Italy and Spain: no library reads "CHF 5'000.–" or "31 décembre 2026".

/** "5'000", "5 000", "5.000", "5,000", "5000.50", "12.500,50" → minor units. */
function amount(text: string): number | null {
  const compact = text.replace(/[\s'’\u00a0\u202f]/g, '').replace(/[.,]-+$|\.–$/, '')
  if (!/^\d[\d.,]*$/.test(compact)) return null
  // Two digits or fewer after the last separator: cents; three: a thousands group.
  const decimals = /[.,](\d{1,2})$/.exec(compact)
  const whole = (decimals ? compact.slice(0, decimals.index) : compact).replace(/[.,]/g, '')
  if (whole === '') return null
  return Number(whole) * 100 + Number((decimals?.[1] ?? '0').padEnd(2, '0'))
}

export interface Budget {
  min: number
  max: number
  currency: Currency
}

/** "CHF 5'000 – 10'000", "between 2.000 € and 4.000 €", "EUR 12,000": null when no currency or no figure. */
export function parseBudget(text: string): Budget | null {
  const currency: Currency | null = /\bCHF\b|\bFr\.|\bSFr/i.test(text) ? 'CHF' : /\bEUR\b|€/i.test(text) ? 'EUR' : null
  if (currency === null) return null
  const figures = [...text.matchAll(/\d[\d '’\u00a0\u202f.,]*\d|\d/g)].map((m) => amount(m[0].replace(/[\s\u00a0\u202f]+$/, ''))).filter((v): v is number => v !== null)
  if (figures.length === 0) return null
  return { min: Math.min(...figures.slice(0, 2)), max: Math.max(...figures.slice(0, 2)), currency }
}

const endOfDay = (year: number, month: number, day: number): number | null => {
  const at = Date.UTC(year, month, day, 23, 59, 59)
  const date = new Date(at)
  // 31.02.2026 is no date; Date.UTC would roll it into March.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return null
  return at / 1000
}

/**
 * A validity date as the excerpt prints it, to the end of that day (UTC:
 * the e-mail names a day, not an hour). Null when it is not a date.
 */
export function parseDay(text: string): number | null {
  const value = text.trim().toLocaleLowerCase('en')
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value)
  if (iso) return endOfDay(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]))
  const numeric = /(\d{1,2})[./](\d{1,2})[./](\d{4})/.exec(value)
  if (numeric) return endOfDay(Number(numeric[3]), Number(numeric[2]) - 1, Number(numeric[1]))
  const named = /(\d{1,2})(?:er|\.|º|°)?\s+(?:de\s+)?([\p{L}]+)\.?\s+(?:de\s+)?(\d{4})/u.exec(value)
  if (named && MONTHS[named[2]] !== undefined) return endOfDay(Number(named[3]), MONTHS[named[2]], Number(named[1]))
  const english = /([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})/u.exec(value)
  if (english && MONTHS[english[1]] !== undefined) return endOfDay(Number(english[3]), MONTHS[english[1]], Number(english[2]))
  return null
}
