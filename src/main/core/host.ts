// Starts the core worker and relays calls to it. Used alike by the Electron
// main process, the CLI and the browser-test bridge. Once the core reports a
// ready cache, what the UI reads goes to a reader thread beside it (reader.ts),
// started at the first such read, so a long write on the core (a large sync's
// merge) does not hold it up.
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Channel, EventName, EventPayload } from '../../shared/contract'
import type { ExportSpec } from '../../shared/billing'
import type { ChosenFile } from '../../shared/billing-import'
import { fail, type Result } from '../../shared/result'
import type { CoreCaller } from '../ipc/dispatcher'
import type { FromReader, FromWorker, ReaderConfig, ToReader, ToWorker, WorkerConfig } from './protocol'
import { isReadChannel, type ReadChannel } from './read-channels'

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface CoreHostOptions extends WorkerConfig {
  /** The built worker entry (out/main/worker.js); the reader is built beside it (reader.js). */
  workerPath: string
  /** Gives the account's token when the core syncs; absent for the demo. */
  token?: () => Promise<string | null>
}

interface Reader {
  worker: Worker
  /** Calls it has not answered yet: the core answers them if the reader stops. */
  calls: Map<number, { channel: ReadChannel; input: unknown }>
}

/** How long a closing thread may take to finish its calls before it is stopped. */
const CLOSE_GRACE_MS = 10_000

export class CoreHost implements CoreCaller {
  private readonly worker: Worker
  private reader: Reader | null = null
  /** The core last reported a ready cache: reads may go to the reader. */
  private cacheReady = false
  /** A reader failed: the core answers every read until the cache is reported ready again. */
  private readerFailed = false
  private readonly readerPath: string
  private readonly readerConfig: ReaderConfig
  private readonly pending = new Map<number, (result: Result<unknown>) => void>()
  private readonly listeners = new Set<EventListener>()
  private nextId = 1
  private stopped: string | null = null

  private readonly token: (() => Promise<string | null>) | undefined

  constructor({ workerPath, token, ...config }: CoreHostOptions) {
    this.token = token
    this.readerPath = join(dirname(workerPath), 'reader.js')
    this.readerConfig = { dbPath: config.dbPath, nativeBinding: config.nativeBinding, now: config.now }
    this.worker = new Worker(workerPath, { workerData: config satisfies WorkerConfig })
    this.worker.on('message', (message: FromWorker) => this.receive(message))
    this.worker.on('error', (error) => this.stop(`the core stopped: ${error.message}`))
    this.worker.on('exit', (code) => this.stop(`the core exited (code ${code})`))
  }

  call(channel: Channel, input: unknown): Promise<Result<unknown>> {
    if (this.stopped) return Promise.resolve(fail('cache_unavailable', this.stopped))
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      if (this.cacheReady && isReadChannel(channel)) {
        if (this.reader) {
          this.reader.calls.set(id, { channel, input })
          this.reader.worker.postMessage({ type: 'call', id, channel, input } satisfies ToReader)
          return
        }
        // Started by the first read once the cache is ready (a CLI never reads); that read goes to the core.
        this.startReader()
      }
      this.post({ type: 'call', id, channel, input })
    })
  }

  /** Starts an export to `target` (a path the caller resolved); progress and the end arrive as events. */
  startExport(spec: ExportSpec, target: string): Promise<Result<{ exportId: number }>> {
    if (this.stopped) return Promise.resolve(fail('cache_unavailable', this.stopped))
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: Result<unknown>) => void)
      this.post({ type: 'export', id, spec, target })
    })
  }

  /** Hands the core a file the user chose (never a path a renderer sent); answers the handle the import channels take. */
  registerFile(path: string): Promise<Result<ChosenFile>> {
    if (this.stopped) return Promise.resolve(fail('cache_unavailable', this.stopped))
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: Result<unknown>) => void)
      this.post({ type: 'file', id, path })
    })
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Lets the worker close the database cleanly; forces it after a grace period. */
  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    if (this.stopped) return
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()))
    this.post({ type: 'close' })
    // Calls already sent still get their answers; new ones are refused.
    this.stopped = 'the core was closed'
    const timer = setTimeout(() => void this.worker.terminate(), graceMs)
    await Promise.all([exited, this.stopReader(graceMs)])
    clearTimeout(timer)
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message)
  }

  private receive(message: FromWorker): void {
    if (message.type === 'result') {
      this.settle(message)
      return
    }
    if (message.type === 'token-request') {
      const answer = (token: string | null) => {
        if (!this.stopped) this.post({ type: 'token', id: message.id, token })
      }
      ;(this.token?.() ?? Promise.resolve(null)).then(answer, () => answer(null))
      return
    }
    if (message.event === 'cache:status') {
      // Reads go beside the core only while its cache is there to read; a damaged or newer one is the core's to refuse.
      this.cacheReady = message.payload.state === 'ready'
      this.readerFailed = false
      if (!this.cacheReady) void this.stopReader()
    }
    for (const listener of this.listeners) listener(message.event, message.payload)
  }

  private settle(message: FromWorker & { type: 'result' }): void {
    this.pending.get(message.id)?.(message.result)
    this.pending.delete(message.id)
  }

  private startReader(): void {
    if (this.reader || this.readerFailed || this.stopped) return
    const reader: Reader = { worker: new Worker(this.readerPath, { workerData: this.readerConfig satisfies ReaderConfig }), calls: new Map() }
    reader.worker.on('message', (message: FromReader) => {
      reader.calls.delete(message.id)
      this.settle(message)
    })
    // A reader that fails hands its calls back to the core, which answers everything.
    const fallBack = () => {
      if (this.reader === reader) {
        this.reader = null
        this.readerFailed = true
      }
      for (const [id, { channel, input }] of reader.calls) if (!this.stopped) this.post({ type: 'call', id, channel, input })
      reader.calls.clear()
    }
    reader.worker.on('error', fallBack)
    reader.worker.on('exit', fallBack)
    this.reader = reader
  }

  private async stopReader(graceMs = CLOSE_GRACE_MS): Promise<void> {
    const reader = this.reader
    if (!reader) return
    this.reader = null
    const exited = new Promise<void>((resolve) => reader.worker.once('exit', () => resolve()))
    reader.worker.postMessage({ type: 'close' } satisfies ToReader)
    const timer = setTimeout(() => void reader.worker.terminate(), graceMs)
    await exited
    clearTimeout(timer)
  }

  private stop(reason: string): void {
    this.stopped ??= reason
    for (const resolve of this.pending.values()) resolve(fail('cache_unavailable', this.stopped))
    this.pending.clear()
    void this.stopReader()
  }
}
