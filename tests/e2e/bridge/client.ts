// TEST ONLY: the page-side half of the bridge, injected before the app's own
// scripts. It implements the preload's Bridge over fetch and EventSource.
import type { Bridge } from '../../../src/shared/contract'

export interface BridgeClientArgs {
  secret: string
  globalName: string
  brand: string
  channels: string[]
  events: string[]
}

/** Serialised by Playwright into the page: must not close over anything. */
export function installBridge({ secret, globalName, brand, channels, events }: BridgeClientArgs): void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const source = new EventSource(`/__bridge/events?secret=${secret}`)
  source.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data as string) as { event: string; payload: unknown }
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  const bridge = {
    brand,
    async invoke(channel: string, input: unknown) {
      if (!channels.includes(channel)) return { ok: false, error: { code: 'unknown_channel', message: channel } }
      const response = await fetch('/__bridge/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bridge-secret': secret },
        body: JSON.stringify({ channel, input }),
      })
      return response.json()
    },
    on(event: string, listener: (payload: unknown) => void) {
      if (!events.includes(event)) throw new Error(`unknown event ${event}`)
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    },
  } satisfies Record<keyof Bridge, unknown>
  Object.defineProperty(window, globalName, { value: Object.freeze(bridge), enumerable: false, configurable: false, writable: false })
}
