import { useCallback, useEffect, useRef, useState } from 'react'
import type { Input } from '../../../../shared/contract'
import type { AppError } from '../../../../shared/result'
import type { TenderFilter, TenderPage, TenderRow } from '../../../../shared/tenders'
import { useApi } from '../../api/ApiContext'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { holdBusy } from '../../app/readiness'

/** How many tenders the inbox holds at once: more than a triage session gets through. */
export const PAGE = 200

export const ACTIVE_VIEW: TenderFilter = {
  query: '',
  states: ['new', 'shortlisted', 'consulted', 'proposal_sent'],
  category: null,
  region: null,
  language: null,
  source: null,
  showSnoozed: false,
  conflictsOnly: false,
  sort: 'posted',
  direction: 'desc',
}

export interface Inbox {
  page: TenderPage | null
  error: AppError | null
  selectedId: number | null
  select(id: number | null): void
  /** Moves the selection by `step` rows. */
  step(step: number): void
  /** Runs a triage action on the selected tender, then selects the tender that came after it. */
  act(run: (tender: TenderRow) => Promise<{ ok: boolean; error?: AppError }>): Promise<void>
  reload(selectId?: number): void
}

export function useInbox(filter: TenderFilter): Inbox {
  const api = useApi()
  const { generation } = useCacheInfo()
  const [page, setPage] = useState<TenderPage | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [attempt, setAttempt] = useState(0)
  const wanted = useRef<number | null>(null)
  const latest = useRef(0)
  const key = JSON.stringify(filter)

  useEffect(() => {
    const id = ++latest.current
    const release = holdBusy()
    const input: Input<'tenders:list'> = { ...JSON.parse(key), limit: PAGE }
    void api.call('tenders:list', input).then((result) => {
      release()
      if (latest.current !== id) return
      if (!result.ok) return setError(result.error)
      setError(null)
      setPage(result.value)
      setSelectedId((current) => {
        const rows = result.value.rows
        const want = wanted.current ?? current
        wanted.current = null
        if (want !== null && rows.some((r) => r.id === want)) return want
        // The selected tender left the view (declined, snoozed): the one now at its place.
        const at = page?.rows.findIndex((r) => r.id === current) ?? -1
        return rows[Math.min(Math.max(at, 0), rows.length - 1)]?.id ?? null
      })
    })
    return release
    // `page` is read for the previous position only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, generation, attempt])

  const rows = page?.rows ?? []
  const index = rows.findIndex((r) => r.id === selectedId)
  const reload = useCallback((selectId?: number) => {
    if (selectId !== undefined) wanted.current = selectId
    setAttempt((n) => n + 1)
  }, [])

  return {
    page,
    error,
    selectedId,
    select: setSelectedId,
    step: (by) => {
      if (rows.length === 0) return
      setSelectedId(rows[Math.min(rows.length - 1, Math.max(0, (index < 0 ? 0 : index) + by))].id)
    },
    act: async (run) => {
      const tender = rows[index]
      if (!tender) return
      const next = rows[index + 1] ?? rows[index - 1]
      const outcome = await run(tender)
      if (!outcome.ok) {
        if (outcome.error) setError(outcome.error)
        return
      }
      reload(next?.id ?? tender.id)
    },
    reload,
  }
}
