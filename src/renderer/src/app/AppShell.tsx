import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Dataset } from '../../../shared/contract'
import type { Settings } from '../../../shared/settings'
import { Notice } from '../components/Notice'
import { BillingScreen } from '../screens/billing/BillingScreen'
import { ClientsScreen } from '../screens/clients/ClientsScreen'
import { SettingsScreen } from '../screens/settings/SettingsScreen'
import { TendersScreen } from '../screens/tenders/TendersScreen'
import { useAppliedTheme } from '../theme/useAppliedTheme'
import { useCacheInfo } from './CacheInfoContext'
import type { AppNotice } from './notices'
import { SCREENS, screenForShortcut, type Screen } from './screens'
import { useSettings } from './useSettings'

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
  const [screen, setScreen] = useState<Screen>('clients')
  const [notices, setNotices] = useState(initialNotices)
  const cacheInfo = useCacheInfo()
  const dataset = cacheInfo.state.status === 'done' ? cacheInfo.state.info.dataset : startupDataset
  const mainRef = useRef<HTMLElement>(null)
  const switched = useRef(false)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = screenForShortcut(event)
      if (target === null) return
      event.preventDefault()
      setScreen(target)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  // After a switch, focus goes to the new screen's heading so that screen
  // readers announce it and Tab continues from there (not on first paint).
  useEffect(() => {
    if (!switched.current) {
      switched.current = true
      return
    }
    mainRef.current?.querySelector<HTMLElement>('section:not([hidden]) h1')?.focus()
  }, [screen])

  return (
    <div className="shell">
      <header className="shell-header">
        <span className="app-name">{t('app.name')}</span>
        {dataset.kind === 'demo' && (
          <span className="badge badge-demo" title={t('app.demoBadgeTitle')} data-testid="demo-badge">
            {t('app.demoBadge')}
          </span>
        )}
      </header>
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
                  {label}
                </button>
              </li>
            )
          })}
        </ul>
      </nav>
      <main className="shell-main" ref={mainRef}>
        {notices.map((notice, index) => (
          <Notice
            key={notice.kind}
            message={
              notice.kind === 'recovered'
                ? t('app.recoveredNotice', { path: notice.path })
                : t('app.settingsFallbackNotice', { message: notice.message })
            }
            onDismiss={() => setNotices((all) => all.filter((_, i) => i !== index))}
          />
        ))}
        {/* Clients stays mounted while hidden, so its search and scroll survive a visit elsewhere. */}
        <ClientsScreen active={screen === 'clients'} />
        {screen === 'billing' && <BillingScreen />}
        {screen === 'tenders' && <TendersScreen />}
        {screen === 'settings' && <SettingsScreen settings={settings} onChange={update} />}
      </main>
    </div>
  )
}
