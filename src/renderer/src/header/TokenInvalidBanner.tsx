import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TokenDialog } from '../accounts/TokenDialog'
import { useAccounts } from '../session/AccountsContext'
import { useSync } from '../session/SyncContext'

/** Infomaniak refused the account's token (or none is stored): syncing waits for a new one. */
export function TokenInvalidBanner() {
  const { t } = useTranslation()
  const { availability, running, start } = useSync()
  const { accounts, apply } = useAccounts()
  const [open, setOpen] = useState(false)

  if (availability.kind !== 'ready' || running) return null
  const overview = accounts.value
  const account = overview?.accounts.find((candidate) => candidate.id === overview.active) ?? null
  // Refused at the last sync, or none stored at all (e.g. forgotten as compromised): no sync can work.
  if (!availability.status.tokenInvalid && (account === null || account.hasToken)) return null

  return (
    <div className="banner banner-danger" role="alert" data-testid="token-invalid-banner">
      <span>
        {account === null
          ? t('tokenBanner.bodyUnknown')
          : t(account.hasToken ? 'tokenBanner.body' : 'tokenBanner.bodyMissing', { label: account.label })}
      </span>
      {account !== null && overview !== null && (
        <button type="button" className="button button-primary" onClick={() => setOpen(true)} data-testid="token-invalid-enter">
          {t('tokenBanner.enter')}
        </button>
      )}
      {open && account !== null && overview !== null && (
        <TokenDialog
          account={account}
          protection={overview.protection}
          onCancel={() => setOpen(false)}
          onSaved={(saved) => {
            setOpen(false)
            apply({ ...overview, accounts: overview.accounts.map((known) => (known.id === saved.id ? saved : known)) })
            // The new token is proven by using it: sync at once.
            void start('incremental')
          }}
        />
      )}
    </div>
  )
}
