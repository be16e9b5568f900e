import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../shared/result'
import { useAccounts } from '../session/AccountsContext'

const DEMO = '__demo__'

export interface SwitchFailure {
  error: AppError
  retry(): void
}

/** Which data the window shows: the demo or one of the user's Infomaniak accounts. */
export function AccountSwitcher({ onFailure }: { onFailure(failure: SwitchFailure | null): void }) {
  const { t } = useTranslation()
  const selectId = useId()
  const { accounts, unsupported, switching, switchTo } = useAccounts()
  const [failed, setFailed] = useState(false)
  const overview = accounts.value

  if (unsupported) return null
  if (overview === null) {
    if (accounts.error === null) return null
    return (
      <button
        type="button"
        className="button button-quiet header-problem"
        title={t('header.accountsUnavailableTitle', { message: accounts.error.message })}
        onClick={accounts.reload}
        data-testid="account-switcher-error"
      >
        {t('header.accountsUnavailable')}
      </button>
    )
  }
  // With no account added there is nothing to switch between.
  if (overview.accounts.length === 0) return null

  const open = (accountId: string | null): void => {
    onFailure(null)
    setFailed(false)
    void switchTo(accountId).then((error) => {
      if (error === null) return
      setFailed(true)
      onFailure({ error, retry: () => open(accountId) })
    })
  }

  const busy = switching !== undefined
  const value = busy ? (switching ?? DEMO) : (overview.active ?? DEMO)
  return (
    <div className="account-switcher">
      <label htmlFor={selectId} className="visually-hidden">
        {t('header.accountLabel')}
      </label>
      <select
        id={selectId}
        className="select select-compact"
        value={value}
        disabled={busy}
        aria-busy={busy}
        aria-invalid={failed || undefined}
        onChange={(event) => open(event.target.value === DEMO ? null : event.target.value)}
        data-testid="account-switcher"
      >
        <option value={DEMO}>{t('header.demoAccount')}</option>
        {overview.accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.hasToken ? account.label : t('header.accountNoToken', { label: account.label })}
          </option>
        ))}
      </select>
      {busy && (
        <span role="status" className="muted" data-testid="account-switching">
          {t('header.switching')}
        </span>
      )}
    </div>
  )
}
