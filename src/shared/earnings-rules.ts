// The partner programme's earnings rules (docs/domain: "Cashback vs discount"):
// which kinds of earning a charge brings, by access type, payment mode and who
// placed the order. Shared by the outlook (core) and the earnings view (UI).
import type { EarningType } from './billing'
import type { Access } from './domain'

export type PlacedBy = 'partner' | 'client'

/**
 * Cashback under limited access (on the managed products) and on every order
 * when the customer pays; the reseller discount instead when the partner pays
 * and placed the order itself; income on the orders a client places itself
 * under complete access.
 */
export function earningsFor(access: Access, placedBy: PlacedBy): EarningType[] {
  if (access.type === 'limited') return ['cashback']
  if (placedBy === 'client') return ['cashback', 'income']
  return access.paymentMode === 'partner' ? ['discount'] : ['cashback']
}

/** Every kind a client's partnership can bring, whoever orders. */
export function earningsPossible(access: Access): EarningType[] {
  const kinds = new Set([...earningsFor(access, 'partner'), ...earningsFor(access, 'client')])
  return (['cashback', 'income', 'discount'] as const).filter((kind) => kinds.has(kind))
}
