// The app scheme: registered as privileged before the app is ready (a
// standard, secure origin, so the page gets the web's same-origin rules and
// its CSP's 'self' means the app), then served from the built renderer.
import { protocol, type Session } from 'electron'
import { APP_SCHEME } from '../ipc/app-origin'
import { rendererFiles } from './renderer-files'

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

export function serveRenderer(session: Pick<Session, 'protocol'>, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, rendererFiles(rendererDir))
}
