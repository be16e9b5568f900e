// A tender the client withdrew while the partner triaged it offline shows up
// as a conflict after the next sync; one the partner never touched simply
// follows. Through the real worker against the local API server's partner
// profile (which offers the tenders endpoint).
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../src/shared/contract'
import type { TenderDetail, TenderPage } from '../../../src/shared/tenders'
import { CoreHost } from '../../../src/main/core/host'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { startApiServer, type ApiServer } from '../../fixtures/api-server'
import { BUILT_WORKER, tempDir } from '../../paths'

const NOW = 1_795_000_000
const TOKEN = 'tenders-conflict-token-0123456789abcdef'

let server: ApiServer
beforeEach(async () => {
  server = await startApiServer({ size: 'small', now: NOW, rateLimit: false, token: TOKEN })
})
afterEach(async () => {
  await server.close()
})

function account() {
    const host = new CoreHost({
      workerPath: BUILT_WORKER,
      dbPath: join(tempDir('tenders-conflict'), 'account.sqlite'),
      now: NOW,
      remote: { baseUrl: server.url, rateLimit: 'off', timeoutMs: 5_000 },
      token: async () => TOKEN,
    })
    const dispatch = createDispatcher(host)
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await dispatch(channel, input)
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value as T
    }
    const sync = async (mode: 'full' | 'incremental') => {
      const finished = new Promise<EventPayload<'sync:finished'>>((resolve) => {
        const stop = host.onEvent((event, payload) => {
          if (event === 'sync:finished') {
            stop()
            resolve(payload as EventPayload<'sync:finished'>)
          }
        })
      })
      await call('sync:start', { mode })
      expect(await finished).toMatchObject({ ok: true })
    }
    return { host, call, sync, dispatch }
}

describe('a tender withdrawn while triaged offline', () => {
  it('is a conflict after sync, settled by the partner; an untouched one becomes withdrawn', async () => {
    const { host, call, sync } = account()
    try {
      await sync('full')
      const open = await call<TenderPage>('tenders:list', { states: ['new'], sort: 'validUntil', direction: 'desc', limit: 2 })
      const [worked, untouched] = open.rows
      expect(worked.remoteState).toBe('open')

      // Offline: the partner shortlists one; meanwhile the client deletes both.
      await call('tenders:move', { id: worked.id, to: 'shortlisted' })
      server.state.deleteTender(worked.id)
      server.state.deleteTender(untouched.id)
      await sync('incremental')

      const conflicts = await call<TenderPage>('tenders:list', { conflictsOnly: true, states: [], limit: 10 })
      expect(conflicts.rows.map((r) => [r.id, r.state, r.remoteState, r.conflict])).toEqual([[worked.id, 'shortlisted', 'deleted', true]])
      expect(await call<TenderDetail>('tenders:get', { id: untouched.id })).toMatchObject({ state: 'withdrawn', conflict: false, consultable: false })

      // Keeping the partner's own state settles it as history.
      expect(await call<TenderDetail>('tenders:resolveConflict', { id: worked.id, keep: 'mine' })).toMatchObject({ state: 'shortlisted', conflict: false, consultable: false })
      expect((await call<TenderPage>('tenders:list', { conflictsOnly: true, states: [], limit: 10 })).total).toBe(0)
    } finally {
      await host.close()
    }
  })
})

describe('consulting through the partner endpoint', () => {
  it('fetches the full tender and its contact, records when, and refuses a withdrawn one', async () => {
    const { host, call, sync, dispatch } = account()
    try {
      await sync('full')
      const [tender, gone] = (await call<TenderPage>('tenders:list', { states: ['new'], sort: 'validUntil', direction: 'desc', limit: 2 })).rows
      const consulted = await call<TenderDetail>('tenders:consult', { id: tender.id })
      const remote = server.state.tender(tender.id)!
      expect(consulted).toMatchObject({ state: 'consulted', revealedAt: remote.consultedAt, consultable: true })
      expect(consulted.contact?.name).toBeTruthy()
      expect(consulted.fullText).toBeTruthy()
      // The client withdraws the other before the partner consults it: the server refuses, and the next sync says why.
      server.state.deleteTender(gone.id)
      const refused = await dispatch('tenders:consult', { id: gone.id })
      expect(refused).toMatchObject({ ok: false, error: { code: 'remote' } })
      await sync('incremental')
      expect(await dispatch('tenders:consult', { id: gone.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/withdrawn/) } })
    } finally {
      await host.close()
    }
  })
})

describe('a proposal where the server takes it', () => {
  it('goes through the pending changes and reaches the server', async () => {
    const { host, call, sync } = account()
    try {
      await sync('full')
      const [tender] = (await call<TenderPage>('tenders:list', { states: ['new'], sort: 'validUntil', direction: 'desc', limit: 1 })).rows
      await call('tenders:consult', { id: tender.id })
      await call('changes:submit', { change: { kind: 'tender.propose', tenderId: tender.id, text: 'Our offer, Infomaniak products only' } })
      expect(await call<TenderDetail>('tenders:get', { id: tender.id })).toMatchObject({ state: 'proposal_sent', proposal: 'Our offer, Infomaniak products only' })
      await expect.poll(async () => (await call<{ entries: Array<{ state: string }> }>('outbox:list', { includeDone: true })).entries.map((e) => e.state), { timeout: 10_000 }).toEqual(['done'])
      expect(server.state.tender(tender.id)?.proposalSentAt).not.toBeNull()
    } finally {
      await host.close()
    }
  })
})
