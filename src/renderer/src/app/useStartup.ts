import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings'
import type { AppError } from '../../../shared/result'
import type { CacheStatus, Dataset, RecoverOutcome } from '../../../shared/contract'
import { useApi } from '../api/ApiContext'
import { loadLanguage } from '../i18n'
import { languageFor } from '../i18n/language'
import { firstReadsAnswered, forgetEarlyAnswers } from './earlyReads'
import { holdBusy } from './readiness'
import type { CacheProblem } from '../screens/cache/CacheProblemScreen'
import type { AppNotice } from './notices'

export type Startup =
  | { phase: 'starting' }
  | { phase: 'failed'; error: AppError }
  | { phase: 'cache-problem'; status: CacheProblem }
  /** `epoch` changes when another cache was opened (account switch): the shell starts afresh. */
  | { phase: 'ready'; dataset: Dataset; settings: Settings; notices: AppNotice[]; epoch: number }

/**
 * Startup order: the cache's state first (a damaged or too-new cache must be
 * explained before anything shows what was read from it), then the settings.
 * At the first start, both were asked before the first render (earlyReads.ts),
 * with the first page of clients, which the shell waits for: it then mounts
 * with its rows.
 */
export function useStartup(): {
  startup: Startup
  retry(): void
  recovered(outcome: RecoverOutcome): void
  /** Another cache is open now (an account switch): read everything again from `status` on. */
  reopen(status: CacheStatus, notices?: AppNotice[]): Promise<void>
  /** Like `reopen`, asking the core for the status first (e.g. after an account's data was erased). */
  reload(notices?: AppNotice[]): Promise<void>
} {
  const api = useApi()
  const [startup, setStartup] = useState<Startup>({ phase: 'starting' })
  const [attempt, setAttempt] = useState(0)
  const epoch = useRef(0)

  const loadSettings = useCallback(
    async (dataset: Dataset, notices: AppNotice[], shellEpoch = 0): Promise<Startup> => {
      const result = await api.call('settings:get', {})
      // The shell opens in the user's language, not in the system's for a moment.
      if (result.ok) await loadLanguage(languageFor(result.value.language, navigator.languages)).catch(() => undefined)
      // Unreadable settings must not keep the user out: defaults, and say so.
      if (!result.ok) {
        return {
          phase: 'ready',
          dataset,
          settings: DEFAULT_SETTINGS,
          notices: [...notices, { kind: 'settingsFallback', message: result.error.message }],
          epoch: shellEpoch,
        }
      }
      return { phase: 'ready', dataset, settings: result.value, notices, epoch: shellEpoch }
    },
    [api],
  )

  useEffect(() => {
    let live = true
    const run = async (): Promise<Startup> => {
      const status = await api.call('cache:status', {})
      if (!status.ok || status.value.state !== 'ready') forgetEarlyAnswers()
      if (!status.ok) return { phase: 'failed', error: status.error }
      if (status.value.state !== 'ready') return { phase: 'cache-problem', status: status.value }
      const ready = await loadSettings(status.value.dataset, [])
      await firstReadsAnswered()
      return ready
    }
    void run().then((next) => {
      // A problem pushed while this ran (see below) is newer news than `next`. A transition: the
      // shell's first render yields to the browser (to the first page's answer) rather than
      // holding the thread as one long task.
      if (live) startTransition(() => setStartup((now) => (now.phase === 'cache-problem' ? now : next)))
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
        if (status.state !== 'ready') {
          forgetEarlyAnswers()
          setStartup({ phase: 'cache-problem', status })
        }
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
      void loadSettings(status.dataset, [{ kind: 'recovered', path: outcome.movedTo }], ++epoch.current).then(setStartup)
    },
    [loadSettings],
  )

  const reopen = useCallback(
    async (status: CacheStatus, notices: AppNotice[] = []): Promise<void> => {
      if (status.state !== 'ready') {
        setStartup({ phase: 'cache-problem', status })
        return
      }
      // The old shell stays on screen (its controls say what is under way)
      // until the new cache's settings are read; then a fresh shell replaces it.
      const release = holdBusy()
      const loaded = await loadSettings(status.dataset, notices, ++epoch.current)
      setStartup(loaded)
      release()
    },
    [loadSettings],
  )

  const reload = useCallback(async (notices: AppNotice[] = []): Promise<void> => {
    const release = holdBusy()
    const status = await api.call('cache:status', {})
    if (status.ok) await reopen(status.value, notices)
    else setStartup({ phase: 'failed', error: status.error })
    release()
  }, [api, reopen])

  return { startup, retry, recovered, reopen, reload }
}
