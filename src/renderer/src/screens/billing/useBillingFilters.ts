import { useMemo, useState } from 'react'
import type { BillingQuery, HistoryFilter } from '../../../../shared/billing'
import { presetPeriod, type Period, type PeriodPreset } from '../../../../shared/period'

export type PeriodChoice = PeriodPreset | 'custom'

export interface BillingFilters {
  type: HistoryFilter
  period: PeriodChoice
  custom: Period
  /** null: every client. */
  clients: number[] | null
}

export interface FiltersState {
  filters: BillingFilters
  /** null while a custom period is not a valid one. */
  query: BillingQuery | null
  update(patch: Partial<BillingFilters>): void
}

const today = () => Math.floor(Date.now() / 1000)

/** The filters the browser, the earnings and the export wizard share; `clients`: a selection handed over (e.g. from the clients table). */
export function useBillingFilters(clients: number[] | null = null): FiltersState {
  const [filters, setFilters] = useState<BillingFilters>(() => ({
    type: 'all',
    period: 'this_year',
    custom: presetPeriod('this_year', today()),
    clients,
  }))
  const query = useMemo((): BillingQuery | null => {
    const period = filters.period === 'custom' ? filters.custom : presetPeriod(filters.period, today())
    if (!/^\d{4}-\d{2}-\d{2}$/.test(period.from) || !/^\d{4}-\d{2}-\d{2}$/.test(period.to) || period.from > period.to) return null
    return { type: filters.type, from: period.from, to: period.to, clients: filters.clients }
  }, [filters])
  return { filters, query, update: (patch) => setFilters((f) => ({ ...f, ...patch })) }
}
