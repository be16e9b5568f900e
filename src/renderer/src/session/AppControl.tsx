import { createContext, useContext, type ReactNode } from 'react'
import type { CacheStatus } from '../../../shared/contract'
import type { AppNotice } from '../app/notices'

export interface AppControl {
  /** Another cache is open (an account switch answered this status): start the shell afresh on it. */
  reopen(status: CacheStatus, notices?: AppNotice[]): Promise<void>
  /** Asks the core what is open now, then starts the shell afresh. */
  reload(notices?: AppNotice[]): Promise<void>
}

const AppControlContext = createContext<AppControl | null>(null)

export function AppControlProvider({ value, children }: { value: AppControl; children: ReactNode }) {
  return <AppControlContext.Provider value={value}>{children}</AppControlContext.Provider>
}

export function useAppControl(): AppControl {
  const value = useContext(AppControlContext)
  if (value === null) throw new Error('useAppControl needs an AppControlProvider above it')
  return value
}
