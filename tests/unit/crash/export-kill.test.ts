// kill -9 during `partner-desk export`: the file is written beside the target
// under a temporary name and renamed only once checked, so after any kill
// nothing is at the target; the next start of the core removes the
// temporary file and records the export as interrupted.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../paths'

const BIN = resolve('bin/partner-desk.cjs')
const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** Starts the export and kills it once its progress line shows `after` rows written. */
function exportKilled(db: string, out: string, after: number): Promise<{ killed: boolean; done: number }> {
  const child = spawn(process.execPath, [BIN, 'export', '--db', db, '--type', 'all', '--from', '2020-01-01', '--to', '2030-12-31', '--preset', 'excel-de', '--out', out], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  return new Promise((resolvePromise) => {
    let done = 0
    let killed = false
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      for (const match of text.matchAll(/export (\d+)\/(\d+)/g)) done = Number(match[1])
      if (!killed && done >= after) {
        killed = child.kill('SIGKILL')
      }
    })
    child.on('exit', () => resolvePromise({ killed, done }))
  })
}

describe('kill -9 during an export', () => {
  it('leaves no file at the target, and the next start removes the half-written one', async () => {
    const dir = tempDir('crash-export')
    dirs.push(dir)
    const db = join(dir, 'cache.sqlite')
    const seeded = spawnSync(process.execPath, [BIN, 'demo', '--size', 'small', '--db', db], { encoding: 'utf8' })
    expect(seeded.status, seeded.stderr).toBe(0)
    const out = join(dir, 'out')
    spawnSync('mkdir', [out])
    let kills = 0
    for (const after of [1, 5_000, 20_000, 35_000]) {
      const target = join(out, `billing-${after}.csv`)
      const run = await exportKilled(db, target, after)
      if (!run.killed) continue
      kills++
      expect(existsSync(target), `killed after ${run.done} rows: a file at the target`).toBe(false)
    }
    // The kills must have happened mid-export for the test to prove anything.
    expect(kills).toBeGreaterThanOrEqual(2)
    expect(readdirSync(out).filter((f) => f.endsWith('.partial')).length).toBeGreaterThan(0)
    // Any start of the core on this cache cleans up.
    const info = spawnSync(process.execPath, [BIN, 'info', '--db', db], { encoding: 'utf8' })
    expect(info.status, info.stderr).toBe(0)
    expect(readdirSync(out)).toEqual([])
    const cache = new Database(db, { readonly: true })
    const states = cache.prepare('SELECT state FROM exports').pluck().all()
    cache.close()
    expect(states.filter((s) => s === 'interrupted')).toHaveLength(kills)
    expect(states.filter((s) => s === 'running')).toHaveLength(0)
  }, 120_000)
})
