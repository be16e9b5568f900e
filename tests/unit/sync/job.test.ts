// The periodic sync's timer, on fake clocks: it stops with its job (a closed
// or damaged cache is never synced again), and a recovered cache has one.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CacheStatus } from '../../../src/shared/contract'
import { Core } from '../../../src/main/core/core'
import type { IntegrityResult } from '../../../src/main/core/db/integrity'
import type { RemoteConfig } from '../../../src/main/core/protocol'
import { SyncJob } from '../../../src/main/core/sync/job'
import { tempDir } from '../../paths'

const EVERY_SECONDS = 15 * 60
const remote: RemoteConfig = { baseUrl: 'https://api.example.invalid', rateLimit: 'off', syncEverySeconds: EVERY_SECONDS }

/** Lets promise chains (a run that finds no token, an integrity answer) finish. */
const settleMicrotasks = () => vi.advanceTimersByTimeAsync(0)

beforeEach(() => {
  // Only the timers the job schedules: the core's own awaits keep running.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the periodic sync', () => {
  it('runs every period while its job lives, and never after the job settled', async () => {
    // No token: each run ends at once, asking for one; the asks count the runs.
    const token = vi.fn(async () => null)
    const job = new SyncJob({
      db: () => new Database(':memory:'),
      remote,
      token,
      now: () => 1_795_000_000,
      onProgress: () => {},
      onFinished: () => {},
      onOutboxChanged: () => {},
    })
    await vi.advanceTimersByTimeAsync(EVERY_SECONDS * 1000)
    expect(token).toHaveBeenCalledTimes(1)

    await job.settle()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(3 * EVERY_SECONDS * 1000)
    expect(token).toHaveBeenCalledTimes(1)
    // A settled job starts nothing, asked or not.
    expect(job.start('incremental')).toMatchObject({ ok: false })
    expect(job.startPush()).toEqual({ started: false })
  })

  it('stops for a cache found damaged, and runs once per period after the recovery', async () => {
    const checks: IntegrityResult[] = [{ ok: false, damage: 'found', message: 'row 7 missing from index' }, { ok: true }]
    const statuses: CacheStatus[] = []
    const requestToken = vi.fn(async () => null)
    const core = await Core.open(
      { dbPath: join(tempDir('sync-timer'), 'cache.sqlite'), remote },
      {
        emit: (event, payload) => {
          if (event === 'cache:status') statuses.push(payload as CacheStatus)
        },
        checkIntegrity: async () => checks.shift() ?? { ok: true },
        now: () => 1_795_000_000,
        requestToken,
      },
    )
    await settleMicrotasks()
    expect(statuses.at(-1)).toMatchObject({ state: 'corrupt' })
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(2 * EVERY_SECONDS * 1000)
    expect(requestToken).not.toHaveBeenCalled()

    expect(await core.handle('cache:recover', {})).toMatchObject({ ok: true })
    await settleMicrotasks()
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', integrity: 'ok' })
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(EVERY_SECONDS * 1000)
    expect(requestToken).toHaveBeenCalledTimes(1)

    await core.close()
    expect(vi.getTimerCount()).toBe(0)
  })
})
