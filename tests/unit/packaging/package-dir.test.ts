// electron-builder run for real on this configuration, offline: the Linux
// `dir` target over a stand-in Electron distribution (the real one needs the
// internet), with Node's better-sqlite3 build standing in for Electron's.
// What lands in the app is then read back: the asar, what sits beside it,
// resources/native, app-update.yml and the fuses of the packaged executable.
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PACKAGED_BINDING } from '../../../src/main/shell/native-binding'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
const requireHere = createRequire(import.meta.url)
const asar = requireHere('@electron/asar') as { listPackage(path: string, options: { isPack: boolean }): string[] }
const ELECTRON_VERSION = (requireHere('electron/package.json') as { version: string }).version

const scratch = mkdtempSync(join(tmpdir(), 'partner-desk-package-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

let resources: string
let executable: string
let inAsar: string[]
beforeAll(() => {
  // An "Electron" whose executable carries a fuse wire at Electron's defaults.
  const electronDist = join(scratch, 'electron')
  mkdirSync(join(electronDist, 'resources'), { recursive: true })
  const wire = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE]
  writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire])]))
  chmodSync(join(electronDist, 'electron'), 0o755)
  writeFileSync(join(electronDist, 'LICENSE'), 'stand-in')
  writeFileSync(join(electronDist, 'version'), ELECTRON_VERSION)
  const binding = join(scratch, 'better_sqlite3.node')
  copyFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), binding)

  const config = join(scratch, 'config.cjs')
  const output = join(scratch, 'dist')
  writeFileSync(
    config,
    `const base = require(${JSON.stringify(join(ROOT, 'electron-builder.config.cjs'))})
module.exports = { ...base, electronDist: ${JSON.stringify(electronDist)}, electronVersion: ${JSON.stringify(ELECTRON_VERSION)},
  directories: { ...base.directories, output: ${JSON.stringify(output)} },
  extraResources: base.extraResources.map((entry) => ({ ...entry, from: ${JSON.stringify(binding)} })) }\n`,
  )
  const cli = join(ROOT, 'node_modules', 'electron-builder', 'cli.js')
  const run = spawnSync(process.execPath, [cli, '--config', config, '--linux', 'dir', '--publish', 'never'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } })
  if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`)
  const appDir = join(output, 'linux-unpacked')
  resources = join(appDir, 'resources')
  executable = join(appDir, 'partner-desk')
  inAsar = asar.listPackage(join(resources, 'app.asar'), { isPack: false }).map((path) => path.replace(/\\/g, '/').replace(/^\//, ''))
}, 180_000)

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).replace(/\\/g, '/'))

describe('the packaged app (electron-builder, linux dir)', () => {
  it('holds the built app in its asar and nothing of tests, benchmarks, sources, scripts or the CLI', () => {
    expect(inAsar).toEqual(expect.arrayContaining(['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']))
    const project = inAsar.filter((path) => !path.startsWith('node_modules/'))
    expect(project.filter((path) => /^(tests|bench|src|scripts|docs|resources)(\/|$)/.test(path) || path === 'out/main/cli.js' || path.endsWith('.map'))).toEqual([])
    expect(inAsar.some((path) => path.startsWith('node_modules/electron-updater/'))).toBe(true)
  })

  it('keeps the worker threads, their chunks and better-sqlite3 beside the asar, and no Node build of better-sqlite3 anywhere', () => {
    const unpacked = filesUnder(join(resources, 'app.asar.unpacked'))
    for (const entry of ['worker', 'reader', 'integrity', 'history']) expect(unpacked).toContain(`out/main/${entry}.js`)
    for (const chunk of readdirSync(join(ROOT, 'out', 'main', 'chunks'))) expect(unpacked).toContain(`out/main/chunks/${chunk}`)
    for (const name of ['better-sqlite3/lib/database.js', 'bindings/bindings.js', '@faker-js/faker/package.json', 'jsvat/package.json']) {
      expect(unpacked).toContain(`node_modules/${name}`)
    }
    expect([...unpacked, ...inAsar].filter((path) => path.endsWith('.node') || path.startsWith('node_modules/better-sqlite3/build/'))).toEqual([])
  })

  it("ships the Electron build of better-sqlite3 where the app loads it", () => {
    const shipped = join(resources, ...PACKAGED_BINDING)
    expect(existsSync(shipped)).toBe(true)
    expect(readFileSync(shipped).equals(readFileSync(join(scratch, 'better_sqlite3.node')))).toBe(true)
  })

  it('tells the updater where to look', () => {
    expect(readFileSync(join(resources, 'app-update.yml'), 'utf8')).toMatch(/^provider: generic\nurl: https:\/\/.+\n/)
  })

  it('flips the fuses of the packaged executable', async () => {
    const wire = (await getCurrentFuseWire(executable)) as Record<number, number>
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      cookies: wire[FuseV1Options.EnableCookieEncryption],
      fileProtocol: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: FuseState.DISABLE,
      nodeOptions: FuseState.DISABLE,
      inspect: FuseState.DISABLE,
      asarIntegrity: FuseState.ENABLE,
      onlyAsar: FuseState.ENABLE,
      cookies: FuseState.ENABLE,
      fileProtocol: FuseState.DISABLE,
    })
  })
})
