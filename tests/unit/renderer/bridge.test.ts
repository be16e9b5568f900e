import { describe, expect, it, vi } from 'vitest'
import { BRIDGE_BRAND, BRIDGE_GLOBAL } from '../../../src/shared/channels'
import type { Bridge } from '../../../src/shared/contract'
import { createApiClient, findBridge } from '../../../src/renderer/src/api/bridge'

const validBridge = (): Bridge => ({
  brand: BRIDGE_BRAND,
  invoke: vi.fn(async () => ({ ok: true as const, value: { theme: 'dark', language: 'fr' } })) as Bridge['invoke'],
  on: vi.fn(() => () => {}) as Bridge['on'],
})

describe('findBridge', () => {
  it('accepts a branded object with invoke and on', () => {
    const bridge = validBridge()
    expect(findBridge({ [BRIDGE_GLOBAL]: bridge })).toBe(bridge)
  })

  it('refuses what is not the bridge', () => {
    // What a browser exposes for <div id="__partnerDeskBridge__">: an object without the brand.
    const element = { id: BRIDGE_GLOBAL, tagName: 'DIV', on: () => {}, invoke: () => {} }
    expect(findBridge({})).toBeNull()
    expect(findBridge({ [BRIDGE_GLOBAL]: element })).toBeNull()
    expect(findBridge({ [BRIDGE_GLOBAL]: { ...validBridge(), brand: 'partner-desk-bridge/0' } })).toBeNull()
    expect(findBridge({ [BRIDGE_GLOBAL]: { ...validBridge(), invoke: 'x' } })).toBeNull()
    expect(findBridge({ [BRIDGE_GLOBAL]: { ...validBridge(), on: undefined } })).toBeNull()
    expect(findBridge({ [BRIDGE_GLOBAL]: BRIDGE_BRAND })).toBeNull()
  })
})

describe('createApiClient', () => {
  it('passes calls through to the bridge', async () => {
    const bridge = validBridge()
    const client = createApiClient(bridge)
    await expect(client.call('settings:get', {})).resolves.toEqual({ ok: true, value: { theme: 'dark', language: 'fr' } })
    expect(bridge.invoke).toHaveBeenCalledWith('settings:get', {})
  })

  it('turns a rejected invoke into an error result instead of throwing', async () => {
    const bridge = { ...validBridge(), invoke: (async () => Promise.reject(new Error('pipe closed'))) as Bridge['invoke'] }
    const result = await createApiClient(bridge).call('cache:info', {})
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'pipe closed' } })
  })

  it('keeps a throwing listener from breaking the event source', () => {
    let deliver: ((payload: unknown) => void) | undefined
    const unsubscribe = vi.fn()
    const bridge = {
      ...validBridge(),
      on: ((_event: string, listener: (payload: unknown) => void) => {
        deliver = listener
        return unsubscribe
      }) as Bridge['on'],
    }
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const off = createApiClient(bridge).subscribe('cache:changed', () => {
      throw new Error('boom')
    })
    expect(() => deliver?.({ reason: 'demo' })).not.toThrow()
    expect(error).toHaveBeenCalled()
    off()
    expect(unsubscribe).toHaveBeenCalled()
    error.mockRestore()
  })
})
