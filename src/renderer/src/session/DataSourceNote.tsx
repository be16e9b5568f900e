import { useTranslation } from 'react-i18next'
import type { DataSet, DataSource } from '../../../shared/contract'
import { ManagerLink } from '../components/ManagerLink'
import { useFormatters } from '../i18n/useFormatters'
import { useSync } from './SyncContext'

/** Data sets the published API has no endpoint for: where the user gets them instead. */
const HINTS = {
  billing: 'sources.hint.billing',
  invoices: 'sources.hint.invoices',
  tenders: 'sources.hint.tenders',
} as const satisfies Partial<Record<DataSet, string>>

const hasHint = (set: DataSet): set is keyof typeof HINTS => set in HINTS

/** Where one data set comes from and as of when, in one line (with the way in when the server offers none). */
export function DataSourceNote({ set }: { set: DataSet }) {
  const { availability } = useSync()
  if (availability.kind === 'noAccount') return <SourceLine set={set} source={null} />
  if (availability.kind !== 'ready') return null
  return <SourceLine set={set} source={availability.status.sources[set]} />
}

export function SourceLine({ set, source }: { set: DataSet; source: DataSource | null }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const describe = (): string => {
    if (source === null) return t('sources.demo')
    switch (source.kind) {
      case 'published':
        return source.asOf === null ? t('sources.publishedNever') : t('sources.published', { date: format.dateTime(source.asOf) })
      case 'partner':
        return source.asOf === null ? t('sources.partnerNever') : t('sources.partner', { date: format.dateTime(source.asOf) })
      case 'not_offered':
        return t('sources.notOffered', { date: format.dateTime(source.checkedAt) })
      case 'unknown':
        return t('sources.unknown')
    }
  }
  return (
    <p className="data-source" data-testid={`source-${set}`} data-source={source?.kind ?? 'demo'}>
      <span className="data-source-set">{t(`sources.set.${set}`)}</span> <span>{describe()}</span>
      {source?.kind === 'not_offered' && hasHint(set) && (
        <>
          {' '}
          <span>{t(HINTS[set])}</span> <ManagerLink />
        </>
      )}
    </p>
  )
}
