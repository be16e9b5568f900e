import { mkdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { fileSchemaVersion, migrate } from './migrate'

export interface OpenOptions {
  /** Electron-ABI build of better-sqlite3; absent under plain Node. */
  nativeBinding?: string
}

export type OpenOutcome =
  | { state: 'ready'; db: Database.Database; schemaVersion: number }
  | { state: 'corrupt'; message: string }
  /** The file could not be opened at all (a folder in its place, no permission): nothing says it is damaged. */
  | { state: 'unopenable'; message: string }
  | { state: 'too_new'; fileVersion: number; appVersion: number }

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Another connection holds the file locked (SQLITE_BUSY, SQLITE_LOCKED and their extended codes): busy, not broken. */
export function isLockError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** Why SQLite (or the folder before it) refused `path`, in words naming it. */
function cannotOpen(path: string, error: unknown): OpenOutcome {
  if (isFolder(path)) return { state: 'unopenable', message: `${path} is a folder, not a cache file` }
  const code = (error as { code?: unknown } | null)?.code
  return { state: 'unopenable', message: `${path} cannot be opened: ${describe(error)}${typeof code === 'string' ? ` (${code})` : ''}` }
}

/**
 * Opens the cache as the single writer. Nothing is written before the file is
 * known to be readable and not from a newer app version: such a file is left
 * exactly as it was. The full quick_check runs beside it (see integrity.ts).
 */
export function openCache(path: string, options: OpenOptions = {}): OpenOutcome {
  let db: Database.Database
  try {
    mkdirSync(dirname(path), { recursive: true })
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (error) {
    return cannotOpen(path, error)
  }
  try {
    db.pragma('busy_timeout = 5000')
    // Reading the schema catches a file that is not a database or whose
    // header or schema pages are damaged, in microseconds.
    const fileVersion = fileSchemaVersion(db)
    if (fileVersion > LATEST_SCHEMA_VERSION) {
      db.close()
      return { state: 'too_new', fileVersion, appVersion: LATEST_SCHEMA_VERSION }
    }
    db.pragma('journal_mode = WAL')
    // The outbox cannot be fetched again from the server: every commit is durable.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    const schemaVersion = migrate(db)
    return { state: 'ready', db, schemaVersion }
  } catch (error) {
    db.close()
    // A file another program is writing must never be offered for moving aside: the caller says it is busy.
    if (isLockError(error)) throw error
    return { state: 'corrupt', message: describe(error) }
  }
}
