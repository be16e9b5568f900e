// The core's reading of the background integrity check, in-process with a
// stand-in checker: a check that could not run is not damage.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CacheStatus } from '../../../src/shared/contract'
import { Core } from '../../../src/main/core/core'
import type { IntegrityResult } from '../../../src/main/core/db/integrity'
import { tempDir } from '../../paths'

async function openWith(result: IntegrityResult): Promise<{ core: Core; statuses: CacheStatus[] }> {
  const statuses: CacheStatus[] = []
  const core = await Core.open(
    { dbPath: join(tempDir('integrity'), 'cache.sqlite') },
    {
      emit: (event, payload) => {
        if (event === 'cache:status') statuses.push(payload as CacheStatus)
      },
      checkIntegrity: async () => result,
      now: () => 1_795_000_000,
      requestToken: async () => null,
    },
  )
  // Let the check's answer be read.
  await new Promise((resolve) => setImmediate(resolve))
  return { core, statuses }
}

describe('the integrity check at open', () => {
  it('keeps serving the cache when the check could not run, saying it is unchecked', async () => {
    const { core, statuses } = await openWith({ ok: false, damage: 'unavailable', message: 'cannot find module integrity.js' })
    expect(statuses).toEqual([expect.objectContaining({ state: 'ready', integrity: 'unchecked' })])
    expect(await core.handle('clients:list', { query: '', sort: 'name', direction: 'asc', offset: 0, limit: 10, filters: {} })).toMatchObject({ ok: true })
    await core.close()
  })

  it('stops using a cache the check found damaged', async () => {
    const { core, statuses } = await openWith({ ok: false, damage: 'found', message: 'row 7 missing from index' })
    expect(statuses).toEqual([{ state: 'corrupt', message: 'row 7 missing from index' }])
    expect(await core.handle('clients:list', { query: '', sort: 'name', direction: 'asc', offset: 0, limit: 10, filters: {} })).toMatchObject({
      ok: false,
      error: { code: 'cache_unavailable' },
    })
  })
})
