import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_BRAND, BRIDGE_GLOBAL } from '../../../src/shared/channels'
import type { Input } from '../../../src/shared/contract'

type EarlyReads = typeof import('../../../src/renderer/src/app/earlyReads')
type Readiness = typeof import('../../../src/renderer/src/app/readiness')

const invoked: Array<{ channel: string; input: unknown }> = []
const listeners = new Map<string, (payload: unknown) => void>()
let answers = 0
/** What was asked as the module was evaluated. */
let firstAsked: string[] = []

/** Loads the module as the window does: with a bridge on it and `hash` as the location. */
async function start(hash: string): Promise<{ early: EarlyReads; readiness: Readiness }> {
  invoked.length = 0
  listeners.clear()
  const bridge = {
    brand: BRIDGE_BRAND,
    invoke: async (channel: string, input: unknown) => {
      invoked.push({ channel, input })
      return { ok: true, value: { answer: ++answers } }
    },
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener)
      return () => listeners.delete(event)
    },
  }
  vi.stubGlobal('window', { [BRIDGE_GLOBAL]: bridge, location: { hash } })
  vi.stubGlobal('document', { documentElement: { dataset: {} } })
  vi.resetModules()
  const loaded = { early: await import('../../../src/renderer/src/app/earlyReads'), readiness: await import('../../../src/renderer/src/app/readiness') }
  firstAsked = invoked.map((call) => call.channel)
  // The shell's reads are asked a task later.
  await new Promise((resolve) => setTimeout(resolve, 0))
  return loaded
}

const firstPage = (view: Omit<Input<'clients:list'>, 'offset' | 'limit'>): Input<'clients:list'> => ({ ...view, offset: 0, limit: 200 })

beforeEach(() => {
  answers = 0
})

describe('reads asked at start', () => {
  it("asks the status first, then the settings, then the route's first page of clients, and the shell's reads a task later", async () => {
    await start('#/clients?q=acme&sort=billing12m&dir=desc&status=active')
    expect(invoked.slice(0, 3)).toEqual([
      { channel: 'cache:status', input: {} },
      { channel: 'settings:get', input: {} },
      { channel: 'clients:list', input: firstPage({ query: 'acme', filters: { status: ['active'] }, sort: 'billing12m', direction: 'desc' }) },
    ])
    expect(firstAsked).toEqual(['cache:status', 'settings:get', 'clients:list'])
    expect(invoked.slice(3).map((call) => call.channel)).toEqual(
      expect.arrayContaining(['accounts:list', 'sync:status', 'outbox:counts', 'events:list', 'views:list', 'staff:list']),
    )
  })

  it('asks the default view when another screen opens (the clients screen stays mounted)', async () => {
    await start('#/settings')
    expect(invoked.find((call) => call.channel === 'clients:list')?.input).toEqual(firstPage({ query: '', filters: {}, sort: 'name', direction: 'asc' }))
  })

  it('gives each early answer to the first identical call only; other calls go to the core', async () => {
    const { early } = await start('')
    const asked = invoked.length
    const api = early.startApi!
    await expect(api.call('cache:status', {})).resolves.toEqual({ ok: true, value: { answer: 1 } })
    expect(invoked).toHaveLength(asked)
    await expect(api.call('cache:status', {})).resolves.toEqual({ ok: true, value: { answer: asked + 1 } })
    await api.call('clients:list', { ...firstPage({ query: '', filters: {}, sort: 'name', direction: 'asc' }), offset: 200 })
    expect(invoked).toHaveLength(asked + 2)
  })

  it('hands an answered start read over at once, to the first taker only, and says when the first screen\'s reads have answered', async () => {
    const { early } = await start('')
    const status = { channel: 'cache:status', input: {} } as const
    await early.firstReadsAnswered()
    expect(early.takeAnswered(status.channel, status.input)).toEqual({ ok: true, value: { answer: 1 } })
    expect(early.takeAnswered(status.channel, status.input)).toBeUndefined()
    const asked = invoked.length
    await early.startApi!.call('cache:status', {})
    expect(invoked).toHaveLength(asked + 1)
    // Never asked at start: nothing at hand.
    expect(early.takeAnswered('clients:list', { ...firstPage({ query: 'x', filters: {}, sort: 'name', direction: 'asc' }) })).toBeUndefined()
  })

  it('has no answer at hand before the core gave it', async () => {
    let answer: (value: unknown) => void = () => {}
    invoked.length = 0
    const bridge = {
      brand: BRIDGE_BRAND,
      invoke: (channel: string, input: unknown) => {
        invoked.push({ channel, input })
        return channel === 'settings:get' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve({ ok: true, value: {} })
      },
      on: () => () => {},
    }
    vi.stubGlobal('window', { [BRIDGE_GLOBAL]: bridge, location: { hash: '' } })
    vi.resetModules()
    const early = await import('../../../src/renderer/src/app/earlyReads')
    let allAnswered = false
    void early.firstReadsAnswered().then(() => (allAnswered = true))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(early.takeAnswered('settings:get', {})).toBeUndefined()
    expect(allAnswered).toBe(false)
    answer({ ok: true, value: { theme: 'dark' } })
    await early.firstReadsAnswered()
    expect(early.takeAnswered('settings:get', {})).toEqual({ ok: true, value: { theme: 'dark' } })
  })

  it('drops what was not taken once the cache proved unusable, once it changed, and at the first ready', async () => {
    for (const drop of [
      ({ early }: { early: EarlyReads }) => early.forgetEarlyAnswers(),
      () => listeners.get('cache:changed')!({ reason: 'sync' }),
      async ({ readiness }: { readiness: Readiness }) => {
        readiness.markInteractive()
        await new Promise((resolve) => setTimeout(resolve, 0))
      },
    ]) {
      const loaded = await start('')
      const asked = invoked.length
      await drop(loaded)
      await loaded.early.startApi!.call('settings:get', {})
      expect(invoked).toHaveLength(asked + 1)
    }
  })

  it('asks nothing without a bridge', async () => {
    vi.stubGlobal('window', { location: { hash: '' } })
    vi.resetModules()
    const early = await import('../../../src/renderer/src/app/earlyReads')
    expect(early.startApi).toBeNull()
  })
})
