// What the session needs from the system to show a notification. The shell
// gives Electron's (shell/notifications.ts); tests and the browser bridge a
// recording stand-in. Plain Node: no electron here.
import type { ParsedInput } from '../../shared/contract'

export type DesktopNotice = ParsedInput<'desktop:notify'>

export interface DesktopNotifier {
  /** False where the system shows none; `onClick` runs when the user clicks it. */
  show(notice: DesktopNotice, onClick: () => void): boolean
}
