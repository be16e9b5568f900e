import type { HistoryType, ServiceCategory } from '../../../shared/domain'

/** The categories the demo partner sells: the broader ones (server, streaming, other) only arrive from a real account. */
export const DEMO_CATEGORIES = ['domain', 'web_hosting', 'mail', 'kdrive', 'ksuite', 'vps', 'public_cloud', 'swiss_backup', 'ssl'] as const satisfies readonly ServiceCategory[]
export type DemoCategory = (typeof DEMO_CATEGORIES)[number]
import { weighted, type WeightedTable } from './random'

// What the demo's products cost. Public prices modelled on Infomaniak's price
// list, rounded; the same figure serves in CHF and in EUR (as Infomaniak's
// own lists nearly do). All amounts are minor units excluding VAT.

export interface Plan {
  name: string
  /** Price of one unit for a year. */
  yearlyMinor: number
  /** Price of one unit for a month when billed monthly, if the plan allows it. */
  monthlyMinor: number | null
  /** What the quantity counts ("users"), and how many a client takes. */
  units: { label: string; min: number; max: number } | null
}

/** An extra bought on top of a product, or a service invoiced on its own. */
export interface Extra {
  label: string
  priceMinor: number
  historyType: Extract<HistoryType, 'order' | 'invoice'>
}

export interface CategoryCatalogue {
  label: string
  /** Stable per category, as GET /1/accounts/{id}/services lists them (the values are the demo's own). */
  serviceId: number
  plans: WeightedTable<Plan>
  /** Share of products billed monthly, among plans that allow it. */
  monthlyShare: number
  /** Commitment term in months; the expiry is the end of the current term. */
  termMonths: WeightedTable<12 | 24>
  /** Billed by consumption each month rather than at a fixed price. */
  usageBased: boolean
  freeShare: number
  trialShare: number
  extras: readonly Extra[]
}

const plan = (name: string, yearlyMinor: number, monthlyMinor: number | null = null, units: Plan['units'] = null): Plan => ({
  name,
  yearlyMinor,
  monthlyMinor,
  units,
})

const YEARLY_TERM = weighted<12 | 24>([[12, 1]])

