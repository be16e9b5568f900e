import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientDetail, StopImpact } from '../../../../../shared/contract'
import { useApi } from '../../../api/ApiContext'
import { holdBusy } from '../../../app/readiness'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { InlineError } from '../../../components/InlineError'
import { useFormatters } from '../../../i18n/useFormatters'
import { confirmsName } from '../clientDetail'
import type { Submit } from './useSubmit'

/**
 * Stopping in two steps: first what it costs (computed from the cache), then
 * the client's name typed to confirm. It goes to the outbox, so it can be
 * undone on Pending changes until it is sent.
 */
export function StopCollaboration({ detail, busy, submit }: { detail: ClientDetail; busy: boolean; submit: Submit }) {
  const { t } = useTranslation()
  const api = useApi()
  const typedId = useId()
  const typedRef = useRef<HTMLInputElement>(null)
  const [step, setStep] = useState<{ kind: 'idle' } | { kind: 'impact'; impact: StopImpact } | { kind: 'confirm' }>({ kind: 'idle' })
  const [loadError, setLoadError] = useState<string | null>(null)
  const [typed, setTyped] = useState('')
  const name = detail.client.name

  const preview = async (): Promise<void> => {
    setLoadError(null)
    const release = holdBusy()
    const result = await api.call('clients:impact', { id: detail.client.id })
    release()
    if (result.ok) setStep({ kind: 'impact', impact: result.value })
    else setLoadError(result.error.message)
  }
  const stop = async (): Promise<void> => {
    if (!confirmsName(typed, name)) return
    await submit('partnership', { kind: 'partnership.stop', partnershipId: detail.partnershipId })
    setStep({ kind: 'idle' })
    setTyped('')
  }
  return (
    <>
      <button type="button" className="button button-danger" disabled={busy} onClick={() => void preview()} data-testid="partnership-stop">
        {t('clientDetail.stop')}
      </button>
      {loadError !== null && <InlineError message={t('clientPage.impact.failed', { message: loadError })} onDismiss={() => setLoadError(null)} />}
      {step.kind === 'impact' && (
        <ConfirmDialog
          key="impact"
          title={t('clientDetail.stopTitle', { name })}
          body={t('clientPage.impact.intro', { name })}
          confirmLabel={t('clientDetail.stopContinue')}
          onConfirm={() => setStep({ kind: 'confirm' })}
          onCancel={() => setStep({ kind: 'idle' })}
          testId="partnership-stop-first"
        >
          <ImpactList impact={step.impact} />
        </ConfirmDialog>
      )}
      {step.kind === 'confirm' && (
        <ConfirmDialog
          key="confirm"
          title={t('clientDetail.stopTitle', { name })}
          body={t('clientDetail.stopTypeName', { name })}
          confirmLabel={t('clientDetail.stopConfirm')}
          busy={busy}
          confirmDisabled={!confirmsName(typed, name)}
          initialFocus={typedRef}
          onConfirm={() => void stop()}
          onCancel={() => {
            setStep({ kind: 'idle' })
            setTyped('')
          }}
          testId="partnership-stop-second"
        >
          <label htmlFor={typedId} className="field-hint">
            {t('clientDetail.stopNameLabel')}
          </label>
          <input
            id={typedId}
            ref={typedRef}
            className="input"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault()
                void stop()
              }
            }}
            data-testid="partnership-stop-name"
          />
          <p className="muted">{t('clientPage.impact.undo')}</p>
        </ConfirmDialog>
      )}
    </>
  )
}

function ImpactList({ impact }: { impact: StopImpact }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const pending = impact.pendingChanges.reduce((sum, entry) => sum + entry.count, 0)
  return (
    <ul className="impact-list" data-testid="stop-impact">
      <li data-testid="impact-products" data-count={impact.products}>
        {t('clientPage.impact.products', { count: impact.products, total: format.number(impact.products) })}
      </li>
      <li data-testid="impact-renewals" data-count={impact.renewals.length}>
        {t('clientPage.impact.renewals', { count: impact.renewals.length, total: format.number(impact.renewals.length), days: impact.renewalDays })}
        {impact.renewals.length > 0 && (
          <ul>
            {impact.renewals.slice(0, 5).map((renewal) => (
              <li key={renewal.id}>
                {renewal.name} · {format.date(renewal.expiredAt)}
              </li>
            ))}
            {impact.renewals.length > 5 && <li>{t('clientPage.impact.more', { count: impact.renewals.length - 5 })}</li>}
          </ul>
        )}
      </li>
      <li data-testid="impact-earnings">
        {impact.earnings12m.length === 0
          ? t('clientPage.impact.noEarnings')
          : t('clientPage.impact.earnings', { amount: impact.earnings12m.map((m) => format.money(m)).join(' · ') })}
      </li>
      <li data-testid="impact-invoices" data-holder={impact.invoicesHeldBy}>
        {t(`clientPage.impact.invoices.${impact.invoicesHeldBy}`)}
      </li>
      <li data-testid="impact-pending" data-count={pending}>
        {t('clientPage.impact.pending', { count: pending, total: format.number(pending) })}
      </li>
    </ul>
  )
}
