// The update policy with a scripted engine: when it looks, and above all
// when it refuses to install.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DownloadProgress, UpdateEngine } from '../../../src/main/updates/engine'
import { CHECK_EVERY_SECONDS, UpdateService } from '../../../src/main/updates/update-service'
import { WorkInProgress } from '../../../src/main/updates/work-in-progress'
import type { UpdateBlocker, UpdateRelease } from '../../../src/shared/updates'

const RELEASE: UpdateRelease = { version: '1.2.0', notes: 'Faster exports' }

function engine(found: UpdateRelease | null = RELEASE) {
  return {
    check: vi.fn(async () => found),
    download: vi.fn(async (onProgress: (progress: DownloadProgress) => void) => {
      onProgress({ percent: 50, transferred: 5, total: 10 })
      onProgress({ percent: 100, transferred: 10, total: 10 })
    }),
    install: vi.fn(),
    setInstallOnQuit: vi.fn(),
  } satisfies UpdateEngine
}

function service(options: { engine?: UpdateEngine | null; pending?: () => number; online?: () => boolean; work?: WorkInProgress; now?: () => number } = {}) {
  const log: string[] = []
  const work = options.work ?? new WorkInProgress()
  const blockers = async (): Promise<UpdateBlocker[]> => {
    const pending = options.pending?.() ?? 0
    return [...(pending > 0 ? [{ kind: 'outbox' as const, pending }] : []), ...work.busy().map((kind) => ({ kind: 'work' as const, work: kind }))]
  }
  const updates = new UpdateService({
    engine: options.engine === undefined ? engine() : options.engine,
    blockers,
    online: options.online ?? (() => true),
    log: (line) => log.push(line),
    now: options.now,
  })
  return { updates, log, work }
}

afterEach(() => vi.useRealTimers())

describe('the update policy', () => {
  it('says "unsupported" and does nothing in a copy without an updater', async () => {
    const { updates } = service({ engine: null })
    expect(await updates.check()).toEqual({ status: 'unsupported' })
    expect(await updates.install()).toEqual({ status: 'unsupported' })
  })

  it('finds, downloads with progress, then waits for the user to restart', async () => {
    const fake = engine()
    const { updates } = service({ engine: fake })
    const seen: unknown[] = []
    updates.onState((state) => seen.push(state))
    expect(await updates.check()).toEqual({ status: 'ready', ...RELEASE, waitingFor: [], installRequested: false })
    expect(seen).toContainEqual({ status: 'downloading', ...RELEASE, percent: 50, transferred: 5, total: 10 })
    expect(fake.install).not.toHaveBeenCalled()
    await updates.install()
    expect(fake.install).toHaveBeenCalledTimes(1)
  })

  it('records an up-to-date check with its time', async () => {
    const { updates } = service({ engine: engine(null), now: () => 1_795_000_000 })
    expect(await updates.check()).toEqual({ status: 'idle', checkedAt: 1_795_000_000 })
  })

  it('never installs while changes wait in the outbox, and installs once they are sent', async () => {
    const fake = engine()
    let pending = 3
    const { updates } = service({ engine: fake, pending: () => pending })
    await updates.check()
    expect(await updates.install()).toMatchObject({ status: 'ready', waitingFor: [{ kind: 'outbox', pending: 3 }], installRequested: true })
    expect(fake.install).not.toHaveBeenCalled()

    pending = 1
    await updates.reconsider()
    expect(fake.install).not.toHaveBeenCalled()
    pending = 0
    await updates.reconsider()
    expect(fake.install).toHaveBeenCalledTimes(1)
  })

  it('never installs while an export or import runs, and installs when the last one ends', async () => {
    const fake = engine()
    const work = new WorkInProgress()
    const { updates } = service({ engine: fake, work })
    const endExport = work.begin('export')
    const endImport = work.begin('import')
    await updates.check()
    expect(await updates.install()).toMatchObject({ waitingFor: [{ kind: 'work', work: 'export' }, { kind: 'work', work: 'import' }] })
    endExport()
    endExport() // a second release of the same work changes nothing
    await updates.reconsider()
    expect(fake.install).not.toHaveBeenCalled()
    endImport()
    await updates.reconsider()
    expect(fake.install).toHaveBeenCalledTimes(1)
  })

  it('does not install by itself unless the user asked', async () => {
    const fake = engine()
    const { updates } = service({ engine: fake })
    await updates.check()
    await updates.reconsider()
    expect(fake.install).not.toHaveBeenCalled()
  })

  it('takes an outbox it cannot count as holding changes', async () => {
    const fake = engine()
    const updates = new UpdateService({
      engine: fake,
      blockers: async () => {
        throw new Error('the cache is closing')
      },
      online: () => true,
      log: () => undefined,
    })
    await updates.check()
    expect(await updates.install()).toMatchObject({ waitingFor: [{ kind: 'outbox', pending: null }] })
    expect(fake.install).not.toHaveBeenCalled()
  })

  it('installs at quit only when ready and nothing waits', async () => {
    const fake = engine()
    let pending = 2
    const { updates } = service({ engine: fake, pending: () => pending })
    await updates.beforeQuit()
    expect(fake.setInstallOnQuit).toHaveBeenLastCalledWith(false)
    await updates.check()
    await updates.beforeQuit()
    expect(fake.setInstallOnQuit).toHaveBeenLastCalledWith(false)
    pending = 0
    await updates.beforeQuit()
    expect(fake.setInstallOnQuit).toHaveBeenLastCalledWith(true)
  })

  it('skips a check offline, with a log line and no state change', async () => {
    const fake = engine()
    const { updates, log } = service({ engine: fake, online: () => false })
    expect(await updates.check()).toEqual({ status: 'idle', checkedAt: null })
    expect(fake.check).not.toHaveBeenCalled()
    expect(log).toEqual(['update check skipped: offline'])
  })

  it('offers the release again after a failed download, and retries when asked', async () => {
    const fake = engine()
    fake.download.mockRejectedValueOnce(new Error('socket hang up'))
    const { updates, log } = service({ engine: fake })
    expect(await updates.check()).toEqual({ status: 'available', ...RELEASE, failed: true })
    expect(log).toEqual(['update download failed: socket hang up'])
    expect(await updates.download()).toMatchObject({ status: 'ready' })
  })

  it('looks at start, then once a day, and only when online', async () => {
    vi.useFakeTimers()
    let now = 1_795_000_000
    let online = true
    const fake = engine(null)
    const { updates } = service({ engine: fake, now: () => now, online: () => online })
    updates.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.check).toHaveBeenCalledTimes(1)

    now += CHECK_EVERY_SECONDS - 3600
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000)
    expect(fake.check).toHaveBeenCalledTimes(1)
    now += 3600
    online = false
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000)
    expect(fake.check).toHaveBeenCalledTimes(1)
    online = true
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000)
    expect(fake.check).toHaveBeenCalledTimes(2)
    updates.stop()
  })
})
