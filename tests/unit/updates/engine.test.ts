// electron-updater's own code (DebUpdater, its generic provider, its
// download and SHA-512 check) behind the app's adapter, against a local
// update server: the guarantees the policy relies on.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { releaseNotesText, updaterEngine } from '../../../src/main/shell/updater-engine'
import type { DownloadProgress } from '../../../src/main/updates/engine'
import { UpdateService } from '../../../src/main/updates/update-service'
import { fakeApp } from './fake-app'
import { installerName, sha512, startUpdateServer, type UpdateServer } from './update-server'

const scratch = mkdtempSync(join(tmpdir(), 'partner-desk-updates-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

let server: UpdateServer
beforeAll(async () => {
  server = await startUpdateServer()
})
afterAll(() => server.close())
beforeEach(() => {
  server.release = null
  server.cutAfter = null
  server.requests.length = 0
})

// 256 KiB: several chunks, so progress and a cut mid-file are real.
const INSTALLER = Buffer.alloc(256 * 1024, 'partner-desk 1.2.0 ')
// Users whose staging id places them at 50 % and at 6.25 % of a rollout
// (electron-updater reads the id's last four bytes as a fraction of 2^32).
const USER_AT_50 = '8f0c2b7e-8d7b-4c55-9d3f-0d2f80000000'
const USER_AT_6 = '8f0c2b7e-8d7b-4c55-9d3f-0d2f10000000'

function app(version = '1.1.0', stagingId?: string) {
  const log: string[] = []
  const made = fakeApp(mkdtempSync(join(scratch, 'app-')), { version, feedUrl: server.url, stagingId })
  return { ...made, log, engine: updaterEngine(made.updater, (line) => log.push(line)) }
}

/** Every file under the updater's cache, relative to it. */
function cached(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
}

describe('the updater against an update server', () => {
  it('offers a newer version with its notes, downloads it with progress and keeps it verified', async () => {
    server.release = { version: '1.2.0', file: INSTALLER, notes: '<p>Faster <b>exports</b></p><ul><li>CSV &amp; PDF</li></ul>' }
    const { engine, cacheDir } = app('1.1.0')
    expect(await engine.check()).toEqual({ version: '1.2.0', notes: 'Faster exports\nCSV & PDF' })
    const progress: DownloadProgress[] = []
    await engine.download((step) => progress.push(step))
    const installer = join(cacheDir, 'pending', installerName('1.2.0'))
    expect(readFileSync(installer).equals(INSTALLER)).toBe(true)
    expect(progress.at(-1)).toMatchObject({ percent: 100, transferred: INSTALLER.length, total: INSTALLER.length })
    expect(server.requests).toEqual(['/latest-linux.yml', `/${installerName('1.2.0')}`])
  })

  it.each(['1.2.0', '1.3.0'])('offers nothing to a copy already at %s (equal or newer than the server)', async (version) => {
    server.release = { version: '1.2.0', file: INSTALLER }
    const { engine, cacheDir } = app(version)
    expect(await engine.check()).toBeNull()
    expect(server.requests).toEqual(['/latest-linux.yml'])
    expect(cached(cacheDir)).toEqual([])
  })

  it('rejects a tampered installer (SHA-512 not the one published) and keeps no file of it', async () => {
    server.release = { version: '1.2.0', file: INSTALLER, claimedSha512: sha512(Buffer.from('the genuine build')) }
    const { engine, cacheDir } = app('1.1.0')
    expect(await engine.check()).toMatchObject({ version: '1.2.0' })
    await expect(engine.download(() => undefined)).rejects.toThrow(/sha512 checksum mismatch/)
    expect(cached(cacheDir)).toEqual([])
  })

  it('leaves no partial file when the download is cut off, and downloads whole on the next try', async () => {
    server.release = { version: '1.2.0', file: INSTALLER }
    server.cutAfter = 100 * 1024
    const { engine, cacheDir } = app('1.1.0')
    await engine.check()
    await expect(engine.download(() => undefined)).rejects.toThrow()
    expect(cached(cacheDir)).toEqual([])

    server.cutAfter = null
    await engine.download(() => undefined)
    expect(cached(cacheDir)).toContain(join('pending', installerName('1.2.0')))
  })

  it('honours a staged rollout: offered to the users under its percentage only', async () => {
    server.release = { version: '1.2.0', file: INSTALLER, stagingPercentage: 40 }
    expect(await app('1.1.0', USER_AT_50).engine.check()).toBeNull()
    expect(await app('1.1.0', USER_AT_6).engine.check()).toMatchObject({ version: '1.2.0' })
    server.release = { version: '1.2.0', file: INSTALLER, stagingPercentage: 60 }
    expect(await app('1.1.0', USER_AT_50).engine.check()).toMatchObject({ version: '1.2.0' })
  })

  it('fails a check when the server cannot be reached, which the policy only logs', async () => {
    const unreachable = fakeApp(mkdtempSync(join(scratch, 'app-')), { version: '1.1.0', feedUrl: 'http://127.0.0.1:9/' })
    const log: string[] = []
    const engine = updaterEngine(unreachable.updater, (line) => log.push(line))
    await expect(engine.check()).rejects.toThrow()
    const service = new UpdateService({ engine, blockers: async () => [], online: () => true, log: (line) => log.push(line) })
    expect(await service.check()).toEqual({ status: 'idle', checkedAt: null })
    expect(log.some((line) => line.startsWith('update check failed'))).toBe(true)
  })

  it('takes the policy from found to downloaded, and back to "available" after a tampered download', async () => {
    server.release = { version: '1.2.0', file: INSTALLER, notes: 'Notes' }
    const seen: string[] = []
    const service = new UpdateService({ engine: app('1.1.0').engine, blockers: async () => [], online: () => true, log: () => undefined })
    service.onState((state) => seen.push(state.status))
    expect(await service.check()).toEqual({ status: 'ready', version: '1.2.0', notes: 'Notes', waitingFor: [], installRequested: false })
    expect(seen[0]).toBe('checking')
    expect(seen).toContain('downloading')

    server.release = { version: '1.2.0', file: INSTALLER, claimedSha512: sha512(Buffer.from('other')) }
    const log: string[] = []
    const tampered = new UpdateService({ engine: app('1.1.0').engine, blockers: async () => [], online: () => true, log: (line) => log.push(line) })
    expect(await tampered.check()).toEqual({ status: 'available', version: '1.2.0', notes: null, failed: true })
    expect(log.join('\n')).toMatch(/update download failed: .*sha512/)
  })
})

describe('releaseNotesText', () => {
  it('turns notes into plain text, whatever form the server gives them', () => {
    expect(releaseNotesText(null)).toBeNull()
    expect(releaseNotesText('   ')).toBeNull()
    expect(releaseNotesText('<script>alert(1)</script>Fixed &lt;b&gt;')).toBe('alert(1)Fixed <b>')
    expect(releaseNotesText([{ version: '1.2.0', note: 'One' }, { version: '1.1.5', note: '<p>Two</p>' }])).toBe('One\n\nTwo')
  })
})
