import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { TenderRow } from '../../../../shared/tenders'
import { useFormatters } from '../../i18n/useFormatters'
import { Budget, Countdown } from './bits'

interface TenderListProps {
  rows: TenderRow[]
  selectedId: number | null
  now: number
  onSelect(id: number): void
  onOpen(id: number): void
}

/** The inbox as a listbox: the selected tender is the active option, the keys act on it. */
export const TenderList = forwardRef<HTMLUListElement, TenderListProps>(function TenderList({ rows, selectedId, now, onSelect, onOpen }, ref) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <ul
      ref={ref}
      className="tender-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('tenders.listLabel')}
      aria-activedescendant={selectedId === null ? undefined : `tender-${selectedId}`}
      data-testid="tender-list"
    >
      {rows.map((row) => (
        <li
          key={row.id}
          id={`tender-${row.id}`}
          role="option"
          aria-selected={row.id === selectedId}
          className={`tender-row${row.id === selectedId ? ' selected' : ''}`}
          data-testid="tender-row"
          data-id={row.id}
          data-state={row.state}
          ref={row.id === selectedId ? (element) => element?.scrollIntoView({ block: 'nearest' }) : undefined}
          onClick={() => onSelect(row.id)}
          onDoubleClick={() => onOpen(row.id)}
        >
          <div className="tender-row-head">
            <span className="tender-title">{row.title}</span>
            {row.isNew && <span className="badge badge-new">{t('tenders.new')}</span>}
            {row.conflict && <span className="badge badge-conflict">{t('tenders.conflictBadge')}</span>}
            <span className={`tender-state state-${row.state}`}>{t(`tenders.state.${row.state}`)}</span>
          </div>
          <div className="tender-row-meta">
            <span>{row.category}</span>
            <Budget budget={row.budget} />
            {row.region && <span>{row.region}</span>}
            {row.language && <span>{row.language.toUpperCase()}</span>}
            <span>{t('tenders.posted', { date: format.date(row.postedAt) })}</span>
            <Countdown validUntil={row.validUntil} now={now} />
            <span>{t(`tenders.source.${row.source}`)}</span>
            {row.score !== null && <span className="tender-score">{t('tenders.scoreShort', { score: row.score })}</span>}
          </div>
        </li>
      ))}
    </ul>
  )
})
