import { useTranslation } from 'react-i18next'
import type { SyncProgress } from '../../../shared/contract'
import { useFormatters } from '../i18n/useFormatters'
import { useSync } from '../session/SyncContext'

/** The Sync button; while a sync runs, what it is reading and a Cancel button. On the demo, a hint to add an account. */
export function SyncControl({ onAddAccount }: { onAddAccount(): void }) {
  const { t } = useTranslation()
  const { availability, running, progress, cancelling, start, cancel, reloadStatus } = useSync()

  switch (availability.kind) {
    case 'loading':
      return null
    case 'noAccount':
      return (
        <button
          type="button"
          className="button button-quiet sync-hint"
          title={t('sync.addAccountHintTitle')}
          onClick={onAddAccount}
          data-testid="sync-add-account-hint"
        >
          {t('sync.addAccountHint')}
        </button>
      )
    case 'failed':
      return (
        <button
          type="button"
          className="button button-quiet header-problem"
          title={t('sync.statusUnavailableTitle', { message: availability.error.message })}
          onClick={reloadStatus}
          data-testid="sync-status-error"
        >
          {t('sync.statusUnavailable')}
        </button>
      )
    case 'ready':
      break
  }

  if (!running) {
    return (
      <button type="button" className="button button-primary" onClick={() => void start('incremental')} data-testid="sync-start">
        {t('sync.start')}
      </button>
    )
  }
  return (
    <div className="sync-running">
      <div className="sync-progress" role="status" aria-live="polite" data-testid="sync-progress">
        <ProgressLine progress={progress} cancelling={cancelling} />
      </div>
      <button type="button" className="button" disabled={cancelling} onClick={() => void cancel()} data-testid="sync-cancel">
        {t('common.cancel')}
      </button>
    </div>
  )
}

function ProgressLine({ progress, cancelling }: { progress: SyncProgress | null; cancelling: boolean }) {
  const { t } = useTranslation()
  const format = useFormatters()
  if (cancelling) return <span>{t('sync.cancelling')}</span>
  if (progress === null) return <span>{t('sync.starting')}</span>
  if (progress.resource === 'merge') return <span>{t('sync.saving')}</span>
  // The profile is one request: the first contact, which also waits out retries when the network is down.
  if (progress.resource === 'profile') return <span>{t('sync.contacting')}</span>
  const resource = t(`sync.resources.${progress.resource}`)
  if (progress.total <= 0) return <span>{t('sync.reading', { resource })}</span>
  return (
    <>
      <progress max={progress.total} value={Math.min(progress.done, progress.total)} aria-hidden="true" />
      <span data-testid="sync-progress-text">
        {t('sync.progress', { resource, done: format.number(progress.done), total: format.number(progress.total) })}
      </span>
    </>
  )
}
