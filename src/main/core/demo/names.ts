import type { Faker } from '@faker-js/faker'
import { faker as fakerDe } from '@faker-js/faker/locale/de'
import { faker as fakerDeCh } from '@faker-js/faker/locale/de_CH'
import { faker as fakerFr } from '@faker-js/faker/locale/fr'
import { faker as fakerFrCh } from '@faker-js/faker/locale/fr_CH'
import { faker as fakerIt } from '@faker-js/faker/locale/it'
import type { Language, Region } from './countries'
import { type Random, weighted, type WeightedTable } from './random'

// Names of people and organizations. First and last names come from faker's
// word lists for the region (read only: faker's own generator is not used, see
// random.ts); company and public-body names are composed here so they carry the
// legal forms of their country.

interface NamePool {
  first: readonly string[]
  last: readonly string[]
}

function namePool(faker: Faker): NamePool {
  const person = faker.rawDefinitions.person
  const first = person?.first_name
  return {
    first: [...(first?.female ?? []), ...(first?.male ?? []), ...(first?.generic ?? [])],
    last: [...(person?.last_name?.generic ?? [])],
  }
}

const POOLS: Readonly<Record<string, NamePool>> = {
  'CH-de': namePool(fakerDeCh),
  'CH-fr': namePool(fakerFrCh),
  'CH-it': namePool(fakerIt),
  de: namePool(fakerDe),
  fr: namePool(fakerFr),
  it: namePool(fakerIt),
}

function poolOf(region: Region): NamePool {
  return POOLS[region.key] ?? POOLS[region.language]
}

export interface PersonName {
  first: string
  last: string
}

export function drawPerson(random: Random, region: Region): PersonName {
  const pool = poolOf(region)
  return { first: random.pick(pool.first), last: random.pick(pool.last) }
}

/** Lower-case ASCII for domains and e-mail addresses: "Müller Söhne" → "mueller-soehne". */
export function asciiSlug(text: string, separator = '-'): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ /g, separator)
}

export function workEmail(person: PersonName, domain: string, random: Random): string {
  const first = asciiSlug(person.first, '.')
  const last = asciiSlug(person.last, '.')
  const local = random.choose(EMAIL_STYLES)(first, last)
  return `${local}@${domain}`
}

const EMAIL_STYLES: WeightedTable<(first: string, last: string) => string> = weighted([
  [(f, l) => `${f}.${l}`, 70],
  [(f, l) => `${f[0]}.${l}`, 15],
  [(f) => f, 10],
  [(f, l) => `${f[0]}${l}`, 5],
])

/**
 * An organization's display name and the word its domains are built from
 * ("Meier Treuhand AG" → "meier-treuhand").
 */
export interface OrganizationName {
  name: string
  /** The name without its legal form, for product names. */
  short: string
  slug: string
}

const TRADES: Readonly<Record<Language, readonly string[]>> = {
  de: [
    'Treuhand', 'Immobilien', 'Bau', 'Informatik', 'Druck', 'Garage', 'Architektur', 'Elektro', 'Sanitär',
    'Malerei', 'Schreinerei', 'Gartenbau', 'Physiotherapie', 'Reisen', 'Transport', 'Beratung', 'Optik',
    'Metzgerei', 'Bäckerei', 'Weinbau', 'Kommunikation', 'Design', 'Medien', 'Logistik', 'Haustechnik',
    'Velo', 'Uhren', 'Käserei', 'Versicherungen', 'Ingenieure',
  ],
  fr: [
    'Fiduciaire', 'Immobilier', 'Construction', 'Informatique', 'Imprimerie', 'Garage', 'Architecture',
    'Électricité', 'Sanitaire', 'Peinture', 'Menuiserie', 'Paysagisme', 'Physiothérapie', 'Voyages',
    'Transports', 'Conseil', 'Optique', 'Boucherie', 'Boulangerie', 'Vins', 'Communication', 'Design',
    'Médias', 'Logistique', 'Horlogerie', 'Fromagerie', 'Assurances', 'Ingénierie',
  ],
  it: [
    'Fiduciaria', 'Immobiliare', 'Costruzioni', 'Informatica', 'Tipografia', 'Garage', 'Architettura',
    'Elettricità', 'Sanitari', 'Pittura', 'Falegnameria', 'Giardinaggio', 'Fisioterapia', 'Viaggi',
    'Trasporti', 'Consulenza', 'Ottica', 'Macelleria', 'Panetteria', 'Vini', 'Comunicazione', 'Design',
    'Logistica', 'Orologeria', 'Assicurazioni', 'Ingegneria',
  ],
}

const BRAND_STARTS: Readonly<Record<Language, readonly string[]>> = {
  de: ['Alp', 'Berg', 'See', 'Tal', 'Nord', 'Sonnen', 'Stern', 'Rhein', 'Aare', 'Linden', 'Jura', 'Falken', 'Adler', 'Edel', 'Blau'],
  fr: ['Helve', 'Alpi', 'Novi', 'Clari', 'Lumi', 'Vita', 'Terra', 'Aqua', 'Sol', 'Léma', 'Jura', 'Mont', 'Val', 'Rhôna'],
  it: ['Alpi', 'Novi', 'Lumi', 'Vita', 'Terra', 'Aqua', 'Sole', 'Cima', 'Lago', 'Monte', 'Ceresio', 'Ticino'],
}
const BRAND_ENDS: Readonly<Record<Language, readonly string[]>> = {
  de: ['werk', 'blick', 'tech', 'data', 'net', 'form', 'haus', 'quelle', 'punkt', 'logic', 'licht', 'wind'],
  fr: ['tec', 'via', 'nova', 'link', 'data', 'sys', 'lab', 'concept', 'print', 'net', 'ium'],
  it: ['tec', 'via', 'nova', 'link', 'data', 'sys', 'lab', 'print', 'net', 'form'],
}

