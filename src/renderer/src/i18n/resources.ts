import type { Language } from '../../../shared/settings'
import { de } from './de'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import { it } from './it'
import type { Messages } from './messages'

export const resources: Record<Language, { translation: Messages }> = {
  en: { translation: en },
  fr: { translation: fr },
  de: { translation: de },
  it: { translation: it },
  es: { translation: es },
}
