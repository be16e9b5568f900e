// Desktop notifications through Electron's main-process Notification, so they
// need no permission from the page and reach the system's notification centre.
import { BrowserWindow, Notification } from 'electron'
import type { DesktopNotifier } from '../session/desktop-notifier'

export function electronNotifier(): DesktopNotifier {
  // Held until closed or replaced: a Notification that is garbage-collected
  // loses its click handler while still on screen.
  const onScreen = new Map<string, Notification>()
  return {
    show(notice, onClick) {
      if (!Notification.isSupported()) return false
      onScreen.get(notice.key)?.close()
      const notification = new Notification({ title: notice.title, body: notice.body })
      onScreen.set(notice.key, notification)
      const forget = () => {
        if (onScreen.get(notice.key) === notification) onScreen.delete(notice.key)
      }
      notification.on('close', forget)
      notification.on('click', () => {
        forget()
        const [window] = BrowserWindow.getAllWindows()
        if (window) {
          if (window.isMinimized()) window.restore()
          window.show()
          window.focus()
        }
        onClick()
      })
      notification.show()
      return true
    },
  }
}
