// Plain logic behind the shell's sender check, kept free of electron so it is
// tested in Node.
import { isSameOrigin } from './app-origin'

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string
  readonly parent: unknown
}

/**
 * Only the app's own top-level frame may call the core: not an iframe, not a
 * page the window was somehow navigated to. The full origin (scheme, host,
 * port) must be the app's.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, appUrl: string): boolean {
  if (!frame || frame.parent !== null) return false
  return isSameOrigin(frame.url, appUrl)
}
