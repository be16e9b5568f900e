import { useTranslation } from 'react-i18next'
import { DATA_SETS } from '../../../../shared/data-sets'
import { DataSourceNote } from '../../session/DataSourceNote'

/** Every data set with where it comes from: what a real token reaches and what it does not. */
export function DataSourcesSection() {
  const { t } = useTranslation()
  return (
    <div className="settings-group" data-testid="data-sources">
      <h2 className="section-title">{t('sources.title')}</h2>
      <p className="muted">{t('sources.intro')}</p>
      {DATA_SETS.map((set) => (
        <DataSourceNote key={set} set={set} />
      ))}
    </div>
  )
}
