export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export const LANGUAGES = ['en', 'fr', 'de', 'it', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

/** 'system' until the user picks a language: the renderer then speaks the operating system's, if it has it. */
export const LANGUAGE_CHOICES = ['system', ...LANGUAGES] as const
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number]

export interface Settings {
  theme: Theme
  language: LanguageChoice
}

export const DEFAULT_SETTINGS: Settings = { theme: 'system', language: 'system' }
