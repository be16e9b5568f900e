import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import type { AccountSummary, AccountsOverview, Input } from '../../../shared/contract'
import type { AppError, Result } from '../../../shared/result'
import { useApi } from '../api/ApiContext'
import { holdBusy } from '../app/readiness'
import { useCoreLoad, type CoreLoad } from '../app/useCoreLoad'
import { useAppControl } from './AppControl'
import { isAccountsUnsupported } from './syncView'

interface AccountsValue {
  accounts: CoreLoad<AccountsOverview>
  /** This window's host keeps no accounts (a test or command-line host): nothing to show or switch. */
  unsupported: boolean
  /** The account being opened (null: the demo), or undefined when no switch is under way. */
  switching: string | null | undefined
  /** Opens another account's data (null: the demo); the shell then starts afresh. Resolves with the error, if any. */
  switchTo(accountId: string | null): Promise<AppError | null>
  /** Adds an account; the app opens it and starts its first sync, so the shell starts afresh on it. */
  add(input: Input<'accounts:add'>): Promise<Result<AccountSummary>>
  /** "Token compromised?"; when it erased the open account's data, the shell starts afresh on what is open now. */
  compromised(input: Input<'accounts:compromised'>): Promise<Result<AccountsOverview>>
  /** Takes a fresher overview (e.g. a mutation's answer). */
  apply(overview: AccountsOverview): void
}

const AccountsContext = createContext<AccountsValue | null>(null)

export function AccountsProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const control = useAppControl()
  const accounts = useCoreLoad(() => api.call('accounts:list', {}), api)
  const [switching, setSwitching] = useState<string | null | undefined>(undefined)
  const switchingRef = useRef(false)
  // The account whose data this shell shows, as first read.
  const shown = useRef<string | null | undefined>(undefined)
  if (shown.current === undefined && accounts.value !== null) shown.current = accounts.value.active

  const { set } = accounts
  const apply = useCallback((overview: AccountsOverview) => set(() => overview), [set])

  useEffect(
    () =>
      api.subscribe('accounts:changed', (overview) => {
        apply(overview)
        // Another window (or the app itself, e.g. after a token was found compromised)
        // opened another account: what this shell shows is not that account's data.
        if (!switchingRef.current && shown.current !== undefined && overview.active !== shown.current) void control.reload()
      }),
    [api, apply, control],
  )

  const switchTo = useCallback(
    async (accountId: string | null): Promise<AppError | null> => {
      switchingRef.current = true
      setSwitching(accountId)
      const release = holdBusy()
      try {
        const result = await api.call('accounts:switch', { accountId })
        if (!result.ok) return result.error
        await control.reopen(result.value)
        return null
      } finally {
        release()
        switchingRef.current = false
        setSwitching(undefined)
      }
    },
    [api, control],
  )

  /** Runs an account change whose `accounts:changed` must not start a second reload. */
  const changing = useCallback(async <T,>(run: () => Promise<T>): Promise<T> => {
    switchingRef.current = true
    const release = holdBusy()
    try {
      return await run()
    } finally {
      release()
      switchingRef.current = false
    }
  }, [])

  const add = useCallback(
    (input: Input<'accounts:add'>) =>
      changing(async () => {
        const result = await api.call('accounts:add', input)
        // The app opened the new account already: show its data.
        if (result.ok) await control.reload([{ kind: 'accountAdded', label: result.value.label }])
        return result
      }),
    [api, changing, control],
  )

  const compromised = useCallback(
    (input: Input<'accounts:compromised'>) =>
      changing(async () => {
        const result = await api.call('accounts:compromised', input)
        if (result.ok) {
          apply(result.value)
          // Its data was erased and another cache opened in its place.
          if (result.value.active !== shown.current) {
            const label = accounts.value?.accounts.find((account) => account.id === input.accountId)?.label ?? ''
            await control.reload([{ kind: 'accountWiped', label }])
          }
        }
        return result
      }),
    [api, apply, changing, control, accounts.value],
  )

  const unsupported = accounts.error !== null && accounts.value === null && isAccountsUnsupported(accounts.error)
  return (
    <AccountsContext.Provider value={{ accounts, unsupported, switching, switchTo, add, compromised, apply }}>
      {children}
    </AccountsContext.Provider>
  )
}

export function useAccounts(): AccountsValue {
  const value = useContext(AccountsContext)
  if (value === null) throw new Error('useAccounts needs an AccountsProvider above it')
  return value
}
