import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientRow, ClientSortKey } from '../../../../shared/contract'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { markInteractive } from '../../app/readiness'
import { useBusyWhile } from '../../app/useBusyWhile'
import { InlineError } from '../../components/InlineError'
import { useFormatters } from '../../i18n/useFormatters'
import { useSync } from '../../session/SyncContext'
import { isEmptyFilters } from '../../../../shared/client-filters'
import { useApi } from '../../api/ApiContext'
import { holdBusy } from '../../app/readiness'
import { useRouter } from '../../app/Router'
import type { ClientsView } from '../../app/route'
import { clientQueryOf, type ClientPageCache, type ClientQuery } from './clientPageCache'
import { FilterBar } from './filters/FilterBar'
import { RequestClient } from './RequestClient'
import { BulkBar } from './bulk/BulkBar'
import { ClientsTable, type SelectionChange } from './ClientsTable'
import { useClientPages } from './useClientPages'
import { useDebounced } from './useDebounced'

const SEARCH_DEBOUNCE_MS = 120
/** The contract caps the query at this length. */
const SEARCH_MAX_LENGTH = 200

function isTextEntry(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
  )
}

/**
 * The clients table. Its search, filters and sort live in the route (`view`),
 * so Back restores them and a saved view is just a route.
 */
export function ClientsScreen({ active, view }: { active: boolean; view: ClientsView }) {
  const { t } = useTranslation()
  const { go } = useRouter()
  const api = useApi()
  const searchRef = useRef<HTMLInputElement>(null)
  const searchId = useId()
  const [text, setText] = useState(view.query)
  const typed = text.trim()
  const query = useDebounced(typed, SEARCH_DEBOUNCE_MS)
  const sort = { sort: view.sort, direction: view.direction }
  const setView = (next: Partial<ClientsView>, replace = false): void => go({ screen: 'clients', ...view, ...next }, { replace })
  // Typing changes the current entry (Back is not a keystroke history); Back or a saved view puts its search in the box.
  const routed = useRef(view.query)
  useEffect(() => {
    if (view.query !== routed.current) {
      routed.current = view.query
      setText(view.query)
    }
  }, [view.query])
  useEffect(() => {
    if (!active || query === routed.current) return
    routed.current = query
    setView({ query }, true)
    // Only a settled search writes the route (setView changes every render).
  }, [query, active])
  const { generation } = useCacheInfo()
  const pages = useClientPages(clientQueryOf(view), generation)
  const shown = pages.shown

  // Busy from the keystroke on (not only once the debounce fires), so a test
  // that types and then waits for `ready` cannot see the previous result.
  useBusyWhile(typed !== query || (active && query !== view.query) || pages.pending || shown === null)
  useEffect(() => {
    if (shown !== null) markInteractive()
  }, [shown])

  useEffect(() => {
    if (!active) return
    const onKeyDown = (event: KeyboardEvent): void => {
      const slash = event.key === '/' && !event.ctrlKey && !event.altKey && !event.metaKey && !isTextEntry(event.target)
      const find = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f'
      if (!slash && !find) return
      event.preventDefault()
      searchRef.current?.focus()
      searchRef.current?.select()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [active])

  // Coming back from a client's page puts the focus on the row it was opened from.
  const opened = useRef<number | null>(null)
  const [restore, setRestore] = useState<{ index: number; token: number } | null>(null)
  const wasActive = useRef(active)
  useEffect(() => {
    if (active && !wasActive.current && opened.current !== null) {
      const index = opened.current
      setRestore((current) => ({ index, token: (current?.token ?? 0) + 1 }))
      opened.current = null
    }
    wasActive.current = active
  }, [active])
  const onOpen = (row: { id: number }, index: number): void => {
    opened.current = index
    go({ screen: 'client', id: row.id })
  }

  // The selection is kept by client id across searches and filters; Ctrl+A takes every client of the result.
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const onSelect = (change: SelectionChange): void => {
    if (change.kind === 'all') {
      const release = holdBusy()
      void api.call('clients:ids', { query: view.query, filters: view.filters }).then((result) => {
        release()
        if (result.ok) setSelected(new Set(result.value))
      })
      return
    }
    setSelected((current) => {
      const next = new Set(current)
      if (change.kind === 'toggle') {
        if (!next.delete(change.id)) next.add(change.id)
      } else for (const id of change.ids) next.add(id)
      return next
    })
  }

  const onSort = (key: ClientSortKey, firstDirection: 'asc' | 'desc'): void =>
    setView(
      view.sort === key ? { direction: view.direction === 'asc' ? 'desc' : 'asc' } : { sort: key, direction: firstDirection },
      true,
    )

  return (
    <section className="screen screen-clients" hidden={!active} aria-labelledby="clients-title" data-testid="screen-clients">
      <div className="screen-head">
        <h1 id="clients-title" className="screen-title" tabIndex={-1}>
          {t('clients.title')}
        </h1>
        {/* Before the search in the tab order: from the search, Tab goes straight to the table. */}
        <RequestClient />
        <FilterBar view={view} onChange={(filters) => setView({ filters })} />
        <label htmlFor={searchId} className="visually-hidden">
          {t('clients.searchLabel')}
        </label>
        <input
          ref={searchRef}
          id={searchId}
          type="search"
          className="search"
          value={text}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder={t('clients.searchPlaceholder')}
          aria-keyshortcuts="/ Control+F"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && text !== '') {
              event.preventDefault()
              setText('')
            }
          }}
          data-testid="clients-search"
        />
        <CountLine cache={shown} />
      </div>
      {selected.size > 0 && <BulkBar selected={[...selected]} onClear={() => setSelected(new Set())} />}
      <ClientsBody pages={pages} sort={sort} onSort={onSort} onOpen={onOpen} restore={restore} selected={selected} onSelect={onSelect} />
    </section>
  )
}

