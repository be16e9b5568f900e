import { useCallback, useEffect, useRef, useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Dataset } from '../../../shared/contract'
import type { Settings } from '../../../shared/settings'
import { InlineError } from '../components/InlineError'
import { Notice } from '../components/Notice'
import { AccountSwitcher, type SwitchFailure } from '../header/AccountSwitcher'
import { ConnectionIndicator } from '../header/ConnectionIndicator'
import { SyncControl } from '../header/SyncControl'
import { SyncNotices } from '../header/SyncNotices'
import { TokenInvalidBanner } from '../header/TokenInvalidBanner'
import { UpdateBanner } from '../header/UpdateBanner'
import { useFormatters } from '../i18n/useFormatters'
import { ClientsNav } from '../screens/clients/ClientsNav'
import { ClientsScreen } from '../screens/clients/ClientsScreen'
import { RenewalReminders } from '../screens/renewals/RenewalReminders'
import { TenderNotices } from '../screens/tenders/TenderNotices'
import { useCounts } from '../session/CountsContext'
import { useAppliedTheme } from '../theme/useAppliedTheme'
import { useCacheInfo } from './CacheInfoContext'
import { lazyScreen } from './lazyScreen'
import type { AppNotice } from './notices'
import { afterFirstReady } from './readiness'
import { CLIENTS_ROUTE, formatRoute, navScreen, type ClientsRoute } from './route'
import { useRouter } from './Router'
import { SCREENS, screenForShortcut, type Screen } from './screens'
import { useSettings } from './useSettings'

// Every screen but the clients table comes in a chunk of its own (billing's brings the chart
// library): the start bundle holds what the first page of clients needs, and the others load
// once it is on screen.
const SCREENS_LOADED_LATER = {
  client: lazyScreen(() => import('../screens/clients/page/ClientPage').then((module) => module.ClientPage)),
  matrix: lazyScreen(() => import('../screens/clients/matrix/AccessMatrixScreen').then((module) => module.AccessMatrixScreen)),
  renewals: lazyScreen(() => import('../screens/renewals/RenewalsScreen').then((module) => module.RenewalsScreen)),
  billing: lazyScreen(() => import('../screens/billing/BillingScreen').then((module) => module.BillingScreen)),
  tenders: lazyScreen(() => import('../screens/tenders/TendersScreen').then((module) => module.TendersScreen)),
  activity: lazyScreen(() => import('../screens/activity/ActivityScreen').then((module) => module.ActivityScreen)),
  outbox: lazyScreen(() => import('../screens/outbox/OutboxScreen').then((module) => module.OutboxScreen)),
  settings: lazyScreen(() => import('../screens/settings/SettingsScreen').then((module) => module.SettingsScreen)),
}
const ClientPage = SCREENS_LOADED_LATER.client.Screen
const AccessMatrixScreen = SCREENS_LOADED_LATER.matrix.Screen
const RenewalsScreen = SCREENS_LOADED_LATER.renewals.Screen
const BillingScreen = SCREENS_LOADED_LATER.billing.Screen
const TendersScreen = SCREENS_LOADED_LATER.tenders.Screen
const ActivityScreen = SCREENS_LOADED_LATER.activity.Screen
const OutboxScreen = SCREENS_LOADED_LATER.outbox.Screen
const SettingsScreen = SCREENS_LOADED_LATER.settings.Screen

// Once the first page is on screen, the other screens load in the background: opening one then
// shows it at once. Not billing's, whose chart library is worth parsing only when it is opened.
afterFirstReady(() => {
  for (const [name, screen] of Object.entries(SCREENS_LOADED_LATER)) if (name !== 'billing') void screen.preload().catch(() => undefined)
})

interface AppShellProps {
  /** From `cache:status`, so the demo badge shows before `cache:info` answers. */
  startupDataset: Dataset
  initialSettings: Settings
  initialNotices: AppNotice[]
}

