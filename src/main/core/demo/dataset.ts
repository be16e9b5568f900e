import type { DemoSize } from '../../../shared/contract'
import {
  type Access,
  CURRENCIES,
  type Currency,
  HISTORY_TYPES,
  type HistoryType,
  type InvoiceStatus,
  type PartnershipStatus,
  PAYMENT_MODES,
  type PaymentMode,
  type RenewalPreference,
  type TenderRemoteState,
  type TenderTriageState,
} from '../../../shared/domain'
import type { DemoCategory } from './catalogue'
import type { CountryCode } from './countries'

// What generateDemo returns and insertDemo writes. Shapes follow the domain
// rather than the columns where a union rules out a state the CHECKs reject
// (an individual with a VAT number, an ended partnership without an end, a
// limited access with a payment mode, a consulted tender without contact).
// Money is integer minor units in the row's currency; times are Unix seconds.

export interface DemoAddress {
  street: string
  postalCode: string
  city: string
  country: CountryCode
}

export interface DemoRepresentative {
  firstName: string
  lastName: string
  email: string
}

export type DemoLegalEntity =
  | { type: 'individual'; vatNumber: null }
  | { type: 'company' | 'public_body'; vatNumber: string | null }

export interface DemoOrganization {
  id: number
  name: string
  role: 'own' | 'client'
  legalEntity: DemoLegalEntity
  /** Follows from the invoice address's country: CHF in Switzerland, EUR elsewhere. */
  currency: Currency
  locale: string
  timezone: string
  createdAt: number
  syncedAt: number
  invoiceAddress: DemoAddress
  otherAddresses: readonly DemoAddress[]
  /** Never empty: the last legal representative cannot be removed. */
  representatives: readonly [DemoRepresentative, ...DemoRepresentative[]]
}

export type DemoPartnershipState =
  | { status: Exclude<PartnershipStatus, 'ended'>; until: null }
  | { status: 'ended'; until: number }

export interface DemoPartnership {
  id: number
  partnerOrganizationId: number
  clientOrganizationId: number
  state: DemoPartnershipState
  /** A payment mode exists only under complete access. */
  access: Access
  since: number
  updatedAt: number
  currency: Currency
  incomesMinor: number
  discountsMinor: number
  totalPaidMinor: number
  totalPaidBasePriceMinor: number
}

/** The categories whose products are tied to a host name. */
export const FQDN_CATEGORIES = ['domain', 'web_hosting', 'mail', 'ssl'] as const
export type FqdnCategory = (typeof FQDN_CATEGORIES)[number]

export type DemoProductService =
  | { category: FqdnCategory; fqdn: string }
  | { category: Exclude<DemoCategory, FqdnCategory>; fqdn: null }

export interface DemoProductRights {
  technical: boolean
  statistic: boolean
  check: boolean
  sale: boolean
}

export type DemoProduct = DemoProductService & {
  id: number
  ownerOrganizationId: number
  serviceId: number
  internalName: string
  customerName: string
  managedByPartner: boolean
  /** Kept apart from the owner: the partner when it pays, nobody for free products. */
  payerOrganizationId: number | null
  createdAt: number
  expiredAt: number
  deletedAt: number | null
  isFree: boolean
  isTrial: boolean
  renewalPreference: RenewalPreference
  rights: DemoProductRights
}

export interface DemoPartnershipProduct {
  partnershipId: number
  productId: number
}

export interface DemoTag {
  id: number
  organizationId: number
  name: string
  /** 0xRRGGBB. */
  color: number
}

export interface DemoProductTag {
  productId: number
  tagId: number
}

export interface DemoInvoice {
  id: number
  organizationId: number
  number: string
  issuedAt: number
  status: InvoiceStatus
  /** The sums of the lines that reference this invoice. */
  totalExclVatMinor: number
  vatMinor: number
  currency: Currency
}

/**
 * Billing lines by column: a million objects would take several times the
 * memory. Line `i` has id `i + 1`; 0 stands for NULL in `productId` and
 * `invoiceId`; enumerations are indices into HISTORY_TYPES, CURRENCIES and
 * PAYMENT_MODES; `description` indexes `descriptions` (lines of one product
 * share their texts).
 */
