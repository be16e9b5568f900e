import { useEffect } from 'react'
import { holdBusy } from './readiness'

/** Holds the app state at `busy` (see readiness.ts) for as long as `busy` is true. */
export function useBusyWhile(busy: boolean): void {
  useEffect(() => (busy ? holdBusy() : undefined), [busy])
}
