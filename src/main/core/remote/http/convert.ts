import { z } from 'zod'
import { CURRENCIES } from '../../../../shared/domain'
import type { Money } from '../../../../shared/money'

// Bounds that catch milliseconds, zeroes and garbage while allowing any date
// an account, product or invoice can carry.
const EARLIEST_SECONDS = Date.UTC(2000, 0, 1) / 1000
const LATEST_SECONDS = Date.UTC(2100, 0, 1) / 1000

function unixSecondsProblem(value: number): string | null {
  if (!Number.isInteger(value)) return `expected whole Unix seconds, received ${value}`
  if (value >= EARLIEST_SECONDS && value <= LATEST_SECONDS) return null
  const asSeconds = value / 1000
  if (asSeconds >= EARLIEST_SECONDS && asSeconds <= LATEST_SECONDS) {
    return `${value} looks like milliseconds; expected Unix seconds`
  }
  return `${value} is not a date between 2000-01-01 and 2100-01-01 in Unix seconds`
}

/** A date as the API sends it: whole Unix seconds within 2000-01-01..2100-01-01. Stays seconds. */
export const unixSeconds = z.number().superRefine((value, ctx) => {
  const problem = unixSecondsProblem(value)
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem })
})

/**
 * A decimal number of major units, read exactly as hundredths. String(value)
 * gives the shortest decimal that reads back as the same double, which is the
 * decimal the server wrote (for up to 15 significant digits), so `8.1` gives
 * "8.1" and 810, where `8.1 * 100` gives 810.0000000000001.
 */
function toHundredths(value: number): { ok: true; hundredths: number } | { ok: false; problem: string } {
  const text = String(value)
  const decimal = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (decimal === null) {
    // Exponent notation: below 1e-6 or from 1e21 on.
    return { ok: false, problem: text.includes('e-') ? `${text} has more than 2 decimals` : `${text} is too large` }
  }
  const [, sign, whole, fraction = ''] = decimal
  if (fraction.length > 2) return { ok: false, problem: `${text} has more than 2 decimals` }
  const hundredths = Number(sign + whole + fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(hundredths)) return { ok: false, problem: `${text} is too large to count exactly in hundredths` }
  return { ok: true, hundredths }
}

const hundredths = z.number().transform((value, ctx) => {
  const result = toHundredths(value)
  if (result.ok) return result.hundredths
  ctx.addIssue({ code: 'custom', message: result.problem })
  return z.NEVER
})

/** `{amount: 12.3, currency: 'CHF'}` → `{minor: 1230, currency: 'CHF'}`; negative amounts (credits) pass. */
export const moneyToMinor = z
  .object({ amount: hundredths, currency: z.enum(CURRENCIES) })
  .transform(({ amount, currency }): Money => ({ minor: amount, currency }))

/** A VAT rate in percent, `8.1` → 810 basis points, within 0..100 %. */
export const vatRateToBasisPoints = hundredths.superRefine((basisPoints, ctx) => {
  if (basisPoints < 0 || basisPoints > 10_000) {
    ctx.addIssue({ code: 'custom', message: `${basisPoints / 100} % is not a VAT rate between 0 and 100 %` })
  }
})
