import { useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { TENDER_SORTS, type TenderFilter, type TenderPrefs } from '../../../../shared/tenders'
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
export function ViewBar({ filter, onChange, searchRef, saved, onSaveView, onImport, onCriteria, onHelp }: {
  filter: TenderFilter
  onChange(filter: TenderFilter): void
  searchRef: RefObject<HTMLInputElement | null>
  /** The partner's saved views. */
  saved: TenderPrefs['views']
  onSaveView(name: string): void
  onImport(): void
  onCriteria(): void
  onHelp(): void
}) {
  const { t } = useTranslation()
  const [naming, setNaming] = useState<string | null>(null)
  const savedIndex = saved.findIndex((view) => JSON.stringify(view.filter) === JSON.stringify(filter))
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
        <select
          value={savedIndex >= 0 ? `saved:${savedIndex}` : viewOf(filter)}
          onChange={(e) => {
            const value = e.target.value
            if (value.startsWith('saved:')) return onChange(saved[Number(value.slice(6))].filter)
            onChange({ ...VIEWS[value as View], query: filter.query, sort: filter.sort, direction: filter.direction })
          }}
          data-testid="tenders-view"
        >
          {(Object.keys(VIEWS) as View[]).map((view) => (
            <option key={view} value={view}>
              {t(`tenders.views.${view}`)}
            </option>
          ))}
          {saved.length > 0 && (
            <optgroup label={t('tenders.views.saved')}>
              {saved.map((view, i) => (
                <option key={i} value={`saved:${i}`}>
                  {view.name}
                </option>
              ))}
            </optgroup>
          )}
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
      {naming === null ? (
        <button className="button" type="button" onClick={() => setNaming('')}>
          {t('tenders.views.save')}
        </button>
      ) : (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault()
            if (naming.trim() === '') return
            onSaveView(naming.trim())
            setNaming(null)
          }}
        >
          <label>
            {t('tenders.views.name')}
            <input value={naming} maxLength={60} autoFocus onChange={(e) => setNaming(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setNaming(null)} />
          </label>
          <button className="button" type="submit">
            {t('tenders.save')}
          </button>
        </form>
      )}
      <button className="button" type="button" onClick={onCriteria} data-testid="tenders-criteria">
        {t('tenders.criteria.open')}
      </button>
      <button className="button" type="button" onClick={onImport} data-testid="tenders-import">
        {t('tenders.import.open')}
      </button>
      <button className="button" type="button" onClick={onHelp} aria-keyshortcuts="?">
        {t('tenders.help.open')}
      </button>
    </div>
  )
}
