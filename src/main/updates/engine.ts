// The port between the update policy (update-service.ts, plain Node) and
// whatever fetches and installs releases: electron-updater in the app
// (shell/updater-engine.ts), the same code over Node's HTTP in tests.
import type { UpdateRelease } from '../../shared/updates'

export interface DownloadProgress {
  percent: number
  transferred: number
  total: number
}

export interface UpdateEngine {
  /** A release newer than this copy offered to this user (staged rollouts included), or null. Throws when the server cannot be read. */
  check(): Promise<UpdateRelease | null>
  /** Downloads the release found by the last check and verifies its SHA-512; throws, leaving no partial file, when it cannot. */
  download(onProgress: (progress: DownloadProgress) => void): Promise<void>
  /** Quits the app and runs the installer of the downloaded release. */
  install(): void
  /** Whether quitting installs the downloaded release (decided at each quit). */
  setInstallOnQuit?(on: boolean): void
}
