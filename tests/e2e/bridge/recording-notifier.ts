// The bridges' stand-in for the system's notifications: records what the app
// asked to show, and lets a test click one as the user would.
import type { DesktopNotice, DesktopNotifier } from '../../../src/main/session/desktop-notifier'

export class RecordingNotifier implements DesktopNotifier {
  /** Every notice shown, in order (a notice shown again with the same key appears twice). */
  readonly notices: DesktopNotice[] = []
  private readonly clicks = new Map<string, () => void>()

  show(notice: DesktopNotice, onClick: () => void): boolean {
    this.notices.push(notice)
    this.clicks.set(notice.key, onClick)
    return true
  }

  /** Clicks the notice last shown with this key. */
  click(key: string): void {
    const onClick = this.clicks.get(key)
    if (!onClick) throw new Error(`no desktop notification with key ${key} was shown`)
    onClick()
  }
}
