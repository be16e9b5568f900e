import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from '../../../src/main/ipc/external-links'

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.infomaniak.com/en/hosting',
    'https://manager.infomaniak.com/v3/ng/home',
    'https://developer.infomaniak.com/docs/api',
    'https://faq.infomaniak.com/2409',
    'https://www.infomaniak.com:443/en',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    ['plain http', 'http://www.infomaniak.com/'],
    ['another host', 'https://evil.example/'],
    ['a look-alike suffix', 'https://www.infomaniak.com.evil.example/'],
    ['a look-alike prefix', 'https://evilinfomaniak.com/'],
    ['an unlisted subdomain', 'https://shop.infomaniak.com/'],
    ['credentials before the host', 'https://user:pw@www.infomaniak.com/'],
    ['an @ that hides the real host', 'https://www.infomaniak.com@evil.example/'],
    ['another port of an allowed host', 'https://www.infomaniak.com:8443/'],
    ['a file URL', 'file:///etc/passwd'],
    ['a file on a network share named like the host', 'file://www.infomaniak.com/share'],
    ['javascript', 'javascript:alert(1)'],
    ['a mailto', 'mailto:support@infomaniak.com'],
    ['garbage', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })
})
