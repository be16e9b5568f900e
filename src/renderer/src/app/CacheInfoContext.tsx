import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import type { CacheInfo } from '../../../shared/contract'
import type { AppError } from '../../../shared/result'
import { useApi } from '../api/ApiContext'
import { afterFirstReady, holdBusy } from './readiness'
import { locationRoute } from './route'

export type CacheInfoState =
  | { status: 'loading' }
  | { status: 'done'; info: CacheInfo }
  | { status: 'failed'; error: AppError }

interface CacheInfoValue {
  state: CacheInfoState
  /** Bumped on every `cache:changed` (a change made here or elsewhere, a sync, a new demo, a recovery): lists must refetch. */
  generation: number
  /**
   * Bumped when the outbox may have changed: on `outbox:changed`, and on a
   * `cache:changed` that does not follow one (the core sends `outbox:changed`
   * just before every `cache:changed` of a change, so counting both would read
   * the outbox twice).
   */
  outboxGeneration: number
  reload(): void
}

const CacheInfoContext = createContext<CacheInfoValue | null>(null)

/**
 * One `cache:info` for the whole shell (badge, counts, settings), refreshed on
 * `cache:changed` and `cache:status`. The core announces every change, this
 * window's own included: screens never refresh themselves after a change, or
 * every read would be made twice.
 */
export function CacheInfoProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const [state, setState] = useState<CacheInfoState>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)
  const [outboxGeneration, setOutboxGeneration] = useState(0)
  const [attempt, setAttempt] = useState(0)

  useEffect(
    () =>
      api.subscribe('cache:changed', ({ reason }) => {
        setGeneration((n) => n + 1)
        if (reason !== 'change') setOutboxGeneration((n) => n + 1)
      }),
    [api],
  )
  useEffect(() => api.subscribe('outbox:changed', () => setOutboxGeneration((n) => n + 1)), [api])
  // Status pushes (e.g. the integrity check finished) change the info, not the data.
  useEffect(() => api.subscribe('cache:status', () => setAttempt((n) => n + 1)), [api])

  useEffect(() => {
    let live = true
    let release = (): void => {}
    const ask = (): void => {
      if (!live) return
      release = holdBusy()
      void api.call('cache:info', {}).then((result) => {
        release()
        if (live) setState(result.ok ? { status: 'done', info: result.value } : { status: 'failed', error: result.error })
      })
    }
    // The row counts (a scan of the billing lines) show only in Settings; until then the shell
    // needs just the dataset, which cache:status gave. So they wait for the first page, unless
    // the app opens on Settings.
    if (locationRoute().screen === 'settings') ask()
    else afterFirstReady(ask)
    return () => {
      live = false
      release()
    }
  }, [api, generation, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return <CacheInfoContext.Provider value={{ state, generation, outboxGeneration, reload }}>{children}</CacheInfoContext.Provider>
}

export function useCacheInfo(): CacheInfoValue {
  const value = useContext(CacheInfoContext)
  if (value === null) throw new Error('useCacheInfo needs a CacheInfoProvider above it')
  return value
}
