import type { Migration } from './migration'
import { m001Domain } from './001-domain'
import { m002PublicApi } from './002-public-api'
import { m006ClientsWorkspace } from './006-clients-workspace'

// Imported statically: a bundled app cannot scan a folder at run time.
export const MIGRATIONS: readonly Migration[] = [m001Domain, m002PublicApi, m006ClientsWorkspace]

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
