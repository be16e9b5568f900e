import * as fs from 'node:fs'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomically, type AtomicWriteFs } from '../../../src/main/files/atomic-write'
import { tempDir } from '../../paths'

type Step = 'openSync' | 'writeFileSync' | 'fsyncSync' | 'closeSync' | 'renameSync'

const errno = (code: string, syscall: string) => Object.assign(new Error(`${code}: ${syscall} failed (injected)`), { code })

/** Node's fs, counting the folders it flushes. */
function recordingFs(): AtomicWriteFs & { folderSyncs: number } {
  const folders = new Set<number>()
  const recorded: AtomicWriteFs & { folderSyncs: number } = {
    folderSyncs: 0,
    mkdirSync: fs.mkdirSync,
    openSync: (path, flags, mode) => {
      const fd = fs.openSync(path, flags, mode)
      if (statSync(path).isDirectory()) folders.add(fd)
      return fd
    },
    writeFileSync: fs.writeFileSync,
    fsyncSync: (fd) => {
      if (folders.has(fd)) recorded.folderSyncs++
      fs.fsyncSync(fd)
    },
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
    rmSync: fs.rmSync,
  }
  return recorded
}

/** What Windows does: a read-only handle cannot be flushed, and a folder cannot be opened at all. */
function windowsLikeFs(): AtomicWriteFs {
  const readOnly = new Set<number>()
  return {
    ...recordingFs(),
    openSync: (path, flags, mode) => {
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw errno('EISDIR', 'open')
      const fd = fs.openSync(path, flags, mode)
      if (flags === 'r') readOnly.add(fd)
      return fd
    },
    fsyncSync: (fd) => {
      if (readOnly.has(fd)) throw errno('EPERM', 'fsync')
      fs.fsyncSync(fd)
    },
  }
}

function setUp(): { dir: string; path: string } {
  const dir = tempDir('atomic-write')
  const path = join(dir, 'accounts.json')
  writeFileSync(path, 'the old contents\n')
  return { dir, path }
}

describe('writeFileAtomically', () => {
  it('replaces the file, flushes the written file and its folder, and leaves nothing beside it', () => {
    const { dir, path } = setUp()
    const recorded = recordingFs()
    writeFileAtomically(path, 'the new contents\n', { fs: recorded })
    expect(readFileSync(path, 'utf8')).toBe('the new contents\n')
    expect(readdirSync(dir)).toEqual(['accounts.json'])
    // The rename is only durable once the folder's entry is on disk too.
    expect(recorded.folderSyncs).toBe(1)
  })

  it('keeps the mode it is given (a token is readable by its user only)', () => {
    const { path } = setUp()
    const tokenPath = `${path}.token`
    writeFileAtomically(tokenPath, Buffer.from([1, 2, 3]), { mode: 0o600 })
    expect(readFileSync(tokenPath)).toEqual(Buffer.from([1, 2, 3]))
    if (process.platform !== 'win32') expect(statSync(tokenPath).mode & 0o777).toBe(0o600)
  })

  it('saves where a read-only handle cannot be flushed and a folder cannot be opened (Windows)', () => {
    const { dir, path } = setUp()
    writeFileAtomically(path, 'saved on Windows\n', { fs: windowsLikeFs() })
    expect(readFileSync(path, 'utf8')).toBe('saved on Windows\n')
    expect(readdirSync(dir)).toEqual(['accounts.json'])
  })

  it.each<Step>(['openSync', 'writeFileSync', 'fsyncSync', 'closeSync', 'renameSync'])(
    'removes the temporary file and leaves the original untouched when %s fails',
    (step) => {
      const { dir, path } = setUp()
      const real = recordingFs()
      const failing: AtomicWriteFs = {
        ...real,
        [step]: (...args: unknown[]) => {
          // The step itself happens first (a written, flushed or closed temporary file is left to remove);
          // an open or a rename that fails has done nothing.
          if (step !== 'openSync' && step !== 'renameSync') (real[step] as (...a: unknown[]) => unknown)(...args)
          throw errno('EIO', step)
        },
      }
      expect(() => writeFileAtomically(path, 'never seen\n', { fs: failing })).toThrow(/EIO/)
      expect(readFileSync(path, 'utf8')).toBe('the old contents\n')
      expect(readdirSync(dir)).toEqual(['accounts.json'])
    },
  )

  it('says so when the folder cannot be flushed for another reason than a platform refusal', () => {
    const { dir, path } = setUp()
    const real = recordingFs()
    let opened = 0
    const failing: AtomicWriteFs = {
      ...real,
      fsyncSync: (fd) => {
        if (++opened === 2) throw errno('EIO', 'fsync')
        real.fsyncSync(fd)
      },
    }
    expect(() => writeFileAtomically(path, 'written, not yet durable\n', { fs: failing })).toThrow(/EIO/)
    expect(readdirSync(dir)).toEqual(['accounts.json'])
  })
})
