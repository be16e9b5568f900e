import { useEffect } from 'react'
import type { Theme } from '../../../shared/settings'
import { PREFERS_DARK_QUERY, resolveTheme } from './resolveTheme'

function apply(theme: Theme, systemPrefersDark: boolean): void {
  const resolved = resolveTheme(theme, systemPrefersDark)
  const root = document.documentElement
  root.dataset.theme = resolved
  // Native controls and scrollbars follow color-scheme, not our variables.
  root.style.colorScheme = resolved
}

/** Puts the chosen theme on <html>; 'system' keeps following the OS while chosen. */
export function useAppliedTheme(theme: Theme): void {
  useEffect(() => {
    const media = window.matchMedia(PREFERS_DARK_QUERY)
    apply(theme, media.matches)
    if (theme !== 'system') return
    const onChange = (event: MediaQueryListEvent): void => apply(theme, event.matches)
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }, [theme])
}

/** For the screens shown before settings are read: the OS decides. */
export function FollowSystemTheme(): null {
  useAppliedTheme('system')
  return null
}
