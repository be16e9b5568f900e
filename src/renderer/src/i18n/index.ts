import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { LANGUAGES, type Language } from '../../../shared/settings'
import { holdBusy } from '../app/readiness'
import { en } from './en'
import type { Messages } from './messages'
import { catalogues } from './resources'

/**
 * Before the first render: `language`'s catalogue is loaded first, so no
 * screen ever shows in another language for a moment.
 */
export async function initI18n(language: Language): Promise<void> {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
  })
  const resources: Partial<Record<Language, { translation: Messages }>> = { en: { translation: en } }
  // A catalogue that cannot load (it ships with the app: it should not happen) leaves English, not a blank window.
  const messages = await catalogues[language]().catch(() => null)
  if (messages !== null) resources[language] = { translation: messages }
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // Said outright (they are i18next's defaults): keys are paths in one namespace, and i18next
    // then skips guessing, for every message, whether a key is natural language.
    keySeparator: '.',
    nsSeparator: false,
    // React escapes what it renders; escaping here too would show &amp; etc.
    interpolation: { escapeValue: false },
  })
}

/** Loads `language`'s catalogue if it is not yet (a chunk of its own: see resources.ts). */
export async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return
  i18next.addResourceBundle(language, 'translation', await catalogues[language]())
}

/** The language asked for last: a slower load asked before it must not win. */
let wanted: Language | null = null

/** Speaks `language`, once its catalogue is loaded (the app reads busy meanwhile). */
export function setLanguage(language: Language): void {
  wanted = language
  if (i18next.hasResourceBundle(language, 'translation')) {
    if (i18next.language !== language) void i18next.changeLanguage(language)
    return
  }
  const release = holdBusy()
  void loadLanguage(language)
    .then(() => {
      if (wanted === language) return i18next.changeLanguage(language)
    })
    .finally(release)
}
