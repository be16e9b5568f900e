// The app's updates through the session, as the renderer asks for them: the
// policy's blockers are the open cache's real outbox and the work registered
// by exports and imports.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { UpdateEngine } from '../../../src/main/updates/engine'
import type { UpdateState } from '../../../src/shared/updates'
import { startApiServer, type ApiServer } from '../../fixtures/api-server'
import { CANARY, closeSessions, NOW, startSession, until } from './harness'

let server: ApiServer
beforeEach(async () => {
  server = await startApiServer({ size: 'small', now: NOW, rateLimit: false, token: CANARY })
})
afterEach(async () => {
  await closeSessions()
  await server.close()
})

function scriptedEngine() {
  return {
    check: vi.fn(async () => ({ version: '1.2.0', notes: 'Faster exports' })),
    download: vi.fn(async () => undefined),
    install: vi.fn(),
    setInstallOnQuit: vi.fn(),
  } satisfies UpdateEngine
}

describe('updates through the session', () => {
  it('are unsupported in a copy without an updater', async () => {
    const h = startSession()
    expect(await h.value('updates:state', {})).toEqual({ status: 'unsupported' })
    expect(await h.value('updates:install', {})).toEqual({ status: 'unsupported' })
  })

  it('wait for unsent changes in the outbox and for a running export, then install once both are done', async () => {
    const engine = scriptedEngine()
    let online = false
    const h = startSession({ updater: { engine, online: () => online, log: () => undefined } })
    const since = h.events.length
    const account = await h.value('accounts:add', { label: 'Helvetic Web', token: CANARY, baseUrl: server.url })
    await h.waitFor('sync:finished', since)
    // No token: the change cannot be sent, so it waits in the outbox.
    await h.value('accounts:compromised', { accountId: account.id, wipeData: false })
    const [client] = (await h.value('clients:list', { limit: 1 })).rows
    const entry = await h.value('changes:submit', { change: { kind: 'tag.create', organizationId: client!.id, name: 'Not sent yet', color: 0x336699 } })
    await until(() => h.events.some(({ event, payload }) => event === 'outbox:changed' && (payload as { pending: number }).pending === 1), 'the failed push')
    const endExport = h.session.work.begin('export')

    // Offline at start: nothing was asked; a check asked for by the user still skips.
    expect(engine.check).not.toHaveBeenCalled()
    expect(await h.value('updates:check', {})).toEqual({ status: 'idle', checkedAt: null })
    expect(engine.check).not.toHaveBeenCalled()

    online = true
    const pushed = h.events.length
    expect(await h.value('updates:check', {})).toEqual({
      status: 'ready',
      version: '1.2.0',
      notes: 'Faster exports',
      waitingFor: [{ kind: 'outbox', pending: 1 }, { kind: 'work', work: 'export' }],
      installRequested: false,
    })
    const states = h.eventsSince(pushed).filter(({ event }) => event === 'updates:state').map(({ payload }) => (payload as UpdateState).status)
    expect(states).toEqual(['checking', 'available', 'downloading', 'ready'])

    expect(await h.value('updates:install', {})).toMatchObject({ status: 'ready', installRequested: true })
    expect(engine.install).not.toHaveBeenCalled()

    // The change dropped: the outbox is empty, the export still runs.
    await h.value('outbox:discard', { id: entry.id })
    await until(() => lastState(h.events)?.status === 'ready' && lastState(h.events)!.waitingFor.length === 1, 'the outbox to stop blocking')
    expect(lastState(h.events)).toMatchObject({ waitingFor: [{ kind: 'work', work: 'export' }] })
    expect(engine.install).not.toHaveBeenCalled()

    endExport()
    await until(() => engine.install.mock.calls.length === 1, 'the install')
  })
})

function lastState(events: Array<{ event: string; payload: unknown }>): Extract<UpdateState, { status: 'ready' }> | undefined {
  const found = events.filter(({ event }) => event === 'updates:state').at(-1)?.payload as UpdateState | undefined
  return found?.status === 'ready' ? found : undefined
}
