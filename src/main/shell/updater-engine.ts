// electron-updater behind the update policy's port (updates/engine.ts). The
// adapter takes any AppUpdater: the app passes electron-updater's
// `autoUpdater` (which needs Electron), the tests a DebUpdater over Node's HTTP.
import type { AppUpdater, Logger, ProgressInfo, UpdateInfo } from 'electron-updater'
import type { UpdateEngine } from '../updates/engine'

/** Release notes as plain text: the renderer never shows a server's HTML. */
export function releaseNotesText(notes: UpdateInfo['releaseNotes']): string | null {
  const joined = typeof notes === 'string' ? notes : Array.isArray(notes) ? notes.map((note) => note.note ?? '').join('\n\n') : ''
  const text = joined
    .replace(/<br\s*\/?>|<\/p>|<\/li>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return text === '' ? null : text.slice(0, 20_000)
}

/** electron-updater's chatter stays out of the log; its warnings and errors go to `log`. */
const quietLogger = (log: (message: string) => void): Logger => ({
  info: () => undefined,
  warn: (message) => log(`updater: ${String(message)}`),
  error: (message) => log(`updater: ${String(message)}`),
})

export function updaterEngine(updater: AppUpdater, log: (message: string) => void): UpdateEngine {
  // The policy decides when to download and when to install.
  updater.autoDownload = false
  updater.autoInstallOnAppQuit = false
  updater.allowDowngrade = false
  updater.logger = quietLogger(log)
  return {
    async check() {
      const result = await updater.checkForUpdates()
      if (!result?.isUpdateAvailable) return null
      return { version: result.updateInfo.version, notes: releaseNotesText(result.updateInfo.releaseNotes) }
    },
    async download(onProgress) {
      const listener = ({ percent, transferred, total }: ProgressInfo) => onProgress({ percent, transferred, total })
      updater.on('download-progress', listener)
      // electron-updater registers its install-at-quit handler only if this is
      // on when the download ends; whether a quit installs is decided at each quit.
      updater.autoInstallOnAppQuit = true
      try {
        await updater.downloadUpdate()
      } finally {
        updater.autoInstallOnAppQuit = false
        updater.off('download-progress', listener)
      }
    },
    install() {
      updater.quitAndInstall(false, true)
    },
    setInstallOnQuit(on) {
      updater.autoInstallOnAppQuit = on
    },
  }
}
