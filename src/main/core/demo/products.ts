import type { RenewalPreference } from '../../../shared/domain'
import { allocateProportionally } from './allocate'
import { CATALOGUE, DEMO_CATEGORIES, type DemoCategory, domainPlan, type Plan } from './catalogue'
import type { Language } from './countries'
import type {
  DemoPartnershipProduct,
  DemoProduct,
  DemoProductService,
  DemoProductTag,
  DemoTag,
} from './dataset'
import { type ClientProfile, OWN_ORGANIZATION_ID, type Registry } from './organizations'
import { type Random, weighted, type WeightedTable } from './random'
import { DAY, HOUR, MONTH, utcYear, YEAR } from './time'

/** How billing.ts charges a product; parallel to the products. */
export interface ProductBilling {
  /** Seconds between two charges: a month, a year or two. */
  periodSeconds: number
  /** Public price per period; for usage-based products, a typical month. */
  priceMinor: number
  usageBased: boolean
  /** Free and trial products are never charged. */
  billable: boolean
  /** Orders and renewals placed by the partner rather than the client (discount vs income). */
  partnerPlaced: boolean
  /** "Mail Service (15 addresses)". */
  planLabel: string
  periodLabel: string
}

export interface ProductsPhase {
  products: DemoProduct[]
  billing: ProductBilling[]
  /** Products of client `i` are `products[starts[i]]` up to `products[starts[i + 1]]`. */
  starts: Int32Array
  partnershipProducts: DemoPartnershipProduct[]
  tags: DemoTag[]
  productTags: DemoProductTag[]
}

/** A partner sees a client's products once the partnership is accepted (and keeps them after it ends). */
function holdsProducts(client: ClientProfile): boolean {
  const status = client.partnership.state.status
  return status === 'active' || status === 'ended'
}

const CATEGORY_MIX: Readonly<Record<'company' | 'individual' | 'public_body', WeightedTable<DemoCategory>>> = {
  company: weighted<DemoCategory>([
    ['domain', 28], ['web_hosting', 14], ['mail', 13], ['ssl', 9], ['kdrive', 8],
    ['ksuite', 12], ['vps', 6], ['public_cloud', 4], ['swiss_backup', 6],
  ]),
  individual: weighted<DemoCategory>([
    ['domain', 35], ['web_hosting', 20], ['mail', 15], ['ssl', 10], ['kdrive', 12], ['ksuite', 8],
  ]),
  public_body: weighted<DemoCategory>([
    ['domain', 20], ['web_hosting', 12], ['mail', 15], ['kdrive', 15], ['ksuite', 20], ['swiss_backup', 12], ['ssl', 6],
  ]),
}

// How many products a client has relative to others: agencies and public
// administrations hold many, individuals few.
const SIZE_FACTOR = { company: 1, individual: 0.35, public_body: 1.3 } as const

type Lifecycle = 'live' | 'expired' | 'deleted' | 'trial'
const LIFECYCLES = weighted<Exclude<Lifecycle, 'trial'>>([['live', 92], ['expired', 5], ['deleted', 3]])

const RENEWALS: Readonly<Record<Lifecycle, WeightedTable<RenewalPreference>>> = {
  live: weighted<RenewalPreference>([['automatic', 65], ['manual', 25], ['cancel_at_expiry', 10]]),
  expired: weighted<RenewalPreference>([['manual', 60], ['cancel_at_expiry', 40]]),
  deleted: weighted<RenewalPreference>([['cancel_at_expiry', 1]]),
  trial: weighted<RenewalPreference>([['manual', 1]]),
}

const DOMAIN_WORDS: Readonly<Record<Language, readonly string[]>> = {
  de: ['shop', 'online', 'events', 'immobilien', 'jobs', 'blog', 'app', 'info', 'news', 'service', 'kurse', 'team'],
  fr: ['boutique', 'online', 'evenements', 'immobilier', 'emplois', 'blog', 'app', 'info', 'actu', 'services', 'cours'],
  it: ['negozio', 'online', 'eventi', 'immobili', 'lavoro', 'blog', 'app', 'info', 'notizie', 'servizi', 'corsi'],
}
const EXTRA_TLDS = ['com', 'net', 'eu', 'info', 'online', 'shop']

