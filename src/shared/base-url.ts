// What an account's API address may be. Every request to it carries the
// account's token, so the token must never travel in the clear (plain http
// only to this computer, for a local test server) and the address must hold
// nothing that changes where it goes or is logged beside it.

export type BaseUrlProblem = 'invalid' | 'insecure' | 'credentials' | 'query' | 'fragment'

/** The WHATWG parser, global in Node and in browsers alike; shared code is typed with neither's globals. */
interface ParsedUrl {
  protocol: string
  hostname: string
  username: string
  password: string
}
declare const URL: new (text: string) => ParsedUrl

/** URL.hostname keeps the brackets of an IPv6 address. */
const THIS_COMPUTER = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function baseUrlProblem(text: string): BaseUrlProblem | null {
  let url: ParsedUrl
  try {
    url = new URL(text)
  } catch {
    return 'invalid'
  }
  if (url.hostname === '' || (url.protocol !== 'https:' && url.protocol !== 'http:')) return 'invalid'
  if (url.protocol === 'http:' && !THIS_COMPUTER.has(url.hostname)) return 'insecure'
  if (url.username !== '' || url.password !== '') return 'credentials'
  // The raw text: URL drops an empty `?` or `#`.
  if (text.includes('?')) return 'query'
  if (text.includes('#')) return 'fragment'
  return null
}

/** For the core and the CLI; never repeats the address, which may hold a password. */
export const BASE_URL_PROBLEMS: Record<BaseUrlProblem, string> = {
  invalid: 'expected a full https:// address, such as https://api.infomaniak.com',
  insecure: 'plain http:// is allowed only for this computer (127.0.0.1, localhost, [::1]): use https://',
  credentials: 'the address may hold no user name or password (user:pass@): the token is the only credential sent',
  query: 'the address may hold no query (?…)',
  fragment: 'the address may hold no fragment (#…)',
}
