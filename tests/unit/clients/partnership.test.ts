import { describe, expect, it } from 'vitest'
import { partnershipKind, partnershipTerms } from '../../../src/shared/partnership'

describe('the partnership rules (DOMAIN.md)', () => {
  it('limited access: the client pays and holds the invoices; cashback on managed products; no ordering', () => {
    expect(partnershipTerms('limited', null)).toEqual({
      kind: 'limited',
      payer: 'client',
      invoicesHeldBy: 'client',
      cashbackOn: 'managed_products',
      discountOnOwnOrders: false,
      incomeOnClientOrders: false,
      mayOrderAndRenew: false,
    })
  })

  it('complete access, the customer pays: cashback on all orders, income on theirs, invoices with the client', () => {
    expect(partnershipTerms('complete', 'customer')).toMatchObject({
      payer: 'client',
      invoicesHeldBy: 'client',
      cashbackOn: 'all_orders',
      discountOnOwnOrders: false,
      incomeOnClientOrders: true,
      mayOrderAndRenew: true,
    })
  })

  it('complete access, the partner pays: the discount on its own orders, cashback on the client’s, invoices with the partner', () => {
    expect(partnershipTerms('complete', 'partner')).toMatchObject({
      payer: 'partner',
      invoicesHeldBy: 'partner',
      cashbackOn: 'client_orders',
      discountOnOwnOrders: true,
      incomeOnClientOrders: true,
      mayOrderAndRenew: true,
    })
  })

  it('a payment mode under limited access does not count', () => {
    expect(partnershipKind('limited', 'partner')).toBe('limited')
    expect(partnershipKind('complete', null)).toBe('complete_customer')
  })
})
