import type { ApiClient } from '../../api/bridge'
import { REMINDER_KEYS_PER_CALL } from '../../../../shared/renewals'

/**
 * Records reminders as shown, in parts the contract accepts: a burst of
 * thousands (a first sync at bench size makes some 6,000 due) must all be
 * recorded, or its one notice would come back at every check.
 */
export async function recordShown(api: ApiClient, keys: readonly string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += REMINDER_KEYS_PER_CALL) {
    const recorded = await api.call('renewals:shown', { keys: keys.slice(start, start + REMINDER_KEYS_PER_CALL) })
    // A part refused (the cache closed meanwhile): the rest are due again at the next check, as the unsent ones.
    if (!recorded.ok) return
  }
}
