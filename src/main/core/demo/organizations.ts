import type { Access, LegalEntityType } from '../../../shared/domain'
import { type City, COUNTRIES, type Region, REGIONS, SWISS_REGIONS } from './countries'
import type {
  DemoAddress,
  DemoLegalEntity,
  DemoOrganization,
  DemoPartnershipState,
  DemoRepresentative,
} from './dataset'
import {
  asciiSlug,
  drawCompanyName,
  drawPartnerName,
  drawPerson,
  drawPublicBodyName,
  individualName,
  type OrganizationName,
  type PersonName,
  workEmail,
} from './names'
import { type Random, weighted } from './random'
import { DAY, HOUR, MONTH, YEAR } from './time'
import { drawVatNumber } from './vat-numbers'

/** A partnership before billing adds up its totals. */
export interface PartnershipDraft {
  id: number
  clientOrganizationId: number
  state: DemoPartnershipState
  access: Access
  since: number
  updatedAt: number
  /** The partner's rate on this client's orders (cashback or discount), in basis points. */
  partnerRateBp: number
}

/** A client with what later phases derive their products and names from. */
export interface ClientProfile {
  organization: DemoOrganization
  region: Region
  name: OrganizationName
  /** The client's main domain: its web site, its mail, its representatives' addresses. */
  primaryDomain: string
  partnership: PartnershipDraft
}

/** Values that must stay unique across the whole dataset. */
export interface Registry {
  names: Set<string>
  domains: Set<string>
  vatNumbers: Set<string>
}

export const OWN_ORGANIZATION_ID = 1

const ENTITY_TYPES = weighted<Exclude<LegalEntityType, 'restrict'>>([['company', 80], ['individual', 13], ['public_body', 7]])

const STATUSES = weighted<DemoPartnershipState['status']>([['active', 80], ['invited', 7], ['pending', 6], ['ended', 7]])

// The access mix of the partner programme: two thirds complete, and of those a
// little under half have entrusted their wallet to the partner.
const ACCESSES = weighted<Access>([
  [{ type: 'complete', paymentMode: 'customer' }, 36],
  [{ type: 'complete', paymentMode: 'partner' }, 29],
  [{ type: 'limited' }, 35],
])

const REP_COUNTS = weighted([[1, 60], [2, 30], [3, 10]])
const PUBLIC_REP_COUNTS = weighted([[1, 50], [2, 50]])

// Up to 35 % (DOMAIN.md); 20 % is the programme's usual rate.
const PARTNER_RATES_BP = weighted([[1500, 15], [2000, 40], [2500, 25], [3000, 12], [3500, 8]])

/** The first clients cover every status and access, whatever the seed. */
const GUARANTEED: readonly { status: DemoPartnershipState['status']; access: Access }[] = [
  { status: 'active', access: { type: 'complete', paymentMode: 'partner' } },
  { status: 'active', access: { type: 'complete', paymentMode: 'customer' } },
  { status: 'active', access: { type: 'limited' } },
  { status: 'ended', access: { type: 'complete', paymentMode: 'partner' } },
  { status: 'invited', access: { type: 'limited' } },
  { status: 'pending', access: { type: 'complete', paymentMode: 'customer' } },
]

function drawAddress(random: Random, region: Region, city = random.pick(region.cities)): DemoAddress {
  return {
    street: region.address(random.pick(region.streets), random.int(1, 120)),
    postalCode: city[1],
    city: city[0],
    country: region.country.code,
  }
}

/**
 * Draws until the name is new (a few tries), then numbers it as registers do
 * ("… 2"): a small name space, like the public bodies of one city, runs out.
 */
function drawUnique<T extends { name: OrganizationName }>(registry: Registry, draw: () => T): T {
  let drawn = draw()
  for (let attempt = 1; attempt < 20 && registry.names.has(drawn.name.name); attempt++) drawn = draw()
  let name = drawn.name.name
  for (let n = 2; registry.names.has(name); n++) name = `${drawn.name.name} ${n}`
  registry.names.add(name)
  return { ...drawn, name: { ...drawn.name, name } }
}

/** `slug.tld` if still free, else a variant with the city or a number. */
function claimDomain(registry: Registry, random: Random, slug: string, tld: string, city: string): string {
  const candidates = [`${slug}.${tld}`, `${slug}-${asciiSlug(city)}.${tld}`, `${slug}${random.int(2, 99)}.${tld}`]
  for (const domain of candidates) {
    if (!registry.domains.has(domain)) {
      registry.domains.add(domain)
      return domain
    }
  }
  for (let n = 2; ; n++) {
    const domain = `${slug}-${n}.${tld}`
    if (!registry.domains.has(domain)) {
      registry.domains.add(domain)
      return domain
    }
  }
}

function representatives(
  random: Random,
  region: Region,
  count: number,
  domain: string,
): [DemoRepresentative, ...DemoRepresentative[]] {
  const draw = (): DemoRepresentative => {
    const person = drawPerson(random, region)
    return { firstName: person.first, lastName: person.last, email: workEmail(person, domain, random) }
  }
  const first = draw()
  return [first, ...Array.from({ length: count - 1 }, draw)]
}

/** An individual represents themself, with a personal mailbox. */
function individualRepresentative(
  random: Random,
  person: PersonName,
  name: OrganizationName,
  region: Region,
): DemoRepresentative {
  const email = `${name.slug.replace(/-/g, '.')}@${random.pick(region.country.freeMailDomains)}`
  return { firstName: person.first, lastName: person.last, email }
}