/** Legal forms by country (and, in Switzerland, by language). */
const LEGAL_FORMS: Readonly<Record<string, WeightedTable<string>>> = {
  'CH-de': weighted([['AG', 45], ['GmbH', 55]]),
  'CH-fr': weighted([['SA', 45], ['Sàrl', 55]]),
  'CH-it': weighted([['SA', 45], ['Sagl', 55]]),
  FR: weighted([['SARL', 40], ['SAS', 35], ['SA', 10], ['EURL', 15]]),
  DE: weighted([['GmbH', 65], ['AG', 10], ['GmbH & Co. KG', 15], ['KG', 10]]),
  AT: weighted([['GmbH', 70], ['AG', 10], ['OG', 10], ['KG', 10]]),
  IT: weighted([['S.r.l.', 70], ['S.p.A.', 10], ['S.n.c.', 20]]),
  BE: weighted([['SRL', 60], ['SA', 30], ['SC', 10]]),
  LU: weighted([['S.à r.l.', 65], ['SA', 35]]),
}

export function drawCompanyName(random: Random, region: Region): OrganizationName {
  const pool = poolOf(region)
  const language = region.language
  const form = random.choose(LEGAL_FORMS[region.key])
  const last = random.pick(pool.last)
  const trade = random.pick(TRADES[language])
  const x = random.next()
  let short: string
  let slug: string
  if (x < 0.35) {
    // German puts the family name first ("Meier Treuhand"), French and Italian the trade.
    short = language === 'de' ? `${last} ${trade}` : `${trade} ${last}`
    slug = asciiSlug(short)
  } else if (x < 0.55) {
    const other = random.pick(pool.last)
    short = `${last} & ${other}`
    slug = asciiSlug(`${last}-${other}`)
  } else if (x < 0.8) {
    short = random.pick(BRAND_STARTS[language]) + random.pick(BRAND_ENDS[language])
    slug = asciiSlug(short)
  } else {
    const brand = random.pick(BRAND_STARTS[language]) + random.pick(BRAND_ENDS[language])
    short = language === 'de' ? `${brand} ${trade}` : `${trade} ${brand}`
    slug = asciiSlug(brand)
  }
  return { name: `${short} ${form}`, short, slug }
}

const PUBLIC_BODIES: Readonly<Record<string, readonly string[]>> = {
  'CH-de': ['Gemeinde {c}', 'Stadt {c}', 'Schulgemeinde {c}', 'Kirchgemeinde {c}', 'Feuerwehr {c}', 'Musikschule {c}', 'Wasserversorgung {c}', 'Alterszentrum {c}'],
  'CH-fr': ['Commune de {c}', 'Ville de {c}', 'Paroisse de {c}', 'Service du feu de {c}', 'Conservatoire de {c}', 'EMS de {c}'],
  'CH-it': ['Comune di {c}', 'Città di {c}', 'Parrocchia di {c}', 'Corpo pompieri di {c}', 'Scuola di musica di {c}'],
  FR: ['Mairie de {c}', 'Office de tourisme de {c}', 'Syndicat des eaux de {c}', 'CCAS de {c}', 'Médiathèque de {c}'],
  DE: ['Gemeinde {c}', 'Stadtverwaltung {c}', 'Stadtwerke {c}', 'Volkshochschule {c}', 'Stadtbibliothek {c}'],
  AT: ['Stadtgemeinde {c}', 'Magistrat {c}', 'Volkshochschule {c}', 'Stadtwerke {c}'],
  IT: ['Comune di {c}', 'Biblioteca civica di {c}', 'Consorzio acque di {c}'],
  BE: ['Commune de {c}', 'Ville de {c}', 'CPAS de {c}'],
  LU: ['Commune de {c}', 'Ville de {c}', 'Syndicat intercommunal de {c}'],
}

export function drawPublicBodyName(random: Random, region: Region, city: string): OrganizationName {
  // French elides "de" before a vowel: "Syndicat des eaux d’Annecy".
  const name = random
    .pick(PUBLIC_BODIES[region.key])
    .replace(/\bde \{c\}/, /^[AEIOUYÉÈ]/.test(city) ? `d’${city}` : `de ${city}`)
    .replace('{c}', city)
  return { name, short: name, slug: asciiSlug(name) }
}

export function individualName(person: PersonName): OrganizationName {
  const name = `${person.first} ${person.last}`
  return { name, short: name, slug: asciiSlug(name) }
}

/** The partner's own name: an IT services company. */
export function drawPartnerName(random: Random, region: Region): OrganizationName {
  const brand = random.pick(BRAND_STARTS[region.language]) + random.pick(BRAND_ENDS[region.language])
  const kind = random.pick(['Digital', 'Web Services', 'IT Solutions', 'Cloud'])
  const short = `${brand} ${kind}`
  return { name: `${short} ${random.choose(LEGAL_FORMS[region.key])}`, short, slug: asciiSlug(brand) }
}
