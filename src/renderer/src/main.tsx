// First, so that the start's calls to the core leave before the rest of the bundle is run.
import { startApi as api } from './app/earlyReads'
import './styles/theme.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/clients.css'
import './styles/screens.css'
import './styles/session.css'
import './styles/client-detail.css'
import './styles/billing.css'
import './styles/clients-workspace.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiProvider } from './api/ApiContext'
import { App } from './app/App'
import { NoBridgeScreen } from './app/NoBridgeScreen'
import { initI18n, preferredLanguage } from './i18n'
import { warmFormatters } from './i18n/useFormatters'
import { FollowSystemTheme } from './theme/useAppliedTheme'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')

const language = preferredLanguage(navigator.languages)
warmFormatters(language)
// Before the first render: every screen, even the no-bridge one, speaks a language.
void initI18n(language).then(() =>
  createRoot(root).render(
    <StrictMode>
      {api === null ? (
        <>
          <FollowSystemTheme />
          <NoBridgeScreen />
        </>
      ) : (
        <ApiProvider client={api}>
          <App />
        </ApiProvider>
      )}
    </StrictMode>,
  ),
)
