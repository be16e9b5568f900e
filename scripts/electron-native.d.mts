// Types for electron-native.mjs, which stays plain JavaScript so `npm start` needs no build.
export interface NativePaths {
  dir: string
  binding: string
  stamp: string
}
export interface BuildStamp {
  electron: string
  abi: string
  betterSqlite3: string
  platform: string
  arch: string
}
export function electronNativePaths(root: string): NativePaths
export function buildStamp(input: {
  electron: string
  abi: string | number
  betterSqlite3: string
  platform?: string
  arch?: string
}): BuildStamp
export function isUpToDate(stampText: string, expected: BuildStamp): boolean
export function abiMarkers(bytes: Uint8Array): string[]
export function electronBuildProblem(built: Uint8Array, nodeBuild: Uint8Array | null, electronAbi: string | number): string | null
export function electronBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv
export function nodeGypScript(env: NodeJS.ProcessEnv, exists?: (path: string) => boolean): string | null
export function ensureElectronNative(root: string, log?: (message: string) => void): string
