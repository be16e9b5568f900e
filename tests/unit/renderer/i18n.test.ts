import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { LANGUAGES, type Language } from '../../../src/shared/settings'
import { formatLocale, languageFor, preferredLanguage } from '../../../src/renderer/src/i18n/language'
import { catalogues as loaders } from '../../../src/renderer/src/i18n/resources'
import { createFormatters } from '../../../src/renderer/src/i18n/formatters'
import type { Messages } from '../../../src/renderer/src/i18n/messages'

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/
const TRANSLATIONS = LANGUAGES.filter((lng) => lng !== 'en')

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const resources = Object.fromEntries(await Promise.all(LANGUAGES.map(async (lng) => [lng, { translation: await loaders[lng]() }]))) as Record<Language, { translation: Messages }>
const catalogues = Object.fromEntries(LANGUAGES.map((lng) => [lng, flatten(resources[lng].translation)])) as Record<Language, Map<string, string>>
const baseOf = (key: string): string => key.replace(PLURAL_SUFFIX, '')
const singularKeys = (lng: Language): string[] => [...catalogues[lng].keys()].filter((key) => !PLURAL_SUFFIX.test(key)).sort()
const pluralBases = (lng: Language): string[] =>
  [...new Set([...catalogues[lng].keys()].filter((key) => PLURAL_SUFFIX.test(key)).map(baseOf))].sort()
const variables = (text: string): string[] => [...new Set([...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!))].sort()

describe('translation catalogues', () => {
  it('has a catalogue for every supported language', () => {
    expect(Object.keys(loaders).sort()).toEqual([...LANGUAGES].sort())
  })

  // A missing key would not show as an error: i18next quietly falls back to English.
  it.each(TRANSLATIONS)('gives %s exactly the keys of English, plural forms aside', (lng) => {
    expect(singularKeys(lng)).toEqual(singularKeys('en'))
    expect(pluralBases(lng)).toEqual(pluralBases('en'))
  })

  it.each(LANGUAGES)('gives each plural key in %s exactly the forms its plural rules need', (lng) => {
    const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.slice().sort()
    const bases = pluralBases('en')
    expect(bases.length).toBeGreaterThan(0)
    for (const base of bases) {
      const forms = [...catalogues[lng].keys()].filter((key) => PLURAL_SUFFIX.test(key) && baseOf(key) === base)
      expect({ base, forms: forms.map((key) => PLURAL_SUFFIX.exec(key)![1]).sort() }).toEqual({ base, forms: needed })
    }
  })

  it.each(TRANSLATIONS)('keeps in every %s message the placeholders of its English one', (lng) => {
    const english = catalogues.en
    for (const [key, text] of catalogues[lng]) {
      // Plural forms English lacks (French "many") say what its "other" says.
      const reference = english.get(key) ?? english.get(`${baseOf(key)}_other`) ?? ''
      expect({ key, variables: variables(text) }).toEqual({ key, variables: variables(reference) })
    }
  })

  it('has no empty message', () => {
    for (const lng of LANGUAGES) {
      for (const [key, text] of catalogues[lng]) expect({ lng, key, text: text.trim() }).not.toMatchObject({ text: '' })
    }
  })

  it('picks the right plural form when rendered by i18next', async () => {
    const i18n = i18next.createInstance()
    await i18n.init({ resources, lng: 'fr', fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false } })
    expect(i18n.t('clients.count', { count: 1, total: '1' })).toBe('1 client')
    expect(i18n.t('clients.count', { count: 1_000_000, total: '1 000 000' })).toBe('1 000 000 de clients')
    expect(i18n.t('nav.tenders')).toBe("Appels d'offres")
    await i18n.changeLanguage('en')
    expect(i18n.t('clients.countMatching', { count: 12, total: '12', query: 'hosting' })).toBe("12 clients match 'hosting'")
    expect(i18n.t('clients.countMatching', { count: 1, total: '1', query: 'hosting' })).toBe("1 client matches 'hosting'")
    await i18n.changeLanguage('de')
    expect(i18n.t('clients.count', { count: 1, total: '1' })).toBe('1 Kunde')
    expect(i18n.t('clients.count', { count: 0, total: '0' })).toBe('0 Kunden')
    expect(i18n.t('outbox.attempts', { count: 2, attempts: '2' })).toBe('2 Versuche')
    // Italian and Spanish say "of" before round millions, as French does.
    await i18n.changeLanguage('it')
    expect(i18n.t('clients.count', { count: 0, total: '0' })).toBe('0 clienti')
    expect(i18n.t('clients.count', { count: 1_000_000, total: '1.000.000' })).toBe('1.000.000 di clienti')
    await i18n.changeLanguage('es')
    expect(i18n.t('clients.count', { count: 1, total: '1' })).toBe('1 cliente')
    expect(i18n.t('clients.count', { count: 2_000_000, total: '2.000.000' })).toBe('2.000.000 de clientes')
    expect(i18n.t('clients.count', { count: 1_000_001, total: '1.000.001' })).toBe('1.000.001 clientes')
  })
})

