import type { Currency } from './domain'

/** Money is always integer minor units (centimes, cents) with its currency. */
export interface Money {
  readonly minor: number
  readonly currency: Currency
}

export function money(minor: number, currency: Currency): Money {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`money: ${minor} is not an integer amount of minor units`)
  }
  return { minor, currency }
}

/** Formats for display only; never parse the result back. */
export function formatMoney(value: Money, locale: string): string {
  return currencyFormat(locale, value.currency).format(value.minor / 100)
}

// Building an Intl.NumberFormat costs far more than formatting with one, and a
// table formats an amount per row: one per locale and currency, kept.
const currencyFormats = new Map<string, Intl.NumberFormat>()
function currencyFormat(locale: string, currency: Currency): Intl.NumberFormat {
  const key = `${locale} ${currency}`
  let format = currencyFormats.get(key)
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    currencyFormats.set(key, format)
  }
  return format
}
