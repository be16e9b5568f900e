// The installed app's updater, wired for Electron (the adapter itself,
// updater-engine.ts, is tested in plain Node).
import { net } from 'electron'
import { autoUpdater } from 'electron-updater'
import type { AppSessionOptions } from '../session/app-session'
import { updaterEngine } from './updater-engine'

/**
 * The installed app's updater: electron-updater's `autoUpdater` (the right
 * one for the platform and package type, reading the app-update.yml that
 * packaging writes from the configured update URL) and Electron's network
 * state. Only for a packaged app: `autoUpdater` needs Electron.
 */
export function installedAppUpdater(): NonNullable<AppSessionOptions['updater']> {
  const log = (message: string) => console.warn(`[partner-desk] ${message}`)
  return { engine: updaterEngine(autoUpdater, log), online: () => net.isOnline(), log }
}
