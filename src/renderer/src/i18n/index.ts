import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { LANGUAGES, type Language, type LanguageChoice } from '../../../shared/settings'
import { resources } from './resources'

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

/** Resources are bundled, so init completes synchronously: no first render without text. */
export function initI18n(language: Language): void {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
  })
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes what it renders; escaping here too would show &amp; etc.
    interpolation: { escapeValue: false },
  })
}

export function setLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language)
}
