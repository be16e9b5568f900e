import { z } from 'zod'
import { CURRENCIES } from '../../../../shared/domain'
import type { Money } from '../../../../shared/money'

// Speed matters here: a full pull validates a million billing lines. zod runs
// its own checks (types, int, bounds) in a compiled fast path, but leaves it
// at every refinement or transform: per-field transforms made a billing line
// cost ~8 µs, one pass over the item ~2 µs (see readMoney). So dates are
// plain checks with messages, and decimals are read by a function that item
// schemas call once.

// Bounds that catch milliseconds, zeroes and garbage while allowing any date
// an account, product or invoice can carry.
const EARLIEST_SECONDS = Date.UTC(2000, 0, 1) / 1000
const LATEST_SECONDS = Date.UTC(2100, 0, 1) / 1000

function outOfRange(value: number): string {
  const asSeconds = value / 1000
  return asSeconds >= EARLIEST_SECONDS && asSeconds <= LATEST_SECONDS
    ? `${value} looks like milliseconds; expected Unix seconds`
    : `${value} is not a date between 2000-01-01 and 2100-01-01 in Unix seconds`
}

/** A date as the API sends it: whole Unix seconds within 2000-01-01..2100-01-01. Stays seconds. */
export const unixSeconds = z
  .number()
  .int({ error: (issue) => `expected whole Unix seconds, received ${String(issue.input)}` })
  .gte(EARLIEST_SECONDS, { error: (issue) => outOfRange(Number(issue.input)) })
  .lte(LATEST_SECONDS, { error: (issue) => outOfRange(Number(issue.input)) })

/** Beyond this, two decimals of hundredths no longer map to distinct doubles, so the quick test below cannot be trusted. */
const QUICK_LIMIT = 2 ** 51

/**
 * A decimal number of major units, read exactly as hundredths.
 *
 * Quick test: with h = round(value × 100), `h / 100 === value` holds exactly
 * when value is the double nearest the decimal h/100, i.e. the server wrote
 * at most 2 decimals (`8.1 × 100` is 810.0000000000001, rounds to 810, and
 * 810 / 100 === 8.1). Otherwise String(value), the shortest decimal that
 * reads back as the same double, says what is wrong.
 */
export function readHundredths(value: number): { ok: true; hundredths: number } | { ok: false; problem: string } {
  const quick = Math.round(value * 100)
  // `+ 0` turns -0 (from -0.001 and the like) into 0, which SQLite stores as an integer.
  if (Math.abs(quick) <= QUICK_LIMIT && quick / 100 === value) return { ok: true, hundredths: quick + 0 }
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

/** Money as it travels; checked by zod, then read into minor units by readMoney or moneyToMinor. */
export const wireMoney = z.object({ amount: z.number(), currency: z.enum(CURRENCIES) })
export type WireMoney = z.output<typeof wireMoney>

function toMinor(money: WireMoney, path: readonly PropertyKey[], ctx: z.RefinementCtx): Money | null {
  const result = readHundredths(money.amount)
  if (result.ok) return { minor: result.hundredths, currency: money.currency }
  ctx.addIssue({ code: 'custom', message: result.problem, path: [...path, 'amount'], input: money.amount })
  return null
}

/**
 * Reads an item's money fields in one pass: each into integer minor units,
 * all in one currency (amounts that belong together). Issues name the field;
 * null when there was one.
 */
export function readMoney<K extends string>(item: Readonly<Record<K, WireMoney>>, fields: readonly K[], ctx: z.RefinementCtx): Record<K, Money> | null {
  const read = {} as Record<K, Money>
  let valid = true
  for (const field of fields) {
    const money = toMinor(item[field], [field], ctx)
    if (money === null) valid = false
    else read[field] = money
  }
  if (fields.some((field) => item[field].currency !== item[fields[0]].currency)) {
    ctx.addIssue({ code: 'custom', message: `${fields.join(', ')} mix currencies`, input: item })
    valid = false
  }
  return valid ? read : null
}

/** `{amount: 12.3, currency: 'CHF'}` → `{minor: 1230, currency: 'CHF'}`; negative amounts (credits) pass. */
export const moneyToMinor = wireMoney.transform((money, ctx): Money => toMinor(money, [], ctx) ?? z.NEVER)

/** A VAT rate in percent, `8.1` → 810 basis points, within 0..100 %; else the problem. */
export function readVatRate(percent: number): { ok: true; basisPoints: number } | { ok: false; problem: string } {
  const result = readHundredths(percent)
  if (!result.ok) return result
  if (result.hundredths < 0 || result.hundredths > 10_000) return { ok: false, problem: `${percent} % is not a VAT rate between 0 and 100 %` }
  return { ok: true, basisPoints: result.hundredths }
}
