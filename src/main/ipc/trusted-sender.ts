// Plain logic behind the shell's sender check, kept free of electron so it is
// tested in Node.

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string
  readonly parent: unknown
}

/**
 * Only the app's own top-level frame may call the core: not an iframe, not a
 * page the window was somehow navigated to.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, appUrl: string): boolean {
  if (!frame || frame.parent !== null) return false
  let sender: URL
  let app: URL
  try {
    sender = new URL(frame.url)
    app = new URL(appUrl)
  } catch {
    return false
  }
  if (app.protocol === 'file:') return sender.protocol === 'file:' && sender.pathname === app.pathname
  return sender.origin === app.origin
}
