import type { DemoSize } from '../../../shared/contract'

/** How many rows of each kind a demo size holds. Every count is exact. */
export interface DemoSizeSpec {
  clients: number
  products: number
  billingLines: number
  tenders: number
}

export const DEMO_SIZE_SPECS: Readonly<Record<DemoSize, Readonly<DemoSizeSpec>>> = {
  // What a first launch generates: big enough to feel real, fast to build.
  small: { clients: 200, products: 2_000, billingLines: 40_000, tenders: 300 },
  // The volume the performance budgets are measured against.
  bench: { clients: 5_000, products: 50_000, billingLines: 1_000_000, tenders: 20_000 },
}
