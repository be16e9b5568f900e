import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountSummary, TokenProtection } from '../../../shared/contract'
import type { AppError } from '../../../shared/result'
import { useApi } from '../api/ApiContext'
import { holdBusy } from '../app/readiness'
import { Dialog } from '../components/Dialog'
import { tokenProblem } from './accountForm'
import { UnprotectedConsent } from './UnprotectedConsent'

interface TokenDialogProps {
  account: AccountSummary
  protection: TokenProtection
  onSaved(account: AccountSummary): void
  onCancel(): void
}

/** "Enter a new token": replaces the account's stored token. The token is never shown back. */
export function TokenDialog({ account, protection, onSaved, onCancel }: TokenDialogProps) {
  const { t } = useTranslation()
  const api = useApi()
  const tokenId = useId()
  const hintId = useId()
  const errorId = useId()
  const [token, setToken] = useState('')
  const [acceptUnprotected, setAcceptUnprotected] = useState(false)
  const [askConsent, setAskConsent] = useState(protection === 'unprotected')
  const [refusedForConsent, setRefusedForConsent] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [saving, setSaving] = useState(false)
  const consentRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (refusedForConsent) consentRef.current?.focus()
  }, [refusedForConsent])

  const save = async (): Promise<void> => {
    const found = tokenProblem(token)
    setProblem(found === null ? null : t(`accounts.problems.${found}`))
    setError(null)
    if (found !== null) return
    setSaving(true)
    const release = holdBusy()
    const result = await api.call('accounts:setToken', { accountId: account.id, token: token.trim(), acceptUnprotected })
    release()
    setSaving(false)
    if (result.ok) {
      setToken('')
      onSaved(result.value)
      return
    }
    if (result.error.code === 'unprotected_storage') {
      setAskConsent(true)
      setRefusedForConsent(true)
      return
    }
    setError(result.error)
  }

  return (
    <Dialog title={t('accounts.tokenDialog.title', { label: account.label })} onCancel={() => !saving && onCancel()} testId="token-dialog">
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <p className="muted">{t('accounts.tokenDialog.body')}</p>
        <div className="field">
          <label htmlFor={tokenId}>{t('accounts.token')}</label>
          <input
            id={tokenId}
            type="password"
            className="input"
            value={token}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem !== null ? `${errorId} ${hintId}` : hintId}
            onChange={(event) => setToken(event.target.value)}
            data-testid="token-input"
          />
          <p id={hintId} className="field-hint">
            {t('accounts.tokenHint')}
          </p>
          {problem !== null && (
            <p id={errorId} className="field-error" data-testid="token-input-error">
              {problem}
            </p>
          )}
        </div>
        {askConsent && (
          <UnprotectedConsent
            checked={acceptUnprotected}
            onChange={setAcceptUnprotected}
            highlight={refusedForConsent && !acceptUnprotected}
            inputRef={consentRef}
            testIdPrefix="token"
          />
        )}
        {protection === 'unavailable' && <p className="warning-box">{t('accounts.protection.unavailable')}</p>}
        {error !== null && (
          <p className="inline-error" role="alert" data-testid="token-error">
            {t('accounts.tokenDialog.failed', { message: error.message })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" disabled={saving} onClick={onCancel} data-testid="token-cancel">
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving} data-testid="token-save">
            {saving ? t('accounts.tokenDialog.saving') : t('accounts.tokenDialog.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
