import { useId, useState, type FormEvent } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { FACETS, isEmptyFilters, RENEWAL_WINDOWS, type ClientFilters, type Facet } from '../../../../../shared/client-filters'
import { useApi } from '../../../api/ApiContext'
import { useCacheInfo } from '../../../app/CacheInfoContext'
import { formatRoute, type ClientsView } from '../../../app/route'
import { useCoreLoad } from '../../../app/useCoreLoad'
import { InlineError } from '../../../components/InlineError'
import type { Formatters } from '../../../i18n/formatters'
import { useFormatters } from '../../../i18n/useFormatters'
import { announceViewsChanged } from './viewsChanged'
import { useValueLabel } from './valueLabel'

/**
 * The filters above the clients table: one menu per facet with the number of
 * clients each value would give, a renewal window, "pending changes", and
 * saving the whole (search included) as a named view.
 */
export function FilterBar({ view, onChange, saveable = true }: { view: ClientsView; onChange(filters: ClientFilters): void; saveable?: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const { generation } = useCacheInfo()
  // The counts show only in the closed menus: they must not delay the first page.
  const counts = useCoreLoad(
    () => api.call('clients:facets', { query: view.query, filters: view.filters }),
    JSON.stringify([generation, view.query, view.filters]),
    { secondary: true },
  )
  const filters = view.filters
  const label = useValueLabel()
  const renewalId = useId()
  const chosenOf = (facet: Facet): string[] => (filters[facet] ?? []).map(String)
  const toggle = (facet: Facet, value: string, on: boolean): void => {
    const values = new Set<string>(chosenOf(facet))
    if (on) values.add(value)
    else values.delete(value)
    // Staff members are named by their invitation ids (numbers); every other facet by its text.
    const next = { ...filters, [facet]: facet === 'staff' ? [...values].map(Number) : [...values] } as ClientFilters
    if (values.size === 0) delete next[facet]
    onChange(next)
  }
  const value = counts.value
  return (
    <div className="filter-bar" role="group" aria-label={t('clients.filters.label')} data-testid="client-filters">
      {FACETS.map((facet) => (
        <FacetMenu key={facet} facet={facet} chosen={chosenOf(facet)} options={value?.[facet] ?? []} onToggle={toggle} label={label} t={t} format={format} />
      ))}
      <label htmlFor={renewalId} className="filter-inline">
        {t('clients.filters.renewal')}
      </label>
      <select
        id={renewalId}
        className="input input-compact"
        value={filters.renewalWithin ?? ''}
        onChange={(event) => {
          const next = { ...filters }
          if (event.target.value === '') delete next.renewalWithin
          else next.renewalWithin = Number(event.target.value)
          onChange(next)
        }}
        data-testid="filter-renewal"
      >
        <option value="">{t('clients.filters.anyTime')}</option>
        {RENEWAL_WINDOWS.map((days) => (
          <option key={days} value={days}>
            {t('clients.filters.withinDays', { count: days, days: format.number(days) })}
          </option>
        ))}
      </select>
      {filters.renewalWithin !== undefined && value && (
        <span className="filter-count muted" data-testid="filter-renewal-count">
          {t('clients.filters.clientsCount', { count: value.renewalWithin, total: format.number(value.renewalWithin) })}
        </span>
      )}
      <label className="checkbox filter-inline">
        <input
          type="checkbox"
          checked={filters.pending === true}
          onChange={(event) => {
            const next = { ...filters }
            if (event.target.checked) next.pending = true
            else delete next.pending
            onChange(next)
          }}
          data-testid="filter-pending"
        />
        {t('clients.filters.pending')}
        {value && <span className="filter-count muted"> ({format.number(value.pending)})</span>}
      </label>
      {!isEmptyFilters(filters) && (
        <button type="button" className="button button-quiet" onClick={() => onChange({})} data-testid="filters-clear">
          {t('clients.filters.clear')}
        </button>
      )}
      {saveable && <SaveView view={view} />}
      {counts.error && <InlineError message={t('clients.filters.countsFailed', { message: counts.error.message })} onRetry={counts.reload} />}
    </div>
  )
}

function FacetMenu({
  facet,
  chosen,
  options,
  onToggle,
  label,
  t,
  format,
}: {
  facet: Facet
  chosen: readonly string[]
  options: ReadonlyArray<{ value: string; count: number }>
  onToggle(facet: Facet, value: string, on: boolean): void
  label(facet: Facet, value: string): string
  /** The bar's, passed down: seven menus each asking react-i18next for its own cost the first render dearly. */
  t: TFunction
  format: Formatters
}) {
  // A chosen value stays listed (with 0) even when the other filters leave none of it.
  const shown = [...options, ...chosen.filter((value) => !options.some((o) => o.value === value)).map((value) => ({ value, count: 0 }))]
  const title = t(`clients.filters.facet.${facet}`)
  return (
    <details className="filter-menu" data-testid={`filter-${facet}`}>
      <summary className={chosen.length > 0 ? 'button filter-summary is-active' : 'button filter-summary'}>
        {title}
        {chosen.length > 0 && `: ${format.list(chosen.map((value) => label(facet, value)))}`}
      </summary>
      <fieldset className="filter-options">
        <legend className="visually-hidden">{title}</legend>
        {shown.length === 0 && <p className="muted">{t('clients.filters.noValues')}</p>}
        {shown.map(({ value, count }) => (
          <label key={value} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(value)}
              onChange={(event) => onToggle(facet, value, event.target.checked)}
              data-testid="filter-option"
              data-facet={facet}
              data-value={value}
              data-count={count}
            />
            {label(facet, value)}
            <span className="filter-count muted"> ({format.number(count)})</span>
          </label>
        ))}
      </fieldset>
    </details>
  )
}

function SaveView({ view }: { view: ClientsView }) {
  const { t } = useTranslation()
  const api = useApi()
  const nameId = useId()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (name.trim() === '') {
      setError(t('clients.views.nameRequired'))
      return
    }
    const result = await api.call('views:save', { name: name.trim(), route: formatRoute({ screen: 'clients', ...view }) })
    if (!result.ok) {
      setError(t('clients.views.saveFailed', { message: result.error.message }))
      return
    }
    setSaved(name.trim())
    setOpen(false)
    setName('')
    setError(null)
    announceViewsChanged()
  }
  if (!open)
    return (
      <>
        <button type="button" className="button" onClick={() => setOpen(true)} data-testid="view-save">
          {t('clients.views.save')}
        </button>
        {saved !== null && (
          <span role="status" className="muted" data-testid="view-saved">
            {t('clients.views.saved', { name: saved })}
          </span>
        )}
      </>
    )
  return (
    <form className="inline-form" onSubmit={(event) => void save(event)} data-testid="view-save-form">
      <label htmlFor={nameId}>{t('clients.views.name')}</label>
      <input
        id={nameId}
        className="input input-compact"
        value={name}
        maxLength={80}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            setOpen(false)
          }
        }}
        data-testid="view-save-name"
      />
      <button type="submit" className="button button-primary" data-testid="view-save-submit">
        {t('clients.views.saveSubmit')}
      </button>
      <button type="button" className="button" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
      {error !== null && <InlineError message={error} onDismiss={() => setError(null)} />}
    </form>
  )
}