function otherAddresses(random: Random, region: Region): DemoAddress[] {
  const out: DemoAddress[] = []
  if (random.chance(0.15)) out.push(drawAddress(random, region))
  // Branches abroad make the invoice address, not the first one, decide the currency.
  if (random.chance(0.04)) out.push(drawAddress(random, random.choose(REGIONS)))
  return out
}

export function generateOwnOrganization(random: Random, registry: Registry, now: number): DemoOrganization {
  const region = random.choose(SWISS_REGIONS)
  const { name } = drawUnique(registry, () => ({ name: drawPartnerName(random, region) }))
  const domain = claimDomain(registry, random, name.slug, 'ch', region.cities[0][0])
  const createdAt = now - random.int(8 * YEAR, 15 * YEAR)
  return {
    id: OWN_ORGANIZATION_ID,
    name: name.name,
    role: 'own',
    legalEntity: { type: 'company', vatNumber: drawVatNumber(random, 'CH', region.language, registry.vatNumbers) },
    currency: 'CHF',
    locale: region.locale,
    timezone: region.country.timezone,
    createdAt,
    syncedAt: now - random.int(60, 30 * 60),
    invoiceAddress: drawAddress(random, region),
    otherAddresses: [],
    representatives: representatives(random, region, random.int(2, 3), domain),
  }
}

function drawPartnership(
  random: Random,
  id: number,
  clientOrganizationId: number,
  createdAt: number,
  now: number,
  shape: { status: DemoPartnershipState['status']; access: Access },
): PartnershipDraft {
  const partnerRateBp = random.choose(PARTNER_RATES_BP)
  const base = { id, clientOrganizationId, access: shape.access, partnerRateBp }
  switch (shape.status) {
    case 'active': {
      const since = now - random.int(MONTH, Math.min(10 * YEAR, now - createdAt - DAY))
      return { ...base, state: { status: 'active', until: null }, since, updatedAt: Math.max(since, now - random.int(0, 180 * DAY)) }
    }
    case 'ended': {
      const until = now - random.int(7 * DAY, 2.5 * YEAR)
      const since = Math.max(createdAt + DAY, until - random.int(4 * MONTH, 6 * YEAR))
      return { ...base, state: { status: 'ended', until }, since, updatedAt: until }
    }
    case 'invited':
    case 'pending': {
      // An invitation not yet answered: recent, nothing shared yet.
      const since = now - random.int(DAY, 45 * DAY)
      return { ...base, state: { status: shape.status, until: null }, since, updatedAt: since }
    }
  }
}

export function generateClients(random: Random, registry: Registry, count: number, now: number): ClientProfile[] {
  const clients: ClientProfile[] = []
  for (let i = 0; i < count; i++) {
    const id = OWN_ORGANIZATION_ID + 1 + i
    const region = random.choose(REGIONS)
    const type = random.choose(ENTITY_TYPES)
    const { name, city, person } = drawUnique(registry, (): { name: OrganizationName; city: City; person: PersonName | null } => {
      switch (type) {
        case 'company':
          return { name: drawCompanyName(random, region), city: random.pick(region.cities), person: null }
        case 'public_body': {
          // A public body sits in the place it is named after.
          const city = random.pick(region.cities)
          return { name: drawPublicBodyName(random, region, city[0]), city, person: null }
        }
        case 'individual': {
          const person = drawPerson(random, region)
          return { name: individualName(person), city: random.pick(region.cities), person }
        }
      }
    })
    const primaryDomain = claimDomain(registry, random, name.slug, random.choose(region.country.tlds), city[0])
    const invoiceAddress = drawAddress(random, region, city)
    const legalEntity: DemoLegalEntity =
      type === 'individual'
        ? { type, vatNumber: null }
        : {
            type,
            // Small companies under the VAT threshold and many public bodies have none.
            vatNumber: random.chance(type === 'company' ? 0.92 : 0.55)
              ? drawVatNumber(random, region.country.code, region.language, registry.vatNumbers)
              : null,
          }
    const reps: DemoOrganization['representatives'] = person
      ? [individualRepresentative(random, person, name, region)]
      : representatives(random, region, random.choose(type === 'company' ? REP_COUNTS : PUBLIC_REP_COUNTS), primaryDomain)
    const createdAt = now - random.int(6 * YEAR, 20 * YEAR)
    const shape = i < GUARANTEED.length ? GUARANTEED[i] : { status: random.choose(STATUSES), access: random.choose(ACCESSES) }
    const partnership = drawPartnership(random, i + 1, id, createdAt, now, shape)
    // An ended client's cache stopped syncing when the partner lost access.
    const syncedAt = partnership.state.status === 'ended' ? partnership.state.until : now - random.int(60, 6 * HOUR)
    const organization: DemoOrganization = {
      id,
      name: name.name,
      role: 'client',
      legalEntity,
      currency: COUNTRIES[invoiceAddress.country].currency,
      locale: region.locale,
      timezone: region.country.timezone,
      createdAt,
      syncedAt,
      invoiceAddress,
      otherAddresses: otherAddresses(random, region),
      representatives: reps,
    }
    clients.push({ organization, region, name, primaryDomain, partnership })
  }
  return clients
}
