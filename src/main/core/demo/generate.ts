import type { DemoSize } from '../../../shared/contract'
import { generateBilling } from './billing'
import type { DemoDataset, DemoPartnership } from './dataset'
import { generateClients, generateOwnOrganization, OWN_ORGANIZATION_ID, type Registry } from './organizations'
import { generateProducts } from './products'
import { Random } from './random'
import { DEMO_SIZE_SPECS } from './sizes'
import { generateTenders } from './tenders'

export const DEFAULT_DEMO_SEED = 1

export interface GenerateDemoOptions {
  seed?: number
  /** The reference time, in Unix seconds: history ends and expiries start here. */
  now: number
}

/**
 * A believable Swiss partner with its clients, products, three years of
 * billing history and its tender inbox. Pure: the same size, seed and `now`
 * give the same dataset (no clock, no global randomness).
 */
export function generateDemo(size: DemoSize, options: GenerateDemoOptions): DemoDataset {
  const { now } = options
  if (!Number.isSafeInteger(now) || now <= 0) throw new RangeError(`now must be Unix seconds, got ${now}`)
  const seed = options.seed ?? DEFAULT_DEMO_SEED
  const spec = DEMO_SIZE_SPECS[size]
  const random = new Random(seed)
  const registry: Registry = { names: new Set(), domains: new Set(), vatNumbers: new Set() }

  const own = generateOwnOrganization(random.fork('own'), registry, now)
  const clients = generateClients(random.fork('clients'), registry, spec.clients, now)
  const products = generateProducts(random.fork('products'), registry, clients, spec.products, now)
  const billing = generateBilling(random.fork('billing'), clients, products, spec.billingLines, now)
  const tenders = generateTenders(random.fork('tenders'), spec.tenders, now)

  const partnerships = clients.map(({ organization, partnership }, i): DemoPartnership => ({
    id: partnership.id,
    partnerOrganizationId: OWN_ORGANIZATION_ID,
    clientOrganizationId: organization.id,
    state: partnership.state,
    access: partnership.access,
    since: partnership.since,
    updatedAt: partnership.updatedAt,
    currency: organization.currency,
    ...billing.totals[i],
  }))

  return {
    size,
    seed,
    now,
    ownOrganizationId: OWN_ORGANIZATION_ID,
    organizations: [own, ...clients.map((c) => c.organization)],
    partnerships,
    products: products.products,
    partnershipProducts: products.partnershipProducts,
    tags: products.tags,
    productTags: products.productTags,
    invoices: billing.invoices,
    billingLines: billing.lines,
    tenders,
  }
}
