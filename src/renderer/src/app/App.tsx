import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { BlockedScreen } from '../components/BlockedScreen'
import { InlineError } from '../components/InlineError'
import { CacheProblemScreen } from '../screens/cache/CacheProblemScreen'
import { AccountsProvider } from '../session/AccountsContext'
import { AppControlProvider } from '../session/AppControl'
import { CountsProvider } from '../session/CountsContext'
import { SyncProvider } from '../session/SyncContext'
import { FollowSystemTheme } from '../theme/useAppliedTheme'
import { AppShell } from './AppShell'
import { CacheInfoProvider } from './CacheInfoContext'
import { RouterProvider } from './Router'
import { useStartup } from './useStartup'

export function App() {
  const { t } = useTranslation()
  const { startup, retry, recovered, reopen, reload } = useStartup()
  const control = useMemo(() => ({ reopen, reload }), [reopen, reload])

  switch (startup.phase) {
    case 'starting':
      return (
        <>
          <FollowSystemTheme />
          <main className="starting" role="status" data-testid="app-starting">
            {t('app.starting')}
          </main>
        </>
      )
    case 'failed':
      return (
        <>
          <FollowSystemTheme />
          <BlockedScreen title={t('startup.errorTitle')} testId="startup-error">
            <InlineError message={t('startup.errorBody', { message: startup.error.message })} onRetry={retry} />
          </BlockedScreen>
        </>
      )
    case 'cache-problem':
      return (
        <>
          <FollowSystemTheme />
          <CacheProblemScreen status={startup.status} onRecovered={recovered} />
        </>
      )
    case 'ready':
      // Keyed by epoch: another account's cache gets a shell with nothing carried over.
      return (
        <AppControlProvider value={control}>
          <CacheInfoProvider key={startup.epoch}>
            <AccountsProvider>
              <SyncProvider>
                <CountsProvider>
                  <RouterProvider>
                    <AppShell
                      startupDataset={startup.dataset}
                      initialSettings={startup.settings}
                      initialNotices={startup.notices}
                    />
                  </RouterProvider>
                </CountsProvider>
              </SyncProvider>
            </AccountsProvider>
          </CacheInfoProvider>
        </AppControlProvider>
      )
  }
}
