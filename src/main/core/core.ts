// The core: owns the one database connection and answers every contract
// channel. Runs inside the worker thread (worker.ts); tests may run it
// in-process with an in-line integrity checker.
import { renameSync, existsSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import type {
  CacheStatus,
  Channel,
  DemoSize,
  EventName,
  EventPayload,
  Integrity,
  Output,
  ParsedInput,
} from '../../shared/contract'
import { HOST_CHANNELS, type CoreChannel } from '../../shared/channels'
import { CHANGE_FAMILY } from '../../shared/changes'
import type { CapabilityFamily } from '../../shared/domain'
import { fail, ok, type Result } from '../../shared/result'
import type { ExportSpec } from '../../shared/billing'
import { ExportJobs } from './billing/export/jobs'
import type { ExportChecking } from './billing/export/check'
import { recoverInterrupted } from './billing/export/records'
import { countRows } from './cache/counts'
import { bulkTag } from './clients/bulk'
import { UnknownClient } from './clients/detail'
import { discardChangesBeforeStop } from './clients/impact'
import { setNote } from './clients/notes'
import { saveStaff } from './clients/staff'
import { deleteView, saveView } from './clients/views'
import { markAllDueShown, markShown, snooze, writeLeads } from './renewals/store'
import { readDataset } from './cache/meta'
import { markEventsSeen } from './events/list'
import { ChangeRefused } from './outbox/local'
import { discard, enqueue, NotActionable, outboxCounts, recoverInFlight, resolve, retry } from './outbox/store'
import { readCapabilities } from './sync/capabilities'
import { SyncJob } from './sync/job'
import { createKysely, type Db } from './db/kysely'
import type { IntegrityChecker } from './db/integrity'
import { openCache } from './db/open'
import type { WorkerConfig } from './protocol'
import type { ReadChannel } from './read-channels'
import { answerRead } from './reads'
import type { HistoryStaging } from './sync/history/stager'
import { dropHistoryStage } from './sync/history/table'
import { importHandlers } from './billing/import/handlers'
import { ChosenFiles } from './billing/import/files'
import { attachUnmatched } from './billing/import/store'
import type { ChosenFile } from '../../shared/billing-import'
import { tenderHandlers } from './tenders/handlers'

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface CoreDeps {
  emit: Emit
  checkIntegrity: IntegrityChecker
  /** Who stages a pull's billing history; default: a second connection on the core's thread. */
  stageHistory?: HistoryStaging
  /** Who checks an export's files as they are written; default: on the core's thread, after the writing. */
  checkExport?: ExportChecking
  /** Unix seconds. */
  now: () => number
  /** Asks the host for the account's token (kept in the OS keystore, never in the cache). */
  requestToken: () => Promise<string | null>
}

type State =
  | { kind: 'ready'; raw: BetterSqlite3.Database; db: Db; schemaVersion: number; integrity: Integrity; sync: SyncJob | null; exports: ExportJobs }
  | { kind: 'corrupt'; message: string }
  | { kind: 'unopenable'; message: string }
  | { kind: 'too_new'; fileVersion: number; appVersion: number }

const hostChannels = new Set<string>(HOST_CHANNELS)
const isCoreChannel = (channel: Channel): channel is CoreChannel => !hostChannels.has(channel)

type Handlers = { [C in CoreChannel]: (input: ParsedInput<C>) => Promise<Result<Output<C>>> }

/** `cache.sqlite` → `cache.corrupt-20261128T061500.sqlite` (and its -wal, -shm). */
function asidePath(path: string, stamp: string): string {
  const dot = path.lastIndexOf('.')
  return dot > path.lastIndexOf('/') ? `${path.slice(0, dot)}.corrupt-${stamp}${path.slice(dot)}` : `${path}.corrupt-${stamp}`
}

export class Core {
  private state!: State
  /** Files the user chose for an import, by handle (see billing/import/files.ts). */
  private readonly files = new ChosenFiles()

  private constructor(
    private readonly config: WorkerConfig,
    private readonly deps: CoreDeps,
  ) {}

  static async open(config: WorkerConfig, deps: CoreDeps): Promise<Core> {
    const core = new Core(config, deps)
    core.adopt(await core.open())
    return core
  }

  status(): CacheStatus {
    const state = this.state
    switch (state.kind) {
      case 'ready':
        return { state: 'ready', dataset: readDataset(state.raw), schemaVersion: state.schemaVersion, integrity: state.integrity }
      case 'corrupt':
        return { state: 'corrupt', message: state.message }
      case 'unopenable':
        return { state: 'unopenable', message: state.message }
      case 'too_new':
        return { state: 'too_new', fileVersion: state.fileVersion, appVersion: state.appVersion }
    }
  }

  async handle(channel: Channel, input: unknown): Promise<Result<unknown>> {
    if (!isCoreChannel(channel)) return fail('unknown_channel', `${channel} is answered by the app, not by the cache`)
    const handler = this.handlers[channel] as (input: unknown) => Promise<Result<unknown>>
    try {
      return await handler(input)
    } catch (error) {
      return fail('internal', `${channel}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  /** The host's (never a channel's): a file the user chose, answered with its handle. */
  chooseFile(path: string): Result<ChosenFile> {
    try {
      return ok(this.files.register(path))
    } catch (error) {
      return fail('invalid_input', `the chosen file cannot be read: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  async close(): Promise<void> {
    if (this.state.kind !== 'ready') return
    await this.state.exports.stop()
    await this.state.sync?.settle()
    this.state.raw.close()
  }

  readonly handlers: Handlers = {
    'cache:status': async () => ok(this.status()),
    'cache:info': async () =>
      this.whenReady((state) => ({
        schemaVersion: state.schemaVersion,
        integrity: state.integrity,
        dataset: readDataset(state.raw),
        counts: countRows(state.raw),
      })),
    'cache:recover': async () => {
      if (this.state.kind !== 'corrupt' && this.state.kind !== 'unopenable') {
        return fail('invalid_input', 'cache:recover: the cache is neither damaged nor unopenable; nothing was moved')
      }
      const movedTo = this.moveAside()
      this.adopt(await this.open())
      this.deps.emit('cache:changed', { reason: 'recovered' })
      return ok({ movedTo, status: this.status() })
    },
    'clients:list': (input) => this.read('clients:list', input),
    'clients:get': (input) => this.read('clients:get', input),
    'clients:refreshDetails': async ({ id }) => this.whenSyncable((sync) => ok(sync.refreshDetails(id))),
    'demo:generate': async ({ size }) => {
      const state = this.state
      if (state.kind !== 'ready') return this.unavailable(state)
      // Seeding replaces everything, the outbox too: an account would lose the changes it has not sent.
      if (this.config.remote || readDataset(state.raw).kind === 'account') {
        return fail(
          'account_cache',
          `demo:generate: ${this.config.dbPath} is the cache of an Infomaniak account; demo data would replace its data and delete its unsent changes. Open the demo data (no account) to generate it there.`,
        )
      }
      await this.seed(state.raw, size)
      this.deps.emit('cache:changed', { reason: 'demo' })
      return this.handlers['cache:info']({})
    },
    'sync:start': async ({ mode }) => this.whenSyncable((sync) => sync.start(mode)),
    'sync:cancel': async () => this.whenSyncable((sync) => ok(sync.cancel())),
    'sync:status': async () => this.whenSyncable((sync) => ok(sync.status())),
    'changes:submit': async ({ change }) =>
      this.notOffered(CHANGE_FAMILY[change.kind], change.kind) ??
      this.outboxAction((state) => {
        const entry = enqueue(state.raw, change, this.deps.now())
        if (change.kind === 'partnership.stop' && entry.clientId !== null) discardChangesBeforeStop(state.raw, entry.clientId, entry.id)
        return entry
      }, (sync) => sync.startPush()),
    'outbox:list': (input) => this.read('outbox:list', input),
    'outbox:counts': (input) => this.read('outbox:counts', input),
    'outbox:retry': async ({ id }) => this.outboxAction((state) => retry(state.raw, id), (sync) => sync.startPush()),
    // The cache shows the server's data again once a sync has read it.
    'outbox:discard': async ({ id }) => this.outboxAction((state) => discard(state.raw, id), (sync) => sync.start('incremental')),
    'outbox:resolve': async ({ id, keep }) =>
      this.outboxAction(
        (state) => resolve(state.raw, id, keep, this.deps.now()),
        (sync) => (keep === 'mine' ? sync.startPush() : sync.start('incremental')),
      ),
    'outbox:push': async () => this.whenSyncable((sync) => ok(sync.startPush())),
    'events:list': (input) => this.read('events:list', input),
    'events:markSeen': async ({ ids }) => this.whenReady((state) => markEventsSeen(state.raw, ids, this.deps.now())),
    ...importHandlers({
      state: () => {
        const state = this.state
        return state.kind === 'ready' ? { raw: state.raw } : this.unavailable(state)
      },
      files: this.files,
      emit: (event, payload) => this.deps.emit(event, payload),
      now: () => this.deps.now(),
    }),
    'billing:summary': (input) => this.read('billing:summary', input),
    'earnings:summary': (input) => this.read('earnings:summary', input),
    'earnings:outlook': (input) => this.read('earnings:outlook', input),
    'exports:list': (input) => this.read('exports:list', input),
    'exports:cancel': async ({ exportId }) => this.whenReady((state) => state.exports.cancel(exportId)),
    'exports:rerun': async ({ id }) => {
      const state = this.state
      return state.kind === 'ready' ? state.exports.rerun(id) : this.unavailable(state)
    },
    ...tenderHandlers({
      db: () => (this.state.kind === 'ready' ? this.state.raw : this.unavailable(this.state)),
      now: () => this.deps.now(),
      remote: () => (this.state.kind === 'ready' && this.state.sync && readCapabilities(this.state.raw).tenders?.offered === true ? this.state.sync.withClient.bind(this.state.sync) : null),
    }),
    // Clients workspace (issue 10)
    'clients:facets': (input) => this.read('clients:facets', input),
    'clients:matrix': (input) => this.read('clients:matrix', input),
    'clients:ids': (input) => this.read('clients:ids', input),
    'clients:bulkTagPreview': (input) => this.read('clients:bulkTagPreview', input),
    'clients:bulkTag': async ({ clientIds, name, color, on }) =>
      this.notOffered('partnerships', on ? 'tag.assign' : 'tag.unassign') ??
      this.outboxAction((state) => bulkTag(state.raw, clientIds, name, color, on, this.deps.now()), (sync) => sync.startPush()),
    'clients:profile': (input) => this.read('clients:profile', input),
    'clients:impact': (input) => this.read('clients:impact', input),
    'notes:set': async ({ clientId, body }) => {
      const state = this.state
      if (state.kind !== 'ready') return this.unavailable(state)
      try {
        return ok(setNote(state.raw, clientId, body, this.deps.now()))
      } catch (error) {
        if (error instanceof UnknownClient) return fail('invalid_input', `clientId: ${error.message}`)
        throw error
      }
    },
    'views:list': (input) => this.read('views:list', input),
    'views:save': async ({ name, route }) => this.whenReady((state) => saveView(state.raw, name, route, this.deps.now())),
    'views:delete': async ({ id }) => this.whenReady((state) => deleteView(state.raw, id)),
    'staff:list': (input) => this.read('staff:list', input),
    'staff:save': async ({ invitationId, label }) => this.whenReady((state) => saveStaff(state.raw, invitationId, label)),
    'staff:assignPreview': (input) => this.read('staff:assignPreview', input),
    'renewals:list': (input) => this.read('renewals:list', input),
    'renewals:setLeads': async ({ leads }) => this.whenReady((state) => writeLeads(state.raw, leads)),
    'renewals:due': (input) => this.read('renewals:due', input),
    'renewals:shown': async ({ keys }) =>
      this.whenReady((state) => {
        markShown(state.raw, keys, this.deps.now())
        return { recorded: keys.length }
      }),
    'renewals:shownAll': async ({ digest }) => {
      const state = this.state
      if (state.kind !== 'ready') return this.unavailable(state)
      const recorded = markAllDueShown(state.raw, digest, this.deps.now())
      return recorded === null ? fail('invalid_input', 'renewals:shownAll: other reminders are due now; nothing was recorded') : ok({ recorded })
    },
    'renewals:snooze': async ({ key, hours }) =>
      this.whenReady((state) => {
        const until = this.deps.now() + hours * 3600
        snooze(state.raw, key, until)
        return { until }
      }),
  }

  /** An export to a path the host resolved (protocol.ts: never a contract channel). */
  startExport(spec: ExportSpec, target: string): Result<{ exportId: number }> {
    const state = this.state
    return state.kind === 'ready' ? state.exports.start(spec, target) : this.unavailable(state)
  }

  private async read<C extends ReadChannel>(channel: C, input: ParsedInput<C>): Promise<Result<Output<C>>> {
    const state = this.state
    if (state.kind !== 'ready') return this.unavailable(state)
    return answerRead({ raw: state.raw, db: state.db, now: this.deps.now }, channel, input)
  }

  /** Sync exists only for an account's cache, not for the demo. */
  private async whenSyncable<T>(run: (sync: SyncJob) => Result<T>): Promise<Result<T>> {
    const state = this.state
    if (state.kind !== 'ready') return this.unavailable(state)
    if (!state.sync) return fail('invalid_input', 'the demo data has no Infomaniak account to sync: add an account first')
    return run(state.sync)
  }

  private async whenReady<T>(run: (state: Extract<State, { kind: 'ready' }>) => T | Promise<T>): Promise<Result<T>> {
    const state = this.state
    if (state.kind !== 'ready') return this.unavailable(state)
    return ok(await run(state))
  }

  private unavailable(state: Exclude<State, { kind: 'ready' }>): Result<never> {
    switch (state.kind) {
      case 'corrupt':
        return fail('cache_unavailable', `the cache is damaged: ${state.message}`)
      case 'unopenable':
        return fail('cache_unavailable', `the cache cannot be opened: ${state.message}`)
      case 'too_new':
        return fail('cache_unavailable', 'the cache was written by a newer version of Partner Desk')
    }
  }

  private async open(): Promise<State> {
    const outcome = openCache(this.config.dbPath, this.config.nativeBinding ? { nativeBinding: this.config.nativeBinding } : {})
    if (outcome.state === 'too_new') return { kind: 'too_new', fileVersion: outcome.fileVersion, appVersion: outcome.appVersion }
    if (outcome.state !== 'ready') return { kind: outcome.state, message: outcome.message }
    if (this.config.demoOnFirstOpen && readDataset(outcome.db).kind === 'empty') await this.seed(outcome.db, this.config.demoOnFirstOpen)
    // A change sent when the app stopped may or may not have landed: it goes again, with the same key.
    recoverInFlight(outcome.db)
    // A pull stopped while it staged the billing history (killed, say) left the staged lines in the file: nothing reads them.
    dropHistoryStage(outcome.db)
    // An export stopped by force (the app killed) left a temporary file beside its target: it goes now.
    recoverInterrupted(outcome.db, this.deps.now())
    return {
      kind: 'ready',
      raw: outcome.db,
      db: createKysely(outcome.db),
      schemaVersion: outcome.schemaVersion,
      integrity: 'checking',
      sync: this.config.remote ? this.syncJob(outcome.db, this.config.remote) : null,
      exports: new ExportJobs(outcome.db, this.deps.emit, this.deps.now, this.deps.checkExport),
    }
  }

  /** Makes `state` the core's, then checks the file beside it (the check compares against the state it started for). */
  private adopt(state: State): void {
    this.state = state
    if (state.kind === 'ready') void this.checkIntegrity(state)
  }

  private async checkIntegrity(state: Extract<State, { kind: 'ready' }>): Promise<void> {
    const result = await this.deps.checkIntegrity({
      path: this.config.dbPath,
      ...(this.config.nativeBinding ? { nativeBinding: this.config.nativeBinding } : {}),
    })
    // The cache may have been closed or replaced while the check ran.
    if (this.state !== state) return
    if (result.ok) {
      state.integrity = 'ok'
    } else if (result.damage === 'unavailable') {
      // The check could not run (its thread failed to start): the file is not known to be damaged.
      state.integrity = 'unchecked'
    } else {
      // Stop using a damaged file (once a sync under way has stopped); the user decides what happens next.
      this.state = { kind: 'corrupt', message: result.message }
      await state.sync?.settle()
      state.raw.close()
    }
    this.deps.emit('cache:status', this.status())
  }

  private syncJob(raw: BetterSqlite3.Database, remote: NonNullable<WorkerConfig['remote']>): SyncJob {
    return new SyncJob({
      db: () => raw,
      remote,
      token: this.deps.requestToken,
      now: this.deps.now,
      onProgress: (progress) => this.deps.emit('sync:progress', progress),
      onFinished: (outcome) => {
        // Imported lines kept as "client not in the cache" join a client the sync brought; if that fails they wait for the next sync.
        if (outcome.ok) {
          try {
            attachUnmatched(raw)
          } catch (error) {
            console.warn(`[partner-desk] imported lines not attached after the sync: ${error instanceof Error ? error.message : String(error)}`)
          }
        }
        this.deps.emit('sync:finished', outcome)
        if (outcome.ok) this.deps.emit('cache:changed', { reason: 'sync' })
      },
      onOutboxChanged: () => this.outboxChanged(raw),
      onDetails: () => this.deps.emit('cache:changed', { reason: 'sync' }),
      ...(this.deps.stageHistory ? { stageHistory: this.deps.stageHistory } : {}),
    })
  }

  private outboxChanged(raw: BetterSqlite3.Database): void {
    this.deps.emit('outbox:changed', outboxCounts(raw))
  }

  /** An outbox action: refusals the user can understand are invalid input, the rest is a fault. */
  /**
   * A change the account's server said it cannot take is not queued: it would
   * wait forever. The Manager does it (the UI links there).
   */
  private notOffered(family: CapabilityFamily | 'published', what: string): Result<never> | null {
    const state = this.state
    if (family === 'published' || state.kind !== 'ready' || !state.sync || readCapabilities(state.raw)[family]?.offered !== false) return null
    return fail('not_offered', `${what}: this account's server offers no endpoint for it (Infomaniak's published API has none); make the change in the Infomaniak Manager`)
  }

  private async outboxAction<T>(run: (state: Extract<State, { kind: 'ready' }>) => T, then?: (sync: SyncJob) => void): Promise<Result<T>> {
    const state = this.state
    if (state.kind !== 'ready') return this.unavailable(state)
    let value: T
    try {
      value = run(state)
    } catch (error) {
      if (error instanceof ChangeRefused || error instanceof NotActionable) return fail('invalid_input', error.message)
      throw error
    }
    this.outboxChanged(state.raw)
    this.deps.emit('cache:changed', { reason: 'change' })
    if (state.sync && then) then(state.sync)
    return ok(value)
  }

  private async seed(raw: BetterSqlite3.Database, size: DemoSize): Promise<void> {
    // Loaded on demand: the generator and its word lists cost ~200 ms to load,
    // which every launch after the first would otherwise pay.
    const { seedDemo } = await import('./cache/seed-demo')
    seedDemo(raw, size, this.deps.now(), (progress) => this.deps.emit('demo:progress', progress))
  }

  private moveAside(): string {
    const stamp = new Date(this.deps.now() * 1000).toISOString().replace(/[-:]/g, '').slice(0, 15)
    const target = asidePath(this.config.dbPath, stamp)
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(this.config.dbPath + suffix)) renameSync(this.config.dbPath + suffix, target + suffix)
    }
    return target
  }
}
