import { useTranslation } from 'react-i18next'
import { InlineError } from '../components/InlineError'
import { Notice } from '../components/Notice'
import { useSync } from '../session/SyncContext'
import { failureNotice } from '../session/syncView'

/** How the last sync ended, when the header's indicators do not already say it; and refused requests. */
export function SyncNotices() {
  const { t } = useTranslation()
  const { outcome, requestError, start, dismiss } = useSync()
  const retry = () => void start('incremental')

  if (requestError !== null) {
    return (
      <div data-testid="sync-request-error">
        <InlineError message={t('sync.requestFailed', { message: requestError.message })} onRetry={retry} onDismiss={dismiss} />
      </div>
    )
  }
  if (outcome === null || outcome.ok) return null
  switch (failureNotice(outcome.error)) {
    case 'cancelled':
      return <Notice message={t('sync.cancelled')} onDismiss={dismiss} testId="sync-cancelled" />
    case 'failed':
      return (
        <div data-testid="sync-failed">
          <InlineError message={t('sync.failed', { message: outcome.error.message })} onRetry={retry} onDismiss={dismiss} />
        </div>
      )
    case null:
      return null
  }
}
