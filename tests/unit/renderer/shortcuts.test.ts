import { describe, expect, it } from 'vitest'
import { screenForShortcut, type ShortcutKey } from '../../../src/renderer/src/app/screens'
import { resolveTheme } from '../../../src/renderer/src/theme/resolveTheme'

const key = (overrides: Partial<ShortcutKey>): ShortcutKey => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...overrides,
})

describe('screenForShortcut', () => {
  it('maps Alt or Ctrl with 1..6 to the screens in navigation order', () => {
    expect(screenForShortcut(key({ altKey: true, key: '1', code: 'Digit1' }))).toBe('clients')
    expect(screenForShortcut(key({ ctrlKey: true, key: '2', code: 'Digit2' }))).toBe('billing')
    expect(screenForShortcut(key({ altKey: true, key: '3', code: 'Numpad3' }))).toBe('tenders')
    expect(screenForShortcut(key({ ctrlKey: true, key: '4', code: 'Digit4' }))).toBe('activity')
    expect(screenForShortcut(key({ altKey: true, key: '5', code: 'Digit5' }))).toBe('outbox')
    expect(screenForShortcut(key({ ctrlKey: true, key: '6', code: 'Digit6' }))).toBe('settings')
  })

  it('reads the physical key where the layout changes the character', () => {
    // AZERTY: the key labelled 1 gives '&' without Shift.
    expect(screenForShortcut(key({ ctrlKey: true, key: '&', code: 'Digit1' }))).toBe('clients')
    // macOS: Option+2 types '™'.
    expect(screenForShortcut(key({ altKey: true, key: '™', code: 'Digit2' }))).toBe('billing')
  })

  it('ignores other keys and modifier combinations', () => {
    expect(screenForShortcut(key({ key: '1', code: 'Digit1' }))).toBeNull()
    expect(screenForShortcut(key({ altKey: true, key: '7', code: 'Digit7' }))).toBeNull()
    expect(screenForShortcut(key({ altKey: true, ctrlKey: true, key: '1', code: 'Digit1' }))).toBeNull()
    expect(screenForShortcut(key({ metaKey: true, ctrlKey: true, key: '1', code: 'Digit1' }))).toBeNull()
    expect(screenForShortcut(key({ ctrlKey: true, key: 'f', code: 'KeyF' }))).toBeNull()
  })
})

describe('resolveTheme', () => {
  it('follows the system only when asked to', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
    expect(resolveTheme('light', true)).toBe('light')
    expect(resolveTheme('dark', false)).toBe('dark')
  })
})
