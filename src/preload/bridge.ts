// The one object the renderer gets: the contract's channels and events, and
// nothing else. ipcRenderer itself never leaves this module.
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import { BRIDGE_BRAND, CHANNELS, EVENT_NAMES } from '../shared/channels'
import type { Bridge } from '../shared/contract'
import { fail, type Result } from '../shared/result'

const channels = new Set<string>(CHANNELS)
const events = new Set<string>(EVENT_NAMES)

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * `invoke` always resolves with a Result: a channel outside the contract is
 * `unknown_channel` without touching IPC, and a failed IPC call (an input
 * that cannot be cloned, a missing handler) is `internal`. `on` throws on an
 * event outside the contract: that is a programming error the types already
 * forbid, and a silent no-op subscription would hide it.
 */
export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Bridge {
  const invoke = async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return fail('unknown_channel', `unknown channel: ${String(channel).slice(0, 80)}`)
    }
    try {
      return (await ipc.invoke(channel, input)) as Result<unknown>
    } catch (error) {
      return fail('internal', `${channel}: ${describe(error)}`)
    }
  }

  const on = (event: unknown, listener: unknown): (() => void) => {
    if (typeof event !== 'string' || !events.has(event)) throw new TypeError(`unknown event: ${String(event).slice(0, 80)}`)
    if (typeof listener !== 'function') throw new TypeError(`${event}: the listener must be a function`)
    // The IpcRendererEvent carries `sender` (ipcRenderer): only the payload passes.
    const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipc.on(event, relay)
    return () => {
      ipc.removeListener(event, relay)
    }
  }

  return Object.freeze({ brand: BRIDGE_BRAND, invoke, on }) as Bridge
}
