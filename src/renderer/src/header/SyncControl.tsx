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

function ProgressLine({ progress, cancelling }: { progress: readonly SyncProgress[]; cancelling: boolean }) {
  const { t } = useTranslation()
  const format = useFormatters()
  if (cancelling) return <span>{t('sync.cancelling')}</span>
  const [first] = progress
  if (first === undefined) return <span>{t('sync.starting')}</span>
  if (first.resource === 'merge') return <span>{t('sync.saving')}</span>
  // The profile is one request: the first contact, which also waits out retries when the network is down.
  if (first.resource === 'profile') return <span>{t('sync.contacting')}</span>
  const items = progress.map(({ resource, done, total }) => {
    const name = t(`sync.resources.${resource}`)
    return total <= 0 ? name : t('sync.item', { resource: name, done: format.number(done), total: format.number(total) })
  })
  const counted = progress.filter((entry) => entry.total > 0)
  const total = counted.reduce((sum, entry) => sum + entry.total, 0)
  const done = counted.reduce((sum, entry) => sum + Math.min(entry.done, entry.total), 0)
  const line = t('sync.progress', { items: items.join(' · ') })
  return (
    <>
      {total > 0 && <progress max={total} value={done} aria-hidden="true" />}
      <span title={line} data-testid="sync-progress-text">
        {line}
      </span>
    </>
  )
}
