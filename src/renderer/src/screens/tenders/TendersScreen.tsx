import { useTranslation } from 'react-i18next'
import { CacheInfoStatus } from '../../components/CacheInfoStatus'
import { useFormatters } from '../../i18n/useFormatters'
import { DataSourceNote } from '../../session/DataSourceNote'

/** Placeholder until the tender inbox exists: says what is coming and that the data is here. */
export function TendersScreen() {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <section className="screen screen-narrow" aria-labelledby="tenders-title" data-testid="screen-tenders">
      <h1 id="tenders-title" className="screen-title" tabIndex={-1}>
        {t('tenders.title')}
      </h1>
      <p>{t('tenders.intro')}</p>
      <DataSourceNote set="tenders" />
      <CacheInfoStatus>
        {(info) => (
          <p className="planned-count" data-testid="tenders-count">
            {t('tenders.count', { count: info.counts.tenders, total: format.number(info.counts.tenders) })}
          </p>
        )}
      </CacheInfoStatus>
    </section>
  )
}
