import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiProvider } from './api/ApiContext'
import { App } from './app/App'
import { NoBridgeScreen } from './app/NoBridgeScreen'
import { startApi as api } from './app/earlyReads'
import { initI18n } from './i18n'
import { preferredLanguage } from './i18n/language'
import { FollowSystemTheme } from './theme/useAppliedTheme'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')

const language = preferredLanguage(navigator.languages)
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
