import { useCallback, useEffect, useState } from 'react'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings'
import type { AppError } from '../../../shared/result'
import type { Dataset, RecoverOutcome } from '../../../shared/contract'
import { useApi } from '../api/ApiContext'
import type { CacheProblem } from '../screens/cache/CacheProblemScreen'
import type { AppNotice } from './notices'

export type Startup =
  | { phase: 'starting' }
  | { phase: 'failed'; error: AppError }
  | { phase: 'cache-problem'; status: CacheProblem }
  | { phase: 'ready'; dataset: Dataset; settings: Settings; notices: AppNotice[] }

/**
 * Startup order: the cache's state first (a damaged or too-new cache must be
 * explained before anything reads from it), then the settings.
 */
export function useStartup(): {
  startup: Startup
  retry(): void
  recovered(outcome: RecoverOutcome): void
} {
  const api = useApi()
  const [startup, setStartup] = useState<Startup>({ phase: 'starting' })
  const [attempt, setAttempt] = useState(0)

  const loadSettings = useCallback(
    async (dataset: Dataset, notices: AppNotice[]): Promise<Startup> => {
      const result = await api.call('settings:get', {})
      // Unreadable settings must not keep the user out: defaults, and say so.
      if (!result.ok) {
        return {
          phase: 'ready',
          dataset,
          settings: DEFAULT_SETTINGS,
          notices: [...notices, { kind: 'settingsFallback', message: result.error.message }],
        }
      }
      return { phase: 'ready', dataset, settings: result.value, notices }
    },
    [api],
  )

  useEffect(() => {
    let live = true
    const run = async (): Promise<Startup> => {
      const status = await api.call('cache:status', {})
      if (!status.ok) return { phase: 'failed', error: status.error }
      if (status.value.state !== 'ready') return { phase: 'cache-problem', status: status.value }
      return loadSettings(status.value.dataset, [])
    }
    void run().then((next) => {
      // A problem pushed while this ran (see below) is newer news than `next`.
      if (live) setStartup((now) => (now.phase === 'cache-problem' ? now : next))
    })
    return () => {
      live = false
    }
  }, [api, loadSettings, attempt])

  // The integrity check runs in the background after open; if it finds
  // damage, stop showing data read from a damaged file and explain instead.
  useEffect(
    () =>
      api.subscribe('cache:status', (status) => {
        if (status.state !== 'ready') setStartup({ phase: 'cache-problem', status })
      }),
    [api],
  )

  const retry = useCallback(() => {
    setStartup({ phase: 'starting' })
    setAttempt((n) => n + 1)
  }, [])

  const recovered = useCallback(
    (outcome: RecoverOutcome) => {
      const status = outcome.status
      if (status.state !== 'ready') {
        setStartup({ phase: 'cache-problem', status })
        return
      }
      setStartup({ phase: 'starting' })
      void loadSettings(status.dataset, [{ kind: 'recovered', path: outcome.movedTo }]).then(setStartup)
    },
    [loadSettings],
  )

  return { startup, retry, recovered }
}
