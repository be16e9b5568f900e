// One account's syncs: at most one at a time, in the background, with one
// rate limiter shared by every call it makes, and what the user needs to
// know afterwards (online or not, token refused, the last error).
import type BetterSqlite3 from 'better-sqlite3'
import { SYNCED_LISTS, type SyncStatus, type SyncSummary, type SyncedList, type SyncProgress } from '../../../shared/contract'
import { fail, type AppError, type Result, ok } from '../../../shared/result'
import type { RemoteConfig } from '../protocol'
import { createRateLimiter, createRemoteClient, RemoteError, unlimitedRateLimiter, type RateLimiter, type RemoteClient } from '../remote/http'
import { push } from '../outbox/push'
import { rebase } from '../outbox/store'
import type { HistoryStaging } from './history/stager'
import { NotAPartner, pull, type PullMode } from './pull'
import { DETAILS_EVERY_MS, nextWithoutDetails, readDetails } from './details'
import { capabilityStates, dataSources } from './sources'

export interface SyncJobDeps {
  db: () => BetterSqlite3.Database
  remote: RemoteConfig
  token: () => Promise<string | null>
  now: () => number
  onProgress: (progress: SyncProgress) => void
  onFinished: (outcome: { ok: true; summary: SyncSummary } | { ok: false; error: AppError }) => void
  /** After a push changed the outbox. */
  onOutboxChanged: () => void
  /** After an organization's details were read (details.ts). */
  onDetails?: () => void
  random?: () => number
  stageHistory?: HistoryStaging
}

/** A sync sends the changes made offline first, then reads the server; `push` only sends. */
type Run = { kind: 'sync'; mode: PullMode } | { kind: 'push' }

/** What the user is told about a failed sync; `online` is what it says about the network. */
function describeFailure(error: unknown): { error: AppError; online: boolean | null; tokenInvalid: boolean } {
  if (error instanceof RemoteError) {
    switch (error.failure.kind) {
      case 'token_invalid':
        return { error: { code: 'token_invalid', message: `${error.message}. Enter a new token for this account.` }, online: true, tokenInvalid: true }
      case 'network':
      case 'timeout':
        return { error: { code: 'offline', message: `Infomaniak could not be reached (${error.message}); the data shown is as of the last sync.` }, online: false, tokenInvalid: false }
      case 'cancelled':
        return { error: { code: 'cancelled', message: 'the sync was cancelled; nothing was changed' }, online: null, tokenInvalid: false }
      default:
        return { error: { code: 'remote', message: `${error.message}; nothing was changed` }, online: true, tokenInvalid: false }
    }
  }
  if (error instanceof NotAPartner) return { error: { code: 'remote', message: error.message }, online: true, tokenInvalid: false }
  return { error: { code: 'internal', message: error instanceof Error ? error.message : String(error) }, online: null, tokenInvalid: false }
}

export class SyncJob {
  private running: AbortController | null = null
  private current: Promise<void> = Promise.resolve()
  private online: boolean | null = null
  private tokenInvalid = false
  private lastError: AppError | null = null
  private readonly limiter: RateLimiter

  /** The next push of changes waiting out their backoff; one timer, never a polling loop. */
  private retryTimer: NodeJS.Timeout | null = null
  /** The next background read of an organization's details; stops when none is left to read. */
  private detailsTimer: NodeJS.Timeout | null = null
  /** The periodic sync, if the account has one. */
  private readonly periodic: NodeJS.Timeout | null
  /** The cache is closing or was found damaged: nothing may start on it again. */
  private settled = false

  constructor(private readonly deps: SyncJobDeps) {
    this.limiter = deps.remote.rateLimit === 'off' ? unlimitedRateLimiter : createRateLimiter(deps.remote.rateLimit)
    this.periodic = deps.remote.syncEverySeconds ? setInterval(() => this.start('incremental'), deps.remote.syncEverySeconds * 1000).unref() : null
  }

