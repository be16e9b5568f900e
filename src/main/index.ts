// The Electron entry: one instance, one session (accounts and the open core),
// the contract on IPC, one window. Everything it wires lives in shell/
// (Electron) or session/, core/ and ipc/ (plain Node).
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, session } from 'electron'
import { AppSession } from './session/app-session'
import { forwardEvents, registerContract } from './shell/ipc'
import { bindingProblem, nativeBindingPath } from './shell/native-binding'
import { electronNotifier } from './shell/notifications'
import { safeStorageCipher } from './shell/safe-storage'
import { createMainWindow, hardenSession, hardenWebContents, rendererUrl } from './shell/window'

let appSession: AppSession | null = null

// A dialog and a clean exit: an app that dies at start must say why, once.
function fatal(title: string, message: string): void {
  dialog.showErrorBox(title, message)
  app.exit(1)
}

function openWindow(events: Pick<AppSession, 'onEvent'>, appUrl: string): void {
  const window = createMainWindow(join(__dirname, '../preload/index.js'), nativeTheme.shouldUseDarkColors)
  forwardEvents(events, window.webContents)
  window.loadURL(appUrl).catch((error: unknown) => fatal('Partner Desk could not load its window', String(error)))
}

function start(): void {
  const appUrl = rendererUrl({ isPackaged: app.isPackaged, devUrl: process.env.ELECTRON_RENDERER_URL, mainDir: __dirname })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl))
  hardenSession(session.defaultSession)

  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  })
  const problem = bindingProblem(nativeBinding, process.versions.modules, app.isPackaged)
  if (problem) return fatal('Partner Desk cannot open its database', problem)

  const started = AppSession.start({
    dataDir: app.getPath('userData'),
    cipher: safeStorageCipher(),
    workerPath: join(__dirname, 'worker.js'),
    nativeBinding,
    // A first launch with no account opens on the demo data.
    demoOnFirstOpen: 'small',
    notifier: electronNotifier(),
  })
  appSession = started
  registerContract(ipcMain, started.dispatch, appUrl)
  openWindow(started, appUrl)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(started, appUrl)
  })
}

app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // The worker owns the database: stop it before the process goes.
  app.on('will-quit', (event) => {
    if (!appSession) return
    event.preventDefault()
    const closing = appSession
    appSession = null
    void closing.close().finally(() => app.quit())
  })
  void app.whenReady().then(start)
}
