import { useTranslation } from 'react-i18next'
import { useFormatters } from '../i18n/useFormatters'
import { useSync } from '../session/SyncContext'
import { connectionOf } from '../session/syncView'

/** Online or offline, and how old the data on screen is ("Offline — showing data as of …"). */
export function ConnectionIndicator() {
  const { t } = useTranslation()
  const format = useFormatters()
  const { availability } = useSync()
  if (availability.kind !== 'ready') return null

  const connection = connectionOf(availability.status)
  const asOf = connection.asOf === null ? null : format.dateTime(connection.asOf)
  let text: string
  let title: string
  switch (connection.kind) {
    case 'offline':
      text = asOf === null ? t('header.offlineNever') : t('header.offlineAsOf', { time: asOf })
      title = t('header.offlineTitle')
      break
    case 'online':
      text = t('header.online')
      title = asOf === null ? t('header.neverSynced') : t('header.dataAsOf', { time: asOf })
      break
    case 'unknown':
      text = asOf === null ? t('header.neverSynced') : t('header.dataAsOf', { time: asOf })
      title = text
      break
  }
  return (
    <span
      className={`connection connection-${connection.kind}`}
      role="status"
      title={title}
      data-testid="connection-status"
      data-connection={connection.kind}
    >
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </span>
  )
}
