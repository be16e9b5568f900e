// Where the Electron-ABI build of better-sqlite3 lives, and whether it can be
// loaded. node_modules/better-sqlite3 keeps Node's build for tests and the
// CLI; the app loads its own build through better-sqlite3's `nativeBinding`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Written by scripts/electron-native.mjs (run by `npm start`), relative to the project. */
export const DEV_BINDING = ['.native', 'electron', 'better_sqlite3.node'] as const
/** Where packaging must copy it (electron-builder `extraResources`), relative to resources. */
export const PACKAGED_BINDING = ['native', 'better_sqlite3.node'] as const

export interface AppPlace {
  isPackaged: boolean
  /** app.getAppPath(): the project root when run as `electron .`. */
  appPath: string
  resourcesPath: string
}

export function nativeBindingPath(place: AppPlace): string {
  return place.isPackaged ? join(place.resourcesPath, ...PACKAGED_BINDING) : join(place.appPath, ...DEV_BINDING)
}

/** The ABIs a Node addon registers for (`node_register_module_v<abi>`). */
export function abiMarkers(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  return [...new Set(Array.from(text.matchAll(/node_register_module_v(\d+)/g), (match) => match[1]!))]
}

/**
 * Null when the binding exists and is built for this runtime's ABI; else
 * what to tell the user. A wrong build otherwise only surfaces as a worker
 * crash with Node's ABI message, which says nothing about how to fix it.
 */
export function bindingProblem(path: string, runtimeAbi: string, isPackaged: boolean): string | null {
  const remedy = isPackaged
    ? 'The installation is incomplete: reinstall Partner Desk.'
    : 'Run `npm start`: it builds better-sqlite3 for Electron into .native/electron (the first time it needs the internet).'
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch {
    return `The database engine built for Electron was not found at ${path}.\n\n${remedy}`
  }
  const abis = abiMarkers(bytes)
  if (abis.length > 0 && !abis.includes(runtimeAbi)) {
    return `${path} is built for ABI ${abis.join(', ')}, but this Electron needs ABI ${runtimeAbi}.\n\n${
      isPackaged ? remedy : 'Delete the .native folder, then run `npm start` again.'
    }`
  }
  return null
}
