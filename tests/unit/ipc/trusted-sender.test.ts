import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../../src/main/ipc/trusted-sender'

const FILE_APP = 'file:///opt/partner-desk/resources/app.asar/out/renderer/index.html'
const DEV_APP = 'http://localhost:5173/'
const top = (url: string) => ({ url, parent: null })

describe('isTrustedSender', () => {
  it("trusts the app's own top-level page, with or without a hash or query", () => {
    expect(isTrustedSender(top(FILE_APP), FILE_APP)).toBe(true)
    expect(isTrustedSender(top(`${FILE_APP}#/clients`), FILE_APP)).toBe(true)
    expect(isTrustedSender(top(`${FILE_APP}?view=billing`), FILE_APP)).toBe(true)
    expect(isTrustedSender(top('http://localhost:5173/index.html'), DEV_APP)).toBe(true)
  })

  it("refuses an iframe, even one showing the app's page", () => {
    expect(isTrustedSender({ url: FILE_APP, parent: top(FILE_APP) }, FILE_APP)).toBe(false)
  })

  it.each([
    ['another local file', 'file:///tmp/evil.html', FILE_APP],
    ['a remote page', 'https://evil.example/', FILE_APP],
    ['a data URL', 'data:text/html,<script>1</script>', FILE_APP],
    ['about:blank', 'about:blank', FILE_APP],
    ['another port of the dev host', 'http://localhost:5174/', DEV_APP],
    ['another scheme on the dev host', 'https://localhost:5173/', DEV_APP],
    ['a file when the app is served', FILE_APP, DEV_APP],
    ['an unparsable URL', 'not a url', FILE_APP],
  ])('refuses %s', (_name, url, appUrl) => {
    expect(isTrustedSender(top(url), appUrl)).toBe(false)
  })

  it('refuses a missing frame', () => {
    expect(isTrustedSender(null, FILE_APP)).toBe(false)
    expect(isTrustedSender(undefined, FILE_APP)).toBe(false)
  })
})
