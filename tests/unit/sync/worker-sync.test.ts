// Sync through the real worker and the real CLI, against the local API server.
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventPayload, PartnershipEventPage, SyncStatus } from '../../../src/shared/contract'
import { CoreHost } from '../../../src/main/core/host'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { startApiServer, type ApiServer } from '../../fixtures/api-server'
import { BUILT_WORKER, tempDir } from '../../paths'

const NOW = 1_795_000_000
const CANARY = 'canary-7f3a9c1e0b2d4f6a8c0e2a4b6d8f0a1c-token'

let server: ApiServer
beforeEach(async () => {
  server = await startApiServer({ size: 'small', now: NOW, rateLimit: false, token: CANARY })
})
afterEach(async () => {
  await server.close()
})

function startAccount(dbPath: string, token: string | null) {
  const host = new CoreHost({
    workerPath: BUILT_WORKER,
    dbPath,
    now: NOW,
    remote: { baseUrl: server.url, rateLimit: 'off', timeoutMs: 5_000 },
    token: async () => token,
  })
  const dispatch = createDispatcher(host)
  const finished = () =>
    new Promise<EventPayload<'sync:finished'>>((resolveFinished) => {
      const stop = host.onEvent((event, payload) => {
        if (event === 'sync:finished') {
          stop()
          resolveFinished(payload as EventPayload<'sync:finished'>)
        }
      })
    })
  return { host, dispatch, finished }
}

/** Every file under dir, read whole: the token must be in none of them. */
function filesContaining(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && readFileSync(path).includes(needle))
}

describe('sync in the worker', () => {
  it('pulls in the background, reports progress and "as of", and keeps the token out of every file', async () => {
    const dir = tempDir('worker-sync')
    const { host, dispatch, finished } = startAccount(join(dir, 'account.sqlite'), CANARY)
    const progress: string[] = []
    host.onEvent((event, payload) => {
      if (event === 'sync:progress') progress.push((payload as { resource: string }).resource)
    })
    const done = finished()
    expect(await dispatch('sync:start', { mode: 'full' })).toEqual({ ok: true, value: { started: true } })
    // The worker keeps answering while the sync runs.
    expect((await dispatch('cache:status', {})).ok).toBe(true)
    const outcome = await done
    expect(outcome).toMatchObject({ ok: true, summary: { mode: 'full', skippedProducts: 0 } })
    expect(new Set(progress)).toEqual(new Set(['profile', 'partnerships', 'products', 'tenders', 'invoices', 'billing', 'merge']))

    const status = (await dispatch('sync:status', {})) as { ok: true; value: SyncStatus }
    expect(status.value).toMatchObject({ running: false, online: true, tokenInvalid: false, lastError: null })
    expect(Object.values(status.value.asOf).every((at) => at === NOW)).toBe(true)
    expect(await dispatch('cache:status', {})).toMatchObject({ ok: true, value: { state: 'ready', dataset: { kind: 'account' } } })
    const clients = await dispatch('clients:list', {})
    expect(clients).toMatchObject({ ok: true, value: { total: 200 } })

    await host.close()
    expect(server.requests.every((request) => request.headers.authorization === `Bearer ${CANARY}`)).toBe(true)
    expect(filesContaining(dir, CANARY)).toEqual([])
  })

  it('shows a client’s payment-mode switch as an unseen event after the next sync', async () => {
    const { dispatch, finished } = startAccount(join(tempDir('worker-events'), 'account.sqlite'), CANARY)
    let done = finished()
    await dispatch('sync:start', { mode: 'full' })
    await done
    // The first sync reports the open invitations; the user has read them.
    const invitations = (await dispatch('events:list', { unseenOnly: true })) as { ok: true; value: PartnershipEventPage }
    expect(invitations.value.rows.every((row) => row.kind === 'invitation')).toBe(true)
    await dispatch('events:markSeen', { ids: 'all' })
    const partnership = server.state.allPartnerships().find((p) => p.access.type === 'complete' && p.access.paymentMode === 'customer' && p.state.status === 'active')!
    server.state.setPaymentMode(partnership.id, 'partner')
    done = finished()
    await dispatch('sync:start', {})
    expect(await done).toMatchObject({ ok: true, summary: { mode: 'incremental', events: 1 } })
    const page = (await dispatch('events:list', { unseenOnly: true })) as { ok: true; value: PartnershipEventPage }
    expect(page.value.unseen).toBe(1)
    expect(page.value.rows[0]).toMatchObject({ partnershipId: partnership.id, kind: 'payment_mode', before: { payment_mode: 'customer' }, after: { payment_mode: 'partner' }, seen: false })
    expect(await dispatch('events:markSeen', { ids: 'all' })).toEqual({ ok: true, value: { unseen: 0 } })
  })

  it('marks the token invalid on 401 after a single request, and says so', async () => {
    const { dispatch, finished } = startAccount(join(tempDir('worker-401'), 'account.sqlite'), 'not-the-token')
    const done = finished()
    await dispatch('sync:start', {})
    expect(await done).toMatchObject({ ok: false, error: { code: 'token_invalid' } })
    expect(server.requests).toHaveLength(1)
    expect(await dispatch('sync:status', {})).toMatchObject({ ok: true, value: { tokenInvalid: true, online: true } })
  })

  it('refuses a second sync while one runs, and cancels without changing anything', async () => {
    const { dispatch, finished } = startAccount(join(tempDir('worker-cancel'), 'account.sqlite'), CANARY)
    server.faults.add({ route: 'GET /1/products', kind: 'hang' })
    const done = finished()
    await dispatch('sync:start', {})
    expect(await dispatch('sync:start', {})).toMatchObject({ ok: false, error: { code: 'busy' } })
    await new Promise((wait) => setTimeout(wait, 300))
    expect(await dispatch('sync:cancel', {})).toEqual({ ok: true, value: { cancelled: true } })
    expect(await done).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(await dispatch('clients:list', {})).toMatchObject({ ok: true, value: { total: 0 } })
  })
})

