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
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(
    value.minor / 100,
  )
}
