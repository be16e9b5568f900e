import type { Language } from '../../../shared/settings'
import { de } from './de'
import { en } from './en'
import { fr } from './fr'
import type { Messages } from './messages'

export const resources: Record<Language, { translation: Messages }> = {
  en: { translation: en },
  fr: { translation: fr },
  de: { translation: de },
}