const WEBSITE_KINDS = ['Website', 'Website', 'E-shop', 'Blog', 'Intranet', 'Landing pages']
const KDRIVE_NAMES = ['Team', 'Projects', 'Accounting', 'Archives', 'Marketing', 'Photos', 'Board', 'HR']
const KSUITE_TEAMS = ['Administration', 'Sales', 'Board', 'Workshop', 'Volunteers', 'Management', 'Staff']
const VPS_ROLES = ['prod', 'staging', 'db', 'web', 'app', 'mail', 'backup', 'dev']
const CLOUD_PROJECTS = ['Production', 'Staging', 'Analytics', 'Lab', 'ERP', 'Data']
const BACKUP_NAMES = ['Servers', 'Workstations', 'NAS', 'Veeam', 'Acronis', 'Archives']

const TAG_COUNTS = weighted([[0, 25], [1, 25], [2, 20], [3, 15], [4, 10], [5, 5]])
const TAG_PALETTE = [0xe53935, 0xd81b60, 0x8e24aa, 0x3949ab, 0x1e88e5, 0x00897b, 0x43a047, 0xfdd835, 0xfb8c00, 0x6d4c41, 0x546e7a, 0x0098ff]

function tagNames(now: number): string[] {
  const year = utcYear(now)
  return [
    'VIP', `Renewal ${year + 1}`, `Renewal ${year + 2}`, 'Migration', 'To review', 'Key account', 'Legacy',
    'Production', 'Staging', 'E-shop', 'Newsletter', 'Do not renew', 'Transfer pending', 'Marketing',
    'Internal', 'Agency project', 'Monitoring', 'nLPD/GDPR',
  ]
}

/** Quantities are mostly small with a long tail (a few big tenants). */
function drawQuantity(random: Random, plan: Plan): number {
  if (!plan.units) return 1
  const { min, max } = plan.units
  return min + Math.floor((max - min + 1) * random.next() ** 2.5)
}

function periodLabel(seconds: number): string {
  if (seconds === MONTH) return '1 month'
  return seconds === YEAR ? '1 year' : '2 years'
}

/** Per-client state while its products are drawn. */
interface ClientProducts {
  client: ClientProfile
  /** Domains the client registered so far; its primary domain comes first. */
  domains: string[]
  counters: Map<DemoCategory, number>
}

function claimVariantDomain(random: Random, registry: Registry, owner: ClientProducts): string {
  const { client } = owner
  const slug = client.name.slug
  const home = client.primaryDomain.slice(client.primaryDomain.lastIndexOf('.') + 1)
  for (let attempt = 0; attempt < 30; attempt++) {
    const word = random.pick(DOMAIN_WORDS[client.region.language])
    const x = random.next()
    const domain =
      x < 0.4 ? `${slug}.${random.pick(EXTRA_TLDS)}` : x < 0.8 ? `${slug}-${word}.${home}` : `${word}-${slug}.${home}`
    if (!registry.domains.has(domain)) {
      registry.domains.add(domain)
      return domain
    }
  }
  for (let n = 2; ; n++) {
    const domain = `${slug}-${n}.${home}`
    if (!registry.domains.has(domain)) {
      registry.domains.add(domain)
      return domain
    }
  }
}

