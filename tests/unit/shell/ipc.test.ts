import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, EVENT_NAMES, type EventName } from '../../../src/shared/channels'
import { ok, type Result } from '../../../src/shared/result'
import type { Dispatch } from '../../../src/main/ipc/dispatcher'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { forwardEvents, registerContract } from '../../../src/main/shell/ipc'
import { FakeWebContents, frame } from './fakes'

// ipc.ts needs no runtime electron; the mock proves it never reaches for one.
vi.mock('electron', () => ({}))

const APP_URL = 'app://partner-desk/index.html'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>

function register(dispatch: Dispatch = vi.fn(async () => ok('answer'))) {
  const handlers = new Map<string, Handler>()
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => {
      handlers.set(channel, handler)
    }),
  }
  registerContract(ipcMain as unknown as Pick<IpcMain, 'handle'>, dispatch, APP_URL)
  const call = (channel: string, senderFrame: unknown, input?: unknown) =>
    handlers.get(channel)!({ senderFrame } as unknown as IpcMainInvokeEvent, input)
  return { ipcMain, handlers, dispatch, call }
}

describe('registerContract', () => {
  it('registers one handler for every contract channel, and nothing else', () => {
    const { ipcMain, handlers } = register()
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length)
    expect(new Set(handlers.keys())).toEqual(new Set(CHANNELS))
  })

  it.each([
    ['an iframe of the app page', frame(APP_URL, { url: APP_URL })],
    ['a foreign page', frame('https://evil.example/')],
    ['a local file', frame('file:///tmp/evil.html')],
    ['a file on a network share', frame('file://fileserver/share/index.html')],
    ['another host of the app scheme', frame('app://evil/index.html')],
    ['a frame that is gone', null],
  ])('refuses %s with forbidden, without dispatching', async (_name, senderFrame) => {
    const { call, dispatch } = register()
    for (const channel of CHANNELS) {
      const result = await call(channel, senderFrame, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a sender whose frame throws when read (disposed)', async () => {
    const { call, dispatch } = register()
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
      parent: null,
    }
    expect(await call('cache:status', disposed)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it("returns dispatch's Result for the app's own top-level frame", async () => {
    const { call, dispatch } = register()
    for (const channel of CHANNELS) {
      expect(await call(channel, frame(APP_URL), { some: 'input' })).toEqual(ok('answer'))
      expect(dispatch).toHaveBeenLastCalledWith(channel, { some: 'input' })
    }
  })

  it('never throws across IPC, even when dispatch rejects or throws', async () => {
    const rejecting = register(vi.fn(async () => Promise.reject(new Error('boom'))))
    await expect(rejecting.call('cache:info', frame(APP_URL))).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'cache:info: boom' },
    })
    const throwing = register(
      vi.fn(() => {
        throw new Error('sync boom')
      }),
    )
    await expect(throwing.call('cache:info', frame(APP_URL))).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('validates input through the real dispatcher (bad input never reaches the core)', async () => {
    const core = { call: vi.fn(async () => ok(null)) }
    const { call } = register(createDispatcher(core))
    const result = await call('clients:list', frame(APP_URL), { limit: 9999 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(core.call).not.toHaveBeenCalled()
  })
})

describe('forwardEvents', () => {
  function wire() {
    let emit: ((event: EventName, payload: unknown) => void) | null = null
    const unsubscribe = vi.fn()
    const core = {
      onEvent: vi.fn((listener: (event: EventName, payload: unknown) => void) => {
        emit = listener
        return unsubscribe
      }),
    }
    const contents = new FakeWebContents()
    forwardEvents(core as never, contents as unknown as WebContents)
    return { emit: emit!, contents, unsubscribe }
  }

  it('sends every contract event to the window with its payload', () => {
    const { emit, contents } = wire()
    for (const name of EVENT_NAMES) emit(name, { for: name })
    expect(contents.send.mock.calls).toEqual(EVENT_NAMES.map((name) => [name, { for: name }]))
  })

  it('drops names outside the contract, such as a request channel', () => {
    const { emit, contents } = wire()
    emit('clients:list' as EventName, {})
    expect(contents.send).not.toHaveBeenCalled()
  })

  it('stops when the window is destroyed', () => {
    const { emit, contents, unsubscribe } = wire()
    contents.destroyed = true
    emit('cache:changed', { reason: 'demo' })
    expect(contents.send).not.toHaveBeenCalled()
    contents.emit('destroyed')
    expect(unsubscribe).toHaveBeenCalled()
  })
})
