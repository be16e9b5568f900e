// The Content-Security-Policy of the page that ships (the built
// out/renderer/index.html), as the app scheme serves it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_URL, isSameOrigin } from '../../../src/main/ipc/app-origin'
import { BUILT_RENDERER } from '../../paths'

const html = readFileSync(join(BUILT_RENDERER, 'index.html'), 'utf8')
const metas = Array.from(html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi), (match) => match[1]!)
const policy = new Map(
  (metas[0] ?? '')
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([name, ...sources]) => [name!, sources]),
)

describe('the built page', () => {
  it('declares one CSP, before any script or style', () => {
    expect(metas).toHaveLength(1)
    const at = html.search(/http-equiv="Content-Security-Policy"/i)
    expect(at).toBeLessThan(html.search(/<script|<link rel="stylesheet"/))
  })

  it("loads scripts, styles and connections from the app's own origin only, never inline or eval", () => {
    expect(policy.get('default-src')).toEqual(["'self'"])
    for (const directive of ['script-src', 'style-src', 'connect-src', 'font-src']) expect(policy.get(directive), directive).toEqual(["'self'"])
    expect(policy.get('img-src')).toEqual(["'self'", 'data:'])
    expect(metas[0]).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*|https?:|file:|blob:/)
  })

  it('allows no plugins, no <base> and no form posts', () => {
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
  })

  it("holds no inline script, and every script and stylesheet it loads is on the app's origin", () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/\son[a-z]+=/i)
    const loaded = Array.from(html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g), (match) => match[1]!).filter((ref) => !ref.startsWith('data:'))
    expect(loaded.length).toBeGreaterThan(0)
    for (const ref of loaded) expect(isSameOrigin(new URL(ref, APP_URL).href, APP_URL), ref).toBe(true)
  })
})
