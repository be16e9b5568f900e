import { describe, expect, it } from 'vitest'
import { Random } from '../../../src/main/core/demo/random'
import { pathOf } from '../../../src/main/core/remote/endpoints'
import {
  billingLine,
  fromHundredths,
  money,
  paged,
  partnership,
  product,
  tenderItem,
  totalAnswer,
} from '../../../src/main/core/remote/schemas'

describe('decimals on the wire', () => {
  it('round-trips every integer amount up to 10^13 minor units (random sample)', () => {
    const random = new Random(42)
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** random.int(0, 13)
      // + 0 turns a drawn −0 into 0, which is what a count of hundredths reads back.
      const minor = Math.floor(random.next() * magnitude) * (random.chance(0.3) ? -1 : 1) + 0
      expect(money.parse({ amount: fromHundredths(minor), currency: 'EUR' }).minor).toBe(minor)
    }
  })

  it('parses money into integer minor units and rejects a third decimal', () => {
    expect(money.parse({ amount: 347.2, currency: 'CHF' })).toEqual({ minor: 34720, currency: 'CHF' })
    expect(money.safeParse({ amount: 347.205, currency: 'CHF' }).success).toBe(false)
    expect(money.safeParse({ amount: '347.20', currency: 'CHF' }).success).toBe(false)
    expect(money.safeParse({ amount: 1, currency: 'USD' }).success).toBe(false)
  })

  it('reads a billing line: money in minor units, the VAT rate in basis points, each problem at its field', () => {
    const line = {
      id: 1,
      customer_id: 2,
      product_id: null,
      invoice_id: 3,
      type: 'renewal',
      date: 1_700_000_000,
      description: 'Renewal',
      amount: { amount: 4.35, currency: 'CHF' },
      vat_rate: 8.1,
      vat: { amount: 0.35, currency: 'CHF' },
      paid_by: 'partner',
    }
    // The other fields pass through as they are.
    const { amount: _amount, vat: _vat, vat_rate: _rate, ...unchanged } = line
    expect(billingLine.parse(line)).toEqual({
      ...unchanged,
      amount: { minor: 435, currency: 'CHF' },
      vat_rate_bp: 810,
      vat: { minor: 35, currency: 'CHF' },
    })
    const problems = (changes: object) =>
      billingLine.safeParse({ ...line, ...changes }).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    expect(problems({ vat_rate: 8.125 })).toEqual(['vat_rate: 8.125 has more than 2 decimals'])
    expect(problems({ vat_rate: 100.5 })).toEqual(['vat_rate: 100.5 % is not a VAT rate between 0 and 100 %'])
    expect(problems({ amount: { amount: 4.355, currency: 'CHF' } })).toEqual(['amount.amount: 4.355 has more than 2 decimals'])
    expect(problems({ vat: { amount: 0.35, currency: 'EUR' } })).toEqual([': amount, vat mix currencies'])
    expect(problems({ date: 1_700_000_000_000 })).toEqual(['date: 1700000000000 looks like milliseconds; expected Unix seconds'])
  })
})

