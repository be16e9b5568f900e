import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_BRAND, BRIDGE_GLOBAL, CHANNELS, EVENT_NAMES } from '../../../src/shared/channels'
import type { Bridge } from '../../../src/shared/contract'
import { ok } from '../../../src/shared/result'

const fake = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  ipcRenderer: null as unknown as {
    invoke: ReturnType<typeof vi.fn>
    on: (event: string, listener: (...args: unknown[]) => void) => unknown
    removeListener: (event: string, listener: (...args: unknown[]) => void) => unknown
    emit: (event: string, ...args: unknown[]) => boolean
    listenerCount: (event: string) => number
  },
}))

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  const ipc = Object.assign(new Emitter(), { invoke: vi.fn(async (channel: string) => ok(`answer from ${channel}`)) })
  fake.ipcRenderer = ipc
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.push([key, api]) },
    ipcRenderer: ipc,
  }
})

// The real preload entry, run once against the fake electron.
await import('../../../src/preload/index')
const bridge = fake.exposed[0]![1] as Bridge
const loose = bridge as unknown as { invoke(channel: unknown, input?: unknown): Promise<unknown>; on(event: unknown, listener: unknown): () => void }

beforeEach(() => {
  fake.ipcRenderer.invoke.mockClear()
})

describe('what the preload exposes', () => {
  it('exposes exactly one global, named BRIDGE_GLOBAL', () => {
    expect(fake.exposed).toHaveLength(1)
    expect(fake.exposed[0]![0]).toBe(BRIDGE_GLOBAL)
  })

  it('is a frozen object with only brand, invoke and on: no ipcRenderer inside', () => {
    expect(Object.keys(bridge).sort()).toEqual(['brand', 'invoke', 'on'])
    expect(bridge.brand).toBe(BRIDGE_BRAND)
    expect(typeof bridge.invoke).toBe('function')
    expect(typeof bridge.on).toBe('function')
    expect(Object.isFrozen(bridge)).toBe(true)
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer)
    expect(Object.values(bridge).some((value) => value instanceof EventEmitter)).toBe(false)
  })
})

describe('invoke', () => {
  it.each(CHANNELS)('passes %s and its input, alone, to ipcRenderer.invoke and returns its Result', async (channel) => {
    const input = { probe: channel }
    await expect(loose.invoke(channel, input)).resolves.toEqual(ok(`answer from ${channel}`))
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, input)
  })

  it.each(['fs:readFile', 'demo:progress', '__proto__', 'constructor', '', 42, null, undefined])(
    'answers unknown_channel for %s without touching IPC',
    async (channel) => {
      await expect(loose.invoke(channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
      expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled()
    },
  )

  it('turns a failed IPC call into an internal Result instead of a rejection', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'))
    await expect(loose.invoke('cache:status', { fn: () => 1 })).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'cache:status: An object could not be cloned.' },
    })
  })
})

describe('on', () => {
  it.each(EVENT_NAMES)('subscribes %s and hands the listener the payload only', (event) => {
    const listener = vi.fn()
    const unsubscribe = loose.on(event, listener)
    const ipcEvent = { sender: fake.ipcRenderer, senderId: 0, ports: [] }
    fake.ipcRenderer.emit(event, ipcEvent, { payload: event })
    expect(listener).toHaveBeenCalledExactlyOnceWith({ payload: event })

    unsubscribe()
    expect(fake.ipcRenderer.listenerCount(event)).toBe(0)
    fake.ipcRenderer.emit(event, ipcEvent, { payload: 'late' })
    expect(listener).toHaveBeenCalledOnce()
  })

  it.each(['clients:list', 'sync:secret', '__proto__', 42])('refuses to subscribe %s', (event) => {
    expect(() => loose.on(event, vi.fn())).toThrow(TypeError)
    if (typeof event === 'string') expect(fake.ipcRenderer.listenerCount(event)).toBe(0)
  })

  it('refuses a listener that is not a function', () => {
    expect(() => loose.on(EVENT_NAMES[0], 'nope')).toThrow(TypeError)
    expect(fake.ipcRenderer.listenerCount(EVENT_NAMES[0]!)).toBe(0)
  })
})
