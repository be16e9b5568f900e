// The fuses the installers flip, applied by electron-builder's own code and
// @electron/fuses to a stand-in Electron binary (the real one needs the
// internet): a wire of Electron 45's length after the sentinel, read back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FuseV1Options, flipFuses, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses'
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
const requireHere = createRequire(import.meta.url)
const config = requireHere(join(ROOT, 'electron-builder.config.cjs')) as { electronFuses: Record<string, boolean> }
const { PlatformPackager } = requireHere('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<FuseV1Config> } }
}

const scratch = mkdtempSync(join(tmpdir(), 'partner-desk-fuses-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Bytes around a V1 fuse wire with every fuse at Electron's default. */
function fakeElectron(): string {
  const defaults = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE]
  const path = join(scratch, 'electron')
  writeFileSync(path, Buffer.concat([Buffer.from('ELF…code…'), Buffer.from(SENTINEL), Buffer.from([1, defaults.length, ...defaults]), Buffer.from('…more code')]))
  return path
}

describe('the fuses', () => {
  it('are flipped as the issue asks when electron-builder packages the app', async () => {
    const binary = fakeElectron()
    const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses)
    await flipFuses(binary, fuseConfig)
    const wire = (await getCurrentFuseWire(binary)) as Record<number, FuseState>
    const state = (option: FuseV1Options) => (wire[option] === FuseState.ENABLE ? 'on' : wire[option] === FuseState.DISABLE ? 'off' : wire[option])
    expect({
      RunAsNode: state(FuseV1Options.RunAsNode),
      EnableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      EnableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      EnableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      OnlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      EnableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      GrantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      RunAsNode: 'off',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      EnableCookieEncryption: 'on',
      GrantFileProtocolExtraPrivileges: 'off',
    })
  })

  it('cover every fuse this @electron/fuses knows, so none stays at a default by omission', async () => {
    const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses)
    const known = Object.values(FuseV1Options).filter((value): value is number => typeof value === 'number')
    const unset = known.filter((option) => option !== FuseV1Options.LoadBrowserProcessSpecificV8Snapshot && !(option in fuseConfig))
    expect(unset.map((option) => FuseV1Options[option])).toEqual([])
  })
})
