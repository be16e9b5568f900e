import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { moneyToMinor, readHundredths, readVatRate, unixSeconds } from '../../../src/main/core/remote/http/convert'

function problem(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value)
  if (parsed.success) throw new Error(`${JSON.stringify(value)} was accepted`)
  return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
}

describe('unixSeconds', () => {
  it('accepts whole seconds within 2000..2100 and keeps them as seconds', () => {
    expect(unixSeconds.parse(1_700_000_000)).toBe(1_700_000_000)
    expect(unixSeconds.parse(946_684_800)).toBe(946_684_800)
    expect(unixSeconds.parse(4_102_444_800)).toBe(4_102_444_800)
  })

  it('names milliseconds as such', () => {
    expect(problem(unixSeconds, 1_700_000_000_000)).toBe(': 1700000000000 looks like milliseconds; expected Unix seconds')
  })

  it('rejects fractions, strings, zero, negatives and far dates', () => {
    expect(problem(unixSeconds, 1_700_000_000.5)).toContain('expected whole Unix seconds, received 1700000000.5')
    expect(problem(unixSeconds, '1700000000')).toContain('expected number, received string')
    expect(problem(unixSeconds, 0)).toContain('0 is not a date between 2000-01-01 and 2100-01-01')
    expect(problem(unixSeconds, -1)).toContain('is not a date between')
    expect(problem(unixSeconds, 946_684_799)).toContain('is not a date between')
    expect(problem(unixSeconds, 4_102_444_801)).toContain('is not a date between')
    expect(problem(unixSeconds, Number.NaN)).toContain('expected number')
  })
})

describe('moneyToMinor', () => {
  it('converts major-unit decimals to integer minor units exactly', () => {
    expect(moneyToMinor.parse({ amount: 12.3, currency: 'CHF' })).toEqual({ minor: 1230, currency: 'CHF' })
    expect(moneyToMinor.parse({ amount: 0.1, currency: 'EUR' })).toEqual({ minor: 10, currency: 'EUR' })
    expect(moneyToMinor.parse({ amount: 1_234_567.89, currency: 'CHF' })).toEqual({ minor: 123_456_789, currency: 'CHF' })
    expect(moneyToMinor.parse({ amount: 0, currency: 'CHF' })).toEqual({ minor: 0, currency: 'CHF' })
    expect(moneyToMinor.parse({ amount: -5.05, currency: 'CHF' })).toEqual({ minor: -505, currency: 'CHF' })
  })

  it('is exact where multiplying by 100 is not', () => {
    // Each of these times 100 is off by a float error (4.35 * 100 = 434.99999999999994, 0.07 * 100 = 7.000000000000001).
    for (const [amount, minor] of [[4.35, 435], [1.15, 115], [8.2, 820], [19.99, 1999], [0.07, 7]]) {
      expect(moneyToMinor.parse({ amount, currency: 'CHF' }).minor).toBe(minor)
    }
  })

  it('rejects more than 2 decimals, sums with float error, and amounts too large to be exact', () => {
    expect(problem(moneyToMinor, { amount: 12.345, currency: 'CHF' })).toBe('amount: 12.345 has more than 2 decimals')
    expect(problem(moneyToMinor, { amount: 0.1 + 0.2, currency: 'CHF' })).toBe('amount: 0.30000000000000004 has more than 2 decimals')
    expect(problem(moneyToMinor, { amount: 1e-7, currency: 'CHF' })).toBe('amount: 1e-7 has more than 2 decimals')
    expect(problem(moneyToMinor, { amount: 1e21, currency: 'CHF' })).toBe('amount: 1e+21 is too large')
    expect(problem(moneyToMinor, { amount: 2 ** 53, currency: 'CHF' })).toContain('is too large to count exactly')
  })

  it('rejects non-finite amounts, strings and other currencies', () => {
    expect(problem(moneyToMinor, { amount: Number.POSITIVE_INFINITY, currency: 'CHF' })).toContain('amount: ')
    expect(problem(moneyToMinor, { amount: '12.30', currency: 'CHF' })).toContain('amount: Invalid input: expected number, received string')
    expect(problem(moneyToMinor, { amount: 1, currency: 'USD' })).toContain('currency: Invalid option')
  })
})

describe('readHundredths', () => {
  /** The slow, obviously right reading: the shortest decimal that reads back as the same double. */
  function byDecimalText(value: number): number | null {
    const decimal = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(value))
    if (decimal === null) return null
    const hundredths = Number(decimal[1] + decimal[2] + (decimal[3] ?? '').padEnd(2, '0'))
    return Number.isSafeInteger(hundredths) ? hundredths : null
  }
  const read = (value: number) => {
    const result = readHundredths(value)
    return result.ok ? result.hundredths : null
  }

  it('reads every decimal with at most 2 places back to its hundredths', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (hundredths) => read(hundredths / 100) === byDecimalText(hundredths / 100)))
    fc.assert(fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), (hundredths) => read(hundredths / 100) === hundredths + 0))
  })

  it('agrees with the decimal text on any double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), (value) => read(value) === byDecimalText(value)), { numRuns: 20_000 })
  })
})

describe('readVatRate', () => {
  const basisPoints = (percent: number) => {
    const result = readVatRate(percent)
    return result.ok ? result.basisPoints : result.problem
  }

  it('reads percent as basis points exactly', () => {
    expect(basisPoints(8.1)).toBe(810)
    expect(basisPoints(2.6)).toBe(260)
    expect(basisPoints(7.7)).toBe(770)
    expect(basisPoints(0)).toBe(0)
    expect(basisPoints(100)).toBe(10_000)
  })

  it('rejects more than 2 decimals and rates outside 0..100 %', () => {
    expect(basisPoints(8.125)).toBe('8.125 has more than 2 decimals')
    expect(basisPoints(100.5)).toBe('100.5 % is not a VAT rate between 0 and 100 %')
    expect(basisPoints(-1)).toBe('-1 % is not a VAT rate between 0 and 100 %')
  })
})
