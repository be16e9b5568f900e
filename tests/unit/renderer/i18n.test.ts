import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../../src/shared/settings'
import { languageFor, preferredLanguage } from '../../../src/renderer/src/i18n'
import { resources } from '../../../src/renderer/src/i18n/resources'
import type { Messages } from '../../../src/renderer/src/i18n/messages'

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const catalogues = Object.fromEntries(LANGUAGES.map((lng) => [lng, flatten(resources[lng].translation)]))
const baseKeys = (lng: string): string[] => [...new Set([...catalogues[lng]!.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')))].sort()
const variables = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!).sort()

describe('translation catalogues', () => {
  it('has a catalogue for every supported language', () => {
    expect(Object.keys(resources).sort()).toEqual([...LANGUAGES].sort())
  })

  it('gives en and fr exactly the same keys (plural forms aside)', () => {
    expect(baseKeys('fr')).toEqual(baseKeys('en'))
    const singular = (lng: string) => [...catalogues[lng]!.keys()].filter((k) => !PLURAL_SUFFIX.test(k)).sort()
    expect(singular('fr')).toEqual(singular('en'))
  })

  it('gives each plural key exactly the forms the language needs', () => {
    for (const lng of LANGUAGES) {
      const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.slice().sort()
      const forms = new Map<string, string[]>()
      for (const key of catalogues[lng]!.keys()) {
        const match = PLURAL_SUFFIX.exec(key)
        if (!match) continue
        const base = key.replace(PLURAL_SUFFIX, '')
        forms.set(base, [...(forms.get(base) ?? []), match[1]!])
      }
      expect(forms.size).toBeGreaterThan(0)
      for (const [base, found] of forms) expect({ base, forms: found.sort() }).toEqual({ base, forms: needed })
    }
  })

  it('has no empty message', () => {
    for (const lng of LANGUAGES) {
      for (const [key, text] of catalogues[lng]!) expect({ lng, key, text: text.trim() }).not.toMatchObject({ text: '' })
    }
  })

  it('keeps the same interpolation variables in every language', () => {
    const byBase = (lng: string) => {
      const out = new Map<string, Set<string>>()
      for (const [key, text] of catalogues[lng]!) {
        const base = key.replace(PLURAL_SUFFIX, '')
        out.set(base, new Set([...(out.get(base) ?? []), ...variables(text)]))
      }
      return out
    }
    const en = byBase('en')
    const fr = byBase('fr')
    for (const [base, vars] of en) expect({ base, vars: [...(fr.get(base) ?? [])].sort() }).toEqual({ base, vars: [...vars].sort() })
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
  })
})

describe('preferredLanguage', () => {
  it('takes the first supported language, by its base tag', () => {
    expect(preferredLanguage(['ja-JP', 'fr-CH', 'en'])).toBe('fr')
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
