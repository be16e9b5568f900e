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

  it.each(['fs:readFile', '__proto__', 'constructor', 'demo:progress'])('answers unknown_channel for %s', async (channel) => {
    const { dispatch, core } = dispatcher()
    await expect(dispatch(channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
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
