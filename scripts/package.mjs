#!/usr/bin/env node
// `npm run dist`: installers for this computer's platform, on a machine with
// internet. In order: better-sqlite3 built for Electron's ABI into
// .native/electron/ (electron-builder copies it to resources/native/, see
// electron-builder.config.cjs), the app built, then electron-builder (which
// downloads Electron and flips its fuses). Arguments after `--` go to
// electron-builder (e.g. `npm run dist -- --publish always`).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureElectronNative } from './electron-native.mjs'

const PLATFORM_FLAGS = { '--win': 'win32', '-w': 'win32', '--windows': 'win32', '--mac': 'darwin', '-m': 'darwin', '--macos': 'darwin', '--linux': 'linux', '-l': 'linux' }

/**
 * electron-builder's arguments, or why not. The Electron build of
 * better-sqlite3 is native code for this platform: an installer for another
 * one would ship a database engine that cannot load, so it is refused.
 */
export function builderArgs(argv, platform = process.platform) {
  const foreign = argv.filter((arg) => PLATFORM_FLAGS[arg] && PLATFORM_FLAGS[arg] !== platform)
  if (foreign.length > 0) {
    return { error: `${foreign.join(', ')}: installers are built on the platform they are for (better-sqlite3 is native code); this is ${platform}.` }
  }
  const args = ['--config', 'electron-builder.config.cjs']
  if (!argv.includes('--publish') && !argv.some((arg) => arg.startsWith('--publish='))) args.push('--publish', 'never')
  return { args: [...args, ...argv] }
}

function runNode(script, args, cwd) {
  return spawnSync(process.execPath, [script, ...args], { cwd, stdio: 'inherit' }).status === 0
}

function main() {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const planned = builderArgs(process.argv.slice(2))
  if (planned.error) throw new Error(planned.error)
  ensureElectronNative(root)
  const requireFromRoot = createRequire(join(root, 'package.json'))
  const vite = join(dirname(requireFromRoot.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
  if (!runNode(vite, ['build'], root)) throw new Error('`electron-vite build` failed (see above).')
  const builder = join(dirname(requireFromRoot.resolve('electron-builder/package.json')), 'cli.js')
  if (!runNode(builder, planned.args, root)) throw new Error('electron-builder failed (see above).')
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
