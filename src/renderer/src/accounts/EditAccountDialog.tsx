import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../shared/contract'
import type { AppError } from '../../../shared/result'
import { useApi } from '../api/ApiContext'
import { Dialog } from '../components/Dialog'
import { baseUrlProblem, labelProblem } from './accountForm'

/** A new label or API address for an account; the token stays as it is (it has its own dialog). */
export function EditAccountDialog({ account, otherLabels, onDone }: { account: AccountSummary; otherLabels: readonly string[]; onDone(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const ids = { label: useId(), baseUrl: useId() }
  const [label, setLabel] = useState(account.label)
  const [baseUrl, setBaseUrl] = useState(account.baseUrl)
  const [error, setError] = useState<AppError | null>(null)
  const [saving, setSaving] = useState(false)
  const problems = { label: labelProblem(label, otherLabels), baseUrl: baseUrlProblem(baseUrl) }
  const invalid = problems.label !== null || problems.baseUrl !== null

  const save = async (): Promise<void> => {
    if (invalid) return
    setSaving(true)
    const result = await api.call('accounts:update', { accountId: account.id, label: label.trim(), baseUrl: baseUrl.trim() })
    setSaving(false)
    if (result.ok) onDone()
    else setError(result.error)
  }

  return (
    <Dialog title={t('accounts.editTitle', { label: account.label })} onCancel={onDone} testId="account-edit-dialog">
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <div className="field">
          <label htmlFor={ids.label}>{t('accounts.label')}</label>
          <input id={ids.label} className="input" value={label} onChange={(event) => setLabel(event.target.value)} data-testid="account-edit-label" />
          {problems.label && <p className="field-error">{t(`accounts.problems.${problems.label}`)}</p>}
        </div>
        <div className="field">
          <label htmlFor={ids.baseUrl}>{t('accounts.baseUrl')}</label>
          <input id={ids.baseUrl} type="url" className="input" value={baseUrl} spellCheck={false} onChange={(event) => setBaseUrl(event.target.value)} data-testid="account-edit-base-url" />
          {problems.baseUrl && <p className="field-error">{t(`accounts.problems.${problems.baseUrl}`)}</p>}
        </div>
        {error && (
          <p className="inline-error" role="alert" data-testid="account-edit-error">
            {t('accounts.editFailed', { message: error.message })}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving || invalid} data-testid="account-edit-save">
            {t('accounts.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