/** The host name and customer-facing name a product of this category gets. */
function nameProduct(
  random: Random,
  registry: Registry,
  owner: ClientProducts,
  category: DemoCategory,
  plan: Plan,
): { service: DemoProductService; internalName: string; customerName: string } {
  const { client } = owner
  const slug = client.name.slug
  const n = (owner.counters.get(category) ?? 0) + 1
  owner.counters.set(category, n)
  const numbered = (prefix: string) => `${prefix}-${slug}${n > 1 ? `-${n}` : ''}`
  const siteDomain = () => (owner.domains.length > 0 ? random.pick(owner.domains) : client.primaryDomain)
  switch (category) {
    case 'domain': {
      // The first domain a client holds is the one its name suggests.
      const fqdn = owner.domains.length === 0 ? client.primaryDomain : claimVariantDomain(random, registry, owner)
      owner.domains.push(fqdn)
      return { service: { category, fqdn }, internalName: fqdn, customerName: fqdn }
    }
    case 'web_hosting': {
      const fqdn = siteDomain()
      const customerName = plan.name === 'Cloud Server' ? `Cloud Server ${client.name.short}` : `${random.pick(WEBSITE_KINDS)} ${fqdn}`
      return { service: { category, fqdn }, internalName: numbered('web'), customerName }
    }
    case 'mail': {
      const fqdn = siteDomain()
      return { service: { category, fqdn }, internalName: numbered('mail'), customerName: `Mail ${fqdn}` }
    }
    case 'ssl': {
      const domain = siteDomain()
      const fqdn = plan.name === 'SSL Wildcard' ? `*.${domain}` : random.chance(0.6) ? `www.${domain}` : domain
      return { service: { category, fqdn }, internalName: numbered('ssl'), customerName: `${plan.name} ${fqdn}` }
    }
    case 'kdrive':
      return {
        service: { category, fqdn: null },
        internalName: numbered('kdrive'),
        customerName: `kDrive ${n === 1 ? client.name.short : random.pick(KDRIVE_NAMES)}`,
      }
    case 'ksuite':
      return {
        service: { category, fqdn: null },
        internalName: numbered('ksuite'),
        customerName: n === 1 ? `kSuite ${client.name.short}` : `kSuite ${random.pick(KSUITE_TEAMS)}`,
      }
    case 'vps':
      return {
        service: { category, fqdn: null },
        internalName: numbered('vps'),
        customerName: `${slug}-${random.pick(VPS_ROLES)}-${String(n).padStart(2, '0')}`,
      }
    case 'public_cloud':
      return {
        service: { category, fqdn: null },
        internalName: numbered('pcp'),
        customerName: `${client.name.short} ${random.pick(CLOUD_PROJECTS)}`,
      }
    case 'swiss_backup':
      return {
        service: { category, fqdn: null },
        internalName: numbered('sb'),
        customerName: `Swiss Backup ${random.pick(BACKUP_NAMES)}`,
      }
  }
}

function makeProduct(
  random: Random,
  registry: Registry,
  owner: ClientProducts,
  id: number,
  category: DemoCategory,
  now: number,
): { product: DemoProduct; billing: ProductBilling } {
  const { client } = owner
  const { partnership, organization } = client
  const catalogue = CATALOGUE[category]
  // An ended client's products are the cache's last view of them, taken when access ended.
  const ref = partnership.state.status === 'ended' ? partnership.state.until : now
  const lifecycle: Lifecycle = random.chance(catalogue.trialShare) ? 'trial' : random.choose(LIFECYCLES)
  const isFree = lifecycle === 'live' && random.chance(catalogue.freeShare)
  const chosenPlan = random.choose(catalogue.plans)
  const termMonths = random.choose(catalogue.termMonths)
  const term = termMonths * MONTH
  const naming = nameProduct(random, registry, owner, category, chosenPlan)
  const plan = category === 'domain' ? domainPlan(naming.customerName) : chosenPlan

  let expiredAt: number
  let createdAt: number
  let deletedAt: number | null = null
  if (lifecycle === 'trial') {
    createdAt = ref - random.int(DAY, 29 * DAY)
    expiredAt = createdAt + 30 * DAY
  } else {
    switch (lifecycle) {
      case 'live':
        // Expiries spread over the coming year, up to 18 months for two-year terms.
        expiredAt = ref + random.int(DAY, termMonths === 24 ? 18 * MONTH : 12 * MONTH)
        break
      case 'expired':
        expiredAt = ref - random.int(DAY, 45 * DAY)
        break
      case 'deleted':
        expiredAt = ref - random.int(30 * DAY, YEAR)
        deletedAt = Math.min(expiredAt + random.int(DAY, 40 * DAY), ref - HOUR)
        break
    }
    // Terms back from the expiry: many products are a few years old, some much older.
    const maxTerms = Math.max(1, Math.floor((expiredAt - organization.createdAt - DAY) / term))
    const terms = Math.min(maxTerms, 1 + Math.floor(-Math.log(1 - random.next()) * 4))
    createdAt = expiredAt - terms * term
  }

  const quantity = drawQuantity(random, plan)
  const monthly = catalogue.usageBased || (plan.monthlyMinor !== null && random.chance(catalogue.monthlyShare))
  const periodSeconds = monthly ? MONTH : term
  const priceMinor = catalogue.usageBased
    ? Math.max(500, Math.round(6_000 * Math.exp(0.9 * random.normal())))
    : monthly
      ? (plan.monthlyMinor ?? 0) * quantity
      : (plan.yearlyMinor * quantity * termMonths) / 12

  const active = partnership.state.status === 'active'
  const access = partnership.access
  const complete = access.type === 'complete'
  // Limited access covers only delegated products, which the partner manages.
  const managedByPartner = active && (complete ? random.chance(0.8) : true)
  const partnerPlaced = complete && (active ? managedByPartner : random.chance(0.8))
  const payerOrganizationId = isFree
    ? null
    : active && access.type === 'complete' && access.paymentMode === 'partner'
      ? OWN_ORGANIZATION_ID
      : organization.id

  const product: DemoProduct = {
    ...naming.service,
    id,
    ownerOrganizationId: organization.id,
    serviceId: catalogue.serviceId,
    internalName: naming.internalName,
    customerName: naming.customerName,
    managedByPartner,
    payerOrganizationId,
    createdAt,
    expiredAt,
    deletedAt,
    isFree,
    isTrial: lifecycle === 'trial',
    renewalPreference: random.choose(RENEWALS[lifecycle]),
    // The partner's rights; under limited access it may not order or renew (no sale right).
    rights: active
      ? { technical: managedByPartner, statistic: random.chance(0.9), check: random.chance(complete ? 0.85 : 0.6), sale: complete }
      : { technical: false, statistic: false, check: false, sale: false },
  }
  const units = plan.units ? ` (${quantity} ${plan.units.label})` : ''
  return {
    product,
    billing: {
      periodSeconds,
      priceMinor,
      usageBased: catalogue.usageBased,
      billable: !isFree && lifecycle !== 'trial',
      partnerPlaced,
      planLabel: `${plan.name}${units}`,
      periodLabel: periodLabel(periodSeconds),
    },
  }
}

