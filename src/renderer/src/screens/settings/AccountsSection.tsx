import { useEffect, useId, useRef, useState, type RefObject } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { AccountSummary, AccountsOverview, ConnectionReport } from '../../../../shared/contract'
import type { AppError } from '../../../../shared/result'
import { accountProblems, addAccountInput, connectionKey, hasProblems, partnerOf, pickedOrganization, type AccountDraft, type AccountProblems } from '../../accounts/accountForm'
import { ConnectionResult } from '../../accounts/ConnectionResult'
import { EditAccountDialog } from '../../accounts/EditAccountDialog'
import { useApi } from '../../api/ApiContext'
import { TokenDialog } from '../../accounts/TokenDialog'
import { UnprotectedConsent } from '../../accounts/UnprotectedConsent'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { InlineError } from '../../components/InlineError'
import { Notice } from '../../components/Notice'
import { useAccounts } from '../../session/AccountsContext'
import { useSync } from '../../session/SyncContext'

type SectionNotice = { kind: 'added'; label: string } | { kind: 'tokenSaved'; label: string } | { kind: 'forgotten'; label: string; wiped: boolean }

/** Settings → Accounts: the user's Infomaniak accounts, adding one, and what to do when a token leaks. */
export function AccountsSection({ focusAdd }: { focusAdd: number }) {
  const { t } = useTranslation()
  const { accounts, unsupported } = useAccounts()
  const [notice, setNotice] = useState<SectionNotice | null>(null)
  const sectionRef = useRef<HTMLDivElement>(null)
  const labelRef = useRef<HTMLInputElement>(null)

  // Sent here by the header's "Add an account to sync".
  useEffect(() => {
    if (focusAdd === 0) return
    sectionRef.current?.scrollIntoView({ block: 'start' })
    labelRef.current?.focus()
  }, [focusAdd, accounts.value])

  const overview = accounts.value
  return (
    <div className="settings-group" ref={sectionRef} aria-labelledby="accounts-title" role="group" data-testid="accounts-section">
      <h2 id="accounts-title" className="section-title">
        {t('accounts.title')}
      </h2>
      <p className="muted">{t('accounts.intro')}</p>
      {unsupported ? (
        <p className="muted" data-testid="accounts-unsupported">
          {t('accounts.unsupported')}
        </p>
      ) : (
        <>
          {accounts.error && <InlineError message={t('accounts.loadError', { message: accounts.error.message })} onRetry={accounts.reload} />}
          {overview === null ? (
            accounts.loading && (
              <p role="status" className="muted">
                {t('accounts.loading')}
              </p>
            )
          ) : (
            <>
              <p className={overview.protection === 'os_keystore' ? 'muted' : 'warning-box'} data-testid="accounts-protection">
                {t(`accounts.protection.${overview.protection}`)}
              </p>
              {notice && <Notice message={noticeText(t, notice)} onDismiss={() => setNotice(null)} testId="accounts-notice" />}
              <AccountList overview={overview} onNotice={setNotice} />
              <AddAccountForm overview={overview} labelRef={labelRef} onAdded={(label) => setNotice({ kind: 'added', label })} />
            </>
          )}
        </>
      )}
    </div>
  )
}

function noticeText(t: TFunction, notice: SectionNotice): string {
  switch (notice.kind) {
    case 'added':
      return t('accounts.added', { label: notice.label })
    case 'tokenSaved':
      return t('accounts.tokenSaved', { label: notice.label })
    case 'forgotten':
      return notice.wiped ? t('accounts.forgottenWiped', { label: notice.label }) : t('accounts.forgotten', { label: notice.label })
  }
}

