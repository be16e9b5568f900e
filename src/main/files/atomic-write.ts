import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Writes beside the target, syncs, then renames over it: a crash leaves the
 * old file or the new one, never half of either.
 */
export function writeFileAtomically(path: string, data: string | Buffer, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, data, { mode })
  const fd = openSync(temporary, 'r')
  fsyncSync(fd)
  closeSync(fd)
  renameSync(temporary, path)
}
