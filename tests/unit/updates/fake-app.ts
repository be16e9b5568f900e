// TEST ONLY: electron-updater's real updater in plain Node. Its AppAdapter
// (what it asks of Electron's `app`) is faked over temporary folders, and its
// HTTP goes through electron-builder's NodeHttpExecutor instead of Electron's
// net module, as electron-builder's own updater tests do.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor'
import { configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime'
import { DebUpdater, type AppUpdater } from 'electron-updater'
import type { AppAdapter } from 'electron-updater/out/AppAdapter'
import type { RequestOptions } from 'node:http'

/**
 * NodeHttpExecutor plus the `download` electron-updater calls, written as
 * ElectronHttpExecutor.download is: the shared base's doDownload does the
 * work (temporary file, SHA-512 check, cancellation).
 */
class NodeDownloadExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined }
      configureRequestUrl(url, requestOptions)
      configureRequestOptions(requestOptions)
      this.doDownload(requestOptions, { destination, options, onCancel, callback: (error) => (error ? reject(error) : resolve(destination)), responseHandler: null }, 0)
    })
  }
}

export const UPDATER_CACHE = 'partner-desk-updater'

export interface FakeApp {
  updater: AppUpdater
  /** Where downloads land: electron-updater's cache for this app. */
  cacheDir: string
  userData: string
}

export function fakeApp(dir: string, { version, feedUrl, stagingId }: { version: string; feedUrl: string; stagingId?: string }): FakeApp {
  const userData = join(dir, 'user-data')
  const cache = join(dir, 'cache')
  mkdirSync(userData, { recursive: true })
  // What electron-builder writes into resources/ for a generic `publish` entry.
  const config = join(dir, 'app-update.yml')
  writeFileSync(config, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: ${UPDATER_CACHE}\n`)
  if (stagingId) writeFileSync(join(userData, '.updaterId'), stagingId)
  const adapter: AppAdapter = {
    version,
    name: 'Partner Desk',
    isPackaged: true,
    appUpdateConfigPath: config,
    userDataPath: userData,
    baseCachePath: cache,
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  }
  const updater = new DebUpdater(null, adapter)
  // electron-updater's executor field is protected; Electron's own needs `net`.
  ;(updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeDownloadExecutor()
  return { updater, cacheDir: join(cache, UPDATER_CACHE), userData }
}
