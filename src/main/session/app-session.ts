// What the app holds above any one cache: the accounts, their tokens, and the
// one core that is open (an account's cache, or the demo's). The Electron
// entry and the test bridge drive it through `dispatch`, as the renderer does.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { HOST_CHANNELS, type Channel, type HostChannel } from '../../shared/channels'
import type { AccountsOverview, AccountSummary, CacheStatus, DemoSize, EventName, EventPayload, Output, ParsedInput } from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/result'
import { testConnection } from '../accounts/connection-test'
import { INFOMANIAK_API } from '../accounts/data-dir'
import { AccountRegistry, type Account } from '../accounts/registry'
import { SettingsFile } from '../settings/settings-file'
import { NoSecretStorage, SecretStore, UnprotectedStorageRefused, type Cipher } from '../accounts/secret-store'
import { CoreHost, type EventListener } from '../core/host'
import type { RemoteConfig } from '../core/protocol'
import { INFOMANIAK_RATE_LIMIT } from '../core/remote/http'
import { createDispatcher, type Dispatch } from '../ipc/dispatcher'
import type { DesktopNotifier } from './desktop-notifier'

export interface AppSessionOptions {
  /** Where accounts.json, the tokens and the caches live (Electron's userData). */
  dataDir: string
  /** Encrypts tokens at rest: safeStorage in the app, a stand-in in tests. */
  cipher: Cipher
  /** The built worker entry (out/main/worker.js). */
  workerPath: string
  /** Electron's build of better-sqlite3; absent under plain Node. */
  nativeBinding?: string
  /** Fills the demo cache on its first open. */
  demoOnFirstOpen?: DemoSize
  /** Every account core's request budget; default Infomaniak's. 'off' only for a local test server. */
  rateLimit?: RemoteConfig['rateLimit']
  /** Fixed clock for tests, in Unix seconds. */
  now?: number
  /** Desktop notifications; without one, `desktop:notify` answers that none was shown. */
  notifier?: DesktopNotifier
}

interface OpenCore {
  /** null: the demo. */
  account: Account | null
  host: CoreHost
  /** Stops relaying its events: a core being closed must not speak for the one replacing it. */
  detach: () => void
}

type HostHandlers = { [C in HostChannel]: (input: ParsedInput<C>) => Promise<Result<Output<C>>> }

const hostChannels = new Set<string>(HOST_CHANNELS)
const isHostChannel = (channel: Channel): channel is HostChannel => hostChannels.has(channel)

/** How often an open account looks for changes: well within 60 requests a minute for an incremental sync of probes. */
const AUTO_SYNC_SECONDS = 15 * 60

const unknownAccount = (accountId: string) => fail('invalid_input', `accountId: no account with id ${accountId}`)

/** Refusals about where the token can be kept, as data the renderer explains; anything else is `internal`. */
async function refusalAsData<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof UnprotectedStorageRefused) return fail('unprotected_storage', error.message)
    if (error instanceof NoSecretStorage) return fail('no_keystore', error.message)
    throw error
  }
}

export class AppSession {
  /** Every channel, its input validated against the contract; never throws. */
  readonly dispatch: Dispatch
  private readonly registry: AccountRegistry
  private readonly secrets: SecretStore
  private readonly settings: SettingsFile
  private readonly listeners = new Set<EventListener>()
  /** null once closed. */
  private current: OpenCore | null
  /** Changes of account run one after another, never two cores opening at once. */
  private changes: Promise<unknown> = Promise.resolve()

  /** Opens the account that was active at the last exit, or the demo. */
  static start(options: AppSessionOptions): AppSession {
    return new AppSession(options)
  }

  private constructor(private readonly options: AppSessionOptions) {
    this.registry = new AccountRegistry(options.dataDir)
    this.secrets = new SecretStore(join(options.dataDir, 'tokens'), options.cipher)
    this.settings = new SettingsFile(options.dataDir, (message) => console.warn(`[partner-desk] ${message}`))
    this.current = this.openCore(this.lastActive())
    this.dispatch = createDispatcher({ call: (channel, input) => this.route(channel, input) })
  }

