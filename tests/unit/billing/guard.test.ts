import { describe, expect, it } from 'vitest'
import { guardText } from '../../../src/main/core/billing/export/guard'
import { amountText, parseAmount, rateText, dateText } from '../../../src/main/core/billing/export/format'

describe('the formula-injection guard', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tleading tab', "'\tleading tab"],
    ['\rcarriage return', "'\rcarriage return"],
    ['\nline feed', "'\nline feed"],
    ['\0nul', "'\0nul"],
    ['x\n=1+1', "x\n'=1+1"],
    ['x\r\n@SUM(A1)', "x\r\n'@SUM(A1)"],
    ['x\r+cmd', "x\r'+cmd"],
    ['\n=1', "'\n'=1"],
    ['-12.50', "'-12.50"],
    ['Renewal · kSuite', 'Renewal · kSuite'],
    ['a = b', 'a = b'],
    ['', ''],
  ])('%j → %j', (text, guarded) => {
    expect(guardText(text)).toBe(guarded)
  })
})

describe('numbers stay numbers', () => {
  it('writes minor units as plain numbers in either decimal mark and reads them back', () => {
    expect(amountText(-1250, '.')).toBe('-12.50')
    expect(amountText(-1250, ',')).toBe('-12,50')
    expect(amountText(123_456_789, '.')).toBe('1234567.89')
    expect(amountText(5, ',')).toBe('0,05')
    expect(amountText(-5, '.')).toBe('-0.05')
    for (const minor of [0, 1, -1, 99, -100, 1_000_000_07, -987_654_321]) {
      expect(parseAmount(amountText(minor, ','), ',')).toBe(minor)
      expect(parseAmount(amountText(minor, '.'), '.')).toBe(minor)
    }
    expect(parseAmount("'-12.50", '.')).toBeNull()
  })

  it('writes VAT rates from basis points', () => {
    expect([rateText(810, '.'), rateText(810, ','), rateText(2000, '.'), rateText(255, ','), rateText(305, '.')]).toEqual(['8.1', '8,1', '20', '2,55', '3.05'])
  })

  it('dates are UTC days in both forms', () => {
    const lateEvening = Date.UTC(2025, 11, 31, 23, 30) / 1000
    expect(dateText(lateEvening, 'iso')).toBe('2025-12-31')
    expect(dateText(lateEvening, 'dotted')).toBe('31.12.2025')
  })
})
