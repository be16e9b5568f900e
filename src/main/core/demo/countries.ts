import type { Currency } from '../../../shared/domain'
import { type Random, type Weighted, weighted, type WeightedTable } from './random'

// Where the demo's organizations live. The partner is Swiss; its clients are
// mostly Swiss, then from the neighbouring EU countries Infomaniak serves.

export const COUNTRY_CODES = ['CH', 'FR', 'DE', 'AT', 'IT', 'BE', 'LU'] as const
export type CountryCode = (typeof COUNTRY_CODES)[number]

export type Language = 'de' | 'fr' | 'it'

export interface Country {
  code: CountryCode
  /** The invoice currency that follows from an invoice address in this country. */
  currency: Currency
  /** Standard VAT rate in basis points (810 = 8.1 %). */
  vatRateBp: number
  timezone: string
  tlds: WeightedTable<string>
  freeMailDomains: readonly string[]
  phone(random: Random): string
}

/** A city with one of its real postal codes. */
export type City = readonly [name: string, postalCode: string]

/** A country and language together: names, streets and the locale follow from it. */
export interface Region {
  key: string
  country: Country
  language: Language
  /** BCP 47 tag stored as the organization's locale. */
  locale: string
  cities: readonly City[]
  streets: readonly string[]
  address(street: string, houseNumber: number): string
}

const group = (random: Random, ...lengths: number[]) => lengths.map((n) => random.digits(n)).join(' ')

export const COUNTRIES: Readonly<Record<CountryCode, Country>> = {
  CH: {
    code: 'CH',
    currency: 'CHF',
    vatRateBp: 810,
    timezone: 'Europe/Zurich',
    tlds: weighted([['ch', 74], ['com', 18], ['swiss', 5], ['net', 3]]),
    freeMailDomains: ['bluewin.ch', 'gmail.com', 'ik.me', 'gmx.ch', 'hispeed.ch', 'protonmail.com'],
    phone: (r) =>
      r.chance(0.55)
        ? `+41 7${r.pick(['6', '7', '8', '9'])} ${group(r, 3, 2, 2)}`
        : `+41 ${r.pick(['21', '22', '24', '26', '27', '31', '32', '41', '43', '44', '52', '56', '61', '62', '71', '81', '91'])} ${group(r, 3, 2, 2)}`,
  },
  FR: {
    code: 'FR',
    currency: 'EUR',
    vatRateBp: 2000,
    timezone: 'Europe/Paris',
    tlds: weighted([['fr', 68], ['com', 28], ['eu', 4]]),
    freeMailDomains: ['orange.fr', 'gmail.com', 'free.fr', 'laposte.net', 'sfr.fr'],
    phone: (r) => `+33 ${r.pick(['1', '4', '6', '7'])} ${group(r, 2, 2, 2, 2)}`,
  },
  DE: {
    code: 'DE',
    currency: 'EUR',
    vatRateBp: 1900,
    timezone: 'Europe/Berlin',
    tlds: weighted([['de', 80], ['com', 16], ['eu', 4]]),
    freeMailDomains: ['gmx.de', 'web.de', 't-online.de', 'gmail.com'],
    phone: (r) => `+49 ${r.pick(['30', '40', '69', '89', '711', '761', '7531', '221'])} ${r.digits(7)}`,
  },
  AT: {
    code: 'AT',
    currency: 'EUR',
    vatRateBp: 2000,
    timezone: 'Europe/Vienna',
    tlds: weighted([['at', 72], ['com', 24], ['eu', 4]]),
    freeMailDomains: ['gmx.at', 'aon.at', 'gmail.com', 'chello.at'],
    phone: (r) => `+43 ${r.pick(['1', '316', '732', '662', '512', '5574'])} ${r.digits(6)}`,
  },
  IT: {
    code: 'IT',
    currency: 'EUR',
    vatRateBp: 2200,
    timezone: 'Europe/Rome',
    tlds: weighted([['it', 75], ['com', 25]]),
    freeMailDomains: ['libero.it', 'gmail.com', 'virgilio.it', 'tiscali.it'],
    phone: (r) => `+39 0${r.pick(['2', '6', '11', '31', '332', '35'])} ${group(r, 4, 4)}`,
  },
  BE: {
    code: 'BE',
    currency: 'EUR',
    vatRateBp: 2100,
    timezone: 'Europe/Brussels',
    tlds: weighted([['be', 76], ['com', 20], ['eu', 4]]),
    freeMailDomains: ['skynet.be', 'gmail.com', 'telenet.be', 'proximus.be'],
    phone: (r) => `+32 ${r.pick(['2', '4', '81', '71', '65', '10'])} ${group(r, 3, 2, 2)}`,
  },
  LU: {
    code: 'LU',
    currency: 'EUR',
    vatRateBp: 1700,
    timezone: 'Europe/Luxembourg',
    tlds: weighted([['lu', 70], ['com', 26], ['eu', 4]]),
    freeMailDomains: ['pt.lu', 'gmail.com', 'internet.lu'],
    phone: (r) => `+352 ${group(r, 3, 3, 3)}`,
  },
}

