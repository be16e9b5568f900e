// src/main/index.ts wired against a fake Electron and a fake core: what a
// launch does, without the Electron binary.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, type EventName } from '../../../src/shared/channels'
import { ok, type Result } from '../../../src/shared/result'
import { INFOMANIAK_RATE_LIMIT } from '../../../src/main/core/remote/http'
import { FakeWebContents, frame } from './fakes'

const scratch = mkdtempSync(join(tmpdir(), 'partner-desk-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

type Handler = (event: IpcMainInvokeEvent, input?: unknown) => Promise<Result<unknown>>

const fake = vi.hoisted(() => ({
  appPath: '',
  userData: '',
  hasLock: true,
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  quit: vi.fn(),
  exit: vi.fn(),
  showErrorBox: vi.fn(),
  handled: new Map<string, Handler>(),
  windows: [] as Array<{ loadURL: ReturnType<typeof vi.fn>; webContents: FakeWebContents; restore: ReturnType<typeof vi.fn>; focus: ReturnType<typeof vi.fn> }>,
  hosts: [] as Array<{
    options: Record<string, unknown>
    close: ReturnType<typeof vi.fn>
    emit: (event: EventName, payload: unknown) => void
  }>,
  ready: null as null | (() => void),
  privileged: vi.fn(),
  handleProtocol: vi.fn(),
  setMenu: vi.fn(),
}))

vi.mock('electron', async () => {
  const { FakeWebContents: Contents } = await import('./fakes')
  return {
    app: {
      isPackaged: false,
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: () => fake.hasLock,
      quit: fake.quit,
      exit: fake.exit,
      getAppPath: () => fake.appPath,
      getPath: (name: string) => (name === 'userData' ? fake.userData : `/nowhere/${name}`),
      on: (event: string, listener: (...args: unknown[]) => void) => fake.appListeners.set(event, listener),
      whenReady: () => new Promise<void>((resolve) => (fake.ready = resolve)),
    },
    BrowserWindow: class {
      static getAllWindows = () => fake.windows
      readonly webContents = new Contents()
      readonly loadURL = vi.fn(async () => undefined)
      readonly isMinimized = () => true
      readonly restore = vi.fn()
      readonly focus = vi.fn()
      constructor() {
        fake.windows.push(this)
      }
      once() {}
    },
    dialog: { showErrorBox: fake.showErrorBox },
    ipcMain: { handle: (channel: string, handler: Handler) => fake.handled.set(channel, handler) },
    nativeTheme: { shouldUseDarkColors: false },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), protocol: { handle: fake.handleProtocol } } },
    protocol: { registerSchemesAsPrivileged: fake.privileged },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: fake.setMenu },
    shell: { openExternal: vi.fn() },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: async (plain: string) => Buffer.from(plain).reverse(),
      decryptStringAsync: async (encrypted: Buffer) => ({ result: Buffer.from(encrypted).reverse().toString(), shouldReEncrypt: false }),
    },
  }
})

vi.mock('../../../src/main/core/host', () => ({
  CoreHost: class {
    private readonly listeners = new Set<(event: EventName, payload: unknown) => void>()
    readonly close = vi.fn(async () => undefined)
    readonly call = vi.fn(async (channel: string) => ({ ok: true, value: { answeredBy: this.options.dbPath, channel } }))
    constructor(readonly options: Record<string, unknown>) {
      fake.hosts.push(this)
    }
    onEvent(listener: (event: EventName, payload: unknown) => void) {
      this.listeners.add(listener)
      return () => this.listeners.delete(listener)
    }
    emit(event: EventName, payload: unknown) {
      for (const listener of this.listeners) listener(event, payload)
    }
  },
}))

async function launch(): Promise<void> {
  vi.resetModules()
  await import('../../../src/main/index')
  fake.ready?.()
  await new Promise((resolve) => setTimeout(resolve, 0))
}

function projectWithBinding(): string {
  const root = mkdtempSync(join(scratch, 'pd-app-'))
  mkdirSync(join(root, '.native', 'electron'), { recursive: true })
  writeFileSync(join(root, '.native', 'electron', 'better_sqlite3.node'), `node_register_module_v${process.versions.modules}`)
  return root
}

/** Invokes a channel as the app's own window would. */
function invoke(channel: string, input?: unknown): Promise<Result<unknown>> {
  const appUrl = fake.windows[0]!.loadURL.mock.calls[0]![0] as string
  return fake.handled.get(channel)!({ senderFrame: frame(appUrl) } as unknown as IpcMainInvokeEvent, input)
}

beforeEach(() => {
  fake.userData = mkdtempSync(join(scratch, 'user-data-'))
  fake.hasLock = true
  fake.appListeners.clear()
  fake.handled.clear()
  fake.windows.length = 0
  fake.hosts.length = 0
  fake.ready = null
  fake.quit.mockClear()
  fake.exit.mockClear()
  fake.showErrorBox.mockClear()
})

