// The app scheme: registered as privileged before the app is ready (a
// standard, secure origin, so the page gets the web's same-origin rules and
// its CSP's 'self' means the app), then served from the built renderer.
import { protocol, type Session } from 'electron'
import { APP_SCHEME } from '../ipc/app-origin'
import { rendererFiles } from './renderer-files'

/**
 * Must run before `app` is ready. `codeCache`: V8 keeps the renderer's compiled
 * code between launches, as Chromium does for http(s) only by default; a cold
 * start spends some 150 ms of the first page compiling the bundle's functions
 * one by one as they first run.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
}

export function serveRenderer(session: Pick<Session, 'protocol'>, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, rendererFiles(rendererDir))
}
