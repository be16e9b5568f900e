import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../../src/main/ipc/trusted-sender'

const APP = 'app://partner-desk/index.html'
const FILE_APP = 'file:///opt/partner-desk/resources/app.asar/out/renderer/index.html'
const DEV_APP = 'http://localhost:5173/'
const top = (url: string) => ({ url, parent: null })

describe('isTrustedSender', () => {
  it("trusts the app's own top-level page, with or without a hash or query", () => {
    expect(isTrustedSender(top(APP), APP)).toBe(true)
    expect(isTrustedSender(top(`${APP}#/clients`), APP)).toBe(true)
    expect(isTrustedSender(top(`${APP}?view=billing`), APP)).toBe(true)
    expect(isTrustedSender(top('app://partner-desk/'), APP)).toBe(true)
    expect(isTrustedSender(top('http://localhost:5173/index.html'), DEV_APP)).toBe(true)
  })

  it("refuses an iframe, even one showing the app's page", () => {
    expect(isTrustedSender({ url: APP, parent: top(APP) }, APP)).toBe(false)
  })

  it.each([
    ['a local file', FILE_APP, APP],
    ['a file on a network share', 'file://fileserver/share/out/renderer/index.html', APP],
    ['another host of the app scheme', 'app://evil/index.html', APP],
    ['the app host on a port', 'app://partner-desk:1234/index.html', APP],
    ['the app host with credentials', 'app://user:pw@partner-desk/index.html', APP],
    ['another scheme on the app host', 'https://partner-desk/index.html', APP],
    ['a remote page', 'https://evil.example/', APP],
    ['a data URL (whose URL.origin is "null", as is app:)', 'data:text/html,<script>1</script>', APP],
    ['about:blank', 'about:blank', APP],
    ['any page, when the app itself is a file', FILE_APP, FILE_APP],
    ['another port of the dev host', 'http://localhost:5174/', DEV_APP],
    ['another scheme on the dev host', 'https://localhost:5173/', DEV_APP],
    ['a file when the app is served', FILE_APP, DEV_APP],
    ['an unparsable URL', 'not a url', APP],
  ])('refuses %s', (_name, url, appUrl) => {
    expect(isTrustedSender(top(url), appUrl)).toBe(false)
  })

  it('refuses a missing frame', () => {
    expect(isTrustedSender(null, APP)).toBe(false)
    expect(isTrustedSender(undefined, APP)).toBe(false)
  })
})
