import { useCallback, useEffect, useRef, useState } from 'react'
import type { Settings } from '../../../shared/settings'
import type { AppError } from '../../../shared/result'
import { useApi } from '../api/ApiContext'
import { setLanguage } from '../i18n'
import { languageFor } from '../i18n/language'

/**
 * Settings apply at once (the theme switches as the user clicks) and are then
 * persisted; a refused save puts back the values it tried to change.
 */
export function useSettings(initial: Settings): {
  settings: Settings
  update(patch: Partial<Settings>): Promise<AppError | null>
} {
  const api = useApi()
  const [settings, setSettings] = useState(initial)
  const latest = useRef(initial)

  useEffect(() => setLanguage(languageFor(settings.language, navigator.languages)), [settings.language])

  const update = useCallback(
    async (patch: Partial<Settings>): Promise<AppError | null> => {
      const apply = (next: Settings): void => {
        latest.current = next
        setSettings(next)
      }
      const before = latest.current
      apply({ ...before, ...patch })
      const result = await api.call('settings:set', patch)
      if (result.ok) {
        apply(result.value)
        return null
      }
      const restored = Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof Settings]]))
      apply({ ...latest.current, ...restored })
      return result.error
    },
    [api],
  )

  return { settings, update }
}
