// What a collaboration means for the partner, by access type and payment
// mode (DOMAIN.md, "The partnership"): who settles orders, where the
// invoices live, what the partner earns, what it may do. The UI words it;
// these rules decide it.
import type { AccessType, PaymentMode } from './domain'

/** The three kinds of collaboration a client can grant (a limited one has no payment mode). */
export type PartnershipKind = 'limited' | 'complete_customer' | 'complete_partner'

export interface PartnershipTerms {
  kind: PartnershipKind
  /** Who settles orders and renewals (under limited access the client: the partner cannot order). */
  payer: 'client' | 'partner'
  /** Whose organization holds the invoices, hence whether the partner can see them. */
  invoicesHeldBy: 'client' | 'partner'
  /** Orders on which the partner earns cashback (public price − partner price). */
  cashbackOn: 'all_orders' | 'client_orders' | 'managed_products'
  /** The reseller discount, on the partner's own orders, exists only when the partner pays. */
  discountOnOwnOrders: boolean
  /** An income on the orders the client places itself (complete access only). */
  incomeOnClientOrders: boolean
  /** Ordering and renewing need complete access. */
  mayOrderAndRenew: boolean
}

export function partnershipKind(accessType: AccessType, paymentMode: PaymentMode | null): PartnershipKind {
  if (accessType === 'limited') return 'limited'
  // A complete collaboration whose mode is not known yet is read as the default: the client pays.
  return paymentMode === 'partner' ? 'complete_partner' : 'complete_customer'
}

export function partnershipTerms(accessType: AccessType, paymentMode: PaymentMode | null): PartnershipTerms {
  const kind = partnershipKind(accessType, paymentMode)
  switch (kind) {
    case 'limited':
      return {
        kind,
        payer: 'client',
        invoicesHeldBy: 'client',
        cashbackOn: 'managed_products',
        discountOnOwnOrders: false,
        incomeOnClientOrders: false,
        mayOrderAndRenew: false,
      }
    case 'complete_customer':
      return {
        kind,
        payer: 'client',
        invoicesHeldBy: 'client',
        cashbackOn: 'all_orders',
        discountOnOwnOrders: false,
        incomeOnClientOrders: true,
        mayOrderAndRenew: true,
      }
    case 'complete_partner':
      return {
        kind,
        payer: 'partner',
        invoicesHeldBy: 'partner',
        cashbackOn: 'client_orders',
        discountOnOwnOrders: true,
        incomeOnClientOrders: true,
        mayOrderAndRenew: true,
      }
  }
}
