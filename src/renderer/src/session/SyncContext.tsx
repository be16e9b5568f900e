import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import type { EventPayload, SyncProgress, SyncStatus } from '../../../shared/contract'
import type { AppError } from '../../../shared/result'
import { useApi } from '../api/ApiContext'
import { useCoreLoad } from '../app/useCoreLoad'
import { useBusyWhile } from '../app/useBusyWhile'
import { isNoAccount, progressAfter } from './syncView'

export type SyncAvailability =
  | { kind: 'loading' }
  /** The demo data: nothing to sync until an account is added. */
  | { kind: 'noAccount' }
  | { kind: 'failed'; error: AppError }
  | { kind: 'ready'; status: SyncStatus }

export type SyncOutcome = EventPayload<'sync:finished'>

interface SyncValue {
  availability: SyncAvailability
  /** A sync is under way (asked here or anywhere else). */
  running: boolean
  /** What the sync under way reports it is doing (see progressAfter); empty before its first report. */
  progress: readonly SyncProgress[]
  cancelling: boolean
  /** How the last sync seen by this window ended, until dismissed. */
  outcome: SyncOutcome | null
  /** `sync:start` or `sync:cancel` refused. */
  requestError: AppError | null
  start(mode: 'full' | 'incremental'): Promise<void>
  cancel(): Promise<void>
  dismiss(): void
  reloadStatus(): void
}

const SyncContext = createContext<SyncValue | null>(null)

/**
 * The account's sync as this window sees it: `sync:status` read at start and
 * after every sync, progress from `sync:progress`. The app stays `busy` while
 * a sync runs, since what the screens show is about to change.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const status = useCoreLoad(() => api.call('sync:status', {}), api)
  const [progress, setProgress] = useState<readonly SyncProgress[]>([])
  const [starting, setStarting] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null)
  const [requestError, setRequestError] = useState<AppError | null>(null)
  // Counts finished syncs, so a start answered after its sync already ended does not mark it running again.
  const finishedCount = useRef(0)
  const { reload, set } = status

  const setRunning = useCallback(
    (running: boolean) => set((value) => (value === null || value.running === running ? value : { ...value, running })),
    [set],
  )

  useEffect(
    () =>
      api.subscribe('sync:progress', (next) => {
        setProgress((shown) => progressAfter(shown, next))
        setRunning(true)
      }),
    [api, setRunning],
  )
  useEffect(
    () =>
      api.subscribe('sync:finished', (finished) => {
        finishedCount.current++
        setProgress([])
        setCancelling(false)
        setRunning(false)
        setOutcome(finished)
        // Online, token and the lists' dates changed: read them again.
        reload()
      }),
    [api, reload, setRunning],
  )
  // A new token (or another account's) changes what sync can do.
  useEffect(() => api.subscribe('accounts:changed', () => reload()), [api, reload])
  // Sending the outbox alone (after a change, or "Send now") runs like a sync but ends without
  // `sync:finished`; its end is told by `outbox:changed`: read running and online again then.
  useEffect(() => api.subscribe('outbox:changed', () => reload()), [api, reload])

  const start = useCallback(
    async (mode: 'full' | 'incremental') => {
      setStarting(true)
      setRequestError(null)
      setOutcome(null)
      const before = finishedCount.current
      const result = await api.call('sync:start', { mode })
      setStarting(false)
      if (result.ok) {
        if (finishedCount.current === before) setRunning(true)
      } else {
        setRequestError(result.error)
        reload()
      }
    },
    [api, reload, setRunning],
  )

  const cancel = useCallback(async () => {
    setCancelling(true)
    setRequestError(null)
    const result = await api.call('sync:cancel', {})
    if (!result.ok) {
      setCancelling(false)
      setRequestError(result.error)
    } else if (!result.value.cancelled) {
      // It had ended already: its `sync:finished` is on its way or came first.
      setCancelling(false)
      reload()
    }
  }, [api, reload])

  const dismiss = useCallback(() => {
    setOutcome(null)
    setRequestError(null)
  }, [])

  let availability: SyncAvailability
  if (status.value !== null) availability = { kind: 'ready', status: status.value }
  else if (status.error !== null) availability = isNoAccount(status.error) ? { kind: 'noAccount' } : { kind: 'failed', error: status.error }
  else availability = { kind: 'loading' }

  const running = starting || (availability.kind === 'ready' && availability.status.running)
  useBusyWhile(running)

  return (
    <SyncContext.Provider
      value={{ availability, running, progress, cancelling, outcome, requestError, start, cancel, dismiss, reloadStatus: reload }}
    >
      {children}
    </SyncContext.Provider>
  )
}

export function useSync(): SyncValue {
  const value = useContext(SyncContext)
  if (value === null) throw new Error('useSync needs a SyncProvider above it')
  return value
}
