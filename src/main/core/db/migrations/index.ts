import type { Migration } from './migration'
import { m001Domain } from './001-domain'
import { m002PublicApi } from './002-public-api'
import { m003BillingImports } from './003-billing-imports'
import { m004BillingRollup } from './004-billing-rollup'
import { m005Tenders } from './005-tenders'
import { m006ClientsWorkspace } from './006-clients-workspace'
import { m007BillingClientTotals } from './007-billing-client-totals'
import { m008ClientListTotals } from './008-client-list-totals'

// Imported statically: a bundled app cannot scan a folder at run time.
export const MIGRATIONS: readonly Migration[] = [m001Domain, m002PublicApi, m003BillingImports, m004BillingRollup, m005Tenders, m006ClientsWorkspace, m007BillingClientTotals, m008ClientListTotals]

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
