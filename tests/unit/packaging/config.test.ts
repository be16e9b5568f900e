// The installers' configuration, checked here where they cannot be built
// (electron-builder needs Electron's binary): what ships, what sits outside
// the asar, the targets and icons, and the fuses. Uses electron-builder's own
// file matchers, so a pattern means here what it means when packaging.
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve, sep } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { PACKAGED_BINDING } from '../../../src/main/shell/native-binding'
import { APP_USER_MODEL_ID } from '../../../src/main/shell/app-id'
import { findSpecifiers } from '../../../scripts/check-boundaries.mjs'
import { electronNativePaths } from '../../../scripts/electron-native.mjs'
import { LINUX_SIZES } from '../../../scripts/make-icons.mjs'
import { builderArgs } from '../../../scripts/package.mjs'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
const requireHere = createRequire(import.meta.url)
type Config = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const config: Config = requireHere(join(ROOT, 'electron-builder.config.cjs'))

type Filter = (file: string, stat: Stats) => boolean
const { getMainFileMatchers, getNodeModuleFileMatcher, FileMatcher } = requireHere('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers: (...args: unknown[]) => Array<{ createFilter(): Filter }>
  getNodeModuleFileMatcher: (...args: unknown[]) => { createFilter(): Filter }
  FileMatcher: new (from: string, to: string, expand: (pattern: string) => string, patterns: string[]) => { createFilter(): Filter }
}

const same = (text: string) => text
const fakePackager = { info: { isPrepackedAppAsar: false, config, projectDir: ROOT, buildResourcesDir: config.directories.buildResources, debugLogger: { isEnabled: false } } }

/** Project-relative paths (with `/`) under `dir`, skipping `skip` folders. */
function walk(dir: string, skip: Set<string>): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const rel = relative(ROOT, path).split(sep).join('/')
    if (entry.isDirectory()) {
      if (!skip.has(rel)) out.push(...walk(path, skip))
    } else out.push(rel)
  }
  return out
}

/** Applies a filter as electron-builder's copy does: a folder refused is not entered (from `depth` folders down). */
function kept(filter: Filter, files: string[], depth = 1): string[] {
  const folderOk = new Map<string, boolean>()
  const entered = (rel: string): boolean => {
    const parts = rel.split('/')
    for (let i = depth; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/')
      if (!folderOk.has(folder)) folderOk.set(folder, filter(join(ROOT, folder), statSync(join(ROOT, folder))))
      if (!folderOk.get(folder)) return false
    }
    return true
  }
  return files.filter((rel) => entered(rel) && filter(join(ROOT, rel), statSync(join(ROOT, rel))))
}

