// Messages between a CoreHost and its worker thread.
import type { Channel, DemoSize, EventName, EventPayload } from '../../shared/contract'
import type { Result } from '../../shared/result'

export interface WorkerConfig {
  dbPath: string
  /** Path to an Electron-ABI build of better-sqlite3; absent under plain Node. */
  nativeBinding?: string
  /** Fill an empty cache with this demo size on open (a first launch). */
  demoOnFirstOpen?: DemoSize
  /** Fixed clock for deterministic demo data in tests; Unix seconds. */
  now?: number
}

export type ToWorker =
  | { type: 'call'; id: number; channel: Channel; input: unknown }
  /** Finish the calls under way, close the database, then exit. */
  | { type: 'close' }

export type FromWorker =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { [E in EventName]: { type: 'event'; event: E; payload: EventPayload<E> } }[EventName]
