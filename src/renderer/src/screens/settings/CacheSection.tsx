import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CacheInfo, DemoProgress } from '../../../../shared/contract'
import type { AppError } from '../../../../shared/result'
import { useApi } from '../../api/ApiContext'
import { holdBusy } from '../../app/readiness'
import { CacheInfoStatus } from '../../components/CacheInfoStatus'
import { InlineError } from '../../components/InlineError'
import { useFormatters } from '../../i18n/useFormatters'
import { useSync } from '../../session/SyncContext'

const COUNT_KEYS = [
  'clients',
  'partnerships',
  'products',
  'billingLines',
  'invoices',
  'tenders',
  'tags',
  'outbox',
] as const satisfies readonly (keyof CacheInfo['counts'])[]

export function CacheSection() {
  const { t } = useTranslation()
  // An account's cache fills by syncing: demo data there would mix with the account's own.
  const demoAllowed = useSync().availability.kind === 'noAccount'
  return (
    <div className="settings-group" data-testid="cache-info">
      <h2 className="section-title">{t('settings.cache.title')}</h2>
      <p className="muted">{t('settings.cache.intro')}</p>
      <CacheInfoStatus>
        {(info) => (
          <>
            <CacheFacts info={info} />
            {info.dataset.kind === 'empty' && demoAllowed && <DemoGenerator />}
          </>
        )}
      </CacheInfoStatus>
    </div>
  )
}

function CacheFacts({ info }: { info: CacheInfo }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const dataset =
    info.dataset.kind === 'demo'
      ? t('settings.cache.datasetDemo', { size: t(`settings.cache.demoSizes.${info.dataset.size}`) })
      : info.dataset.kind === 'account'
        ? t('settings.cache.datasetAccount')
        : t('settings.cache.datasetEmpty')
  const integrity = {
    ok: t('settings.cache.integrityOk'),
    checking: t('settings.cache.integrityChecking'),
    unchecked: t('settings.cache.integrityUnchecked'),
  }[info.integrity]
  return (
    <dl className="facts">
      <Fact label={t('settings.cache.dataset')} testId="cache-dataset">
        {dataset}
      </Fact>
      <Fact label={t('settings.cache.schemaVersion')}>{format.number(info.schemaVersion)}</Fact>
      <Fact label={t('settings.cache.integrity')} testId="cache-integrity">
        {integrity}
      </Fact>
      {COUNT_KEYS.map((key) => (
        <Fact key={key} label={t(`settings.cache.counts.${key}`)} className="numeric" testId={`cache-count-${key}`}>
          {format.number(info.counts[key])}
        </Fact>
      ))}
    </dl>
  )
}

function Fact({
  label,
  className,
  testId,
  children,
}: {
  label: string
  className?: string
  testId?: string
  children: ReactNode
}) {
  return (
    <div className="facts-row">
      <dt>{label}</dt>
      <dd className={className} data-testid={testId}>
        {children}
      </dd>
    </div>
  )
}

/** Offered only on an empty cache, so it can never overwrite anyone's data. */
function DemoGenerator() {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const [running, setRunning] = useState(false)
  const [progress, setProgress] = useState<DemoProgress | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => api.subscribe('demo:progress', setProgress), [api])

  const generate = async (): Promise<void> => {
    setRunning(true)
    setError(null)
    const release = holdBusy()
    // On success the core also sends `cache:changed`, which reloads the info and the lists.
    const result = await api.call('demo:generate', { size: 'small' })
    release()
    setRunning(false)
    setProgress(null)
    if (!result.ok) setError(result.error)
  }

  return (
    <div className="demo-generator">
      <p>{t('settings.demo.intro')}</p>
      <button
        type="button"
        className="button button-primary"
        disabled={running}
        onClick={() => void generate()}
        data-testid="demo-generate"
      >
        {t('settings.demo.generate')}
      </button>
      {running && (
        <div role="status" className="demo-progress">
          {progress ? (
            <>
              <progress max={progress.total} value={progress.done} />
              <span>
                {t('settings.demo.progress', {
                  phase: t(`settings.demo.phases.${progress.phase}`),
                  done: format.number(progress.done),
                  total: format.number(progress.total),
                })}
              </span>
            </>
          ) : (
            t('settings.demo.running')
          )}
        </div>
      )}
      {error && <InlineError message={t('settings.demo.failed', { message: error.message })} />}
    </div>
  )
}
