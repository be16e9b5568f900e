// Which links leave the app for the user's browser. Everything else that
// tries to navigate or open a window is refused.

// Full origins (scheme, host and port): https on the default port only.
const ALLOWED_ORIGINS = new Set(
  ['www.infomaniak.com', 'manager.infomaniak.com', 'developer.infomaniak.com', 'faq.infomaniak.com'].map((host) => `https://${host}`),
)

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.username === '' && url.password === '' && ALLOWED_ORIGINS.has(url.origin)
}
