// Which links leave the app for the user's browser. Everything else that
// tries to navigate or open a window is refused.

const ALLOWED_HOSTS = new Set(['www.infomaniak.com', 'manager.infomaniak.com', 'developer.infomaniak.com', 'faq.infomaniak.com'])

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && ALLOWED_HOSTS.has(url.hostname)
}