  /** Schedules a push for when the earliest waiting change is due again. */
  private scheduleRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    if (this.settled) return
    const next = this.deps
      .db()
      .prepare("SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending' AND next_attempt_at IS NOT NULL")
      .pluck()
      .get() as number | null
    if (next === null) return
    const delay = Math.max(1, next - this.deps.now()) * 1000
    this.retryTimer = setTimeout(() => this.startPush(), Math.min(delay, 2 ** 31 - 1))
    this.retryTimer.unref()
  }

  start(mode: PullMode): Result<{ started: true }> {
    if (this.settled) return fail('cache_unavailable', 'the cache is closed or damaged: no sync starts on it')
    if (this.running) return fail('busy', 'a sync is already running')
    const controller = new AbortController()
    this.running = controller
    this.current = this.run({ kind: 'sync', mode }, controller)
    return ok({ started: true })
  }

  /** Sends the outbox now, unless a sync (which sends it too) is under way. */
  startPush(): { started: boolean } {
    if (this.running || this.settled) return { started: false }
    const controller = new AbortController()
    this.running = controller
    this.current = this.run({ kind: 'push' }, controller)
    return { started: true }
  }

  cancel(): { cancelled: boolean } {
    if (!this.running) return { cancelled: false }
    this.running.abort()
    return { cancelled: true }
  }

  status(): SyncStatus {
    const rows = this.deps
      .db()
      .prepare('SELECT resource, max(coalesce(last_full_at, 0), coalesce(last_incremental_at, 0)) AS at FROM sync_state')
      .all() as Array<{ resource: string; at: number }>
    const asOf = Object.fromEntries(SYNCED_LISTS.map((list) => [list, null])) as Record<SyncedList, number | null>
    for (const row of rows) if (row.resource in asOf && row.at > 0) asOf[row.resource as SyncedList] = row.at
    const capabilities = capabilityStates(this.deps.db())
    return {
      running: this.running !== null,
      online: this.online,
      tokenInvalid: this.tokenInvalid,
      lastError: this.lastError,
      asOf,
      capabilities,
      sources: dataSources(capabilities, asOf),
    }
  }

  /**
   * Reads one organization's details now (the user opened it), beside
   * whatever else runs: the same rate limiter paces it.
   */
  refreshDetails(id: number): { started: boolean } {
    if (this.settled) return { started: false }
    void this.details(id).catch(() => undefined)
    return { started: true }
  }

  /** Reads the details of one organization, then of the next, every DETAILS_EVERY_MS, while the server answers. */
  private scheduleDetails(): void {
    if (this.detailsTimer) clearTimeout(this.detailsTimer)
    this.detailsTimer = setTimeout(() => {
      this.detailsTimer = null
      if (this.settled) return
      const next = nextWithoutDetails(this.deps.db())
      if (next === null) return
      // A sync holds the limiter and the cache: try again after it.
      if (this.running) return this.scheduleDetails()
      this.details(next).then(
        () => this.scheduleDetails(),
        // Offline, a refused token, a malformed answer: the next sync starts the reads again.
        () => undefined,
      )
    }, DETAILS_EVERY_MS)
    this.detailsTimer.unref()
  }

  private async details(id: number): Promise<void> {
    const token = await this.deps.token()
    if (token === null) return
    await readDetails(this.deps.db(), this.client(token), id, this.deps.now())
    this.deps.onDetails?.()
  }

  /** A feature's own call outside a sync (consulting a tender): the account's token, the shared rate limiter. */
  async withClient<T>(run: (client: RemoteClient, partnerId: number | null) => Promise<T>): Promise<T> {
    const token = await this.deps.token()
    if (token === null) throw new Error('no token is stored for this account: enter one first')
    const partner = this.deps.db().prepare("SELECT value FROM cache_meta WHERE key = 'partner_id'").pluck().get() as string | undefined
    return run(this.client(token), partner === undefined ? null : Number(partner))
  }

  private client(token: string, onRequest?: () => void) {
    return createRemoteClient({
      baseUrl: this.deps.remote.baseUrl,
      token: () => token,
      rateLimiter: this.limiter,
      ...(this.deps.remote.timeoutMs ? { timeoutMs: this.deps.remote.timeoutMs } : {}),
      ...(onRequest ? { onRequest } : {}),
    })
  }

  /**
   * Stops the job for good: its timers go (a closed or damaged cache is never
   * synced again, and a recovered one gets a job of its own), and the sync
   * under way is waited for (closing the cache must not cut a merge in half).
   */
  async settle(): Promise<void> {
    if (this.detailsTimer) clearTimeout(this.detailsTimer)
    this.settled = true
    if (this.periodic) clearInterval(this.periodic)
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.running?.abort()
    await this.current
  }

  private async run(job: Run, controller: AbortController): Promise<void> {
    let requests = 0
    try {
      const token = await this.deps.token()
      if (token === null) {
        this.finish({ error: { code: 'token_invalid', message: 'no token is stored for this account: enter one to sync' }, online: null, tokenInvalid: true }, job)
        return
      }
      const client = this.client(token, () => {
        requests++
      })
      const db = this.deps.db()
      const partner = db.prepare("SELECT value FROM cache_meta WHERE key = 'partner_id'").pluck().get() as string | undefined
      try {
        await push(db, client, {
          partnerId: partner === undefined ? null : Number(partner),
          now: this.deps.now,
          random: this.deps.random ?? Math.random,
          signal: controller.signal,
        })
      } finally {
        this.deps.onOutboxChanged()
        this.scheduleRetry()
      }
      if (job.kind === 'push') {
        this.online = true
        this.running = null
        return
      }
      const { mode } = job
      const summary = await pull(db, client, {
        mode,
        now: this.deps.now(),
        signal: controller.signal,
        onProgress: this.deps.onProgress,
        afterMerge: (merged) => rebase(merged, this.deps.now()),
        ...(this.deps.stageHistory ? { history: this.deps.stageHistory } : {}),
        ...(this.deps.remote.organizationId === undefined ? {} : { organizationId: this.deps.remote.organizationId }),
      })
      this.online = true
      this.tokenInvalid = false
      this.lastError = null
      this.running = null
      this.deps.onFinished({
        ok: true,
        summary: {
          mode,
          events: summary.events,
          unchanged: summary.unchanged.filter((list): list is SyncedList => (SYNCED_LISTS as readonly string[]).includes(list)),
          skippedProducts: summary.orphanProducts,
          requests,
        },
      })
      this.scheduleDetails()
    } catch (error) {
      this.finish(describeFailure(error), job)
    }
  }

  private finish(failure: { error: AppError; online: boolean | null; tokenInvalid: boolean }, job: Run = { kind: 'sync', mode: 'incremental' }): void {
    if (failure.online !== null) this.online = failure.online
    this.tokenInvalid = failure.tokenInvalid
    this.lastError = failure.error
    this.running = null
    // A background push that fails says so in the status and the outbox, not as a failed sync.
    if (job.kind === 'sync') this.deps.onFinished({ ok: false, error: failure.error })
    else this.deps.onOutboxChanged()
  }
}