export function generateProducts(
  random: Random,
  registry: Registry,
  clients: readonly ClientProfile[],
  total: number,
  now: number,
): ProductsPhase {
  const holders = clients.filter(holdsProducts)
  // Everyone who holds products has at least one; the rest follows a log-normal spread.
  const extra = allocateProportionally(
    total - holders.length,
    holders.map((c) => Math.exp(0.9 * random.normal()) * SIZE_FACTOR[c.organization.legalEntity.type]),
  )
  const products: DemoProduct[] = []
  const billing: ProductBilling[] = []
  const starts = new Int32Array(clients.length + 1)
  const partnershipProducts: DemoPartnershipProduct[] = []
  const tags: DemoTag[] = []
  const productTags: DemoProductTag[] = []
  const tagPool = tagNames(now)
  let holderIndex = 0
  clients.forEach((client, clientIndex) => {
    starts[clientIndex] = products.length
    if (!holdsProducts(client)) return
    const count = 1 + extra[holderIndex++]
    const owner: ClientProducts = { client, domains: [], counters: new Map() }
    const mix = CATEGORY_MIX[client.organization.legalEntity.type]
    const clientTags = random.sample(tagPool, random.choose(TAG_COUNTS)).map((name) => {
      const tag: DemoTag = {
        id: tags.length + 1,
        organizationId: client.organization.id,
        name,
        color: random.chance(0.8) ? random.pick(TAG_PALETTE) : random.int(0, 0xffffff),
      }
      tags.push(tag)
      return tag
    })
    for (let j = 0; j < count; j++) {
      const id = products.length + 1
      // The first products cover every category, whatever the seed.
      const category = products.length < DEMO_CATEGORIES.length ? DEMO_CATEGORIES[products.length] : random.choose(mix)
      const made = makeProduct(random, registry, owner, id, category, now)
      products.push(made.product)
      billing.push(made.billing)
      if (client.partnership.access.type === 'limited') {
        partnershipProducts.push({ partnershipId: client.partnership.id, productId: id })
      }
      if (clientTags.length > 0 && random.chance(0.35)) {
        for (const tag of random.sample(clientTags, random.chance(0.15) ? 2 : 1)) productTags.push({ productId: id, tagId: tag.id })
      }
    }
  })
  starts[clients.length] = products.length
  return { products, billing, starts, partnershipProducts, tags, productTags }
}
