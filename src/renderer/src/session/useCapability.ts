import type { CapabilityFamily } from '../../../shared/domain'
import { useSync } from './SyncContext'

/**
 * Whether the account's server takes the changes of a family of partner
 * endpoints. The demo data and a server not asked yet take them (the core
 * refuses a change it learns cannot be sent, and says so).
 */
export function useCapability(family: CapabilityFamily): 'offered' | 'not_offered' {
  const { availability } = useSync()
  if (availability.kind !== 'ready') return 'offered'
  return availability.status.capabilities[family].offered === 'no' ? 'not_offered' : 'offered'
}