function AccountList({ overview, onNotice }: { overview: AccountsOverview; onNotice(notice: SectionNotice): void }) {
  const { t } = useTranslation()
  const { switching, switchTo, apply } = useAccounts()
  const sync = useSync()
  const [switchFailure, setSwitchFailure] = useState<{ error: AppError; accountId: string | null } | null>(null)
  const [replacing, setReplacing] = useState<AccountSummary | null>(null)
  const [compromised, setCompromised] = useState<AccountSummary | null>(null)
  const [editing, setEditing] = useState<AccountSummary | null>(null)
  const [removing, setRemoving] = useState<AccountSummary | null>(null)
  const [removeError, setRemoveError] = useState<AppError | null>(null)
  const api = useApi()

  const remove = async (account: AccountSummary): Promise<void> => {
    setRemoveError(null)
    const result = await api.call('accounts:remove', { accountId: account.id })
    setRemoving(null)
    if (!result.ok) setRemoveError(result.error)
  }

  const open = async (accountId: string | null): Promise<void> => {
    setSwitchFailure(null)
    const error = await switchTo(accountId)
    if (error !== null) setSwitchFailure({ error, accountId })
  }
  const busy = switching !== undefined

  return (
    <>
      {switchFailure && (
        <InlineError
          message={t('accounts.switchFailed', { message: switchFailure.error.message })}
          onRetry={() => void open(switchFailure.accountId)}
          onDismiss={() => setSwitchFailure(null)}
        />
      )}
      <ul className="account-list" data-testid="accounts-list">
        <li className="account-item" data-testid="account-item-demo" aria-current={overview.active === null || undefined}>
          <div className="account-body">
            <p className="account-label">
              {t('header.demoAccount')}
              {overview.active === null && <span className="badge badge-active">{t('accounts.active')}</span>}
            </p>
            <p className="muted">{t('accounts.demoDescription')}</p>
          </div>
          {overview.active !== null && (
            <div className="account-actions">
              <button type="button" className="button" disabled={busy} onClick={() => void open(null)} data-testid="account-open-demo">
                {t('accounts.openDemo')}
              </button>
            </div>
          )}
        </li>
        {overview.accounts.map((account) => {
          const active = overview.active === account.id
          return (
            <li key={account.id} className="account-item" data-testid="account-item" data-account-id={account.id} aria-current={active || undefined}>
              <div className="account-body">
                <p className="account-label" data-testid="account-label">
                  {account.label}
                  {active && <span className="badge badge-active">{t('accounts.active')}</span>}
                </p>
                <p className="muted account-url">{account.baseUrl}</p>
                <p className={account.hasToken ? 'muted' : 'field-error'} data-testid="account-token-state">
                  {account.hasToken ? t('accounts.tokenStored') : t('accounts.tokenMissing')}
                </p>
              </div>
              <div className="account-actions">
                {!active && (
                  <button type="button" className="button" disabled={busy} onClick={() => void open(account.id)} data-testid="account-open">
                    {switching === account.id ? t('header.switching') : t('accounts.open')}
                  </button>
                )}
                {active && sync.availability.kind === 'ready' && (
                  <button
                    type="button"
                    className="button"
                    disabled={sync.running}
                    onClick={() => void sync.start('full')}
                    title={t('accounts.fullSyncTitle')}
                    data-testid="account-full-sync"
                  >
                    {t('accounts.fullSync')}
                  </button>
                )}
                <button type="button" className="button" onClick={() => setReplacing(account)} data-testid="account-replace-token">
                  {account.hasToken ? t('accounts.replaceToken') : t('accounts.enterToken')}
                </button>
                <button
                  type="button"
                  className="button button-danger-quiet"
                  disabled={!account.hasToken}
                  onClick={() => setCompromised(account)}
                  data-testid="account-compromised"
                >
                  {t('accounts.compromised')}
                </button>
                <button type="button" className="button" onClick={() => setEditing(account)} data-testid="account-edit">
                  {t('accounts.edit')}
                </button>
                <button type="button" className="button button-danger-quiet" onClick={() => setRemoving(account)} data-testid="account-remove">
                  {t('accounts.remove')}
                </button>
              </div>
            </li>
          )
        })}
      </ul>
      {removeError && <InlineError message={t('accounts.removeFailed', { message: removeError.message })} onDismiss={() => setRemoveError(null)} />}
      {editing && (
        <EditAccountDialog
          account={editing}
          otherLabels={overview.accounts.filter((account) => account.id !== editing.id).map((account) => account.label)}
          onDone={() => setEditing(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('accounts.removeTitle', { label: removing.label })}
          body={t('accounts.removeBody')}
          confirmLabel={t('accounts.removeConfirm')}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
          testId="account-remove-dialog"
        />
      )}
      {replacing && (
        <TokenDialog
          account={replacing}
          protection={overview.protection}
          onCancel={() => setReplacing(null)}
          onSaved={(saved) => {
            setReplacing(null)
            apply({ ...overview, accounts: overview.accounts.map((known) => (known.id === saved.id ? saved : known)) })
            onNotice({ kind: 'tokenSaved', label: saved.label })
            // Syncing waited for this token: prove it at once, as the banner's button does.
            const waiting = sync.availability.kind === 'ready' && sync.availability.status.tokenInvalid
            if (overview.active === saved.id && (waiting || !replacing?.hasToken) && !sync.running) void sync.start('incremental')
          }}
        />
      )}
      {compromised && (
        <CompromisedDialog
          account={compromised}
          onCancel={() => setCompromised(null)}
          onDone={(wiped) => {
            setCompromised(null)
            onNotice({ kind: 'forgotten', label: compromised.label, wiped })
          }}
        />
      )}
    </>
  )
}

/** "Token compromised?": forget the token at once, stop syncing, and on request erase the account's local data. */
function CompromisedDialog({
  account,
  onCancel,
  onDone,
}: {
  account: AccountSummary
  onCancel(): void
  onDone(wiped: boolean): void
}) {
  const { t } = useTranslation()
  const { compromised } = useAccounts()
  const [wipe, setWipe] = useState(false)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const wipeHintId = useId()

  const confirm = async (): Promise<void> => {
    setRunning(true)
    setError(null)
    // When this erased the open account's data, the app opens afresh on what is open now, and says so.
    const result = await compromised({ accountId: account.id, wipeData: wipe })
    setRunning(false)
    if (result.ok) onDone(wipe)
    else setError(result.error)
  }

  return (
    <ConfirmDialog
      title={t('accounts.compromisedTitle', { label: account.label })}
      body={t('accounts.compromisedBody', { label: account.label })}
      confirmLabel={wipe ? t('accounts.compromisedAcceptWipe') : t('accounts.compromisedAccept')}
      busy={running}
      onCancel={onCancel}
      onConfirm={() => void confirm()}
    >
      <label className="checkbox dialog-choice">
        <input
          type="checkbox"
          checked={wipe}
          disabled={running}
          aria-describedby={wipeHintId}
          onChange={(event) => setWipe(event.target.checked)}
          data-testid="account-compromised-wipe"
        />
        {t('accounts.compromisedWipe')}
      </label>
      <p id={wipeHintId} className="field-hint">
        {t('accounts.compromisedWipeHint')}
      </p>
      {error && (
        <p className="inline-error" role="alert" data-testid="account-compromised-error">
          {t('accounts.compromisedFailed', { message: error.message })}
        </p>
      )}
    </ConfirmDialog>
  )
}

const EMPTY_DRAFT: AccountDraft = { label: '', token: '', baseUrl: '' }

function AddAccountForm({
  overview,
  labelRef,
  onAdded,
}: {
  overview: AccountsOverview
  labelRef: RefObject<HTMLInputElement | null>
  onAdded(label: string): void
}) {
  const { t } = useTranslation()
  const { add } = useAccounts()
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_DRAFT)
  const [problems, setProblems] = useState<AccountProblems>({})
  const [acceptUnprotected, setAcceptUnprotected] = useState(false)
  const [askConsent, setAskConsent] = useState(overview.protection === 'unprotected')
  const [refusedForConsent, setRefusedForConsent] = useState(false)
  const [advanced, setAdvanced] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const api = useApi()
  const [tested, setTested] = useState<{ key: string; report: ConnectionReport } | null>(null)
  const [picked, setPicked] = useState<number | null>(null)
  const [testing, setTesting] = useState(false)
  const [pickMissing, setPickMissing] = useState(false)
  const tokenRef = useRef<HTMLInputElement>(null)
  const baseUrlRef = useRef<HTMLInputElement>(null)
  const consentRef = useRef<HTMLInputElement>(null)
  const ids = { label: useId(), token: useId(), baseUrl: useId(), hint: useId(), urlHint: useId() }

  const edit = (patch: Partial<AccountDraft>): void => {
    setDraft((d) => ({ ...d, ...patch }))
    // A field's problem goes as soon as the user touches it; the next submit checks again.
    setProblems((p) => {
      const next = { ...p }
      for (const key of Object.keys(patch) as (keyof AccountDraft)[]) delete next[key]
      return next
    })
  }

  /** Tries the token (GET /2/profile, GET /1/accounts) before anything is stored; null when it failed, said in place. */
  const test = async (): Promise<ConnectionReport | null> => {
    const key = connectionKey(draft)
    if (tested?.key === key) return tested.report
    setTesting(true)
    const { token, baseUrl } = addAccountInput(draft, false)
    const result = await api.call('accounts:test', { token, ...(baseUrl === undefined ? {} : { baseUrl }) })
    setTesting(false)
    if (!result.ok) {
      setTested(null)
      setError(result.error)
      return null
    }
    setTested({ key, report: result.value })
    const current = result.value.organizations.find((org) => org.own && org.id === result.value.current)
    setPicked(current?.id ?? null)
    return result.value
  }

  const testOnly = async (): Promise<void> => {
    setError(null)
    const found = accountProblems(draft, overview.accounts.map((account) => account.label))
    const connection = { ...(found.token ? { token: found.token } : {}), ...(found.baseUrl ? { baseUrl: found.baseUrl } : {}) }
    setProblems(connection)
    if (!hasProblems(connection)) await test()
  }

  const submit = async (): Promise<void> => {
    setError(null)
    setPickMissing(false)
    const found = accountProblems(
      draft,
      overview.accounts.map((account) => account.label),
    )
    setProblems(found)
    if (hasProblems(found)) {
      if (found.label) labelRef.current?.focus()
      else if (found.token) tokenRef.current?.focus()
      else if (found.baseUrl) {
        setAdvanced(true)
        // The field is inside <details>: focus once it is open.
        requestAnimationFrame(() => baseUrlRef.current?.focus())
      }
      return
    }
    // The token is tried first: an account is saved only once its token answered.
    const report = await test()
    if (report === null) return
    if (partnerOf(report, picked) === null) {
      setPickMissing(true)
      return
    }
    setSaving(true)
    // On success the app opens the new account (its first sync starts) and this screen is replaced.
    const result = await add(addAccountInput(draft, acceptUnprotected, pickedOrganization(report, picked)))
    setSaving(false)
    if (result.ok) {
      // The token is never kept once stored.
      setDraft(EMPTY_DRAFT)
      onAdded(result.value.label)
      return
    }
    if (result.error.code === 'unprotected_storage') {
      setAskConsent(true)
      setRefusedForConsent(true)
      requestAnimationFrame(() => consentRef.current?.focus())
    } else {
      setError(result.error)
    }
  }

  const fieldError = (key: keyof AccountProblems, id: string) =>
    problems[key] ? (
      <p id={`${id}-error`} className="field-error" data-testid={`account-${key === 'baseUrl' ? 'base-url' : key}-error`}>
        {t(`accounts.problems.${problems[key]}`)}
      </p>
    ) : null
  const describedBy = (key: keyof AccountProblems, id: string, hint?: string) =>
    [problems[key] ? `${id}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined

  return (
    <form
      className="form add-account"
      noValidate
      aria-labelledby="add-account-title"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
      data-testid="account-add-form"
    >
      <h3 id="add-account-title" className="subsection-title">
        {t('accounts.addTitle')}
      </h3>
      <div className="field">
        <label htmlFor={ids.label}>{t('accounts.label')}</label>
        <input
          ref={labelRef}
          id={ids.label}
          className="input"
          value={draft.label}
          maxLength={200}
          autoComplete="off"
          placeholder={t('accounts.labelPlaceholder')}
          aria-invalid={problems.label !== undefined || undefined}
          aria-describedby={describedBy('label', ids.label)}
          onChange={(event) => edit({ label: event.target.value })}
          data-testid="account-label-input"
        />
        {fieldError('label', ids.label)}
      </div>
      <div className="field">
        <label htmlFor={ids.token}>{t('accounts.token')}</label>
        <input
          ref={tokenRef}
          id={ids.token}
          type="password"
          className="input"
          value={draft.token}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problems.token !== undefined || undefined}
          aria-describedby={describedBy('token', ids.token, ids.hint)}
          onChange={(event) => edit({ token: event.target.value })}
          data-testid="account-token-input"
        />
        <p id={ids.hint} className="field-hint">
          {t('accounts.tokenHint')}
        </p>
        {fieldError('token', ids.token)}
      </div>
      <details className="advanced" open={advanced} onToggle={(event) => setAdvanced(event.currentTarget.open)} data-testid="account-advanced">
        <summary>{t('accounts.advanced')}</summary>
        <div className="field">
          <label htmlFor={ids.baseUrl}>{t('accounts.baseUrl')}</label>
          <input
            ref={baseUrlRef}
            id={ids.baseUrl}
            type="url"
            className="input"
            value={draft.baseUrl}
            autoComplete="off"
            spellCheck={false}
            placeholder="https://api.infomaniak.com"
            aria-invalid={problems.baseUrl !== undefined || undefined}
            aria-describedby={describedBy('baseUrl', ids.baseUrl, ids.urlHint)}
            onChange={(event) => edit({ baseUrl: event.target.value })}
            data-testid="account-base-url-input"
          />
          <p id={ids.urlHint} className="field-hint">
            {t('accounts.baseUrlHint')}
          </p>
          {fieldError('baseUrl', ids.baseUrl)}
        </div>
      </details>
      {askConsent && (
        <UnprotectedConsent
          checked={acceptUnprotected}
          onChange={setAcceptUnprotected}
          highlight={refusedForConsent && !acceptUnprotected}
          inputRef={consentRef}
          testIdPrefix="account"
        />
      )}
      {tested?.key === connectionKey(draft) && (
        <ConnectionResult
          report={tested.report}
          picked={picked}
          onPick={(id) => {
            setPicked(id)
            setPickMissing(false)
          }}
        />
      )}
      {pickMissing && (
        <p className="field-error" role="alert" data-testid="account-pick-missing">
          {t('accounts.pickRequired')}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="account-add-error">
          {t('accounts.addFailed', { message: error.message })}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={saving || testing} onClick={() => void testOnly()} data-testid="account-test">
          {testing ? t('accounts.testing') : t('accounts.test')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving || testing} data-testid="account-add-submit">
          {saving ? t('accounts.adding') : t('accounts.add')}
        </button>
      </div>
    </form>
  )
}