export function AppShell({ startupDataset, initialSettings, initialNotices }: AppShellProps) {
  const { t } = useTranslation()
  const { settings, update } = useSettings(initialSettings)
  useAppliedTheme(settings.theme)
  const { route, go } = useRouter()
  const screen = navScreen(route)
  // The clients table comes back with the filters it had when the user left it.
  const lastClients = useRef<ClientsRoute>(CLIENTS_ROUTE)
  if (route.screen === 'clients') lastClients.current = route
  const setScreen = useCallback((target: Screen) => go(target === 'clients' ? lastClients.current : target), [go])
  // Focus moves when the page changes, not when a filter or the search does.
  const pageKey = route.screen === 'clients' || route.screen === 'matrix' ? route.screen : formatRoute(route)
  const [notices, setNotices] = useState(initialNotices)
  const [switchFailure, setSwitchFailure] = useState<SwitchFailure | null>(null)
  const [focusAddAccount, setFocusAddAccount] = useState(0)
  const cacheInfo = useCacheInfo()
  const dataset = cacheInfo.state.status === 'done' ? cacheInfo.state.info.dataset : startupDataset
  const mainRef = useRef<HTMLElement>(null)
  const switched = useRef(false)
  // Set when the switch itself puts focus somewhere better than the heading.
  const focusPlaced = useRef(false)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = screenForShortcut(event)
      if (target === null) return
      event.preventDefault()
      setScreen(target)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [setScreen])

  // After a switch, focus goes to the new screen's heading so that screen
  // readers announce it and Tab continues from there (not on first paint).
  useEffect(() => {
    if (!switched.current) {
      switched.current = true
      return
    }
    if (focusPlaced.current) {
      focusPlaced.current = false
      return
    }
    const main = mainRef.current
    if (!main) return
    const heading = () => main.querySelector<HTMLElement>('section:not([hidden]) h1')
    const shown = heading()
    if (shown) return void shown.focus()
    // A screen loaded on first use (billing) shows its heading a moment later.
    const observer = new MutationObserver(() => {
      const late = heading()
      if (!late) return
      observer.disconnect()
      late.focus()
    })
    observer.observe(main, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [pageKey])

  const addAccount = useCallback(() => {
    focusPlaced.current = screen !== 'settings'
    setScreen('settings')
    setFocusAddAccount((n) => n + 1)
  }, [screen, setScreen])

  return (
    <div className="shell">
      <header className="shell-header">
        <span className="app-name">{t('app.name')}</span>
        {dataset.kind === 'demo' && (
          <span className="badge badge-demo" title={t('app.demoBadgeTitle')} data-testid="demo-badge">
            {t('app.demoBadge')}
          </span>
        )}
        <AccountSwitcher onFailure={setSwitchFailure} />
        <div className="header-end">
          <ConnectionIndicator />
          <SyncControl onAddAccount={addAccount} />
        </div>
      </header>
      <main className="shell-main" ref={mainRef}>
        <TokenInvalidBanner />
        <SyncNotices />
        <UpdateBanner />
        {switchFailure && (
          <div data-testid="account-switch-error">
            <InlineError
              message={t('header.switchFailed', { message: switchFailure.error.message })}
              onRetry={switchFailure.retry}
              onDismiss={() => setSwitchFailure(null)}
            />
          </div>
        )}
        {notices.map((notice, index) => (
          <Notice
            key={notice.kind}
            message={noticeText(t, notice)}
            onDismiss={() => setNotices((all) => all.filter((_, i) => i !== index))}
            testId={`notice-${notice.kind}`}
          />
        ))}
        {/* Clients stays mounted while hidden, so its search and scroll survive a visit elsewhere. */}
        <ClientsScreen active={route.screen === 'clients'} view={route.screen === 'clients' ? route : lastClients.current} />
        {route.screen === 'client' && <ClientPage key={route.id} clientId={route.id} />}
        {route.screen === 'matrix' && <AccessMatrixScreen query={route.query} filters={route.filters} />}
        {route.screen === 'renewals' && <RenewalsScreen days={route.days} />}
        <RenewalReminders />
        {route.screen === 'billing' && <BillingScreen key={route.clients.join(',')} clients={route.clients} />}
        {route.screen === 'tenders' && <TendersScreen selectId={route.id} />}
        <TenderNotices />
        {screen === 'activity' && <ActivityScreen onOpenOutbox={() => setScreen('outbox')} />}
        {screen === 'outbox' && <OutboxScreen />}
        {screen === 'settings' && <SettingsScreen settings={settings} onChange={update} focusAddAccount={focusAddAccount} />}
      </main>
      {/* After the screen in the tab order (the grid still draws it on the left):
          from a screen's title, Tab reaches the navigation once past the screen's
          few controls, not after the header's too; Shift+Tab from the title
          reaches the header. */}
      <nav className="shell-nav" aria-label={t('app.navLabel')}>
        <ul>
          {SCREENS.map((id, index) => {
            const label = t(`nav.${id}`)
            const digit = index + 1
            return (
              <li key={id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={screen === id ? 'page' : undefined}
                  aria-keyshortcuts={`Alt+${digit} Control+${digit}`}
                  title={t('nav.shortcut', { label, digit })}
                  onClick={() => setScreen(id)}
                  data-testid={`nav-${id}`}
                >
                  <span className="nav-label">{label}</span>
                  {(id === 'activity' || id === 'outbox') && <NavBadge screen={id} />}
                </button>
                {id === 'clients' && <ClientsNav />}
              </li>
            )
          })}
        </ul>
      </nav>
    </div>
  )
}

function noticeText(t: TFunction, notice: AppNotice): string {
  switch (notice.kind) {
    case 'recovered':
      return t('app.recoveredNotice', { path: notice.path })
    case 'settingsFallback':
      return t('app.settingsFallbackNotice', { message: notice.message })
    case 'accountAdded':
      return t('app.accountAddedNotice', { label: notice.label })
    case 'accountWiped':
      return t('app.accountWipedNotice', { label: notice.label })
  }
}

/** Unseen partnership changes on Activity; changes waiting to be sent (and refused ones) on Pending changes. */
function NavBadge({ screen }: { screen: 'activity' | 'outbox' }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const { unseenEvents, outbox } = useCounts()
  if (screen === 'activity' && unseenEvents !== null && unseenEvents > 0) {
    return (
      <span className="nav-badge" data-testid="nav-activity-badge" data-count={unseenEvents}>
        <span aria-hidden="true">{format.number(unseenEvents)}</span>
        <span className="visually-hidden">{t('nav.unseenBadge', { count: unseenEvents, unseen: format.number(unseenEvents) })}</span>
      </span>
    )
  }
  if (screen === 'outbox' && outbox !== null) {
    const needsYou = outbox.conflicts + outbox.failed
    const total = outbox.pending + needsYou
    if (total === 0) return null
    return (
      <span className={needsYou > 0 ? 'nav-badge nav-badge-warning' : 'nav-badge'} data-testid="nav-outbox-badge" data-count={total}>
        <span aria-hidden="true">{format.number(total)}</span>
        <span className="visually-hidden">
          {t('nav.outboxBadge', {
            pending: format.number(outbox.pending),
            conflicts: format.number(outbox.conflicts),
            failed: format.number(outbox.failed),
          })}
        </span>
      </span>
    )
  }
  return null
}
