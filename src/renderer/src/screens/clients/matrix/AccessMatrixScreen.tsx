import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { MatrixCell } from '../../../../../shared/contract'
import type { ClientFilters } from '../../../../../shared/client-filters'
import { useApi } from '../../../api/ApiContext'
import { useCacheInfo } from '../../../app/CacheInfoContext'
import { useRouter } from '../../../app/Router'
import { useCoreLoad } from '../../../app/useCoreLoad'
import { InlineError } from '../../../components/InlineError'
import { useFormatters } from '../../../i18n/useFormatters'
import { FilterBar } from '../filters/FilterBar'

const ROW_HEIGHT = 30
const MARK: Record<MatrixCell, string> = { complete: '●', limited: '◐', none: '·' }

/**
 * Clients × service categories: where the partner may act (complete), manage
 * what was delegated (limited), or only look (none). Route `matrix?filters`,
 * the same filters as the table.
 */
export function AccessMatrixScreen({ query, filters }: { query: string; filters: ClientFilters }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const { go } = useRouter()
  const { generation } = useCacheInfo()
  const matrix = useCoreLoad(() => api.call('clients:matrix', { query, filters }), JSON.stringify([generation, query, filters]))
  const value = matrix.value
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: value?.rows.length ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 })
  const label = (category: string) => (category === 'other' ? t('clients.filters.otherCategory') : t(`clientDetail.service.${category as 'domain'}`))
  return (
    <section className="screen screen-matrix" aria-labelledby="matrix-title" data-testid="screen-matrix">
      <div className="screen-head">
        <h1 id="matrix-title" className="screen-title" tabIndex={-1}>
          {t('matrix.title')}
        </h1>
        <FilterBar view={{ query, filters, sort: 'name', direction: 'asc' }} onChange={(next) => go({ screen: 'matrix', query, filters: next })} saveable={false} />
        <p className="count-line" aria-live="polite" data-testid="matrix-count" data-count={value?.rows.length ?? ''}>
          {value && t('matrix.count', { count: value.rows.length, total: format.number(value.rows.length) })}
        </p>
      </div>
      <p className="muted matrix-legend">
        {MARK.complete} {t('matrix.cell.complete')} · {MARK.limited} {t('matrix.cell.limited')} · {MARK.none} {t('matrix.cell.none')}
      </p>
      {matrix.error && <InlineError message={t('matrix.loadError', { message: matrix.error.message })} onRetry={matrix.reload} />}
      {value && (
        <div className="matrix" role="table" aria-label={t('matrix.tableLabel')} aria-rowcount={value.rows.length + 1} data-testid="access-matrix">
          <div role="rowgroup">
            <div role="row" className="matrix-row matrix-head" aria-rowindex={1}>
              <span role="columnheader" className="matrix-name">
                {t('clients.columns.name')}
              </span>
              {value.categories.map((category) => (
                <span key={category} role="columnheader" className="matrix-cell">
                  {label(category)}
                </span>
              ))}
            </div>
          </div>
          <div ref={scrollRef} className="matrix-scroll" role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = value.rows[item.index]!
                return (
                  <div
                    key={row.id}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className="matrix-row"
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    data-testid="matrix-row"
                    data-client-id={row.id}
                  >
                    <span role="rowheader" className="matrix-name">
                      <button type="button" className="link-button" onClick={() => go({ screen: 'client', id: row.id })}>
                        {row.name}
                      </button>
                    </span>
                    {row.cells.map((cell, index) => (
                      <span
                        key={index}
                        role="cell"
                        className={`matrix-cell matrix-${cell}`}
                        title={`${label(value.categories[index]!)}: ${t(`matrix.cell.${cell}`)}`}
                        data-category={value.categories[index]}
                        data-cell={cell}
                      >
                        <span aria-hidden="true">{MARK[cell]}</span>
                        <span className="visually-hidden">{t(`matrix.cell.${cell}`)}</span>
                      </span>
                    ))}
                  </div>
                )
              })}
            </div>
          </div>
        </div>
      )}
    </section>
  )
}
