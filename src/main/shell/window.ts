// The main window and the rules every page of the app lives under: isolated
// and sandboxed, no navigation away, no frames navigating, no new windows, no
// webviews, no permissions, no DevTools once packaged. A compromised renderer
// holds little more than the bridge.
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron'
import { APP_URL } from '../ipc/app-origin'
import { isAllowedExternalUrl } from '../ipc/external-links'
import { isTrustedSender } from '../ipc/trusted-sender'

// Painted before the first frame, so a dark system does not flash white.
const BACKGROUND = { light: '#ffffff', dark: '#1c1d21' } as const

export interface WindowPlace {
  dark: boolean
  /** A packaged app offers no DevTools. */
  isPackaged: boolean
}

export function windowOptions(preloadPath: string, { dark, isPackaged }: WindowPlace): BrowserWindowConstructorOptions {
  return {
    title: 'Partner Desk',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: dark ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: !isPackaged,
    },
  }
}

/**
 * The page the app loads: electron-vite's dev server while developing, else
 * the built renderer on the app scheme. A packaged app never takes its page
 * from the environment.
 */
export function rendererUrl(place: { isPackaged: boolean; devUrl: string | undefined }): string {
  if (!place.isPackaged && place.devUrl) return place.devUrl
  return APP_URL
}

// A reload of the app's own page is the one navigation allowed; the sender
// check already defines "the app's page", so navigation reuses it.
const isAppPage = (url: string, appUrl: string): boolean => isTrustedSender({ url, parent: null }, appUrl)

function openOutside(url: string): void {
  if (!isAllowedExternalUrl(url)) return
  shell.openExternal(url).catch((error: unknown) => console.error(`Could not open ${url}:`, error))
}

/** Applied to every webContents the app creates (see `web-contents-created`). */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event) => {
    if (isAppPage(event.url, appUrl)) return
    event.preventDefault()
    // A plain link to Infomaniak's site belongs in the browser, not in the app window.
    openOutside(event.url)
  })
  // The app has no frames: none may navigate anywhere (the main frame is will-navigate's).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url, appUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
}

// The UI asks for no permission (it copies nothing to the clipboard, shows no
// notification of the web's kind, uses no camera): every request is refused.
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/** Shown once its first paint is ready; the caller loads the page after wiring events. */
export function createMainWindow(preloadPath: string, place: WindowPlace): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath, place))
  window.once('ready-to-show', () => window.show())
  return window
}
