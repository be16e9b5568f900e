// The app's own address, and what "the same origin" means for it. Plain
// logic, tested in Node.

/** The privileged scheme the built renderer is served from (shell/app-protocol.ts), never file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'partner-desk'
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Scheme, host and port, or null for an address without a host. Computed
 * here rather than read from `URL.origin`: for a scheme Node does not know
 * (app:) that is the opaque "null", which every data: URL shares too.
 */
export function originOf(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  // file:// has no origin of its own to trust: file://host/ is a network share.
  if (url.protocol === 'file:' || url.host === '' || url.username !== '' || url.password !== '') return null
  return `${url.protocol}//${url.host}`
}

/** Same scheme, host and port as the app's page; false when either has none. */
export function isSameOrigin(url: string, appUrl: string): boolean {
  const origin = originOf(url)
  return origin !== null && origin === originOf(appUrl)
}
