import type { Language } from '../../../shared/settings'
import { en } from './en'
import type { Messages } from './messages'

/**
 * Every language's catalogue. English is in the start bundle (the fallback
 * for a missing message, and the language most start in); each other one is
 * a chunk of its own, loaded when it is the one to speak: a user reads one
 * language, and four others were a third of the start bundle.
 */
export const catalogues: Record<Language, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  fr: () => import('./fr').then((module) => module.fr),
  de: () => import('./de').then((module) => module.de),
  it: () => import('./it').then((module) => module.it),
  es: () => import('./es').then((module) => module.es),
}