  /** Events of whichever core is open, across switches, and `accounts:changed`. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Lets the open core finish and close its cache; every later call is refused. */
  async close(): Promise<void> {
    await this.exclusive(async (open) => {
      this.current = null
      open.detach()
      await open.host.close()
      return ok(undefined)
    })
  }

  private readonly handlers: HostHandlers = {
    'accounts:list': async () => ok(await this.overview()),
    'accounts:add': (input) => this.exclusive((open) => refusalAsData(() => this.add(open, input))),
    'accounts:test': ({ token, baseUrl }) => testConnection(baseUrl ?? INFOMANIAK_API, token),
    'accounts:update': (input) => this.exclusive((open) => refusalAsData(() => this.update(open, input))),
    'accounts:remove': ({ accountId }) => this.exclusive((open) => refusalAsData(() => this.remove(open, accountId))),
    'accounts:switch': ({ accountId }) => this.exclusive((open) => this.switchTo(open, accountId)),
    'accounts:setToken': (input) => this.exclusive(() => refusalAsData(() => this.setToken(input))),
    'accounts:compromised': (input) => this.exclusive((open) => this.compromised(open, input)),
    'settings:get': async () => ok(this.settings.read()),
    'settings:set': async (changes) => ok(this.settings.write(changes)),
    'desktop:notify': async (notice) => {
      const click = () => this.emit('desktop:notificationClicked', { key: notice.key, route: notice.route })
      return ok({ shown: this.options.notifier?.show(notice, click) ?? false })
    },
  }

  private async route(channel: Channel, input: unknown): Promise<Result<unknown>> {
    if (isHostChannel(channel)) return (this.handlers[channel] as (input: unknown) => Promise<Result<unknown>>)(input)
    // A call made during a switch belongs to the core the switch opens, not to the one it closes.
    await this.changes
    if (!this.current) return fail('cache_unavailable', 'Partner Desk is closing')
    return this.current.host.call(channel, input)
  }

  private async add(open: OpenCore, { label, token, baseUrl, organizationId, acceptUnprotected }: ParsedInput<'accounts:add'>): Promise<Result<AccountSummary>> {
    if (this.registry.findByLabel(label)) return fail('invalid_input', `label: an account named "${label}" already exists`)
    // The token first: an account is never listed without the token it was added with.
    const id = randomUUID()
    await this.secrets.save(id, token, { acceptUnprotected })
    let account: Account
    try {
      account = this.registry.add(label, this.now(), { id, baseUrl, organizationId })
    } catch (error) {
      this.secrets.forget(id)
      throw error
    }
    const opened = await this.replace(open, account)
    // Only the start is awaited: progress and the end arrive as events.
    await opened.host.call('sync:start', { mode: 'full' })
    await this.changed()
    return ok(this.summary(account))
  }

  /** A new label, address or organization; the open account's core is opened again on it, so its next sync uses them. */
  private async update(open: OpenCore, { accountId, ...patch }: ParsedInput<'accounts:update'>): Promise<Result<AccountSummary>> {
    if (!this.registry.find(accountId)) return unknownAccount(accountId)
    const account = this.registry.update(accountId, patch)
    if (open.account?.id === accountId) await this.replace(open, account)
    await this.changed()
    return ok(this.summary(account))
  }

  /** Forgets the account: its token, its cache files, its place in the list; the demo opens if it was open. */
  private async remove(open: OpenCore, accountId: string): Promise<Result<AccountsOverview>> {
    if (!this.registry.find(accountId)) return unknownAccount(accountId)
    this.secrets.forget(accountId)
    // Its core must let go of the file before the file can go.
    if (open.account?.id === accountId) await this.replace(open, null)
    this.registry.deleteCache(accountId)
    this.registry.remove(accountId)
    await this.changed()
    return ok(await this.overview())
  }

  private async switchTo(open: OpenCore, accountId: string | null): Promise<Result<CacheStatus>> {
    if ((open.account?.id ?? null) === accountId) return this.status(open)
    let account: Account | null = null
    if (accountId !== null) {
      const found = this.registry.find(accountId)
      if (!found) return unknownAccount(accountId)
      account = found
    }
    const status = await this.status(await this.replace(open, account))
    await this.changed()
    return status
  }

