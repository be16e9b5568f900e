import type { Migration } from './migration'
import { m001Domain } from './001-domain'

// Imported statically: a bundled app cannot scan a folder at run time.
export const MIGRATIONS: readonly Migration[] = [m001Domain]

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
