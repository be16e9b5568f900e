import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { abiMarkers as scriptAbiMarkers, electronNativePaths } from '../../../scripts/electron-native.mjs'
import { abiMarkers, bindingProblem, nativeBindingPath } from '../../../src/main/shell/native-binding'

const scratch = mkdtempSync(join(tmpdir(), 'partner-desk-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const nodeBuildPath = join(
  createRequire(import.meta.url).resolve('better-sqlite3/package.json'),
  '..',
  'build',
  'Release',
  'better_sqlite3.node',
)

describe('nativeBindingPath', () => {
  it('is where scripts/electron-native.mjs writes the build, when run from the project', () => {
    const root = '/home/dev/partner-desk'
    expect(nativeBindingPath({ isPackaged: false, appPath: root, resourcesPath: '/ignored' })).toBe(electronNativePaths(root).binding)
  })

  it('is under resources when packaged', () => {
    expect(nativeBindingPath({ isPackaged: true, appPath: '/x/app.asar', resourcesPath: '/opt/Partner Desk/resources' })).toBe(
      '/opt/Partner Desk/resources/native/better_sqlite3.node',
    )
  })
})

describe('bindingProblem', () => {
  const dir = mkdtempSync(join(scratch, 'binding-'))

  it('explains how to produce a missing build in development', () => {
    const problem = bindingProblem(join(dir, 'missing.node'), '150', false)
    expect(problem).toContain('was not found')
    expect(problem).toContain('npm start')
  })

  it('asks for a reinstall when a packaged app lacks it', () => {
    expect(bindingProblem(join(dir, 'missing.node'), '150', true)).toContain('reinstall')
  })

  it("refuses Node's build for Electron's ABI, naming both", () => {
    const problem = bindingProblem(nodeBuildPath, '150', false)
    expect(problem).toContain(`ABI ${process.versions.modules}`)
    expect(problem).toContain('ABI 150')
  })

  it('accepts a build for the running ABI', () => {
    expect(bindingProblem(nodeBuildPath, process.versions.modules, false)).toBeNull()
  })

  it('accepts a file whose ABI it cannot tell (the load itself will say more)', () => {
    const path = join(dir, 'opaque.node')
    writeFileSync(path, 'no marker here')
    expect(bindingProblem(path, '150', false)).toBeNull()
  })
})

describe('abiMarkers', () => {
  it("reads Node's ABI from Node's build, as the build script does", () => {
    const bytes = readFileSync(nodeBuildPath)
    expect(abiMarkers(bytes)).toEqual([process.versions.modules])
    expect(scriptAbiMarkers(bytes)).toEqual(abiMarkers(bytes))
  })
})
