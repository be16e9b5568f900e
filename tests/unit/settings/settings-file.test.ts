import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsFile } from '../../../src/main/settings/settings-file'
import { DEFAULT_SETTINGS } from '../../../src/shared/settings'
import { tempDir } from '../../paths'

describe('SettingsFile', () => {
  it('starts on the defaults and keeps what the user chose across restarts', () => {
    const dir = tempDir('settings')
    const warnings: string[] = []
    expect(new SettingsFile(dir, (w) => warnings.push(w)).read()).toEqual(DEFAULT_SETTINGS)
    // Choosing a theme is not choosing a language: the system's stays in force.
    expect(new SettingsFile(dir, (w) => warnings.push(w)).write({ theme: 'dark' })).toEqual({ theme: 'dark', language: 'system' })
    expect(new SettingsFile(dir, (w) => warnings.push(w)).write({ language: 'fr' })).toEqual({ theme: 'dark', language: 'fr' })
    expect(new SettingsFile(dir, (w) => warnings.push(w)).read()).toEqual({ theme: 'dark', language: 'fr' })
    expect(warnings).toEqual([])
  })

  it('falls back per key, saying which key and where', () => {
    const dir = tempDir('settings-bad-key')
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'purple', language: 'fr' }))
    const warnings: string[] = []
    expect(new SettingsFile(dir, (w) => warnings.push(w)).read()).toEqual({ theme: 'system', language: 'fr' })
    expect(warnings).toEqual([expect.stringMatching(/settings\.json: "theme" is invalid/)])
  })

  it('keeps an unreadable file aside instead of overwriting it', () => {
    const dir = tempDir('settings-unreadable')
    const path = join(dir, 'settings.json')
    writeFileSync(path, '{"theme": "dark",')
    const warnings: string[] = []
    const file = new SettingsFile(dir, (w) => warnings.push(w))
    expect(file.read()).toEqual(DEFAULT_SETTINGS)
    expect(warnings[0]).toMatch(/settings\.json: .*JSON/)
    file.write({ language: 'fr' })
    expect(readFileSync(`${path}.unreadable`, 'utf8')).toBe('{"theme": "dark",')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ theme: 'system', language: 'fr' })
    expect(existsSync(path)).toBe(true)
  })
})