function CountLine({ cache }: { cache: ClientPageCache | null }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const total = cache?.total ?? null
  let text: string
  if (cache === null || total === null) text = cache?.error ? '' : t('clients.loading')
  else if (cache.query.query === '') text = t('clients.count', { count: total, total: format.number(total) })
  else text = t('clients.countMatching', { count: total, total: format.number(total), query: cache.query.query })
  return (
    <p className="count-line" aria-live="polite" data-testid="clients-count">
      {text}
    </p>
  )
}

function ClientsBody({
  pages,
  sort,
  onSort,
  onOpen,
  restore,
  selected,
  onSelect,
}: {
  pages: ReturnType<typeof useClientPages>
  sort: Pick<ClientQuery, 'sort' | 'direction'>
  onSort(key: ClientSortKey, firstDirection: 'asc' | 'desc'): void
  onOpen(row: ClientRow, index: number): void
  restore: { index: number; token: number } | null
  selected: ReadonlySet<number>
  onSelect(change: SelectionChange): void
}) {
  const { t } = useTranslation()
  const { availability } = useSync()
  const cache = pages.shown
  if (cache === null) return null
  const error = cache.error && <InlineError message={t('clients.loadError', { message: cache.error.message })} onRetry={pages.retry} />
  if (cache.total === null) return error
  if (cache.total === 0) {
    const query = cache.query.query
    return (
      <div className="empty-state" data-testid="clients-empty">
        {query || !isEmptyFilters(cache.query.filters) ? (
          <>
            <p className="empty-title">{query ? t('clients.emptyQueryTitle', { query }) : t('clients.filters.noMatch')}</p>
            <p className="muted">{query ? t('clients.emptyQueryHint') : t('clients.filters.noMatchHint')}</p>
          </>
        ) : (
          <>
            <p className="empty-title">{t('clients.emptyTitle')}</p>
            <p className="muted">{availability.kind === 'ready' ? t('clients.emptyAccountHint') : t('clients.emptyHint')}</p>
          </>
        )}
      </div>
    )
  }
  return (
    <>
      {error}
      <ClientsTable
        cache={cache}
        sort={sort}
        onSort={onSort}
        requestRange={pages.requestRange}
        onOpen={onOpen}
        restore={restore}
        selected={selected}
        onSelect={onSelect}
      />
    </>
  )
}
