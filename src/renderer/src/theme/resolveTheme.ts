import type { Theme } from '../../../shared/settings'

export type ResolvedTheme = 'light' | 'dark'

export const PREFERS_DARK_QUERY = '(prefers-color-scheme: dark)'

export function resolveTheme(theme: Theme, systemPrefersDark: boolean): ResolvedTheme {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light'
  return theme
}
