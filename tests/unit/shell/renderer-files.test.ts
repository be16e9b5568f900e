// The app scheme's handler against a real folder: what it serves, what it refuses.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { rendererFiles } from '../../../src/main/shell/renderer-files'

const scratch = mkdtempSync(join(tmpdir(), 'partner-desk-renderer-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const root = join(scratch, 'out', 'renderer')
mkdirSync(join(root, 'assets'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>')
writeFileSync(join(root, 'assets', 'font.woff2'), 'wOF2')
writeFileSync(join(root, 'assets', 'notes.exe'), 'MZ')
// Beside the renderer: what a traversal would be after.
writeFileSync(join(scratch, 'out', 'secret.js'), 'secret')
writeFileSync(join(scratch, 'tokens.json'), '{"token":"secret"}')
symlinkSync(join(scratch, 'tokens.json'), join(root, 'assets', 'linked.json'))

const serve = rendererFiles(root)
const get = (url: string, method = 'GET') => serve(new Request(url, { method }))

describe('the app scheme', () => {
  it.each([
    ['app://partner-desk/index.html', 'text/html; charset=utf-8', '<!doctype html><title>app</title>'],
    ['app://partner-desk/', 'text/html; charset=utf-8', '<!doctype html><title>app</title>'],
    ['app://partner-desk/assets/index-abc.js?v=1#x', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://partner-desk/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://partner-desk/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://partner-desk/assets/font.woff2', 'font/woff2', 'wOF2'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe(body)
  })

  it.each([
    'app://partner-desk/../secret.js',
    'app://partner-desk/%2e%2e/secret.js',
    'app://partner-desk/assets/%2E%2E%2F%2E%2E%2Fsecret.js',
    'app://partner-desk/..%2f..%2ftokens.json',
    'app://partner-desk/assets/..%5c..%5csecret.js',
    'app://partner-desk/%00index.html',
    'app://partner-desk/assets/linked.json',
  ])('refuses the traversal %s', async (url) => {
    const response = await get(url)
    expect([400, 403, 404]).toContain(response.status)
    const body = await response.text()
    expect(body).not.toContain('secret')
  })

  it.each(['app://partner-desk/missing.js', 'app://partner-desk/assets', 'app://partner-desk/assets/notes.exe', 'app://partner-desk/%E0%A4%A'])(
    'answers %s with an error, not a file',
    async (url) => {
      const response = await get(url)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    },
  )

  it.each(['file://fileserver/share/out/renderer/index.html', 'file:///index.html', 'app://evil/index.html', 'https://partner-desk/index.html'])(
    'refuses %s: only the app host of the app scheme is served',
    async (url) => {
      expect((await get(url)).status).toBe(404)
    },
  )

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get('app://partner-desk/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await get('app://partner-desk/index.html', 'POST')).status).toBe(405)
  })
})
