import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { useCoreLoad } from '../../app/useCoreLoad'
import { DataSourceNote } from '../../session/DataSourceNote'
import { BillingFiltersBar } from './BillingFiltersBar'
import { BillingOverview } from './BillingOverview'
import { EarningsPanel } from './EarningsPanel'
import { ExportHistory } from './ExportHistory'
import { ExportWizard } from './ExportWizard'
import { ImportPanel } from './import/ImportPanel'
import { useBillingFilters } from './useBillingFilters'

/**
 * The accountant's screen: browse and chart the billing history and earnings, export it, see past exports.
 * `clients`: the selection the route hands over (`billing?clients=1,2,3`); empty means all clients.
 */
export function BillingScreen({ clients }: { clients: number[] }) {
  const { t } = useTranslation()
  const api = useApi()
  const { generation } = useCacheInfo()
  const filters = useBillingFilters(clients.length > 0 ? clients : null)
  const history = useCoreLoad(() => api.call('exports:list', {}), generation)
  const { reload } = history
  const exported = useCallback(() => reload(), [reload])
  return (
    <section className="screen billing-screen" aria-labelledby="billing-title" data-testid="screen-billing">
      <h1 id="billing-title" className="screen-title" tabIndex={-1}>
        {t('billing.title')}
      </h1>
      <DataSourceNote set="billing" />
      <ImportPanel />
      <BillingFiltersBar state={filters} />
      {filters.query && (
        <>
          <BillingOverview query={filters.query} />
          <EarningsPanel query={filters.query} />
          <ExportWizard query={filters.query} onFinished={exported} />
        </>
      )}
      <ExportHistory list={history} />
    </section>
  )
}
