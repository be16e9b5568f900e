// Cells read strictly: a wrong day or an unreadable amount is null, never a guess.
import { describe, expect, it } from 'vitest'
import { parseAmount, parseDate, parseRate } from '../../../src/main/core/billing/import/values'

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 1000

describe('dates', () => {
  it.each([
    ['29.02.2024', day(2024, 2, 29)],
    ['1.3.2024', day(2024, 3, 1)],
    ['01/03/2024', day(2024, 3, 1)],
    ['2024-12-31', day(2024, 12, 31)],
    ['2024-12-31 23:59:59', day(2024, 12, 31) + 86_399],
    ['15.01.2024 08:30', day(2024, 1, 15) + 8.5 * 3600],
    ['1705276800', 1_705_276_800],
  ])('%s', (text, expected) => expect(parseDate(text)).toBe(expected))

  it.each(['2024-02-30', '29.02.2023', '31.04.2024', '2024-13-01', '00.01.2024', '2024-1-5', '15/01/24', 'yesterday', '', '12345', '2024-01-01 25:00'])(
    '%s is not a date',
    (text) => expect(parseDate(text)).toBeNull(),
  )
})

describe('amounts', () => {
  it.each([
    ["1'234.50", 123_450],
    ['1\u2019234.50', 123_450],
    ['1.234,50', 123_450],
    ['1 234,50', 123_450],
    ['1\u202f234,50', 123_450],
    ['1,234.50', 123_450],
    ['1234.5', 123_450],
    ['1,234', 123_400],
    ['1.234.567', 123_456_700],
    ['-12.50', -1_250],
    ['12.50-', -1_250],
    ['(12.50)', -1_250],
    ['\u221212.50', -1_250],
    ['12.–', 1_200],
    ['0,05', 5],
    ['0', 0],
  ])('%s', (text, minor) => expect(parseAmount(text)?.minor).toBe(minor))

  it('reads the currency beside the amount', () => {
    expect(parseAmount('CHF 1.234,50')).toEqual({ minor: 123_450, currency: 'CHF' })
    expect(parseAmount('-3,41 €')).toEqual({ minor: -341, currency: 'EUR' })
    expect(parseAmount('12.00 EUR')).toEqual({ minor: 1_200, currency: 'EUR' })
  })

  it.each(['', 'abc', '12.345.6', '1,23,4', '12.5050', '1.2.3,4,5', '12..5', 'USD 12.00', '--12', '1e5'])('%s is not an amount', (text) =>
    expect(parseAmount(text)).toBeNull(),
  )
})

describe('VAT rates', () => {
  it.each([
    ['8.1', 810],
    ['8,1 %', 810],
    ['7.7%', 770],
    ['0', 0],
    ['100', 10_000],
  ])('%s', (text, bp) => expect(parseRate(text)).toBe(bp))
  it.each(['', 'x', '101', '-8', '8.1.1'])('%s is not a rate', (text) => expect(parseRate(text)).toBeNull())
})