const THREAD_ENTRIES = ['worker', 'reader', 'integrity', 'history'].map((name) => `out/main/${name}.js`)
const requiresOf = (file: string) =>
  Array.from(readFileSync(join(ROOT, file), 'utf8').matchAll(/require\("([^"]+)"\)/g), (match) => match[1]!).filter((spec) => !spec.startsWith('node:'))

/** Every built file a thread loads, and every package it requires by name. */
function threadClosure(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const pending = [...THREAD_ENTRIES]
  while (pending.length > 0) {
    const file = pending.pop()!
    if (files.has(file)) continue
    files.add(file)
    for (const spec of requiresOf(file)) {
      if (spec.startsWith('.')) pending.push(relative(ROOT, resolve(ROOT, file, '..', spec)).split(sep).join('/'))
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
    }
  }
  return { files, packages }
}

// better-sqlite3 lists prebuild-install for its install script; the app never loads it.
const INSTALL_TIME_ONLY = new Set(['prebuild-install'])

/** The packages a package needs at run time, itself included. */
function runtimeClosure(roots: Iterable<string>): Set<string> {
  const found = new Set<string>()
  const pending = [...roots]
  while (pending.length > 0) {
    const name = pending.pop()!
    if (found.has(name) || INSTALL_TIME_ONLY.has(name)) continue
    found.add(name)
    const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
    pending.push(...Object.keys(manifest.dependencies ?? {}))
  }
  return found
}

let appFiles: string[]
let shipped: string[]
beforeAll(() => {
  appFiles = walk(ROOT, new Set(['node_modules', '.git', 'dist', 'test-artifacts']))
  const [main] = getMainFileMatchers(ROOT, join(ROOT, 'dist', 'app'), same, {}, fakePackager, join(ROOT, config.directories.output), false)
  shipped = kept(main!.createFilter(), appFiles)
})

describe('the installers', () => {
  it('target NSIS on Windows, a DMG with the hardened runtime on macOS, AppImage and deb on Linux', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/)
    // Windows shows the app's notifications only under the id its installed shortcut carries.
    expect(config.appId).toBe(APP_USER_MODEL_ID)
    expect(config.productName).toBe('Partner Desk')
    const targets = (platform: string) => (config[platform].target as Array<{ target: string }>).map(({ target }) => target)
    expect(targets('win')).toEqual(['nsis'])
    expect(targets('mac')).toEqual(['dmg'])
    expect(targets('linux')).toEqual(['AppImage', 'deb'])
    expect(config.mac.hardenedRuntime).toBe(true)
    const entitlements = readFileSync(join(ROOT, config.mac.entitlements), 'utf8')
    expect(entitlements).toContain('com.apple.security.cs.allow-jit')
    // Exceptions that would let another process inject code into the app.
    expect(entitlements).not.toMatch(/disable-library-validation|allow-dyld-environment-variables|get-task-allow/)
  })

  it('carry icons made from the SVG source in every size each platform needs', () => {
    expect(readFileSync(join(ROOT, 'resources', 'icon.svg'), 'utf8')).toContain('<svg')
    const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
    for (const size of LINUX_SIZES) {
      expect(pngSize(readFileSync(join(ROOT, config.linux.icon, `${size}x${size}.png`)))).toEqual([size, size])
    }
    const ico = readFileSync(join(ROOT, config.win.icon))
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256)
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]))
    const icns = readFileSync(join(ROOT, config.mac.icon))
    expect(icns.toString('latin1', 0, 4)).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    expect(icns.includes(Buffer.from('ic10'))).toBe(true)
  })

  it('ship the built app and nothing else of the project: no sources, tests, benchmarks, scripts or CLI', () => {
    expect(shipped).toEqual(expect.arrayContaining(['package.json', 'out/main/index.js', ...THREAD_ENTRIES, 'out/preload/index.js', 'out/renderer/index.html']))
    const foreign = shipped.filter((file) => !/^out\/(main|preload|renderer)\//.test(file) && file !== 'package.json')
    expect(foreign).toEqual([])
    expect(shipped.filter((file) => /^(tests|bench|src|scripts|docs)\//.test(file) || file === 'out/main/cli.js' || file.endsWith('.map'))).toEqual([])
  })

  it("ship no test or benchmark file among the dependencies, nor better-sqlite3's Node build and sources", () => {
    const filter = getNodeModuleFileMatcher(ROOT, join(ROOT, 'dist', 'app'), same, {}, fakePackager.info).createFilter()
    const sqlite = walk(join(ROOT, 'node_modules', 'better-sqlite3'), new Set())
    // node_modules itself is walked by electron-builder's dependency collector, not by this filter.
    const keptSqlite = kept(filter, sqlite, 2)
    expect(keptSqlite).toContain('node_modules/better-sqlite3/lib/database.js')
    expect(keptSqlite.filter((file) => /\/(build|deps|src)\//.test(file) || file.endsWith('.node'))).toEqual([])
  })

  it('unpack every thread entry, the chunks they load and every package they require, transitively, from the asar', () => {
    const unpacked = new FileMatcher(ROOT, join(ROOT, 'dist', 'app'), same, config.asarUnpack).createFilter()
    const isUnpacked = (rel: string) => unpacked(join(ROOT, rel), statSync(join(ROOT, rel)))
    const { files, packages } = threadClosure()
    expect(packages).toContain('better-sqlite3')
    for (const file of files) expect(isUnpacked(file), file).toBe(true)
    for (const name of runtimeClosure(packages)) expect(isUnpacked(`node_modules/${name}/package.json`), name).toBe(true)
    // The main process's own entry needs no exception.
    expect(requiresOf('out/main/index.js')).not.toContain('better-sqlite3')
  })

  it("build better-sqlite3 for Electron in the packaging script and ship it where the app looks for it", () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.nodeGypRebuild).toBe(false)
    expect(config.extraResources).toEqual([
      { from: relative(ROOT, electronNativePaths(ROOT).binding).split(sep).join('/'), to: PACKAGED_BINDING.join('/') },
    ])
    const script = readFileSync(join(ROOT, 'scripts', 'package.mjs'), 'utf8')
    expect(script.indexOf('ensureElectronNative(root)')).toBeLessThan(script.indexOf('electron-builder/package.json'))
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.dist).toBe('node scripts/package.mjs')
  })

  it("refuse installers for another platform than this one's (better-sqlite3 is native code)", () => {
    expect(builderArgs([], 'linux').args).toEqual(['--config', 'electron-builder.config.cjs', '--publish', 'never'])
    expect(builderArgs(['--linux', 'deb'], 'linux').args).toEqual(['--config', 'electron-builder.config.cjs', '--publish', 'never', '--linux', 'deb'])
    expect(builderArgs(['--win'], 'linux').error).toMatch(/--win.*linux/)
    expect(builderArgs(['--mac'], 'win32').error).toMatch(/--mac/)
  })

  it('look for updates at a configured URL with the generic provider', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: expect.stringMatching(/^https:\/\//) }])
    const configured = createRequire(import.meta.url)
    const path = join(ROOT, 'electron-builder.config.cjs')
    process.env.PARTNER_DESK_UPDATE_URL = 'https://updates.example.ch/pd/'
    try {
      delete configured.cache[path]
      expect(configured(path).publish).toEqual([{ provider: 'generic', url: 'https://updates.example.ch/pd/' }])
    } finally {
      delete process.env.PARTNER_DESK_UPDATE_URL
      delete configured.cache[path]
    }
  })
})

describe('the sources', () => {
  it('import nothing from tests/', () => {
    const offenders = appFiles
      .filter((file) => file.startsWith('src/') && /\.(?:[cm]?[jt]sx?)$/.test(file))
      .flatMap((file) =>
        findSpecifiers(readFileSync(join(ROOT, file), 'utf8'))
          .filter(({ spec }) => spec.startsWith('.') && relative(ROOT, resolve(ROOT, file, '..', spec)).split(sep)[0] === 'tests')
          .map(({ spec, line }) => `${file}:${line} ${spec}`),
      )
    expect(offenders).toEqual([])
  })
})
