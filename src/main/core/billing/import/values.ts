// Cells of a Manager export read into the cache's terms. Written by hand: no
// maintained library reads Swiss, German and French number and date forms
// into integer minor units with the strictness needed here (a wrong day or an
// empty amount is an error, never a guess or a 0).
import type { Currency } from '../../../../shared/domain'

const DAY = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-]00:?00)?)?$/
const UNIX = /^\d{9,11}$/

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null
  // Day 0 of the next month is this month's last day (leap years included).
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > lastDay) return null
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
  let match = DAY.exec(value)
  if (match) return utc(num(match[3]), num(match[2]), num(match[1]), num(match[4]), num(match[5]), num(match[6]))
  match = ISO.exec(value)
  if (match) return utc(num(match[1]), num(match[2]), num(match[3]), num(match[4]), num(match[5]), num(match[6]))
  if (UNIX.test(value)) return Number(value)
  return null
}

const CURRENCY_WORDS: Record<string, Currency> = { chf: 'CHF', fr: 'CHF', sfr: 'CHF', eur: 'EUR', '€': 'EUR' }

/** "CHF", "eur", "€", "Fr." → the currency; null: none the cache keeps. */
export function parseCurrency(text: string): Currency | null {
  return CURRENCY_WORDS[text.trim().toLowerCase().replace(/\.$/, '')] ?? null
}

export type Amount = { minor: number; currency: Currency | null }

// Spaces of every width, the ASCII and typographic apostrophes (Swiss grouping
// before and after CLDR 2025) are thousands separators and nothing else.
const GROUPING = /[\s\u00a0\u202f'\u2019]/g
const CODE = /^(CHF|EUR|SFr\.?|Fr\.|€)|(CHF|EUR|SFr\.?|Fr\.|€)$/i

/**
 * "1'234.50", "1.234,50", "1 234,50 €", "-12.50", "(12.50)", "CHF 12.–" →
 * minor units (and the currency written beside it). A lone separator followed
 * by exactly three digits is grouping ("1,234" is 1234.00): money has two
 * decimals. null: not an amount (an empty cell is the caller's error).
 */
export function parseAmount(text: string): Amount | null {
  let value = text.trim()
  let currency: Currency | null = null
  const code = CODE.exec(value)
  if (code) {
    currency = parseCurrency(code[1] ?? code[2])
    value = value.replace(CODE, '').trim()
  }
  let negative = false
  if (/^\(.*\)$/.test(value)) {
    negative = true
    value = value.slice(1, -1)
  }
  value = value.replace(/\u2212/g, '-')
  if (value.startsWith('-')) {
    negative = !negative
    value = value.slice(1)
  } else if (value.endsWith('-') && !/[.,]-$/.test(value)) {
    negative = !negative
    value = value.slice(0, -1)
  }
  // "12.–" and "12.-" are the Swiss way of writing round francs.
  value = value.replace(/[.,][-\u2013]$/, '').replace(GROUPING, '')
  if (!/^\d[\d.,]*$/.test(value) && !/^[.,]\d+$/.test(value)) return null
  const marks = value.replace(/\d/g, '')
  let integer: string
  let fraction = ''
  if (marks.length === 0) {
    integer = value
  } else {
    const last = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','))
    const mark = value[last]
    const other = mark === '.' ? ',' : '.'
    const head = value.slice(0, last)
    const tail = value.slice(last + 1)
    const lone = marks.length === 1
    if (lone && tail.length === 3 && head.length > 0) {
      integer = head + tail
    } else if (!lone && !marks.includes(other)) {
      // "1.234.567": the same mark several times is grouping, never a decimal.
      if (!/^\d{1,3}([.,]\d{3})+$/.test(value)) return null
      integer = value.replace(/[.,]/g, '')
    } else {
      // The last mark is the decimal one; the others must group by three.
      if (head.includes(mark) || (head.length > 0 && !/^(\d+|\d{1,3}([.,]\d{3})+)$/.test(head))) return null
      if (tail.length > 2) return null
      integer = head.replace(/[.,]/g, '')
      fraction = tail
    }
  }
  const minor = Number(integer || '0') * 100 + Number(fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(minor)) return null
  return { minor: negative && minor !== 0 ? -minor : minor, currency }
}

/** "8.1", "8,1 %", "8.1%" → basis points (810); null: not a rate between 0 and 100 %. */
export function parseRate(text: string): number | null {
  const value = text.trim().replace(/\s*%$/, '').replace(',', '.')
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(value)) return null
  const bp = Math.round(Number(value) * 100)
  return bp >= 0 && bp <= 10_000 ? bp : null
}