describe('offline changes through the worker', () => {
  it('applies a change at once, sends it in the background, and reports the outbox', async () => {
    const { host, dispatch, finished } = startAccount(join(tempDir('worker-outbox'), 'account.sqlite'), CANARY)
    const done = finished()
    await dispatch('sync:start', { mode: 'full' })
    await done
    const organizationId = server.state.allPartnerships().find((p) => p.state.status === 'active')!.clientOrganizationId
    const outboxEvents: unknown[] = []
    const emptied = new Promise<void>((resolveEmptied) =>
      host.onEvent((event, payload) => {
        if (event !== 'outbox:changed') return
        outboxEvents.push(payload)
        if ((payload as { pending: number }).pending === 0) resolveEmptied()
      }),
    )
    const submitted = await dispatch('changes:submit', { change: { kind: 'tag.create', organizationId, name: 'From the train', color: 0x0055aa } })
    expect(submitted).toMatchObject({ ok: true, value: { state: 'pending', clientId: organizationId } })
    await emptied
    expect(outboxEvents[0]).toEqual({ pending: 1, conflicts: 0, failed: 0 })
    expect(server.state.tagsOfOrganization(organizationId).map((tag) => tag.name)).toContain('From the train')
    expect(await dispatch('outbox:list', {})).toEqual({ ok: true, value: { entries: [], pending: 0, conflicts: 0, failed: 0 } })
    const refused = await dispatch('changes:submit', { change: { kind: 'tag.create', organizationId, name: 'From the train', color: 1 } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/already exists/) } })
  })
})

describe('partner-desk sync', () => {
  const run = async (args: string[], env: Record<string, string>) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [resolve('bin/partner-desk.cjs'), ...args], { env: { ...process.env, ...env } })
      return { code: 0, stdout, stderr }
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string }
    }
  }

  it('syncs an account with the token from the environment, never from argv', async () => {
    const dataDir = tempDir('cli-sync')
    const args = ['sync', '--account', 'Helvetic Web', '--full', '--data-dir', dataDir, '--base-url', server.url, '--no-rate-limit']
    const ok = await run(args, { PARTNER_DESK_TOKEN: CANARY })
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/synced "Helvetic Web" \(full\) in [\d.]+ s with \d+ requests/)
    expect(ok.stdout).toMatch(/clients\s+200/)
    expect(filesContaining(dataDir, CANARY)).toEqual([])
    expect(ok.stdout + ok.stderr).not.toContain(CANARY)

    const refused = await run([...args, '--token', CANARY], {})
    expect(refused.code).toBe(2)

    const wrong = await run(args, { PARTNER_DESK_TOKEN: 'wrong-token' })
    expect(wrong.code).toBe(4)
    expect(wrong.stderr).toMatch(/Enter a new token/)
  })
})
