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
  return (
    <BlockedScreen title={t('cacheProblem.corruptTitle')} testId="cache-problem">
      <p>{t('cacheProblem.corruptBody', { message: status.message })}</p>
      <p>{t('cacheProblem.corruptAdvice')}</p>
      <RecoverAction onRecovered={onRecovered} />
    </BlockedScreen>
  )
}

function RecoverAction({ onRecovered }: { onRecovered(outcome: RecoverOutcome): void }) {
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
          {t('cacheProblem.recover')}
        </button>
        {running && <span role="status">{t('cacheProblem.recovering')}</span>}
      </div>
      {error && <InlineError message={t('cacheProblem.recoverFailed', { message: error.message })} />}
      {confirming && (
        <ConfirmDialog
          title={t('cacheProblem.confirmTitle')}
          body={t('cacheProblem.confirmBody')}
          confirmLabel={t('cacheProblem.confirmAccept')}
          onConfirm={() => void recover()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  )
}
