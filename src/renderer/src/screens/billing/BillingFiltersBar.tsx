import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HISTORY_FILTERS } from '../../../../shared/billing'
import { PERIOD_PRESETS } from '../../../../shared/period'
import { useApi } from '../../api/ApiContext'
import { useCoreLoad } from '../../app/useCoreLoad'
import type { FiltersState, PeriodChoice } from './useBillingFilters'

/** History type, period (presets or custom days) and clients (all or a selection). */
export function BillingFiltersBar({ state }: { state: FiltersState }) {
  const { t } = useTranslation()
  const { filters, update } = state
  const id = useId()
  return (
    <fieldset className="billing-filters" data-testid="billing-filters">
      <legend className="visually-hidden">{t('billing.filters')}</legend>
      <label className="field" htmlFor={`${id}-type`}>
        {t('billing.type')}
        <select id={`${id}-type`} className="select" value={filters.type} data-testid="billing-type" onChange={(e) => update({ type: e.target.value as typeof filters.type })}>
          {HISTORY_FILTERS.map((type) => (
            <option key={type} value={type}>
              {t(`billing.types.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-period`}>
        {t('billing.period')}
        <select id={`${id}-period`} className="select" value={filters.period} data-testid="billing-period" onChange={(e) => update({ period: e.target.value as PeriodChoice })}>
          {[...PERIOD_PRESETS, 'custom' as const].map((period) => (
            <option key={period} value={period}>
              {t(`billing.periods.${period}`)}
            </option>
          ))}
        </select>
      </label>
      {filters.period === 'custom' && (
        <>
          <label className="field" htmlFor={`${id}-from`}>
            {t('billing.from')}
            <input id={`${id}-from`} type="date" value={filters.custom.from} data-testid="billing-from" onChange={(e) => update({ custom: { ...filters.custom, from: e.target.value } })} />
          </label>
          <label className="field" htmlFor={`${id}-to`}>
            {t('billing.to')}
            <input id={`${id}-to`} type="date" value={filters.custom.to} data-testid="billing-to" onChange={(e) => update({ custom: { ...filters.custom, to: e.target.value } })} />
          </label>
        </>
      )}
      <ClientChooser selected={filters.clients} onChange={(clients) => update({ clients })} />
      {state.query === null && (
        <p className="field-error" role="alert">
          {t('billing.badPeriod')}
        </p>
      )}
    </fieldset>
  )
}

/** All clients, or the ones ticked in a searchable list. */
function ClientChooser({ selected, onChange }: { selected: number[] | null; onChange(clients: number[] | null): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const id = useId()
  const [search, setSearch] = useState('')
  const [open, setOpen] = useState(false)
  const list = useCoreLoad(() => api.call('clients:list', { query: search, limit: 50 }), open ? search : null)
  const chosen = new Set(selected ?? [])
  const toggle = (client: number) => {
    const next = new Set(chosen)
    if (next.has(client)) next.delete(client)
    else next.add(client)
    onChange(next.size === 0 ? null : [...next])
  }
  return (
    <div className="billing-clients">
      <span className="field">{t('billing.clients')}</span>
      <button type="button" className="button" aria-expanded={open} aria-controls={`${id}-list`} data-testid="billing-clients-toggle" onClick={() => setOpen(!open)}>
        {selected === null ? t('billing.allClients') : t('billing.someClients', { number: selected.length })}
      </button>
      {selected !== null && (
        <button type="button" className="button button-quiet" onClick={() => onChange(null)} data-testid="billing-clients-all">
          {t('billing.chooseAll')}
        </button>
      )}
      {open && (
        <div id={`${id}-list`} className="billing-client-list">
          <label className="field" htmlFor={`${id}-search`}>
            {t('billing.searchClients')}
            <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="billing-clients-search" />
          </label>
          <ul>
            {(list.value?.rows ?? []).map((client) => (
              <li key={client.id}>
                <label>
                  <input type="checkbox" checked={chosen.has(client.id)} onChange={() => toggle(client.id)} data-testid="billing-client-option" /> {client.name}
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
