// When the app looks for, downloads and installs its updates. Plain Node:
// the engine (electron-updater in the app) is a port, so this policy is
// tested without Electron. Rules: look at start and then daily, only when
// online; download in the background; install only when asked (or at quit)
// and never while changes wait in the outbox or an export or import runs;
// failures are logged, never shown as a dialog (offline is normal here).
import type { UpdateBlocker, UpdateRelease, UpdateState } from '../../shared/updates'
import type { UpdateEngine } from './engine'

/** How often the app looks, at most: daily. */
export const CHECK_EVERY_SECONDS = 24 * 60 * 60
/** How often it asks itself whether a day has passed (a laptop asleep at the due time checks when it wakes). */
const TICK_MS = 60 * 60 * 1000

export interface UpdateServiceOptions {
  /** null: this copy does not update itself (not packaged). */
  engine: UpdateEngine | null
  /** What keeps an update from installing now (asked each time, never cached). */
  blockers: () => Promise<UpdateBlocker[]>
  /** Whether the computer has a network (Electron's net.isOnline). */
  online: () => boolean
  /** Where failures go: a log line, never a dialog. */
  log: (message: string) => void
  /** Unix seconds. */
  now?: () => number
  /** Download as soon as a release is found; default true. */
  autoDownload?: boolean
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))
const release = ({ version, notes }: UpdateRelease): UpdateRelease => ({ version, notes })

export class UpdateService {
  private current: UpdateState
  private lastCheck: number | null = null
  private readonly listeners = new Set<(state: UpdateState) => void>()
  private timer: ReturnType<typeof setInterval> | null = null
  private working: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: UpdateServiceOptions) {
    this.current = options.engine ? { status: 'idle', checkedAt: null } : { status: 'unsupported' }
  }

  state(): UpdateState {
    return this.current
  }

  onState(listener: (state: UpdateState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Looks now, then daily. */
  start(): void {
    if (!this.options.engine || this.timer) return
    void this.check()
    this.timer = setInterval(() => {
      if (this.lastCheck === null || this.now() - this.lastCheck >= CHECK_EVERY_SECONDS) void this.check()
    }, TICK_MS)
    this.timer.unref?.()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Asks the server; never throws. Does nothing while a release is on its way or ready. */
  check(): Promise<UpdateState> {
    return this.serially(async (engine) => {
      if (!['idle', 'available'].includes(this.current.status)) return
      if (!this.options.online()) {
        this.options.log('update check skipped: offline')
        return
      }
      const before = this.current
      this.set({ status: 'checking' })
      let found: UpdateRelease | null
      try {
        found = await engine.check()
      } catch (error) {
        this.options.log(`update check failed: ${describe(error)}`)
        this.set(before)
        return
      }
      this.lastCheck = this.now()
      if (!found) return this.set({ status: 'idle', checkedAt: this.lastCheck })
      this.set({ status: 'available', failed: false, ...release(found) })
      if (this.options.autoDownload ?? true) await this.fetch(engine)
    })
  }

  /** Downloads the release on offer (again, after a failure). */
  download(): Promise<UpdateState> {
    return this.serially((engine) => this.fetch(engine))
  }

  /**
   * Installs the downloaded release now, or as soon as nothing blocks it:
   * unsent changes and running exports or imports are waited for.
   */
  install(): Promise<UpdateState> {
    return this.serially(async (engine) => {
      if (this.current.status !== 'ready') return
      await this.installIfFree(engine, true)
    })
  }

  /** To call when something that may block an install ended (the outbox changed, an export finished). */
  reconsider(): Promise<UpdateState> {
    return this.serially(async (engine) => {
      if (this.current.status !== 'ready') return
      await this.installIfFree(engine, this.current.installRequested)
    })
  }

  /** Before the app quits: a ready release installs on the way out only if nothing waits. */
  async beforeQuit(): Promise<void> {
    const engine = this.options.engine
    if (!engine?.setInstallOnQuit) return
    const free = this.current.status === 'ready' && (await this.blockersOrUnknown()).length === 0
    engine.setInstallOnQuit(free)
  }

  private async fetch(engine: UpdateEngine): Promise<void> {
    const offer = this.current
    if (offer.status !== 'available') return
    this.set({ status: 'downloading', percent: 0, transferred: 0, total: 0, ...release(offer) })
    try {
      await engine.download(({ percent, transferred, total }) => {
        if (this.current.status === 'downloading') this.set({ ...this.current, percent, transferred, total })
      })
    } catch (error) {
      this.options.log(`update download failed: ${describe(error)}`)
      this.set({ status: 'available', failed: true, ...release(offer) })
      return
    }
    this.set({ status: 'ready', waitingFor: await this.blockersOrUnknown(), installRequested: false, ...release(offer) })
  }

  private async installIfFree(engine: UpdateEngine, requested: boolean): Promise<void> {
    if (this.current.status !== 'ready') return
    const waitingFor = await this.blockersOrUnknown()
    this.set({ ...this.current, waitingFor, installRequested: requested })
    if (requested && waitingFor.length === 0) engine.install()
  }

  /** An outbox that cannot be counted is taken as holding changes: never install on a guess. */
  private async blockersOrUnknown(): Promise<UpdateBlocker[]> {
    try {
      return await this.options.blockers()
    } catch (error) {
      this.options.log(`update waits: ${describe(error)}`)
      return [{ kind: 'outbox', pending: null }]
    }
  }

  private serially(step: (engine: UpdateEngine) => Promise<void>): Promise<UpdateState> {
    const engine = this.options.engine
    if (!engine) return Promise.resolve(this.current)
    const run = this.working.then(() => step(engine)).then(() => this.current)
    this.working = run.catch(() => undefined)
    return run
  }

  private set(state: UpdateState): void {
    this.current = state
    for (const listener of this.listeners) listener(state)
  }

  private now(): number {
    return this.options.now?.() ?? Math.floor(Date.now() / 1000)
  }
}
