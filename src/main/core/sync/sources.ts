// Where each data set the user sees comes from, and as of when: the answer to
// "is this everything?" when a real token reaches only the published API.
import type BetterSqlite3 from 'better-sqlite3'
import type { CapabilityState, DataSet, DataSource, SyncedList } from '../../../shared/contract'
import { CAPABILITY_FAMILIES, type CapabilityFamily } from '../../../shared/domain'
import { readCapabilities } from './capabilities'

export function capabilityStates(db: BetterSqlite3.Database): Record<CapabilityFamily, CapabilityState> {
  const known = readCapabilities(db)
  return Object.fromEntries(
    CAPABILITY_FAMILIES.map((family): [CapabilityFamily, CapabilityState] => {
      const capability = known[family]
      return [family, capability ? { offered: capability.offered ? 'yes' : 'no', checkedAt: capability.checkedAt } : { offered: 'unknown' }]
    }),
  ) as Record<CapabilityFamily, CapabilityState>
}

/** A data set served by a partner family: the partner endpoint when offered, else nothing. */
function fromFamily(state: CapabilityState, asOf: number | null): DataSource {
  if (state.offered === 'yes') return { kind: 'partner', asOf }
  if (state.offered === 'no') return { kind: 'not_offered', checkedAt: state.checkedAt }
  return { kind: 'unknown' }
}

export function dataSources(
  capabilities: Record<CapabilityFamily, CapabilityState>,
  asOf: Record<SyncedList, number | null>,
): Record<DataSet, DataSource> {
  return {
    // Clients come from the partner's list when offered, else from the published accounts and b2b listings.
    clients: capabilities.partnerships.offered === 'yes' ? { kind: 'partner', asOf: asOf.partnerships } : { kind: 'published', asOf: asOf.partnerships },
    products: { kind: 'published', asOf: asOf.products },
    billing: fromFamily(capabilities.billing_history, asOf.billing),
    invoices: fromFamily(capabilities.invoices, asOf.invoices),
    tenders: fromFamily(capabilities.tenders, asOf.tenders),
  }
}
