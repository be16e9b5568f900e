// Starts the core worker and relays calls to it. Used alike by the Electron
// main process, the CLI and the browser-test bridge.
import { Worker } from 'node:worker_threads'
import type { Channel, EventName, EventPayload } from '../../shared/contract'
import { fail, type Result } from '../../shared/result'
import type { CoreCaller } from '../ipc/dispatcher'
import type { FromWorker, ToWorker, WorkerConfig } from './protocol'

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface CoreHostOptions extends WorkerConfig {
  /** The built worker entry (out/main/worker.js). */
  workerPath: string
  /** Gives the account's token when the core syncs; absent for the demo. */
  token?: () => Promise<string | null>
}

export class CoreHost implements CoreCaller {
  private readonly worker: Worker
  private readonly pending = new Map<number, (result: Result<unknown>) => void>()
  private readonly listeners = new Set<EventListener>()
  private nextId = 1
  private stopped: string | null = null

  private readonly token: (() => Promise<string | null>) | undefined

  constructor({ workerPath, token, ...config }: CoreHostOptions) {
    this.token = token
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
      this.post({ type: 'call', id, channel, input })
    })
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Lets the worker close the database cleanly; forces it after a grace period. */
  async close(graceMs = 10_000): Promise<void> {
    if (this.stopped) return
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()))
    this.post({ type: 'close' })
    // Calls already sent still get their answers; new ones are refused.
    this.stopped = 'the core was closed'
    const timer = setTimeout(() => void this.worker.terminate(), graceMs)
    await exited
    clearTimeout(timer)
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message)
  }

  private receive(message: FromWorker): void {
    if (message.type === 'result') {
      this.pending.get(message.id)?.(message.result)
      this.pending.delete(message.id)
      return
    }
    if (message.type === 'token-request') {
      const answer = (token: string | null) => {
        if (!this.stopped) this.post({ type: 'token', id: message.id, token })
      }
      ;(this.token?.() ?? Promise.resolve(null)).then(answer, () => answer(null))
      return
    }
    for (const listener of this.listeners) listener(message.event, message.payload)
  }

  private stop(reason: string): void {
    this.stopped ??= reason
    for (const resolve of this.pending.values()) resolve(fail('cache_unavailable', this.stopped))
    this.pending.clear()
  }
}
