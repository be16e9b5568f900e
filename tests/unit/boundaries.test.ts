import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkBoundaries, findSpecifiers, mask } from '../../scripts/check-boundaries.mjs'

const scratch = mkdtempSync(join(tmpdir(), 'partner-desk-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const ROOT = resolve(import.meta.dirname, '..', '..')

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(scratch, 'boundaries-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

const where = (root: string) => checkBoundaries(root).map(({ file, line }) => `${file}:${line}`)

describe('the project', () => {
  it('keeps its runtime boundaries', () => {
    expect(checkBoundaries(ROOT)).toEqual([])
  })

  it('passes `npm run check:boundaries`', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-boundaries.mjs')], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })
})

describe('checkBoundaries on planted violations', () => {
  it('catches Electron outside the shell, in every import form, at its line', () => {
    const root = project({
      'src/main/core/static.ts': "import { app } from 'electron'\n",
      'src/main/core/subpath.ts': "// loads main\n\nconst { app } = require('electron/main')\n",
      'src/main/core/dynamic.ts': "export async function later() {\n  return await import('electron')\n}\n",
      'src/main/core/multiline.ts': "import {\n  app,\n  BrowserWindow,\n} from 'electron'\n",
      'src/main/core/type-only.ts': "import type { WebFrameMain } from 'electron'\n",
      'src/main/core/reexport.ts': "export * from 'electron/common'\n",
      'src/main/core/updater.ts': "import { autoUpdater } from 'electron-updater'\n",
      'src/main/cli.ts': 'const e = require(`electron`)\n',
      'src/renderer/src/App.tsx': "import { ipcRenderer } from 'electron'\n",
      'src/shared/x.ts': "import 'electron'\n",
    })
    expect(where(root)).toEqual([
      'src/main/cli.ts:1',
      'src/main/core/dynamic.ts:2',
      'src/main/core/multiline.ts:4',
      'src/main/core/reexport.ts:1',
      'src/main/core/static.ts:1',
      'src/main/core/subpath.ts:3',
      'src/main/core/type-only.ts:1',
      'src/main/core/updater.ts:1',
      'src/renderer/src/App.tsx:1',
      'src/shared/x.ts:1',
    ])
  })

  it('lets the shell, the Electron entry and the preload use Electron', () => {
    const root = project({
      'src/main/shell/window.ts': "import { BrowserWindow } from 'electron'\n",
      'src/main/index.ts': "import { app } from 'electron'\n",
      'src/preload/index.ts': "import { contextBridge } from 'electron'\n",
    })
    expect(checkBoundaries(root)).toEqual([])
  })

  it('does not mistake comments, strings or look-alike packages for Electron imports', () => {
    const root = project({
      'src/main/core/ok.ts': [
        "// require('electron') outside Electron throws",
        "/* import { app } from 'electron' */",
        "const note = \"see import('electron') in the shell\"",
        "const url = 'https://example.org/' // a // in a string is not a comment",
        "import { defineConfig } from 'electron-vite'",
        'const re = /[\'"]electron[\'"]/',
        '',
      ].join('\n'),
    })
    expect(checkBoundaries(root)).toEqual([])
  })

  it('keeps src/shared portable: no Node builtins, no DOM globals, nothing from outside it', () => {
    const root = project({
      'src/shared/io.ts': "import { readFileSync } from 'node:fs'\nimport path from 'path'\nimport { x } from 'fs/promises'\n",
      'src/shared/dom.ts': [
        "export const isBrowser = typeof window !== 'undefined'",
        'export const title = () => document.title',
        'export const g = () => globalThis.document',
        "// document and window in a comment are fine, as is 'window' in a string",
        'export const ok = (frame: { window: number }) => frame.window',
        '',
      ].join('\n'),
      'src/shared/upward.ts': "import { CoreHost } from '../main/core/host'\nimport { z } from 'zod'\nimport { ok } from './result'\n",
      'src/shared/result.ts': 'export const ok = 1\n',
    })
    expect(where(root)).toEqual([
      'src/shared/dom.ts:1',
      'src/shared/dom.ts:2',
      'src/shared/dom.ts:3',
      'src/shared/io.ts:1',
      'src/shared/io.ts:2',
      'src/shared/io.ts:3',
      'src/shared/upward.ts:1',
    ])
  })

  it('keeps the renderer off src/main, src/preload and Node builtins', () => {
    const root = project({
      'src/renderer/src/screens/Clients.tsx': [
        "import { CoreHost } from '../../../main/core/host'",
        "import { createBridge } from '../../../preload/bridge'",
        "import { CHANNELS } from '../../../shared/contract'",
        "import { useState } from 'react'",
        "const fs = await import('node:fs')",
        "export const Note = () => <p>Don't panic</p>",
        "import { join } from 'path'",
        '',
      ].join('\n'),
    })
    expect(where(root)).toEqual([
      'src/renderer/src/screens/Clients.tsx:1',
      'src/renderer/src/screens/Clients.tsx:2',
      'src/renderer/src/screens/Clients.tsx:5',
      'src/renderer/src/screens/Clients.tsx:7',
    ])
  })

  it('says what rule each violation breaks', () => {
    const root = project({ 'src/main/core/db.ts': "import { app } from 'electron'\n" })
    expect(checkBoundaries(root)[0]!.rule).toContain('src/main/shell/**')
  })
})

describe('the scanner', () => {
  it('blanks comments but keeps offsets and lines', () => {
    const source = "a // b\n/* c\n d */ e\n'f'"
    const masked = mask(source)
    expect(masked).toHaveLength(source.length)
    expect(masked.split('\n')).toEqual(['a     ', '    ', '      e', "'f'"])
    expect(mask(source, { strings: true }).split('\n')[3]).toBe("' '")
  })

  it('finds every specifier form with its line', () => {
    const source = "import a from 'a'\nimport 'b'\nexport { c } from \"c\"\nconst d = require('d')\nconst e = import('e')\n"
    expect(findSpecifiers(source)).toEqual([
      { spec: 'a', line: 1 },
      { spec: 'b', line: 2 },
      { spec: 'c', line: 3 },
      { spec: 'd', line: 4 },
      { spec: 'e', line: 5 },
    ])
  })
})