const SWISS_GERMAN_STREETS = [
  'Bahnhofstrasse', 'Hauptstrasse', 'Seestrasse', 'Dorfstrasse', 'Kirchweg', 'Industriestrasse',
  'Schulhausstrasse', 'Poststrasse', 'Gartenstrasse', 'Rosenweg', 'Bernstrasse', 'Zürcherstrasse',
  'Marktgasse', 'Lindenstrasse', 'Birkenweg', 'Mühlestrasse', 'Feldstrasse', 'Oberdorfstrasse',
  'Sonnenbergstrasse', 'Alte Landstrasse', 'Gewerbestrasse', 'Rütistrasse', 'Bachstrasse', 'Werkstrasse',
]
const GERMAN_STREETS = [
  'Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Gartenstraße', 'Dorfstraße', 'Lindenstraße',
  'Kirchstraße', 'Goethestraße', 'Schillerstraße', 'Industriestraße', 'Marktplatz', 'Am Anger',
  'Mühlweg', 'Ringstraße', 'Friedrichstraße', 'Rosenstraße', 'Gewerbepark', 'Wiesenweg',
]
const FRENCH_STREETS = [
  'rue de la Gare', 'avenue de la République', 'rue du Lac', 'place du Marché', 'chemin des Vignes',
  'rue de l’Église', 'avenue Jean-Jaurès', 'rue Victor-Hugo', 'boulevard Pasteur', 'rue des Écoles',
  'allée des Tilleuls', 'rue du Moulin', 'route de Genève', 'rue de la Poste', 'impasse des Lilas',
]
const SWISS_FRENCH_STREETS = [
  'Rue du Lac', 'Avenue de la Gare', 'Chemin des Vignes', 'Rue du Midi', 'Route de Lausanne',
  'Rue de la Poste', 'Place du Marché', 'Avenue de Rhodanie', 'Chemin de la Forêt', 'Rue du Simplon',
  'Route de Berne', 'Rue des Alpes', 'Avenue des Sports', 'Chemin du Verger', 'Rue de l’Industrie',
]
const ITALIAN_STREETS = [
  'Via Roma', 'Via Cantonale', 'Via Nassa', 'Piazza Grande', 'Via San Gottardo', 'Via Garibaldi',
  'Via Mazzini', 'Corso Italia', 'Via della Stazione', 'Via ai Monti', 'Via Lugano', 'Viale dei Mille',
]

