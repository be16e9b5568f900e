import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CacheStatus, RecoverOutcome } from '../../../../shared/contract'
import type { AppError } from '../../../../shared/result'
import { useApi } from '../../api/ApiContext'
import { BlockedScreen } from '../../components/BlockedScreen'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { InlineError } from '../../components/InlineError'

export type CacheProblem = Exclude<CacheStatus, { state: 'ready' }>

export function CacheProblemScreen({
  status,
  onRecovered,
}: {
  status: CacheProblem
  onRecovered(outcome: RecoverOutcome): void
}) {
  const { t } = useTranslation()
  if (status.state === 'too_new') {
    // Written by a newer schema: any write could destroy data this version
    // does not understand, so the only way out offered is an upgrade.
    return (
      <BlockedScreen title={t('cacheProblem.tooNewTitle')} testId="cache-problem">
        <p>{t('cacheProblem.tooNewBody', { fileVersion: status.fileVersion, appVersion: status.appVersion })}</p>
        <p>{t('cacheProblem.tooNewAdvice')}</p>
      </BlockedScreen>
    )
  }
  if (status.state === 'unopenable') {
    // Nothing says the file is damaged (a folder in its place, no permission): the user may fix it, or start afresh.
    return (
      <BlockedScreen title={t('cacheProblem.unopenableTitle')} testId="cache-problem">
        <p>{t('cacheProblem.unopenableBody', { message: status.message })}</p>
        <p>{t('cacheProblem.unopenableAdvice')}</p>
        <RecoverAction
          labels={{
            recover: t('cacheProblem.unopenableRecover'),
            confirmBody: t('cacheProblem.unopenableConfirmBody'),
            recovering: t('cacheProblem.unopenableRecovering'),
          }}
          onRecovered={onRecovered}
        />
      </BlockedScreen>
    )
  }
  return (
    <BlockedScreen title={t('cacheProblem.corruptTitle')} testId="cache-problem">
      <p>{t('cacheProblem.corruptBody', { message: status.message })}</p>
      <p>{t('cacheProblem.corruptAdvice')}</p>
      <RecoverAction
        labels={{ recover: t('cacheProblem.recover'), confirmBody: t('cacheProblem.confirmBody'), recovering: t('cacheProblem.recovering') }}
        onRecovered={onRecovered}
      />
    </BlockedScreen>
  )
}

/** What the way out says, for a damaged file or for one that cannot be opened. */
interface RecoverLabels {
  recover: string
  confirmBody: string
  recovering: string
}

function RecoverAction({ labels, onRecovered }: { labels: RecoverLabels; onRecovered(outcome: RecoverOutcome): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [confirming, setConfirming] = useState(false)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const recover = async (): Promise<void> => {
    setConfirming(false)
    setRunning(true)
    setError(null)
    const result = await api.call('cache:recover', {})
    setRunning(false)
    if (result.ok) onRecovered(result.value)
    else setError(result.error)
  }

  return (
    <>
      <div className="blocked-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={running}
          onClick={() => setConfirming(true)}
          data-testid="cache-recover"
        >
          {labels.recover}
        </button>
        {running && <span role="status">{labels.recovering}</span>}
      </div>
      {error && <InlineError message={t('cacheProblem.recoverFailed', { message: error.message })} />}
      {confirming && (
        <ConfirmDialog
          title={t('cacheProblem.confirmTitle')}
          body={labels.confirmBody}
          confirmLabel={t('cacheProblem.confirmAccept')}
          onConfirm={() => void recover()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  )
}
