import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const BUILT_WORKER = resolve('out/main/worker.js')
export const BUILT_CLI = resolve('out/main/cli.js')
export const BUILT_HISTORY = resolve('out/main/history.js')
export const BUILT_EXPORT_CHECK = resolve('out/main/export-check.js')
export const BUILT_RENDERER = resolve('out/renderer')
export const ARTIFACTS = resolve('test-artifacts')

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `partner-desk-${prefix}-`))
}
