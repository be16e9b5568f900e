import type { SyncProgress, SyncStatus } from '../../../shared/contract'
import { SYNCED_LISTS } from '../../../shared/data-sets'
import type { AppError } from '../../../shared/result'

/**
 * How old the data shown is: the oldest of the lists' last reads (every list
 * is at least that fresh); null when nothing was ever synced.
 */
export function dataAsOf(asOf: SyncStatus['asOf']): number | null {
  let oldest: number | null = null
  for (const at of Object.values(asOf)) if (at !== null && (oldest === null || at < oldest)) oldest = at
  return oldest
}

export type Connection =
  | { kind: 'online'; asOf: number | null }
  | { kind: 'offline'; asOf: number | null }
  /** No contact with the server yet (since the app started). */
  | { kind: 'unknown'; asOf: number | null }

export function connectionOf(status: Pick<SyncStatus, 'online' | 'asOf'>): Connection {
  const asOf = dataAsOf(status.asOf)
  if (status.online === true) return { kind: 'online', asOf }
  if (status.online === false) return { kind: 'offline', asOf }
  return { kind: 'unknown', asOf }
}

/** The sync channels answer `invalid_input` on the demo cache: it has no account to sync. */
export const isNoAccount = (error: AppError): boolean => error.code === 'invalid_input'

/** The host of this window does not manage accounts (e.g. a command-line or test host). */
export const isAccountsUnsupported = (error: AppError): boolean => error.code === 'unknown_channel'

/**
 * Which finished syncs deserve a notice of their own: offline and a refused
 * token already have a lasting indicator (the connection pill, the banner).
 */
export function failureNotice(error: AppError): 'cancelled' | 'failed' | null {
  if (error.code === 'cancelled') return 'cancelled'
  if (error.code === 'offline' || error.code === 'token_invalid') return null
  return 'failed'
}

/**
 * What the sync's progress line shows after `report`: the lists being read
 * side by side (the billing history is read beside the others), each at its
 * latest count, in the order the lists are named everywhere; a list done
 * drops out. A step that is not a list (the profile, saving) shows alone.
 */
export function progressAfter(shown: readonly SyncProgress[], report: SyncProgress): SyncProgress[] {
  // Position among the lists; -1 for a step that is not one.
  const order = (entry: SyncProgress) => (SYNCED_LISTS as readonly string[]).indexOf(entry.resource)
  if (order(report) < 0) return [report]
  const others = shown.filter((entry) => entry.resource !== report.resource && order(entry) >= 0)
  const reading = [...others, report].filter((entry) => entry.done < entry.total)
  return reading.length === 0 ? [report] : reading.sort((a, b) => order(a) - order(b))
}
