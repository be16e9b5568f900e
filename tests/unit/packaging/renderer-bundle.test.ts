// What the built renderer carries: input validation is the main process's job,
// so zod (about a sixth of the bundle when a value import drags it in) never ships to the page.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILT_RENDERER } from '../../paths'

const scripts = readdirSync(join(BUILT_RENDERER, 'assets')).filter((name) => name.endsWith('.js'))

describe('the built renderer bundle', () => {
  it('holds no zod (the renderer takes only types from the contract and the schemas)', () => {
    expect(scripts.length).toBeGreaterThan(0)
    for (const name of scripts) {
      // zod's class names survive minification as strings: `$ZodType`, `$ZodError`.
      expect(readFileSync(join(BUILT_RENDERER, 'assets', name), 'utf8'), name).not.toMatch(/\$Zod(Type|Error)\b/)
    }
  })

  it('asks for the app bundle as the page loads, beside the small entry that imports it (the entry runs first)', () => {
    const html = readFileSync(join(BUILT_RENDERER, 'index.html'), 'utf8')
    const entry = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)">/.exec(html)?.[1]
    expect(entry).toBeDefined()
    const imported = /\.\/(main-[\w-]+\.js)/.exec(readFileSync(join(BUILT_RENDERER, entry!), 'utf8'))?.[1]
    expect(imported).toBeDefined()
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="./assets/${imported}">`)
  })
})