describe('the Electron entry', () => {
  it('starts the core on the demo cache with the Electron build, registers the contract, opens one window', async () => {
    fake.appPath = projectWithBinding()
    await launch()

    expect(fake.hosts).toHaveLength(1)
    expect(fake.hosts[0]!.options).toMatchObject({
      workerPath: expect.stringMatching(/worker\.js$/),
      dbPath: join(fake.userData, 'caches', 'demo.sqlite'),
      nativeBinding: join(fake.appPath, '.native', 'electron', 'better_sqlite3.node'),
      demoOnFirstOpen: 'small',
    })
    expect(fake.hosts[0]!.options.remote).toBeUndefined()
    expect(new Set(fake.handled.keys())).toEqual(new Set(CHANNELS))
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0]!.loadURL).toHaveBeenCalledWith('app://partner-desk/index.html')
    // The scheme is privileged before ready, then served from the built renderer only.
    // codeCache: compiled code kept between launches (Electron needs standard too for it).
    expect(fake.privileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) }])
    expect(fake.handleProtocol).toHaveBeenCalledWith('app', expect.any(Function))
    expect(fake.setMenu).toHaveBeenCalledTimes(1)
    expect(fake.showErrorBox).not.toHaveBeenCalled()
  })

  it('opens on the account active at the last exit, syncing from its API at Infomaniak\'s pace', async () => {
    const id = '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11'
    writeFileSync(
      join(fake.userData, 'accounts.json'),
      JSON.stringify({ version: 1, accounts: [{ id, label: 'Office', baseUrl: 'https://api.example.ch', createdAt: 0 }], active: id }),
    )
    fake.appPath = projectWithBinding()
    await launch()
    expect(fake.hosts).toHaveLength(1)
    expect(fake.hosts[0]!.options).toMatchObject({
      dbPath: join(fake.userData, 'caches', `account-${id}.sqlite`),
      remote: { baseUrl: 'https://api.example.ch', rateLimit: INFOMANIAK_RATE_LIMIT },
      token: expect.any(Function),
    })
    expect(fake.hosts[0]!.options.demoOnFirstOpen).toBeUndefined()
  })

  it("routes core channels to the open core, switches accounts itself, and relays only the open core's events", async () => {
    const id = '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11'
    writeFileSync(join(fake.userData, 'accounts.json'), JSON.stringify({ version: 1, accounts: [{ id, label: 'Office', createdAt: 0 }], active: null }))
    fake.appPath = projectWithBinding()
    await launch()
    const [demo] = fake.hosts
    const contents = fake.windows[0]!.webContents

    expect(await invoke('cache:info', {})).toEqual(ok({ answeredBy: join(fake.userData, 'caches', 'demo.sqlite'), channel: 'cache:info' }))
    expect(await invoke('accounts:switch', { accountId: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('accountId') } })
    expect(await invoke('accounts:switch', { accountId: id })).toMatchObject({ ok: true })
    expect(demo!.close).toHaveBeenCalled()
    const account = fake.hosts[1]!
    expect(account.options).toMatchObject({ dbPath: join(fake.userData, 'caches', `account-${id}.sqlite`) })
    expect(contents.send).toHaveBeenCalledWith('accounts:changed', { active: id, accounts: [expect.objectContaining({ id, hasToken: false })], protection: 'os_keystore' })

    contents.send.mockClear()
    demo!.emit('sync:progress', { from: 'the closed demo core' })
    account.emit('sync:progress', { from: 'the account core' })
    expect(contents.send.mock.calls).toEqual([['sync:progress', { from: 'the account core' }]])
  })

  it('hardens every webContents the app creates', async () => {
    fake.appPath = projectWithBinding()
    await launch()
    const contents = new FakeWebContents()
    fake.appListeners.get('web-contents-created')!({}, contents)
    expect(contents.windowOpenHandler).not.toBeNull()
  })

  it('explains a missing Electron build in a dialog and exits, without starting the core', async () => {
    fake.appPath = mkdtempSync(join(scratch, 'pd-app-'))
    await launch()
    expect(fake.showErrorBox).toHaveBeenCalledExactlyOnceWith(expect.any(String), expect.stringContaining('npm start'))
    expect(fake.exit).toHaveBeenCalledWith(1)
    expect(fake.hosts).toHaveLength(0)
    expect(fake.windows).toHaveLength(0)
  })

  it('closes the core before quitting', async () => {
    fake.appPath = projectWithBinding()
    await launch()
    const event = { preventDefault: vi.fn() }
    fake.appListeners.get('will-quit')!(event)
    expect(event.preventDefault).toHaveBeenCalled()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(fake.hosts[0]!.close).toHaveBeenCalled()
    expect(fake.quit).toHaveBeenCalled()
    // The second will-quit lets the app go.
    const again = { preventDefault: vi.fn() }
    fake.appListeners.get('will-quit')!(again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('brings its window back when the app is launched a second time', async () => {
    fake.appPath = projectWithBinding()
    await launch()
    fake.appListeners.get('second-instance')!({}, [], '')
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0]!.restore).toHaveBeenCalled()
    expect(fake.windows[0]!.focus).toHaveBeenCalled()
  })

  it('leaves at once when another instance holds the lock', async () => {
    fake.hasLock = false
    await launch()
    expect(fake.quit).toHaveBeenCalled()
    expect(fake.ready).toBeNull()
    expect(fake.hosts).toHaveLength(0)
  })
})
