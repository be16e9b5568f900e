import { formatMoney, type Money } from '../../../shared/money'
import { formatLocale } from './language'

export interface Formatters {
  number(value: number): string
  /** Unix seconds to a date in the current language. */
  date(unixSeconds: number): string
  /** Unix seconds to a date and time of day in the current language. */
  dateTime(unixSeconds: number): string
  /** Unix seconds to an ISO string, for `<time dateTime>`. */
  iso(unixSeconds: number): string
  list(items: readonly string[]): string
  /** An amount with its currency symbol or code. */
  money(amount: Money): string
}

/** Numbers, dates and lists as `locale` writes them (see formatLocale). */
export function createFormatters(locale: string): Formatters {
  // Each built on first use: a screen seldom needs all four, and building one costs more than many formats.
  const numbers = once(() => new Intl.NumberFormat(locale))
  const dates = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }))
  const dateTimes = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }))
  const lists = once(() => new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }))
  return {
    number: (value) => numbers().format(value),
    date: (unixSeconds) => dates().format(new Date(unixSeconds * 1000)),
    dateTime: (unixSeconds) => dateTimes().format(new Date(unixSeconds * 1000)),
    iso: (unixSeconds) => new Date(unixSeconds * 1000).toISOString(),
    list: (items) => lists().format(items),
    money: (amount) => formatMoney(amount, locale),
  }
}

function once<T>(make: () => T): () => T {
  let made: T | undefined
  return () => (made ??= make())
}

// Building the Intl formatters costs a few milliseconds, and dozens of
// components mount with them: one set per language, shared.
const byLanguage = new Map<string, Formatters>()

export function formattersFor(language: string): Formatters {
  let formatters = byLanguage.get(language)
  if (formatters === undefined) {
    formatters = createFormatters(formatLocale(language, navigator.languages))
    byLanguage.set(language, formatters)
  }
  return formatters
}

/**
 * The first Intl formatter of a window costs some 40 ms (ICU sets up its
 * formatting once, whatever the language); the next ones a few at most.
 * Paid by the boot module while the app's bundle is still on its way, rather
 * than on the way to the first page.
 */
export function warmFormatters(language: string): void {
  const formatters = formattersFor(language)
  formatters.number(0)
  formatters.date(0)
}
