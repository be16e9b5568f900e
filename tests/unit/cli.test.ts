// The partner-desk CLI as a user runs it: a child process on the built bundle.
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { AccountRegistry } from '../../src/main/accounts/registry'
import { LATEST_SCHEMA_VERSION } from '../../src/main/core/db/migrations'
import { DEMO_SIZE_SPECS } from '../../src/main/core/demo/sizes'
import { startApiServer } from '../fixtures/api-server'
import { tempDir } from '../paths'

const BIN = resolve('bin/partner-desk.cjs')

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runWith({}, ...args)
}

async function runWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('partner-desk', () => {
  it('writes the small demo and reports it with info', async () => {
    const db = join(tempDir('cli'), 'demo.sqlite')
    const demo = await run('demo', '--size', 'small', '--db', db)
    expect(demo.code).toBe(0)
    expect(demo.stdout).toContain('demo data (small) written')
    expect(demo.stderr).toMatch(/billing\s+\d+\/\d+/)

    const info = await run('info', '--db', db)
    expect(info.code).toBe(0)
    expect(info.stdout).toMatch(new RegExp(`schema version: ${LATEST_SCHEMA_VERSION}`))
    expect(info.stdout).toMatch(/integrity:\s+ok/)
    expect(info.stdout).toMatch(/dataset:\s+demo \(small\)/)

    const json = JSON.parse((await run('info', '--db', db, '--json')).stdout)
    const spec = DEMO_SIZE_SPECS.small
    expect(json.counts).toMatchObject({ clients: spec.clients, products: spec.products, billingLines: spec.billingLines, tenders: spec.tenders })
  })

  it('explains usage errors and exits 2', async () => {
    const none = await run()
    expect(none.code).toBe(2)
    expect(none.stdout).toContain('Usage:')

    const size = await run('demo', '--size', 'huge', '--db', join(tempDir('cli-size'), 'x.sqlite'))
    expect(size.code).toBe(2)
    expect(size.stderr).toMatch(/--size must be one of small, bench \(got huge\)/)

    const flag = await run('info', '--db', 'x.sqlite', '--colour')
    expect(flag.code).toBe(2)
    expect(flag.stderr).toMatch(/--colour/)

    const missing = await run('info', '--db', join(tempDir('cli-missing'), 'nothing.sqlite'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/no cache at/)

    const noDb = await run('demo', '--size', 'small')
    expect(noDb.code).toBe(2)
    expect(noDb.stderr).toMatch(/--db PATH is required/)
  })

  it('reports a damaged cache and exits 3', async () => {
    const db = join(tempDir('cli-damaged'), 'broken.sqlite')
    writeFileSync(db, 'garbage '.repeat(2000))
    const info = await run('info', '--db', db)
    expect(info.code).toBe(3)
    expect(info.stderr).toMatch(/damaged: .*not a database/)
  })

  it('says in one line that a cache another program is writing is busy, and exits 5', async () => {
    const db = join(tempDir('cli-locked'), 'demo.sqlite')
    expect((await run('demo', '--size', 'small', '--db', db)).code).toBe(0)
    // Another program in the middle of a write: it holds the write lock until it commits.
    const writer = new Database(db)
    writer.exec('BEGIN IMMEDIATE')
    try {
      const info = await run('info', '--db', db)
      expect(info.code).toBe(5)
      expect(info.stdout).toBe('')
      expect(info.stderr.trimEnd().split('\n')).toEqual([
        `partner-desk: ${db} is in use by another program (database is locked): try again once it has finished`,
      ])
    } finally {
      writer.close()
    }
  })

  it('syncs an account from the address stored with it', async () => {
    const server = await startApiServer({ size: 'small', rateLimit: false })
    try {
      const dataDir = tempDir('cli-sync-stored')
      new AccountRegistry(dataDir).add('Helvetic Web', 0, { baseUrl: server.url })
      const synced = await runWith({ PARTNER_DESK_TOKEN: server.token }, 'sync', '--account', 'Helvetic Web', '--data-dir', dataDir, '--no-rate-limit')
      expect(synced.stderr).not.toMatch(/failed/)
      expect(synced.code).toBe(0)
      expect(synced.stdout).toMatch(/synced "Helvetic Web" \(incremental\)/)
      expect(server.requests.length).toBeGreaterThan(0)
    } finally {
      await server.close()
    }
  })

  it('refuses a --base-url that would expose the token, before anything is sent or stored', async () => {
    const dataDir = tempDir('cli-sync-url')
    const clear = await runWith({ PARTNER_DESK_TOKEN: 'x'.repeat(24) }, 'sync', '--account', 'Office', '--data-dir', dataDir, '--base-url', 'http://api.example.ch')
    expect(clear.code).toBe(2)
    expect(clear.stderr).toMatch(/--base-url: plain http:\/\/ is allowed only for this computer/)
    expect(new AccountRegistry(dataDir).read().accounts).toEqual([])
  })
})