  private async setToken({ accountId, token, acceptUnprotected }: ParsedInput<'accounts:setToken'>): Promise<Result<AccountSummary>> {
    const account = this.registry.find(accountId)
    if (!account) return unknownAccount(accountId)
    await this.secrets.save(accountId, token, { acceptUnprotected })
    await this.changed()
    return ok(this.summary(account))
  }

  private async compromised(open: OpenCore, { accountId, wipeData }: ParsedInput<'accounts:compromised'>): Promise<Result<AccountsOverview>> {
    if (!this.registry.find(accountId)) return unknownAccount(accountId)
    this.secrets.forget(accountId)
    const isOpen = open.account?.id === accountId
    // A sync under way already holds the token in memory: stop it too.
    if (isOpen) await open.host.call('sync:cancel', {})
    if (wipeData) {
      // Its core must let go of the file before the file can go.
      if (isOpen) await this.replace(open, null)
      this.registry.deleteCache(accountId)
    }
    await this.changed()
    return ok(await this.overview())
  }

  /** Closes the open core, then opens the account's (or the demo's), remembered for the next launch. */
  private async replace(closing: OpenCore, account: Account | null): Promise<OpenCore> {
    // Recorded first: if the list cannot be written, nothing has changed yet.
    this.registry.setActive(account?.id ?? null)
    closing.detach()
    await closing.host.close()
    this.current = this.openCore(account)
    return this.current
  }

  private openCore(account: Account | null): OpenCore {
    const { workerPath, nativeBinding, now, demoOnFirstOpen, rateLimit } = this.options
    const common = { workerPath, nativeBinding, now, dbPath: this.registry.cachePath(account?.id ?? null) }
    const host =
      account === null
        ? new CoreHost({ ...common, demoOnFirstOpen })
        : new CoreHost({
            ...common,
            remote: {
              baseUrl: account.baseUrl,
              ...(account.organizationId === undefined ? {} : { organizationId: account.organizationId }),
              rateLimit: rateLimit ?? INFOMANIAK_RATE_LIMIT,
              // The test bridge (rate limit off) syncs only when asked.
              ...(rateLimit === 'off' ? {} : { syncEverySeconds: AUTO_SYNC_SECONDS }),
            },
            // Read from the keystore at each sync, so a new or forgotten token counts at once.
            token: () => this.secrets.load(account.id),
          })
    const detach = host.onEvent((event, payload) => this.emit(event, payload))
    return { account, host, detach }
  }

  private lastActive(): Account | null {
    try {
      const { accounts, active } = this.registry.read()
      return accounts.find((account) => account.id === active) ?? null
    } catch {
      // A damaged accounts.json must not keep the app from starting: it opens
      // on the demo, and `accounts:list` says what is wrong with the file.
      return null
    }
  }

  private exclusive<T>(change: (open: OpenCore) => Promise<Result<T>>): Promise<Result<T>> {
    const run = this.changes.then(() => (this.current ? change(this.current) : fail('cache_unavailable', 'Partner Desk is closing')))
    this.changes = run.catch(() => undefined)
    return run
  }

  private status(open: OpenCore): Promise<Result<CacheStatus>> {
    return open.host.call('cache:status', {}) as Promise<Result<CacheStatus>>
  }

  private async overview(): Promise<AccountsOverview> {
    return {
      active: this.current?.account?.id ?? null,
      accounts: this.registry.read().accounts.map((account) => this.summary(account)),
      protection: await this.secrets.protection(),
    }
  }

  private summary({ id, label, baseUrl, organizationId }: Account): AccountSummary {
    return { id, label, baseUrl, ...(organizationId === undefined ? {} : { organizationId }), hasToken: this.secrets.has(id) }
  }

  private async changed(): Promise<void> {
    this.emit('accounts:changed', await this.overview())
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload)
  }

  private now(): number {
    return this.options.now ?? Math.floor(Date.now() / 1000)
  }
}
