import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings'
import { settingsSchema } from '../../../shared/settings-schema'
import type { Db } from '../db/kysely'

/**
 * Reads every setting, each validated on its own: a value this version cannot
 * read (hand-edited, or written by another version) falls back to its
 * default instead of breaking the app, and is reported.
 */
export async function readSettings(db: Db, warn: (message: string) => void): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value_json']).execute()
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const { key, value_json } of rows) {
    const field = settingsSchema.shape[key as keyof Settings]
    if (!field) continue
    const parsed = field.safeParse(JSON.parse(value_json))
    if (parsed.success) settings[key] = parsed.data
    else warn(`settings: stored value of "${key}" is invalid (${parsed.error.issues[0]?.message}); using the default`)
  }
  return settingsSchema.parse(settings)
}

export async function writeSettings(db: Db, changes: Partial<Settings>, warn: (message: string) => void): Promise<Settings> {
  await db.transaction().execute(async (tx) => {
    for (const [key, value] of Object.entries(changes)) {
      await tx
        .insertInto('settings')
        .values({ key, value_json: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(value) }))
        .execute()
    }
  })
  return readSettings(db, warn)
}
