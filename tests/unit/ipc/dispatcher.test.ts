import { describe, expect, it, vi } from 'vitest'
import { createDispatcher, type CoreCaller } from '../../../src/main/ipc/dispatcher'
import { ok } from '../../../src/shared/result'
import { LANGUAGE_CHOICES } from '../../../src/shared/settings'

function dispatcher(call: CoreCaller['call'] = vi.fn(async () => ok('from core'))) {
  const core = { call: vi.fn(call) }
  return { dispatch: createDispatcher(core), core }
}

describe('createDispatcher', () => {
  it("hands the core validated input with the contract's defaults, and returns its Result", async () => {
    const { dispatch, core } = dispatcher()
    await expect(dispatch('clients:list', { query: 'acme' })).resolves.toEqual(ok('from core'))
    expect(core.call).toHaveBeenCalledExactlyOnceWith('clients:list', {
      query: 'acme',
      sort: 'name',
      direction: 'asc',
      offset: 0,
      limit: 100,
      filters: {},
    })
  })

  it('accepts no input at all for a channel without input', async () => {
    const { dispatch, core } = dispatcher()
    await expect(dispatch('cache:status', undefined)).resolves.toEqual(ok('from core'))
    expect(core.call).toHaveBeenCalledWith('cache:status', {})
  })

  it('answers invalid_input naming the field, and never calls the core', async () => {
    const { dispatch, core } = dispatcher()
    const result = await dispatch('clients:list', { limit: 9999 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!result.ok && result.error.message).toMatch(/^clients:list: limit: /)
    expect(core.call).not.toHaveBeenCalled()
  })

  it.each([
    ['an unknown key', 'settings:set', { theme: 'dark', admin: true }, 'admin'],
    ['a setting given no value', 'settings:set', { theme: undefined }, 'theme'],
    ['a wrong enum value', 'demo:generate', { size: 'huge' }, 'size'],
    ['a language the app does not speak', 'settings:set', { language: 'pt' }, 'language'],
    ['a wrong type', 'clients:list', { offset: '0' }, 'offset'],
    ['input that is not an object', 'cache:info', 'please', '(input)'],
  ])('refuses %s, naming it', async (_name, channel, input, named) => {
    const { dispatch, core } = dispatcher()
    const result = await dispatch(channel, input)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!result.ok && result.error.message).toContain(named)
    expect(core.call).not.toHaveBeenCalled()
  })

  it.each(LANGUAGE_CHOICES)('lets the user choose the language %s', async (language) => {
    const { dispatch, core } = dispatcher()
    await expect(dispatch('settings:set', { language })).resolves.toEqual(ok('from core'))
    expect(core.call).toHaveBeenCalledExactlyOnceWith('settings:set', { language })
  })

  it('quotes an unknown key cut short, escaped, whatever its size', async () => {
    const { dispatch } = dispatcher()
    const result = await dispatch('settings:set', { ['k'.repeat(1 << 20)]: 1, 'a\u0000\nb': 2 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const message = !result.ok ? result.error.message : ''
    expect(message).toBe(`settings:set: (input): Unrecognized keys: "${'k'.repeat(59)}…", "a\\u0000\\nb"`)
  })

  it('names the first few of many issues and counts the rest', async () => {
    const { dispatch } = dispatcher()
    const change = { kind: 'tag.assign', organizationId: 1, tagId: 1, productIds: Array.from({ length: 1000 }, () => 'x') }
    const result = await dispatch('changes:submit', { change })
    const message = !result.ok ? result.error.message : ''
    expect(message.length).toBeLessThan(800)
    expect(message).toMatch(/^changes:submit: change\.productIds\.0: Invalid input: expected number, received string; .*; and 995 more$/)
  })

  it('bounds what the core says too', async () => {
    const { dispatch } = dispatcher(async () => ({ ok: false, error: { code: 'internal', message: 'x'.repeat(100_000) } }))
    const result = await dispatch('cache:info', {})
    expect(!result.ok && result.error.message.length).toBeLessThanOrEqual(800)
  })

  it.each([
    ['fs:readFile', 'fs:readFile'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['an event name', 'demo:progress'],
    ['a megabyte name', 'x'.repeat(1 << 20)],
    ['a number', 42],
    ['null', null],
    ['an object that cannot become a string', { toString: 1 }],
    ['an object without a prototype', Object.create(null)],
  ])('answers unknown_channel for %s', async (_name, channel) => {
    const { dispatch, core } = dispatcher()
    const result = await dispatch(channel, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    expect(!result.ok && result.error.message.length).toBeLessThan(100)
    expect(core.call).not.toHaveBeenCalled()
  })

  it('turns a core that throws or rejects into internal, never a rejection', async () => {
    const throwing = dispatcher(() => {
      throw new Error('disk on fire')
    })
    await expect(throwing.dispatch('cache:info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'cache:info: disk on fire' },
    })
    const rejecting = dispatcher(async () => Promise.reject(new Error('worker gone')))
    await expect(rejecting.dispatch('cache:info', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it("passes the core's own failures through unchanged", async () => {
    const failure = { ok: false as const, error: { code: 'cache_unavailable' as const, message: 'the core was closed' } }
    const { dispatch } = dispatcher(async () => failure)
    await expect(dispatch('cache:info', {})).resolves.toBe(failure)
  })
})
