import { startTransition, useCallback, useEffect, useState } from 'react'
import { useApi } from '../../api/ApiContext'
import { takeAnswered } from '../../app/earlyReads'
import { ClientPageCache, type ClientQuery } from './clientPageCache'

interface PagesState {
  key: string
  /** The cache for the query asked last: requests go here. */
  current: ClientPageCache
  /**
   * The cache on screen. It stays the previous query's until the new one's
   * first answer lands, so typing does not flash an empty table.
   */
  shown: ClientPageCache | null
  /** Bumped on every answer, since the caches mutate in place. */
  version: number
}

export interface ClientPages {
  shown: ClientPageCache | null
  /** A newer query than the shown one is waiting for its first answer. */
  pending: boolean
  /** Fetches the pages of rows first..last (of the current query) not held yet. */
  requestRange(first: number, last: number): void
  retry(): void
}

/**
 * Pages of `clients:list` for `query`, fetched on demand. `generation`
 * changes when the cache's content was replaced, which forces a refetch.
 */
export function useClientPages(query: ClientQuery, generation: number): ClientPages {
  const api = useApi()
  const key = JSON.stringify([generation, query.query, query.sort, query.direction, query.filters])
  const [state, setState] = useState<PagesState>(() => {
    const current = new ClientPageCache(query)
    // The first page asked at start has mostly answered by now: the first render draws its rows.
    const answered = current.settleKnown(0, (request) => takeAnswered('clients:list', request))
    return { key, current, shown: answered ? current : null, version: 0 }
  })

  // A new query replaces the cache during render (not in an effect), so no
  // render ever pairs the new query with the old cache.
  let live = state
  if (state.key !== key) {
    live = { key, current: new ClientPageCache(query), shown: state.shown, version: state.version + 1 }
    setState(live)
  }
  const { current, shown, version } = live

  const fetchPages = useCallback(
    (cache: ClientPageCache, pages: number[]) => {
      for (const page of pages) {
        const request = cache.request(page)
        void api.call('clients:list', request).then((result) => {
          cache.settle(page, result)
          // An answer for a replaced query is dropped here, with its cache. Rows render in a
          // transition, in slices that leave the browser free between them.
          startTransition(() => setState((s) => (s.current === cache ? { ...s, shown: cache, version: s.version + 1 } : s)))
        })
      }
    },
    [api],
  )

  useEffect(() => {
    fetchPages(current, current.missingPages(0, 0))
  }, [current, version, fetchPages])

  const requestRange = useCallback(
    (first: number, last: number) => fetchPages(current, current.missingPages(first, last)),
    // Depends on `version` so that callers' effects run again after each answer.
    [current, version, fetchPages],
  )

  const retry = useCallback(() => {
    current.clearFailures()
    setState((s) => ({ ...s, version: s.version + 1 }))
  }, [current])

  return { shown, pending: shown !== current, requestRange, retry }
}