export interface DemoBillingLines {
  count: number
  clientOrganizationId: Int32Array
  productId: Int32Array
  invoiceId: Int32Array
  historyType: Uint8Array
  occurredAt: Float64Array
  description: Uint32Array
  descriptions: string[]
  amountExclVatMinor: Int32Array
  vatRateBp: Uint16Array
  vatMinor: Int32Array
  currency: Uint8Array
  paidBy: Uint8Array
}

/** One billing line as a row, for tests and small consumers. */
export interface DemoBillingLine {
  id: number
  clientOrganizationId: number
  productId: number | null
  invoiceId: number | null
  historyType: HistoryType
  occurredAt: number
  description: string
  amountExclVatMinor: number
  vatRateBp: number
  vatMinor: number
  currency: Currency
  paidBy: PaymentMode
}

export function billingLineAt(lines: DemoBillingLines, index: number): DemoBillingLine {
  return {
    id: index + 1,
    clientOrganizationId: lines.clientOrganizationId[index],
    productId: lines.productId[index] || null,
    invoiceId: lines.invoiceId[index] || null,
    historyType: HISTORY_TYPES[lines.historyType[index]],
    occurredAt: lines.occurredAt[index],
    description: lines.descriptions[lines.description[index]],
    amountExclVatMinor: lines.amountExclVatMinor[index],
    vatRateBp: lines.vatRateBp[index],
    vatMinor: lines.vatMinor[index],
    currency: CURRENCIES[lines.currency[index]],
    paidBy: PAYMENT_MODES[lines.paidBy[index]],
  }
}

/** What consulting a still-valid tender reveals. */
export interface DemoTenderReveal {
  revealedAt: number
  fullText: string
  contactName: string
  contactEmail: string
  contactPhone: string
}

/** The triage states reached only after consulting the tender. */
export const REVEALED_TRIAGE_STATES = ['consulted', 'proposal_sent', 'won', 'lost'] as const
export type RevealedTriageState = (typeof REVEALED_TRIAGE_STATES)[number]

export type DemoTenderTriage =
  | { triageState: RevealedTriageState; reveal: DemoTenderReveal }
  | { triageState: Exclude<TenderTriageState, RevealedTriageState>; reveal: null }

export type DemoTender = DemoTenderTriage & {
  id: number
  title: string
  category: string
  excerpt: string
  postedAt: number
  validUntil: number
  budgetMinor: number | null
  currency: Currency
  remoteState: TenderRemoteState
  score: number | null
  notes: string
  proposal: string
}

export interface DemoDataset {
  size: DemoSize
  seed: number
  now: number
  ownOrganizationId: number
  /** The partner's own organization first, then its clients. */
  organizations: DemoOrganization[]
  partnerships: DemoPartnership[]
  products: DemoProduct[]
  partnershipProducts: DemoPartnershipProduct[]
  tags: DemoTag[]
  productTags: DemoProductTag[]
  invoices: DemoInvoice[]
  billingLines: DemoBillingLines
  tenders: DemoTender[]
}

/** The tables the demo writes, in an order that satisfies their foreign keys. */
export const DEMO_TABLES_IN_INSERT_ORDER = [
  'organizations',
  'organization_addresses',
  'legal_representatives',
  'partnerships',
  'products',
  'partnership_products',
  'tags',
  'product_tags',
  'invoices',
  'billing_lines',
  'tenders',
] as const
export type DemoTable = (typeof DEMO_TABLES_IN_INSERT_ORDER)[number]

/** How many rows insertDemo writes to each table. */
export function demoRowCounts(data: DemoDataset): Record<DemoTable, number> {
  let addresses = 0
  let representatives = 0
  for (const org of data.organizations) {
    addresses += 1 + org.otherAddresses.length
    representatives += org.representatives.length
  }
  return {
    organizations: data.organizations.length,
    organization_addresses: addresses,
    legal_representatives: representatives,
    partnerships: data.partnerships.length,
    products: data.products.length,
    partnership_products: data.partnershipProducts.length,
    tags: data.tags.length,
    product_tags: data.productTags.length,
    invoices: data.invoices.length,
    billing_lines: data.billingLines.count,
    tenders: data.tenders.length,
  }
}
