// The pure parts of `npm start`'s Electron steps (the downloads and builds
// themselves need the internet and run only on a developer's machine).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import {
  abiMarkers,
  buildStamp,
  electronBuildEnv,
  electronBuildProblem,
  electronNativePaths,
  ensureElectronNative,
  isUpToDate,
  nodeGypScript,
} from '../../../scripts/electron-native.mjs'
import { electronEnv, electronExecutable } from '../../../scripts/start-electron.mjs'

const scratch = mkdtempSync(join(tmpdir(), 'partner-desk-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const nodeBuild = readFileSync(
  join(createRequire(import.meta.url).resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node'),
)
const asAbi = (bytes: Buffer, abi: string) =>
  Buffer.from(bytes.toString('latin1').replaceAll(`node_register_module_v${process.versions.modules}`, `node_register_module_v${abi}`), 'latin1')

describe('electronNativePaths', () => {
  it('keeps the Electron build and its stamp in .native/electron', () => {
    expect(electronNativePaths('/p')).toEqual({
      dir: '/p/.native/electron',
      binding: '/p/.native/electron/better_sqlite3.node',
      stamp: '/p/.native/electron/stamp.json',
    })
  })
})

describe('stamp', () => {
  const expected = buildStamp({ electron: '45.3.4', abi: 150, betterSqlite3: '12.6.2', platform: 'linux', arch: 'x64' })

  it('reuses a build made for the same Electron, better-sqlite3, platform and arch', () => {
    expect(isUpToDate(JSON.stringify(expected), expected)).toBe(true)
  })

  it.each([
    ['another Electron', { ...expected, electron: '45.3.5' }],
    ['another ABI', { ...expected, abi: '140' }],
    ['another better-sqlite3', { ...expected, betterSqlite3: '12.6.1' }],
    ['another arch', { ...expected, arch: 'arm64' }],
  ])('rebuilds for %s', (_name, stamp) => {
    expect(isUpToDate(JSON.stringify(stamp), expected)).toBe(false)
  })

  it.each(['', 'not json', 'null', '{}'])('rebuilds when the stamp reads %j', (text) => {
    expect(isUpToDate(text, expected)).toBe(false)
  })
})

describe('electronBuildProblem', () => {
  it("refuses a build byte-identical to Node's (the nodedir trap)", () => {
    expect(electronBuildProblem(Buffer.from(nodeBuild), nodeBuild, '150')).toMatch(/byte-identical.*Refusing/s)
  })

  it("refuses a different build that still registers Node's ABI", () => {
    const rebuilt = Buffer.concat([nodeBuild, Buffer.from('different bytes')])
    expect(electronBuildProblem(rebuilt, nodeBuild, '150')).toContain(`ABI ${process.versions.modules}`)
  })

  it("accepts a build for Electron's ABI", () => {
    const electronBuild = asAbi(nodeBuild, '150')
    expect(abiMarkers(electronBuild)).toEqual(['150'])
    expect(electronBuildProblem(electronBuild, nodeBuild, '150')).toBeNull()
    expect(electronBuildProblem(electronBuild, null, 150)).toBeNull()
  })
})

describe('electronBuildEnv', () => {
  it('drops npm_config_nodedir in any case, keeps the rest, leaves the input alone', () => {
    const env = { npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', PATH: '/bin', npm_config_cache: '/c' }
    expect(electronBuildEnv(env)).toEqual({ PATH: '/bin', npm_config_cache: '/c' })
    expect(env.npm_config_nodedir).toBe('/usr')
  })
})

describe('nodeGypScript', () => {
  it("prefers the node-gyp npm names, then the one beside npm's CLI", () => {
    const exists = (path: string) => path.includes('named') || path.startsWith('/npm/')
    expect(nodeGypScript({ npm_config_node_gyp: '/named/node-gyp.js', npm_execpath: '/npm/bin/npm-cli.js' }, exists)).toBe(
      '/named/node-gyp.js',
    )
    expect(nodeGypScript({ npm_execpath: '/npm/bin/npm-cli.js' }, exists)).toBe('/npm/node_modules/node-gyp/bin/node-gyp.js')
    expect(nodeGypScript({}, () => false)).toBeNull()
  })
})

describe('ensureElectronNative', () => {
  it('skips all work when a stamped build for this Electron is there', () => {
    const root = mkdtempSync(join(scratch, 'native-root-'))
    const write = (path: string, text: string) => {
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, text)
    }
    write(join(root, 'package.json'), '{}')
    write(join(root, 'node_modules/electron/package.json'), JSON.stringify({ name: 'electron', version: '45.3.4' }))
    write(join(root, 'node_modules/electron/abi_version'), '150\n')
    write(join(root, 'node_modules/better-sqlite3/package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.6.2' }))
    const paths = electronNativePaths(root)
    write(paths.binding, 'built')
    write(paths.stamp, JSON.stringify(buildStamp({ electron: '45.3.4', abi: '150', betterSqlite3: '12.6.2' })))

    const log = vi.fn()
    expect(ensureElectronNative(root, log)).toBe(paths.binding)
    expect(log).toHaveBeenCalledExactlyOnceWith(expect.stringContaining('is ready'))
  })
})

describe('start-electron', () => {
  const electronDir = () => mkdtempSync(join(scratch, 'electron-pkg-'))

  it('finds no executable before the download wrote path.txt and the binary', () => {
    const dir = electronDir()
    expect(electronExecutable(dir, {})).toBeNull()
    writeFileSync(join(dir, 'path.txt'), 'electron')
    expect(electronExecutable(dir, {})).toBeNull()
  })

  it('finds the executable where node_modules/electron/index.js would', () => {
    const dir = electronDir()
    writeFileSync(join(dir, 'path.txt'), 'electron')
    mkdirSync(join(dir, 'dist'))
    writeFileSync(join(dir, 'dist', 'electron'), '')
    expect(electronExecutable(dir, {})).toBe(join(dir, 'dist', 'electron'))

    const override = electronDir()
    writeFileSync(join(override, 'electron'), '')
    expect(electronExecutable(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'))
  })

  it('never launches Electron as plain Node', () => {
    expect(electronEnv({ ELECTRON_RUN_AS_NODE: '1', HOME: '/h' })).toEqual({ HOME: '/h' })
  })
})