describe('preferredLanguage', () => {
  it('takes the first supported language, by its base tag', () => {
    expect(preferredLanguage(['ja-JP', 'fr-CH', 'en'])).toBe('fr')
    expect(preferredLanguage(['de-CH', 'fr-CH'])).toBe('de')
    expect(preferredLanguage(['pt-PT', 'it-CH'])).toBe('it')
    expect(preferredLanguage(['es-419'])).toBe('es')
    expect(preferredLanguage(['EN-gb'])).toBe('en')
  })

  it('falls back to English', () => {
    expect(preferredLanguage(['ja', 'pt-BR'])).toBe('en')
    expect(preferredLanguage([])).toBe('en')
  })
})

describe('languageFor', () => {
  it("speaks the system's language until the user picks one", () => {
    expect(languageFor('system', ['ja-JP', 'fr-CH'])).toBe('fr')
    expect(languageFor('system', ['ja-JP'])).toBe('en')
  })

  it("keeps the user's pick over the system's language", () => {
    expect(languageFor('en', ['fr-CH'])).toBe('en')
    expect(languageFor('fr', ['en-US'])).toBe('fr')
  })
})

describe('createFormatters', () => {
  // Dates show in the computer's time zone: local noon is 18 November wherever the tests run.
  const noon = new Date(2026, 10, 18, 12).getTime() / 1000

  it.each([
    ['en', '1,234,567', 'Nov 18, 2026'],
    ['fr', '1\u202f234\u202f567', '18 nov. 2026'],
    ['de', '1.234.567', '18.11.2026'],
    ['it', '1.234.567', '18 nov 2026'],
    ['es', '1.234.567', '18 nov 2026'],
  ] satisfies Array<[Language, string, string]>)('writes numbers and dates as %s does', (lng, number, date) => {
    const format = createFormatters(lng)
    expect(format.number(1_234_567)).toBe(number)
    expect(format.date(noon)).toBe(date)
  })
})

describe('formatLocale', () => {
  it("writes in the region the system gives the UI's language", () => {
    expect(formatLocale('de', ['de-CH', 'en-US'])).toBe('de-CH')
    expect(formatLocale('fr', ['de-CH', 'fr-CH'])).toBe('fr-CH')
    expect(formatLocale('it', ['en-US', 'it-ch'])).toBe('it-CH')
  })

  it('keeps the language alone when the system does not speak it, or names no region', () => {
    expect(formatLocale('es', ['de-CH', 'en-US'])).toBe('es')
    expect(formatLocale('en', [])).toBe('en')
    expect(formatLocale('de', ['de'])).toBe('de')
  })

  it('passes over what is not a locale tag', () => {
    expect(formatLocale('de', ['not a tag!', 'de-AT'])).toBe('de-AT')
  })

  it('gives Swiss numbers and money on a Swiss system', () => {
    const format = createFormatters(formatLocale('de', ['de-CH']))
    // An apostrophe groups the digits (ICU versions differ on which: ' or ’), a point marks the decimals.
    expect(format.number(1_234_567)).toMatch(/^1['’]234['’]567$/)
    expect(format.money({ minor: 123_450, currency: 'CHF' })).toMatch(/^CHF\s1['’]234\.50$/)
    expect(createFormatters(formatLocale('de', ['de-DE'])).number(1_234_567)).toBe('1.234.567')
  })
})