export const CATALOGUE: Readonly<Record<DemoCategory, CategoryCatalogue>> = {
  domain: {
    label: 'Domain',
    serviceId: 6,
    // The plan of a domain is its extension: see domainPlan().
    plans: weighted([[plan('Domain', 1_300), 1]]),
    monthlyShare: 0,
    termMonths: weighted<12 | 24>([[12, 85], [24, 15]]),
    usageBased: false,
    freeShare: 0.04,
    trialShare: 0,
    extras: [
      { label: 'Domain privacy', priceMinor: 500, historyType: 'order' },
      { label: 'DNS Fast Anycast', priceMinor: 1_500, historyType: 'order' },
      { label: 'Domain transfer fee', priceMinor: 1_000, historyType: 'invoice' },
      { label: 'Owner change fee', priceMinor: 1_500, historyType: 'invoice' },
    ],
  },
  web_hosting: {
    label: 'Web hosting',
    serviceId: 1,
    plans: weighted([
      [plan('Web hosting', 6_900), 80],
      [plan('Cloud Server', 39_600, 3_500), 20],
    ]),
    monthlyShare: 0.4,
    termMonths: YEARLY_TERM,
    usageBased: false,
    freeShare: 0,
    trialShare: 0,
    extras: [
      { label: 'Additional website', priceMinor: 2_400, historyType: 'order' },
      { label: 'Additional storage (+100 GB)', priceMinor: 3_000, historyType: 'order' },
      { label: 'Site Creator licence', priceMinor: 6_000, historyType: 'order' },
      { label: 'Website restoration from backup', priceMinor: 4_900, historyType: 'invoice' },
      { label: 'Technical intervention (30 min)', priceMinor: 7_500, historyType: 'invoice' },
    ],
  },
  mail: {
    label: 'Mail Service',
    serviceId: 3,
    plans: weighted([[plan('Mail Service', 1_800, null, { label: 'addresses', min: 1, max: 60 }), 1]]),
    monthlyShare: 0,
    termMonths: YEARLY_TERM,
    usageBased: false,
    freeShare: 0.06,
    trialShare: 0,
    extras: [
      { label: 'Additional addresses (+5)', priceMinor: 9_000, historyType: 'order' },
      { label: 'Mailbox archive migration', priceMinor: 9_000, historyType: 'invoice' },
      { label: 'Mailbox restoration', priceMinor: 4_900, historyType: 'invoice' },
    ],
  },
  kdrive: {
    label: 'kDrive',
    serviceId: 48,
    plans: weighted([
      [plan('kDrive Solo', 6_000, 550), 40],
      [plan('kDrive Team', 12_000, 1_100, { label: 'users', min: 2, max: 30 }), 45],
      [plan('kDrive Pro', 33_000, 3_000, { label: 'users', min: 5, max: 60 }), 15],
    ]),
    monthlyShare: 0.5,
    termMonths: YEARLY_TERM,
    usageBased: false,
    freeShare: 0.03,
    trialShare: 0.05,
    extras: [
      { label: 'Additional storage (+1 TB)', priceMinor: 6_000, historyType: 'order' },
      { label: 'Data import service', priceMinor: 15_000, historyType: 'invoice' },
    ],
  },
  ksuite: {
    label: 'kSuite',
    serviceId: 59,
    plans: weighted([
      [plan('kSuite Standard', 1_900, 190, { label: 'users', min: 1, max: 50 }), 55],
      [plan('kSuite Business', 6_600, 600, { label: 'users', min: 3, max: 80 }), 35],
      [plan('kSuite Enterprise', 9_900, 900, { label: 'users', min: 20, max: 250 }), 10],
    ]),
    monthlyShare: 0.6,
    termMonths: YEARLY_TERM,
    usageBased: false,
    freeShare: 0.08,
    trialShare: 0.06,
    extras: [
      { label: 'Additional users (+5)', priceMinor: 950, historyType: 'order' },
      { label: 'Extra storage (+100 GB)', priceMinor: 1_200, historyType: 'order' },
      { label: 'Onboarding session', priceMinor: 15_000, historyType: 'invoice' },
    ],
  },
  vps: {
    label: 'VPS Cloud',
    serviceId: 26,
    plans: weighted([
      [plan('VPS Cloud S', 17_400, 1_450), 45],
      [plan('VPS Cloud M', 34_800, 2_900), 35],
      [plan('VPS Cloud L', 69_600, 5_800), 20],
    ]),
    monthlyShare: 1,
    termMonths: YEARLY_TERM,
    usageBased: false,
    freeShare: 0,
    trialShare: 0,
    extras: [
      { label: 'Additional IPv4 address', priceMinor: 300, historyType: 'order' },
      { label: 'Snapshot storage', priceMinor: 500, historyType: 'order' },
      { label: 'Technical intervention (30 min)', priceMinor: 7_500, historyType: 'invoice' },
    ],
  },
  public_cloud: {
    label: 'Public Cloud',
    serviceId: 72,
    // Usage is drawn per project and month (see products.ts); the plan only names it.
    plans: weighted([[plan('Public Cloud', 0), 1]]),
    monthlyShare: 1,
    termMonths: YEARLY_TERM,
    usageBased: true,
    freeShare: 0,
    trialShare: 0,
    extras: [
      { label: 'Block storage (+500 GB)', priceMinor: 2_500, historyType: 'order' },
      { label: 'Floating IP', priceMinor: 300, historyType: 'order' },
      { label: 'Architecture review', priceMinor: 30_000, historyType: 'invoice' },
    ],
  },
  swiss_backup: {
    label: 'Swiss Backup',
    serviceId: 41,
    plans: weighted([[plan('Swiss Backup', 7_200, 650, { label: 'TB', min: 1, max: 20 }), 1]]),
    monthlyShare: 0.3,
    termMonths: YEARLY_TERM,
    usageBased: false,
    freeShare: 0,
    trialShare: 0,
    extras: [
      { label: 'Additional storage (+1 TB)', priceMinor: 7_200, historyType: 'order' },
      { label: 'Restore assistance', priceMinor: 9_000, historyType: 'invoice' },
    ],
  },
  ssl: {
    label: 'SSL certificate',
    serviceId: 19,
    plans: weighted([
      [plan('SSL DV', 2_900), 50],
      [plan('SSL Wildcard', 9_900), 20],
      [plan('SSL OV', 8_900), 20],
      [plan('SSL EV', 24_900), 10],
    ]),
    monthlyShare: 0,
    termMonths: weighted<12 | 24>([[12, 70], [24, 30]]),
    usageBased: false,
    freeShare: 0,
    trialShare: 0,
    extras: [{ label: 'Certificate reissue', priceMinor: 1_500, historyType: 'invoice' }],
  },
}

/** Yearly registration price by extension. */
const DOMAIN_PRICES: Readonly<Record<string, number>> = {
  ch: 1_300, swiss: 4_900, com: 1_600, net: 1_800, eu: 1_000, fr: 1_200, de: 1_000, at: 1_900, it: 1_200, be: 1_100, lu: 2_900,
  info: 1_800, online: 3_000, shop: 3_500,
}

export function domainPlan(fqdn: string): Plan {
  const tld = fqdn.slice(fqdn.lastIndexOf('.') + 1)
  return plan(`Domain .${tld}`, DOMAIN_PRICES[tld] ?? 1_600)
}
