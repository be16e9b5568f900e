// The user's settings belong to the app, not to an account's cache: switching
// accounts keeps the theme and the language. One small JSON file beside the
// accounts, each key validated on read.
import { readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings'
import { settingsSchema } from '../../shared/settings-schema'
import { writeFileAtomically } from '../files/atomic-write'

export class SettingsFile {
  private readonly path: string

  constructor(
    dir: string,
    private readonly warn: (message: string) => void,
  ) {
    this.path = join(dir, 'settings.json')
  }

  /** A value this version cannot read falls back to its default, and says so; the file is left as it is. */
  read(): Settings {
    let stored: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.path, 'utf8'))
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object')
      stored = parsed as Record<string, unknown>
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.warn(`${this.path}: ${(error as Error).message}; using the default settings`)
      return { ...DEFAULT_SETTINGS }
    }
    const settings: Settings = { ...DEFAULT_SETTINGS }
    for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
      if (!(key in stored)) continue
      const field = settingsSchema.shape[key].safeParse(stored[key])
      if (field.success) Object.assign(settings, { [key]: field.data })
      else this.warn(`${this.path}: "${key}" is invalid (${field.error.issues[0]?.message}); using the default`)
    }
    return settings
  }

  /** A file that could not be read is kept aside, not overwritten: nothing stored is lost. */
  write(changes: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.read(), ...changes })
    try {
      JSON.parse(readFileSync(this.path, 'utf8'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') renameSync(this.path, `${this.path}.unreadable`)
    }
    writeFileAtomically(this.path, `${JSON.stringify(next, null, 2)}\n`)
    return next
  }
}

