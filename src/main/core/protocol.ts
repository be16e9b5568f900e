// Messages between a CoreHost and its worker thread.
import type { Channel, DemoSize, EventName, EventPayload } from '../../shared/contract'
import type { ExportSpec } from '../../shared/billing'
import type { Result } from '../../shared/result'
import type { ReadChannel } from './read-channels'

export interface WorkerConfig {
  dbPath: string
  /** Path to an Electron-ABI build of better-sqlite3; absent under plain Node. */
  nativeBinding?: string
  /** Fill an empty cache with this demo size on open (a first launch). */
  demoOnFirstOpen?: DemoSize
  /** Fixed clock for deterministic demo data in tests; Unix seconds. */
  now?: number
  /** Present for an Infomaniak account's cache: where and how fast to sync. The token is asked for when needed, never passed here. */
  remote?: RemoteConfig
}

export interface RemoteConfig {
  baseUrl: string
  /** The partner organization the user picked, when the token reaches several of its own. */
  organizationId?: number
  /** Requests per window; 'off' only for local test servers. */
  rateLimit: { limit: number; windowMs: number } | 'off'
  timeoutMs?: number
  /**
   * Poll for changes this often (there are no webhooks); absent: only when
   * asked. Waiting changes are retried when their backoff ends either way.
   */
  syncEverySeconds?: number
}

export type ToWorker =
  | { type: 'call'; id: number; channel: Channel; input: unknown }
  /** Finish the calls under way, close the database, then exit. */
  | { type: 'close' }
  /** An export to a path the host resolved (from the save dialog's handle, or the CLI's --out): never a contract channel, so no renderer names a path. */
  | { type: 'export'; id: number; spec: ExportSpec; target: string }
  /** The host's answer to a token request; null when the account has none. */
  | { type: 'token'; id: number; token: string | null }
  /** A file the user chose (open dialog, CLI argument): the core answers a handle the import channels take. */
  | { type: 'file'; id: number; path: string }

export type FromWorker =
  | { type: 'result'; id: number; result: Result<unknown> }
  /** Tokens stay with the host (the OS keystore); the worker asks each time it syncs. */
  | { type: 'token-request'; id: number }
  | { [E in EventName]: { type: 'event'; event: E; payload: EventPayload<E> } }[EventName]

/** What the reader thread needs: the file, and the same binding and clock as the core. */
export type ReaderConfig = Pick<WorkerConfig, 'dbPath' | 'nativeBinding' | 'now'>

export type ToReader = { type: 'call'; id: number; channel: ReadChannel; input: unknown } | { type: 'close' }

export type FromReader = Extract<FromWorker, { type: 'result' }>
