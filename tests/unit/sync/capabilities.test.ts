// Partner endpoints as capabilities: what counts as "not offered", how long
// it is believed, and what the core does with it (refuses to queue what
// cannot be sent; says where each data set comes from).
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CoreHost } from '../../../src/main/core/host'
import { openCache } from '../../../src/main/core/db/open'
import { RemoteError } from '../../../src/main/core/remote/http'
import { isNotOffered, knownAbsent, RECHECK_AFTER } from '../../../src/main/core/sync/capabilities'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import type { SyncStatus } from '../../../src/shared/contract'
import type { CapabilityFamily } from '../../../src/shared/domain'
import { BUILT_WORKER, tempDir } from '../../paths'

const NOW = 1_795_000_000
const request = (page?: number) => ({ method: 'GET' as const, path: '/1/partners/{partner_id}/tenders', ...(page === undefined ? {} : { page }) })
const refused = (kind: 'not_found' | 'rejected' | 'server' | 'forbidden', status: number, page?: number) =>
  new RemoteError(request(page), { kind, status, api: null }, 1)

describe('what "not offered" is', () => {
  it('is 404, 405 or 501 on the first request of a family', () => {
    expect(isNotOffered(refused('not_found', 404))).toBe(true)
    expect(isNotOffered(refused('not_found', 404, 1))).toBe(true)
    expect(isNotOffered(refused('rejected', 405, 1))).toBe(true)
    expect(isNotOffered(refused('rejected', 501, 1))).toBe(true)
  })

  it('is not a 404 on a later page (the list changed), a server fault, a refusal or any other error', () => {
    expect(isNotOffered(refused('not_found', 404, 2))).toBe(false)
    expect(isNotOffered(refused('server', 500, 1))).toBe(false)
    expect(isNotOffered(refused('forbidden', 403, 1))).toBe(false)
    expect(isNotOffered(refused('rejected', 400, 1))).toBe(false)
    expect(isNotOffered(new Error('not found'))).toBe(false)
  })

  it('is believed for a day, then asked again', () => {
    const absent = { tenders: { offered: false, checkedAt: NOW } }
    expect(knownAbsent(absent, 'tenders', NOW + RECHECK_AFTER - 1)).toBe(true)
    expect(knownAbsent(absent, 'tenders', NOW + RECHECK_AFTER)).toBe(false)
    expect(knownAbsent({ tenders: { offered: true, checkedAt: NOW } }, 'tenders', NOW)).toBe(false)
    expect(knownAbsent({}, 'tenders', NOW)).toBe(false)
  })
})

describe('an account whose server offers no partner endpoints', () => {
  let host: CoreHost | null = null
  afterEach(async () => {
    await host?.close()
    host = null
  })

  function accountCache(notOffered: readonly CapabilityFamily[]): string {
    const path = join(tempDir('capabilities'), 'account.sqlite')
    const opened = openCache(path)
    if (opened.state !== 'ready') throw new Error(`cache not ready: ${opened.state}`)
    const write = opened.db.prepare('INSERT INTO capabilities (family, offered, checked_at) VALUES (?, 0, ?)')
    for (const family of notOffered) write.run(family, NOW - 60)
    opened.db.close()
    return path
  }

  function start(path: string) {
    host = new CoreHost({
      workerPath: BUILT_WORKER,
      dbPath: path,
      now: NOW,
      // Nothing listens there: the test never syncs, and a change that were queued would try to push.
      remote: { baseUrl: 'http://127.0.0.1:9', rateLimit: 'off', timeoutMs: 1_000 },
      token: async () => 'a-token-that-is-never-sent-anywhere',
    })
    return createDispatcher(host)
  }

  it('does not queue a change it cannot send, and says the Manager does it', async () => {
    const dispatch = start(accountCache(['partnerships']))
    const answer = await dispatch('changes:submit', { change: { kind: 'tag.create', organizationId: 2, name: 'VIP', color: 0xff0000 } })
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_offered', message: expect.stringMatching(/Manager/) } })
    expect(await dispatch('outbox:list', {})).toMatchObject({ ok: true, value: { entries: [], pending: 0 } })
  })

  it('says where each data set comes from', async () => {
    const dispatch = start(accountCache(['partnerships', 'billing_history', 'tenders']))
    // The dispatcher is untyped (it takes any channel name); the contract says what sync:status answers.
    const status = (await dispatch('sync:status', {})) as { ok: true; value: SyncStatus }
    expect(status.ok).toBe(true)
    expect(status.value.capabilities).toEqual({
      partnerships: { offered: 'no', checkedAt: NOW - 60 },
      billing_history: { offered: 'no', checkedAt: NOW - 60 },
      invoices: { offered: 'unknown' },
      tenders: { offered: 'no', checkedAt: NOW - 60 },
    })
    expect(status.value.sources).toEqual({
      clients: { kind: 'published', asOf: null },
      products: { kind: 'published', asOf: null },
      billing: { kind: 'not_offered', checkedAt: NOW - 60 },
      invoices: { kind: 'unknown' },
      tenders: { kind: 'not_offered', checkedAt: NOW - 60 },
    })
  })
})
