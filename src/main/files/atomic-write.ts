import * as nodeFs from 'node:fs'
import { dirname } from 'node:path'

/** The file operations a write needs; tests pass ones that fail on purpose. */
export interface AtomicWriteFs {
  mkdirSync(path: string, options: { recursive: true; mode: number }): unknown
  openSync(path: string, flags: 'w' | 'r', mode?: number): number
  writeFileSync(fd: number, data: string | Buffer): void
  fsyncSync(fd: number): void
  closeSync(fd: number): void
  renameSync(from: string, to: string): void
  rmSync(path: string, options: { force: true }): void
}

export interface AtomicWriteOptions {
  /** Default 0o644; a token file is 0o600. */
  mode?: number
  fs?: AtomicWriteFs
}

/**
 * Writes beside the target, flushes, then renames over it: a crash leaves the
 * old file or the new one, never half of either. A write that fails leaves
 * the old file as it was and no temporary file behind.
 */
export function writeFileAtomically(path: string, data: string | Buffer, { mode = 0o644, fs = nodeFs }: AtomicWriteOptions = {}): void {
  const folder = dirname(path)
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
  const temporary = `${path}.${process.pid}.tmp`
  try {
    // Flushed through the handle that wrote it: Windows refuses to flush a read-only one (EPERM).
    const fd = fs.openSync(temporary, 'w', mode)
    try {
      fs.writeFileSync(fd, data)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(temporary, path)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    throw error
  }
  syncFolder(folder, fs)
}

/** The rename lives in the folder's entries: until they reach the disk, a power cut may bring the old file back. */
function syncFolder(folder: string, fs: AtomicWriteFs): void {
  let fd: number
  try {
    fd = fs.openSync(folder, 'r')
  } catch (error) {
    // Windows cannot open a folder to flush it (EISDIR, or EPERM): the step does
    // not exist there, and failing would refuse a write that did happen.
    if (isPlatformRefusal(error)) return
    throw error
  }
  try {
    fs.fsyncSync(fd)
  } catch (error) {
    if (!isPlatformRefusal(error)) throw error
  } finally {
    fs.closeSync(fd)
  }
}

function isPlatformRefusal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return code === 'EISDIR' || code === 'EPERM'
}
