// The contract's channels on ipcMain, and the core's events to the window.
// Every answer is a Result: nothing thrown here ever crosses the IPC boundary.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { CHANNELS, EVENT_NAMES } from '../../shared/channels'
import { fail, type Result } from '../../shared/result'
import type { CoreHost } from '../core/host'
import type { Dispatch } from '../ipc/dispatcher'
import { isTrustedSender } from '../ipc/trusted-sender'

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

// Reading a frame that navigated away or was destroyed throws in Electron; such
// a sender is not the app's page any more.
function fromAppPage(event: IpcMainInvokeEvent, appUrl: string): boolean {
  try {
    return isTrustedSender(event.senderFrame, appUrl)
  } catch {
    return false
  }
}

export function registerContract(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, appUrl: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!fromAppPage(event, appUrl)) return fail('forbidden', `${channel}: refused, the caller is not the app's own page`)
      try {
        return await dispatch(channel, input)
      } catch (error) {
        return fail('internal', `${channel}: ${describe(error)}`)
      }
    })
  }
}

const eventNames = new Set<string>(EVENT_NAMES)

/**
 * Relays core events to one window until it is destroyed. The worker's
 * messages are not validated on arrival, so only contract event names pass:
 * anything else could land on a listener the renderer never agreed to.
 */
export function forwardEvents(
  core: Pick<CoreHost, 'onEvent'>,
  contents: Pick<WebContents, 'send' | 'isDestroyed' | 'once'>,
): () => void {
  const stop = core.onEvent((event, payload) => {
    if (eventNames.has(event) && !contents.isDestroyed()) contents.send(event, payload)
  })
  contents.once('destroyed', stop)
  return stop
}
