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