const regionTable: Weighted<Region> = [
  [
    {
      key: 'CH-de',
      country: COUNTRIES.CH,
      language: 'de',
      locale: 'de-CH',
      cities: [
        ['Zürich', '8004'], ['Bern', '3011'], ['Basel', '4051'], ['Luzern', '6003'], ['St. Gallen', '9000'],
        ['Winterthur', '8400'], ['Zug', '6300'], ['Aarau', '5000'], ['Baden', '5400'], ['Olten', '4600'],
        ['Thun', '3600'], ['Chur', '7000'], ['Schaffhausen', '8200'], ['Frauenfeld', '8500'], ['Solothurn', '4500'],
        ['Uster', '8610'], ['Rapperswil-Jona', '8640'], ['Wil', '9500'], ['Schwyz', '6430'], ['Liestal', '4410'],
        ['Burgdorf', '3400'], ['Kloten', '8302'], ['Dübendorf', '8600'], ['Wädenswil', '8820'], ['Langenthal', '4900'],
      ],
      streets: SWISS_GERMAN_STREETS,
      address: (street, n) => `${street} ${n}`,
    },
    43,
  ],
  [
    {
      key: 'CH-fr',
      country: COUNTRIES.CH,
      language: 'fr',
      locale: 'fr-CH',
      cities: [
        ['Genève', '1201'], ['Lausanne', '1003'], ['Fribourg', '1700'], ['Neuchâtel', '2000'], ['Sion', '1950'],
        ['Yverdon-les-Bains', '1400'], ['Montreux', '1820'], ['Nyon', '1260'], ['Vevey', '1800'],
        ['La Chaux-de-Fonds', '2300'], ['Delémont', '2800'], ['Morges', '1110'], ['Martigny', '1920'],
        ['Bulle', '1630'], ['Carouge', '1227'], ['Renens', '1020'], ['Monthey', '1870'], ['Sierre', '3960'],
        ['Gland', '1196'], ['Payerne', '1530'],
      ],
      streets: SWISS_FRENCH_STREETS,
      address: (street, n) => `${street} ${n}`,
    },
    21,
  ],
  [
    {
      key: 'CH-it',
      country: COUNTRIES.CH,
      language: 'it',
      locale: 'it-CH',
      cities: [
        ['Lugano', '6900'], ['Bellinzona', '6500'], ['Locarno', '6600'], ['Mendrisio', '6850'], ['Chiasso', '6830'],
        ['Biasca', '6710'], ['Ascona', '6612'],
      ],
      streets: ITALIAN_STREETS,
      address: (street, n) => `${street} ${n}`,
    },
    6,
  ],
  [
    {
      key: 'FR',
      country: COUNTRIES.FR,
      language: 'fr',
      locale: 'fr-FR',
      cities: [
        ['Paris', '75008'], ['Lyon', '69002'], ['Annecy', '74000'], ['Annemasse', '74100'], ['Thonon-les-Bains', '74200'],
        ['Grenoble', '38000'], ['Strasbourg', '67000'], ['Mulhouse', '68100'], ['Besançon', '25000'], ['Marseille', '13001'],
        ['Toulouse', '31000'], ['Bordeaux', '33000'], ['Nantes', '44000'], ['Lille', '59000'], ['Dijon', '21000'],
      ],
      streets: FRENCH_STREETS,
      address: (street, n) => `${n} ${street}`,
    },
    12,
  ],
  [
    {
      key: 'DE',
      country: COUNTRIES.DE,
      language: 'de',
      locale: 'de-DE',
      cities: [
        ['München', '80331'], ['Stuttgart', '70173'], ['Freiburg im Breisgau', '79098'], ['Konstanz', '78462'],
        ['Berlin', '10115'], ['Hamburg', '20095'], ['Frankfurt am Main', '60311'], ['Köln', '50667'],
        ['Karlsruhe', '76133'], ['Lörrach', '79539'], ['Ulm', '89073'], ['Düsseldorf', '40213'],
      ],
      streets: GERMAN_STREETS,
      address: (street, n) => `${street} ${n}`,
    },
    7,
  ],
  [
    {
      key: 'AT',
      country: COUNTRIES.AT,
      language: 'de',
      locale: 'de-AT',
      cities: [
        ['Wien', '1010'], ['Graz', '8010'], ['Linz', '4020'], ['Salzburg', '5020'], ['Innsbruck', '6020'],
        ['Bregenz', '6900'], ['Dornbirn', '6850'], ['Feldkirch', '6800'], ['Klagenfurt', '9020'],
      ],
      streets: GERMAN_STREETS,
      address: (street, n) => `${street} ${n}`,
    },
    3,
  ],
  [
    {
      key: 'IT',
      country: COUNTRIES.IT,
      language: 'it',
      locale: 'it-IT',
      cities: [
        ['Milano', '20121'], ['Como', '22100'], ['Varese', '21100'], ['Torino', '10121'], ['Roma', '00184'],
        ['Bologna', '40121'], ['Bergamo', '24121'], ['Aosta', '11100'], ['Verona', '37121'], ['Firenze', '50122'],
      ],
      streets: ITALIAN_STREETS,
      address: (street, n) => `${street} ${n}`,
    },
    3,
  ],
  [
    {
      key: 'BE',
      country: COUNTRIES.BE,
      language: 'fr',
      locale: 'fr-BE',
      cities: [
        ['Bruxelles', '1000'], ['Liège', '4000'], ['Namur', '5000'], ['Charleroi', '6000'], ['Mons', '7000'],
        ['Louvain-la-Neuve', '1348'], ['Arlon', '6700'], ['Wavre', '1300'],
      ],
      streets: FRENCH_STREETS.map((s) => s[0].toUpperCase() + s.slice(1)),
      address: (street, n) => `${street} ${n}`,
    },
    3,
  ],
  [
    {
      key: 'LU',
      country: COUNTRIES.LU,
      language: 'fr',
      locale: 'fr-LU',
      cities: [
        ['Luxembourg', '1009'], ['Esch-sur-Alzette', '4001'], ['Differdange', '4501'], ['Dudelange', '3401'],
        ['Ettelbruck', '9001'], ['Diekirch', '9201'], ['Strassen', '8008'], ['Bertrange', '8050'],
      ],
      streets: FRENCH_STREETS,
      address: (street, n) => `${n}, ${street}`,
    },
    2,
  ],
]

export const REGIONS: WeightedTable<Region> = weighted(regionTable)

/** Swiss regions only, for the partner itself. */
export const SWISS_REGIONS: WeightedTable<Region> = weighted(regionTable.filter(([r]) => r.country.code === 'CH'))
