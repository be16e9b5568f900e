// The window's entry, kept small so that it runs as soon as it arrives: the
// start's reads leave, and ICU's one-time set-up (some 40 ms) is paid, while
// the app's bundle, which the page asks for at once too (see
// electron.vite.config.ts), is still on its way.
import './app/earlyReads'
import { warmFormatters } from './i18n/formatters'
import { preferredLanguage } from './i18n/language'
import './styles/theme.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/clients.css'
import './styles/screens.css'
import './styles/session.css'
import './styles/client-detail.css'
import './styles/billing.css'
import './styles/clients-workspace.css'

warmFormatters(preferredLanguage(navigator.languages))
void import('./main')
