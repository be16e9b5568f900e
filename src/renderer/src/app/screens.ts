export const SCREENS = ['clients', 'billing', 'tenders', 'activity', 'outbox', 'settings'] as const
export type Screen = (typeof SCREENS)[number]

export interface ShortcutKey {
  key: string
  code: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
}

/**
 * Alt+1..6 or Ctrl+1..6 open the screens in navigation order. Matched on
 * `code` as well as `key`, since Alt turns digits into other characters on
 * some layouts (macOS) and AZERTY needs Shift for digits on `key`.
 */
export function screenForShortcut(event: ShortcutKey): Screen | null {
  if (event.altKey === event.ctrlKey || event.metaKey) return null
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : null)
  if (digit === null) return null
  return SCREENS[Number(digit) - 1] ?? null
}
