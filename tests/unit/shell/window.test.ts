import type { Session, WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeWebContents, navigationEvent } from './fakes'

const fake = vi.hoisted(() => ({
  openExternal: vi.fn(async (_url: string) => undefined),
  windows: [] as Array<{ options: unknown; show: ReturnType<typeof vi.fn>; listeners: Map<string, () => void> }>,
}))

vi.mock('electron', () => ({
  shell: { openExternal: fake.openExternal },
  BrowserWindow: class {
    readonly show = vi.fn()
    readonly listeners = new Map<string, () => void>()
    constructor(readonly options: unknown) {
      fake.windows.push(this)
    }
    once(event: string, listener: () => void) {
      this.listeners.set(event, listener)
    }
  },
}))

const { createMainWindow, hardenSession, hardenWebContents, rendererUrl, windowOptions } = await import(
  '../../../src/main/shell/window'
)

const APP_URL = 'app://partner-desk/index.html'

function hardened(): FakeWebContents {
  const contents = new FakeWebContents()
  hardenWebContents(contents as unknown as WebContents, APP_URL)
  return contents
}

beforeEach(() => {
  fake.openExternal.mockClear()
  fake.windows.length = 0
})

describe('windowOptions', () => {
  it('isolates and sandboxes the renderer, with no Node, no webviews and web security on', () => {
    const options = windowOptions('/app/out/preload/index.js', { dark: false, isPackaged: true })
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    })
  })

  it('offers DevTools only to an app that is not packaged', () => {
    expect(windowOptions('/p.js', { dark: false, isPackaged: false }).webPreferences?.devTools).toBe(true)
    expect(windowOptions('/p.js', { dark: false, isPackaged: true }).webPreferences?.devTools).toBe(false)
  })

  it('stays hidden until the first paint and paints the theme background', () => {
    const light = windowOptions('/p.js', { dark: false, isPackaged: true })
    const dark = windowOptions('/p.js', { dark: true, isPackaged: true })
    expect(light.show).toBe(false)
    expect(light.minWidth).toBeGreaterThan(0)
    expect(light.minHeight).toBeGreaterThan(0)
    expect(light.backgroundColor).not.toBe(dark.backgroundColor)
  })
})

describe('rendererUrl', () => {
  it('loads the built page from the app scheme, never from file://', () => {
    expect(rendererUrl({ isPackaged: false, devUrl: undefined })).toBe(APP_URL)
    expect(rendererUrl({ isPackaged: true, devUrl: undefined })).toBe(APP_URL)
  })

  it("uses electron-vite's dev server only when not packaged", () => {
    expect(rendererUrl({ isPackaged: false, devUrl: 'http://localhost:5173' })).toBe('http://localhost:5173')
    expect(rendererUrl({ isPackaged: true, devUrl: 'https://evil.example' })).toBe(APP_URL)
  })
})

describe('hardenWebContents: navigation', () => {
  it("lets the app's own page reload, and move between its own pages", () => {
    for (const url of [APP_URL, 'app://partner-desk/index.html#/billing']) {
      const event = navigationEvent(url)
      hardened().emit('will-navigate', event)
      expect(event.preventDefault).not.toHaveBeenCalled()
    }
  })

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'file://fileserver/share/out/renderer/index.html',
    'app://evil/index.html',
    'app://partner-desk:8080/index.html',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
  ])(
    'prevents navigating to %s and opens nothing',
    (url) => {
      const event = navigationEvent(url)
      hardened().emit('will-navigate', event)
      expect(event.preventDefault).toHaveBeenCalled()
      expect(fake.openExternal).not.toHaveBeenCalled()
    },
  )

  it('sends a plain link to an allow-listed Infomaniak page to the browser instead', () => {
    const event = navigationEvent('https://www.infomaniak.com/en/support')
    hardened().emit('will-navigate', event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(fake.openExternal).toHaveBeenCalledWith('https://www.infomaniak.com/en/support')
  })

  it('lets no frame navigate, not even to the app (the app has no frames), and leaves the main frame to will-navigate', () => {
    const contents = hardened()
    for (const url of [APP_URL, 'https://evil.example/']) {
      const event = { ...navigationEvent(url), isMainFrame: false }
      contents.emit('will-frame-navigate', event)
      expect(event.preventDefault).toHaveBeenCalled()
    }
    const main = { ...navigationEvent(APP_URL), isMainFrame: true }
    contents.emit('will-frame-navigate', main)
    expect(main.preventDefault).not.toHaveBeenCalled()
  })

  it('prevents redirects away from the app, even to allow-listed hosts', () => {
    const contents = hardened()
    for (const url of ['https://evil.example/', 'https://www.infomaniak.com/']) {
      const event = navigationEvent(url)
      contents.emit('will-redirect', event)
      expect(event.preventDefault).toHaveBeenCalled()
    }
    expect(fake.openExternal).not.toHaveBeenCalled()
  })

  it('refuses to attach webviews', () => {
    const event = navigationEvent('')
    hardened().emit('will-attach-webview', event)
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('hardenWebContents: window.open', () => {
  it('denies every new window and opens allow-listed https links in the browser', () => {
    const handler = hardened().windowOpenHandler!
    expect(handler({ url: 'https://manager.infomaniak.com/v3/' })).toEqual({ action: 'deny' })
    expect(fake.openExternal).toHaveBeenCalledExactlyOnceWith('https://manager.infomaniak.com/v3/')
  })

  it.each([
    'https://evil.example/',
    'http://www.infomaniak.com/',
    'https://user:pw@www.infomaniak.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    APP_URL,
  ])('denies %s without opening it', (url) => {
    const handler = hardened().windowOpenHandler!
    expect(handler({ url })).toEqual({ action: 'deny' })
    expect(fake.openExternal).not.toHaveBeenCalled()
  })
})

describe('hardenSession', () => {
  function handlers() {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    hardenSession(session as unknown as Session)
    return {
      request: session.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (granted: boolean) => void) => void,
      check: session.setPermissionCheckHandler.mock.calls[0]![0] as (c: unknown, p: string) => boolean,
    }
  }

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'clipboard-read', 'clipboard-sanitized-write', 'unknown'])('denies the %s permission', (permission) => {
    const { request, check } = handlers()
    const callback = vi.fn()
    request(null, permission, callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(check(null, permission)).toBe(false)
  })
})

describe('createMainWindow', () => {
  it('builds the window from windowOptions and shows it only when ready to show', () => {
    createMainWindow('/app/out/preload/index.js', { dark: true, isPackaged: true })
    const [window] = fake.windows
    expect(window!.options).toEqual(windowOptions('/app/out/preload/index.js', { dark: true, isPackaged: true }))
    expect(window!.show).not.toHaveBeenCalled()
    window!.listeners.get('ready-to-show')!()
    expect(window!.show).toHaveBeenCalled()
  })
})
