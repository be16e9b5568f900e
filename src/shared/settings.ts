export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export const LANGUAGES = ['en', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]

export interface Settings {
  theme: Theme
  language: Language
}

export const DEFAULT_SETTINGS: Settings = { theme: 'system', language: 'en' }
