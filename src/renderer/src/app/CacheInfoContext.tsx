import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import type { CacheInfo } from '../../../shared/contract'
import type { AppError } from '../../../shared/result'
import { useApi } from '../api/ApiContext'
import { holdBusy } from './readiness'

export type CacheInfoState =
  | { status: 'loading' }
  | { status: 'done'; info: CacheInfo }
  | { status: 'failed'; error: AppError }

interface CacheInfoValue {
  state: CacheInfoState
  /** Bumped when the cache's content was replaced (demo generated, recovered): lists must refetch. */
  generation: number
  reload(): void
  /** This window changed the cache itself (an offline change, a discarded one): lists must refetch. */
  invalidate(): void
}

const CacheInfoContext = createContext<CacheInfoValue | null>(null)

/** One `cache:info` for the whole shell (badge, counts, settings), refreshed on `cache:changed` and `cache:status`. */
export function CacheInfoProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const [state, setState] = useState<CacheInfoState>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => api.subscribe('cache:changed', () => setGeneration((n) => n + 1)), [api])
  // Status pushes (e.g. the integrity check finished) change the info, not the data.
  useEffect(() => api.subscribe('cache:status', () => setAttempt((n) => n + 1)), [api])

  useEffect(() => {
    let live = true
    const release = holdBusy()
    void api.call('cache:info', {}).then((result) => {
      release()
      if (live) setState(result.ok ? { status: 'done', info: result.value } : { status: 'failed', error: result.error })
    })
    return () => {
      live = false
      release()
    }
  }, [api, generation, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const invalidate = useCallback(() => setGeneration((n) => n + 1), [])
  return <CacheInfoContext.Provider value={{ state, generation, reload, invalidate }}>{children}</CacheInfoContext.Provider>
}

export function useCacheInfo(): CacheInfoValue {
  const value = useContext(CacheInfoContext)
  if (value === null) throw new Error('useCacheInfo needs a CacheInfoProvider above it')
  return value
}
