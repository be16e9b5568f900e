// Cells of a Manager export read into the cache's terms. Written by hand: no
// maintained library reads Swiss, German and French number and date forms
// into integer minor units with the strictness needed here (a wrong day or an
// empty amount is an error, never a guess or a 0).
import type { Currency } from '../../../../shared/domain'
import { memoized } from './memo'

const DAY = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-]00:?00)?)?$/
const UNIX = /^\d{9,11}$/

const DAY_DIGITS = [0, 1, 3, 4, 6, 7, 8, 9]
const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9]
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return null
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000
}

const num = (text: string | undefined): number => (text === undefined ? 0 : Number(text))

/**
 * `dd.mm.yyyy` (or `dd/mm/yyyy`), `yyyy-mm-dd`, optionally with a time, or
 * Unix seconds → Unix seconds; a date with no time is midnight UTC, so the
 * same file gives the same lines in every time zone. null: not a real date.
 */
export function parseDate(text: string): number | null {
  const value = text.trim()
  if (value.length === 10) {
    // The two forms of a million-line file, read without a regular expression.
    const at = (i: number) => value.charCodeAt(i) - 48
    const digit = (i: number) => at(i) >= 0 && at(i) <= 9
    if (value[2] === '.' && value[5] === '.' && DAY_DIGITS.every(digit)) {
      return utc(at(6) * 1000 + at(7) * 100 + at(8) * 10 + at(9), at(3) * 10 + at(4), at(0) * 10 + at(1))
    }
    if (value[4] === '-' && value[7] === '-' && ISO_DIGITS.every(digit)) {
      return utc(at(0) * 1000 + at(1) * 100 + at(2) * 10 + at(3), at(5) * 10 + at(6), at(8) * 10 + at(9))
    }
  }
  let match = DAY.exec(value)
  if (match) return utc(num(match[3]), num(match[2]), num(match[1]), num(match[4]), num(match[5]), num(match[6]))
  match = ISO.exec(value)
  if (match) return utc(num(match[1]), num(match[2]), num(match[3]), num(match[4]), num(match[5]), num(match[6]))
  if (UNIX.test(value)) return Number(value)
  return null
}

const CURRENCY_WORDS: Record<string, Currency> = { chf: 'CHF', fr: 'CHF', sfr: 'CHF', eur: 'EUR', '€': 'EUR' }

/** "CHF", "eur", "€", "Fr." → the currency; null: none the cache keeps. */
export const parseCurrency = memoized((text: string): Currency | null => CURRENCY_WORDS[text.trim().toLowerCase().replace(/\.$/, '')] ?? null)

export type Amount = { minor: number; currency: Currency | null }

const CODE = /^(CHF|EUR|SFr\.?|Fr\.|€)|(CHF|EUR|SFr\.?|Fr\.|€)$/i

/** A letter or €: only a cell starting or ending with one can carry a currency code. */
const codeAt = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 0x20ac || code === 0x2e

/**
 * "1'234.50", "1.234,50", "1 234,50 €", "-12.50", "(12.50)", "CHF 12.–" →
 * minor units (and the currency written beside it). A lone separator followed
 * by exactly three digits is grouping ("1,234" is 1234.00): money has two
 * decimals. null: not an amount (an empty cell is the caller's error).
 */
export function parseAmount(text: string): Amount | null {
  let value = text.trim()
  let currency: Currency | null = null
  if (value.length > 0 && (codeAt(value.charCodeAt(0)) || codeAt(value.charCodeAt(value.length - 1)))) {
    const code = CODE.exec(value)
    if (code) {
      currency = parseCurrency(code[1] ?? code[2])
      value = value.replace(CODE, '').trim()
    }
  }
  let negative = false
  if (value.startsWith('(') && value.endsWith(')')) {
    negative = true
    value = value.slice(1, -1)
  }
  if (value.startsWith('-') || value.startsWith('\u2212')) {
    negative = !negative
    value = value.slice(1)
  } else if (value.endsWith('-') && !/[.,]-$/.test(value)) {
    negative = !negative
    value = value.slice(0, -1)
  }
  // "12.–" and "12.-" are the Swiss way of writing round francs.
  if (/[.,][-\u2013]$/.test(value)) value = value.slice(0, -2)
  const minor = minorUnits(value)
  if (minor === null) return null
  return { minor: negative && minor !== 0 ? -minor : minor, currency }
}

/**
 * The digits of an amount with its marks, read in one pass (this runs for
 * every amount of a million-line file): spaces of every width and the ASCII
 * and typographic apostrophes (Swiss grouping before and after CLDR 2025) are
 * thousands separators; `.` and `,` group by three or mark the decimals.
 */
function minorUnits(value: string): number | null {
  let all = 0
  let digits = 0
  const marks: number[] = []
  const kinds: string[] = []
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code >= 48 && code <= 57) {
      all = all * 10 + (code - 48)
      digits++
    } else if (code === 46 || code === 44) {
      marks.push(digits)
      kinds.push(value[i])
    } else if (!(code === 32 || code === 39 || code === 0xa0 || code === 0x202f || code === 0x2019 || code === 9)) {
      return null
    }
  }
  if (digits === 0 || digits > 15) return null
  if (marks.length === 0) return all * 100
  const last = marks.length - 1
  const tail = digits - marks[last]
  const groupedBy3 = (upTo: number, end: number): boolean => {
    // Marks 0..upTo are grouping: the first group 1 to 3 digits, then three each, up to `end`.
    if (marks[0] < 1 || marks[0] > 3) return false
    for (let i = 1; i <= upTo; i++) if (marks[i] - marks[i - 1] !== 3) return false
    return end - marks[upTo] === 3
  }
  if (marks.length === 1) {
    if (tail === 3 && marks[0] > 0) return all * 100
    return tail <= 2 ? all * 10 ** (2 - tail) : null
  }
  const mark = kinds[last]
  if (kinds.every((kind) => kind === mark)) return groupedBy3(last, digits) ? all * 100 : null
  // The last mark is the decimal one; every other is the other mark, grouping by three.
  for (let i = 0; i < last; i++) if (kinds[i] === mark) return null
  if (tail > 2 || !groupedBy3(last - 1, marks[last])) return null
  return all * 10 ** (2 - tail)
}

/** "8.1", "8,1 %", "8.1%" → basis points (810); null: not a rate between 0 and 100 %. */
export const parseRate = memoized(readRate)

function readRate(text: string): number | null {
  const value = text.trim().replace(/\s*%$/, '').replace(',', '.')
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(value)) return null
  const bp = Math.round(Number(value) * 100)
  return bp >= 0 && bp <= 10_000 ? bp : null
}