describe('paged answers', () => {
  const schema = paged(product.pick({ id: true }))
  const page = (data: number[], fields: Partial<{ total: number; page: number; pages: number; items_per_page: number }>) => ({
    result: 'success',
    data: data.map((id) => ({ id })),
    total: 5,
    page: 1,
    pages: 3,
    items_per_page: 2,
    ...fields,
  })

  it('accepts full pages, the last page and a page beyond it', () => {
    expect(schema.safeParse(page([1, 2], {})).success).toBe(true)
    expect(schema.safeParse(page([5], { page: 3 })).success).toBe(true)
    expect(schema.safeParse(page([], { page: 4 })).success).toBe(true)
  })

  it('rejects a short page, a short last page, a long page and a wrong page count', () => {
    expect(schema.safeParse(page([1], {})).success).toBe(false)
    expect(schema.safeParse(page([], { page: 3 })).success).toBe(false)
    expect(schema.safeParse(page([1, 2, 3], {})).success).toBe(false)
    expect(schema.safeParse(page([1, 2], { pages: 2 })).success).toBe(false)
  })

  it('rejects an id twice on a page', () => {
    const result = schema.safeParse(page([1, 1], {}))
    expect(result.error?.issues[0].message).toMatch(/appears twice/)
  })

  it('lets an empty list say 0 or 1 pages', () => {
    expect(schema.safeParse(page([], { total: 0, pages: 0 })).success).toBe(true)
    expect(schema.safeParse(page([], { total: 0, pages: 1 })).success).toBe(true)
  })

  it('reads return=total as the count in data, with an agreeing total if any', () => {
    expect(totalAnswer.parse({ result: 'success', data: 12 }).data).toBe(12)
    expect(totalAnswer.safeParse({ result: 'success', data: 12, total: 12 }).success).toBe(true)
    expect(totalAnswer.safeParse({ result: 'success', data: 12, total: 13 }).success).toBe(false)
  })
})

describe('unions the wire allows', () => {
  const chf = (amount: number) => ({ amount, currency: 'CHF' })
  const valid = {
    id: 1,
    customer: {
      id: 2,
      name: 'Juralogic SA',
      legal_entity_type: 'company',
      vat_number: 'CHE-123.456.789 MWST',
      currency: 'CHF',
      invoice_address: { street: 'Rue 1', zip: '2800', city: 'Delémont', country: 'CH' },
      legal_representatives: [{ first_name: 'Anna', last_name: 'Keller', email: 'anna@juralogic.ch' }],
    },
    has_full_access: true,
    has_customer_payment_method: false,
    delegated_product_ids: [],
    incomes: chf(10),
    discounts: chf(0.5),
    total_payed: chf(347.2),
    total_payed_base_price: chf(347.7),
    created_at: 1_700_000_000,
    updated_at: 1_700_000_100,
    status: 'active',
    ended_at: null,
  }

  it('parses a partnership into minor units', () => {
    const parsed = partnership.parse(valid)
    expect(parsed.total_payed).toEqual({ minor: 34720, currency: 'CHF' })
    expect(parsed.has_full_access && parsed.has_customer_payment_method).toBe(false)
  })

  it('rejects the combinations the domain rules out', () => {
    const broken = [
      { has_full_access: true, has_customer_payment_method: null },
      { has_full_access: false, has_customer_payment_method: true },
      { has_full_access: false, has_customer_payment_method: null, delegated_product_ids: [], status: 'ended', ended_at: null },
      { status: 'active', ended_at: 5 },
      { discounts: { amount: 1, currency: 'EUR' } },
      { customer: { ...valid.customer, legal_entity_type: 'individual' } },
      { customer: { ...valid.customer, legal_representatives: [] } },
      { delegated_product_ids: [7] },
    ]
    for (const change of broken) expect(partnership.safeParse({ ...valid, ...change }).success, JSON.stringify(change)).toBe(false)
  })

  it('reads a deleted tender as a tombstone', () => {
    expect(tenderItem.parse({ id: 3, state: 'deleted', deleted_at: 1_700_000_000, updated_at: 1_700_000_000 })).toEqual({ id: 3, state: 'deleted', deleted_at: 1_700_000_000, updated_at: 1_700_000_000 })
    expect(tenderItem.safeParse({ id: 3, state: 'open', deleted_at: 1_700_000_000, updated_at: 1_700_000_000 }).success).toBe(false)
  })
})

describe('paths', () => {
  it('fills a template with positive ids only', () => {
    expect(pathOf('tagUpdate', { account_id: 7, tag_id: 3 })).toBe('/1/accounts/7/tags/3')
    expect(pathOf('profile', {})).toBe('/2/profile')
    expect(() => pathOf('account', { account_id: 0 })).toThrow(RangeError)
    expect(() => pathOf('account', { account_id: 1.5 })).toThrow(RangeError)
  })
})
