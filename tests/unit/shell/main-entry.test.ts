// src/main/index.ts wired against a fake Electron and a fake core: what a
// launch does, without the Electron binary.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/channels'
import { FakeWebContents } from './fakes'

const scratch = mkdtempSync(join(tmpdir(), 'partner-desk-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const fake = vi.hoisted(() => ({
  appPath: '',
  hasLock: true,
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  quit: vi.fn(),
  exit: vi.fn(),
  showErrorBox: vi.fn(),
  handled: [] as string[],
  windows: [] as Array<{ loadURL: ReturnType<typeof vi.fn>; webContents: unknown }>,
  hosts: [] as Array<{ options: Record<string, unknown>; close: ReturnType<typeof vi.fn> }>,
  ready: null as null | (() => void),
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
      getPath: (name: string) => `/home/user/.config/partner-desk-${name}`,
      on: (event: string, listener: (...args: unknown[]) => void) => fake.appListeners.set(event, listener),
      whenReady: () => new Promise<void>((resolve) => (fake.ready = resolve)),
    },
    BrowserWindow: class {
      static getAllWindows = () => fake.windows
      readonly webContents = new Contents()
      readonly loadURL = vi.fn(async () => undefined)
      constructor() {
        fake.windows.push(this)
      }
      once() {}
    },
    dialog: { showErrorBox: fake.showErrorBox },
    ipcMain: { handle: (channel: string) => fake.handled.push(channel) },
    nativeTheme: { shouldUseDarkColors: false },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
  }
})

vi.mock('../../../src/main/core/host', () => ({
  CoreHost: class {
    readonly close = vi.fn(async () => undefined)
    constructor(readonly options: Record<string, unknown>) {
      fake.hosts.push(this)
    }
    onEvent() {
      return () => undefined
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

beforeEach(() => {
  fake.hasLock = true
  fake.appListeners.clear()
  fake.handled.length = 0
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
      dbPath: join('/home/user/.config/partner-desk-userData', 'caches', 'demo.sqlite'),
      nativeBinding: join(fake.appPath, '.native', 'electron', 'better_sqlite3.node'),
      demoOnFirstOpen: 'small',
    })
    expect(new Set(fake.handled)).toEqual(new Set(CHANNELS))
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0]!.loadURL).toHaveBeenCalledWith(expect.stringMatching(/^file:.*\/renderer\/index\.html$/))
    expect(fake.showErrorBox).not.toHaveBeenCalled()
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
    expect(fake.hosts[0]!.close).toHaveBeenCalled()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(fake.quit).toHaveBeenCalled()
    // The second will-quit lets the app go.
    const again = { preventDefault: vi.fn() }
    fake.appListeners.get('will-quit')!(again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('leaves at once when another instance holds the lock', async () => {
    fake.hasLock = false
    await launch()
    expect(fake.quit).toHaveBeenCalled()
    expect(fake.ready).toBeNull()
    expect(fake.hosts).toHaveLength(0)
  })
})
