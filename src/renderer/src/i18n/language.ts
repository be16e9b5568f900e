import { LANGUAGES, type Language, type LanguageChoice } from '../../../shared/settings'

/** The first of the system's languages we have, by its primary subtag ("de-CH" speaks de), else English. */
export function preferredLanguage(candidates: readonly string[]): Language {
  for (const candidate of candidates) {
    const base = candidate.toLowerCase().split('-')[0]
    const match = LANGUAGES.find((language) => language === base)
    if (match) return match
  }
  return 'en'
}

/** Until the user picks a language, the system's is the one to speak. */
export function languageFor(choice: LanguageChoice, systemLanguages: readonly string[]): Language {
  return choice === 'system' ? preferredLanguage(systemLanguages) : choice
}

/**
 * The locale numbers, dates and money are written in: the UI's language in
 * the region the system gives it ("de" on a de-CH system writes 1’234’567, as
 * a Swiss user expects; "fr" there, 1 234 567), else the language alone.
 */
export function formatLocale(language: string, systemLanguages: readonly string[]): string {
  for (const candidate of systemLanguages) {
    let canonical: string | undefined
    try {
      canonical = Intl.getCanonicalLocales(candidate)[0]
    } catch {
      // Not a locale tag: the system's list is not ours to vouch for.
      continue
    }
    if (canonical !== undefined && canonical.split('-')[0] === language) return canonical
  }
  return language
}
