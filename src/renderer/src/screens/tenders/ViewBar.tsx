import type { RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { TENDER_SORTS, type TenderFilter } from '../../../../shared/tenders'
import { ACTIVE_VIEW } from './useInbox'

const VIEWS = {
  active: ACTIVE_VIEW,
  all: { ...ACTIVE_VIEW, states: [] },
  new: { ...ACTIVE_VIEW, states: ['new'] },
  conflicts: { ...ACTIVE_VIEW, states: [], conflictsOnly: true },
  snoozed: { ...ACTIVE_VIEW, showSnoozed: true },
  closed: { ...ACTIVE_VIEW, states: ['won', 'lost', 'dismissed', 'withdrawn', 'expired'] },
} as const satisfies Record<string, TenderFilter>
type View = keyof typeof VIEWS

const viewOf = (filter: TenderFilter): View =>
  (Object.keys(VIEWS) as View[]).find((view) => {
    const { query: _q, sort: _s, direction: _d, ...rest } = { ...VIEWS[view] }
    const { query: _q2, sort: _s2, direction: _d2, ...mine } = filter
    return JSON.stringify(rest) === JSON.stringify(mine)
  }) ?? 'active'

/** Search, the views, the sort, and the inbox's buttons. */
export function ViewBar({ filter, onChange, searchRef, onImport, onHelp }: {
  filter: TenderFilter
  onChange(filter: TenderFilter): void
  searchRef: RefObject<HTMLInputElement | null>
  onImport(): void
  onHelp(): void
}) {
  const { t } = useTranslation()
  return (
    <div className="toolbar tenders-toolbar">
      <input
        ref={searchRef}
        type="search"
        aria-label={t('tenders.search')}
        placeholder={t('tenders.search')}
        value={filter.query}
        maxLength={200}
        data-testid="tenders-search"
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
        onKeyDown={(e) => {
          // Escape or Enter hands the keys back to the list.
          if (e.key === 'Escape' || e.key === 'Enter') {
            e.preventDefault()
            ;(e.currentTarget.closest('section')?.querySelector('[role="listbox"]') as HTMLElement | null)?.focus()
          }
        }}
      />
      <label>
        {t('tenders.view')}
        <select value={viewOf(filter)} onChange={(e) => onChange({ ...VIEWS[e.target.value as View], query: filter.query, sort: filter.sort, direction: filter.direction })} data-testid="tenders-view">
          {(Object.keys(VIEWS) as View[]).map((view) => (
            <option key={view} value={view}>
              {t(`tenders.views.${view}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('tenders.sort')}
        <select value={filter.sort} onChange={(e) => onChange({ ...filter, sort: e.target.value as TenderFilter['sort'] })}>
          {TENDER_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`tenders.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </label>
      <button className="button" type="button" onClick={onImport} data-testid="tenders-import">
        {t('tenders.import.open')}
      </button>
      <button className="button" type="button" onClick={onHelp} aria-keyshortcuts="?">
        {t('tenders.help.open')}
      </button>
    </div>
  )
}
