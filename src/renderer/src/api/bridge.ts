import { BRIDGE_BRAND, BRIDGE_GLOBAL } from '../../../shared/channels'
import type {
  Bridge,
  Channel,
  EventName,
  EventPayload,
  Input,
  Output,
} from '../../../shared/contract'
import type { Result } from '../../../shared/result'

/** The renderer's only way to reach the core: typed by the contract, errors as data. */
export interface ApiClient {
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/**
 * Looks the bridge up on `scope` (the window) and accepts it only by its brand
 * and shape: an element with id `__partnerDeskBridge__` also appears as a
 * window property, and must never be mistaken for the bridge.
 */
export function findBridge(scope: object): Bridge | null {
  const candidate: unknown = Reflect.get(scope, BRIDGE_GLOBAL)
  if (typeof candidate !== 'object' || candidate === null) return null
  const brand: unknown = Reflect.get(candidate, 'brand')
  const invoke: unknown = Reflect.get(candidate, 'invoke')
  const on: unknown = Reflect.get(candidate, 'on')
  if (brand !== BRIDGE_BRAND || typeof invoke !== 'function' || typeof on !== 'function') return null
  return candidate as Bridge
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

/**
 * The bridge promises never to throw, but a broken IPC pipe or a listener
 * that throws would otherwise surface as an unhandled rejection and a blank
 * screen; both are folded into the Result shape the screens already handle.
 */
export function createApiClient(bridge: Bridge): ApiClient {
  return {
    async call(channel, input) {
      try {
        return await bridge.invoke(channel, input)
      } catch (cause) {
        return { ok: false, error: { code: 'internal', message: describe(cause) } }
      }
    },
    subscribe(event, listener) {
      return bridge.on(event, (payload) => {
        try {
          listener(payload)
        } catch (cause) {
          console.error(`Listener for ${event} failed:`, cause)
        }
      })
    },
  }
}
