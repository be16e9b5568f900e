import { useTranslation } from 'react-i18next'
import { CacheInfoStatus } from '../../components/CacheInfoStatus'
import { useFormatters } from '../../i18n/useFormatters'
import { DataSourceNote } from '../../session/DataSourceNote'
import { ImportPanel } from './import/ImportPanel'

/** Placeholder until the billing-history export exists: says what is coming and that the data is here. */
export function BillingScreen() {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <section className="screen screen-narrow" aria-labelledby="billing-title" data-testid="screen-billing">
      <h1 id="billing-title" className="screen-title" tabIndex={-1}>
        {t('billing.title')}
      </h1>
      <p>{t('billing.intro')}</p>
      <DataSourceNote set="billing" />
      <CacheInfoStatus>
        {(info) => (
          <p className="planned-count" data-testid="billing-count">
            {t('billing.count', { count: info.counts.billingLines, total: format.number(info.counts.billingLines) })}
          </p>
        )}
      </CacheInfoStatus>
      <ImportPanel />
    </section>
  )
}
