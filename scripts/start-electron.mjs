#!/usr/bin/env node
// `npm start`: Electron's binary, better-sqlite3 for Electron, a build, then
// the app. Arguments after `--` go to Electron (e.g. `npm start -- --no-sandbox`
// on a Linux without user namespaces). Needs the internet the first time.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureElectronNative } from './electron-native.mjs'

/**
 * The executable node_modules/electron/index.js would return, or null when
 * it is not there yet (index.js would then download it as a side effect).
 */
export function electronExecutable(electronDir, env = process.env) {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const executable = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist'), readFileSync(pathFile, 'utf8'))
  return existsSync(executable) ? executable : null
}

/** Electron 45's install.js downloads the binary (through @electron/get) unless it is already there. */
function ensureElectronBinary(electronDir) {
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
  const installed = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' })
  const executable = installed.status === 0 ? electronExecutable(electronDir) : null
  if (!executable) {
    throw new Error(
      `Electron ${version}'s binary is missing and could not be downloaded (from github.com, or ELECTRON_MIRROR). ` +
        'If you are offline, connect once and run `npm start` again.',
    )
  }
  return executable
}

/** The environment Electron runs in: never as plain Node, whatever the shell had. */
export function electronEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key !== 'ELECTRON_RUN_AS_NODE'))
}

function build(root) {
  const requireFromRoot = createRequire(join(root, 'package.json'))
  const bin = join(dirname(requireFromRoot.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
  if (spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) {
    throw new Error('`electron-vite build` failed (see above).')
  }
}

function main() {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const electronDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  const executable = ensureElectronBinary(electronDir)
  ensureElectronNative(root)
  build(root)
  const app = spawn(executable, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: electronEnv(process.env) })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal))
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
