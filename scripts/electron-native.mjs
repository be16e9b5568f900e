#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .native/electron/ without
// touching node_modules/better-sqlite3, whose Node build tests and the CLI
// keep using. The app loads this build through better-sqlite3's
// `nativeBinding` (src/main/shell/native-binding.ts).
//
// Trap on these machines (docs/TOOLCHAIN.md): ~/.npmrc sets nodedir=/usr, and
// npm hands it to child processes as npm_config_nodedir; rebuild tools then
// compile against Node's headers and report success. So the child env drops
// it, and the result is compared with Node's build before it is accepted.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ELECTRON_HEADERS = 'https://electronjs.org/headers'

/** Mirrors DEV_BINDING in src/main/shell/native-binding.ts (a test keeps them equal). */
export function electronNativePaths(root) {
  const dir = join(root, '.native', 'electron')
  return { dir, binding: join(dir, 'better_sqlite3.node'), stamp: join(dir, 'stamp.json') }
}

/** What a build was made for; a build is reused only for exactly the same. */
export function buildStamp({ electron, abi, betterSqlite3, platform = process.platform, arch = process.arch }) {
  return { electron, abi: String(abi), betterSqlite3, platform, arch }
}

export function isUpToDate(stampText, expected) {
  let stamp
  try {
    stamp = JSON.parse(stampText)
  } catch {
    return false
  }
  return Object.entries(expected).every(([key, value]) => stamp?.[key] === value)
}

/** The ABIs a Node addon registers for (`node_register_module_v<abi>`). */
export function abiMarkers(bytes) {
  const text = Buffer.from(bytes).toString('latin1')
  return [...new Set(Array.from(text.matchAll(/node_register_module_v(\d+)/g), (match) => match[1]))]
}

/** Null when `built` is usable as Electron's build; else why not. */
export function electronBuildProblem(built, nodeBuild, electronAbi) {
  if (nodeBuild && Buffer.compare(Buffer.from(built), Buffer.from(nodeBuild)) === 0) {
    return (
      "The 'Electron' build of better-sqlite3 is byte-identical to Node's build in node_modules: " +
      'the build tool made a Node build (is npm_config_nodedir or nodedir in .npmrc set?). Refusing to use it.'
    )
  }
  const abis = abiMarkers(built)
  if (abis.length > 0 && !abis.includes(String(electronAbi))) {
    return `The build of better-sqlite3 registers ABI ${abis.join(', ')}, but Electron needs ABI ${electronAbi}. Refusing to use it.`
  }
  return null
}

/** The child env: without the nodedir that turns an Electron rebuild into a Node one. */
export function electronBuildEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'))
}

/** npm's own node-gyp: npm names it to scripts it runs; else it sits beside npm's CLI. */
export function nodeGypScript(env, exists = existsSync) {
  const candidates = [
    env.npm_config_node_gyp,
    env.npm_execpath && join(dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), // Windows
  ]
  return candidates.find((path) => path && exists(path)) ?? null
}

function run(script, args, options) {
  return spawnSync(process.execPath, [script, ...args], { stdio: 'inherit', ...options }).status === 0
}

/** Returns the path of an Electron build, making it if needed; throws with advice otherwise. */
export function ensureElectronNative(root, log = console.log) {
  const requireFromRoot = createRequire(join(root, 'package.json'))
  // The package.json, never `electron` itself: requiring it downloads the binary.
  const electronDir = dirname(requireFromRoot.resolve('electron/package.json'))
  const sqliteDir = dirname(requireFromRoot.resolve('better-sqlite3/package.json'))
  const electron = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
  const abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim()
  const betterSqlite3 = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
  const paths = electronNativePaths(root)
  const expected = buildStamp({ electron, abi, betterSqlite3 })

  if (existsSync(paths.binding) && existsSync(paths.stamp) && isUpToDate(readFileSync(paths.stamp, 'utf8'), expected)) {
    log(`better-sqlite3 for Electron ${electron} is ready (${relative(root, paths.binding)}).`)
    return paths.binding
  }

  log(`Building better-sqlite3 ${betterSqlite3} for Electron ${electron} (ABI ${abi})…`)
  const work = mkdtempSync(join(tmpdir(), 'partner-desk-sqlite-electron-'))
  try {
    // A copy without Node's build: whatever happens there, node_modules stays as it was.
    cpSync(sqliteDir, work, {
      recursive: true,
      filter: (source) => !['build', 'node_modules'].includes(relative(sqliteDir, source).split(/[\\/]/)[0]),
    })
    const env = electronBuildEnv(process.env)
    const built = join(work, 'build', 'Release', 'better_sqlite3.node')
    const target = ['--runtime=electron', `--target=${electron}`, `--arch=${process.arch}`]

    const prebuildInstall = createRequire(join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js')
    if (!run(prebuildInstall, [...target, `--platform=${process.platform}`], { cwd: work, env }) || !existsSync(built)) {
      log('No prebuilt binary could be downloaded; compiling from source against Electron’s headers…')
      const nodeGyp = nodeGypScript(env)
      if (!nodeGyp) throw new Error("npm's node-gyp was not found; run this through `npm start`.")
      const devdir = join(homedir(), '.electron-gyp')
      const args = ['rebuild', '--release', ...target, `--dist-url=${ELECTRON_HEADERS}`, `--devdir=${devdir}`]
      if (!run(nodeGyp, args, { cwd: work, env }) || !existsSync(built)) {
        throw new Error(
          `Could not get better-sqlite3 for Electron ${electron}: the prebuilt download (github.com) and the ` +
            `source build (Electron's headers from electronjs.org, plus Python and a C++ compiler) both failed. ` +
            'If you are offline, connect once and run `npm start` again.',
        )
      }
    }

    const nodeBuild = join(sqliteDir, 'build', 'Release', 'better_sqlite3.node')
    const problem = electronBuildProblem(readFileSync(built), existsSync(nodeBuild) ? readFileSync(nodeBuild) : null, abi)
    if (problem) throw new Error(problem)

    mkdirSync(paths.dir, { recursive: true })
    // Rename into place: an interrupted copy never looks like a finished build.
    copyFileSync(built, `${paths.binding}.partial`)
    renameSync(`${paths.binding}.partial`, paths.binding)
    writeFileSync(paths.stamp, `${JSON.stringify(expected, null, 2)}\n`)
    log(`better-sqlite3 for Electron ${electron} written to ${relative(root, paths.binding)}.`)
    return paths.binding
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    ensureElectronNative(fileURLToPath(new URL('..', import.meta.url)))
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
