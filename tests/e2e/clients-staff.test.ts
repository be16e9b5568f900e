// Assigning clients to a staff member (Infomaniak's published b2b
// assignment) while the API server cannot be reached: the change waits in
// the outbox, then goes when the server answers again.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutboxOverview, SyncStatus } from '../../src/shared/contract'
import { startApiServer, type ApiServer } from '../fixtures/api-server'
import { STAFF_INVITATION_IDS } from '../fixtures/api-server/remote-state'
import { tempDir } from '../paths'
import { startBridge, type Bridge } from './bridge/server'
import { call, eventually, NOW, ready, useBrowser, type WatchedPage } from './harness'

const openApp = useBrowser()
const STAFF = STAFF_INVITATION_IDS[1]
const ASSIGN_ROUTE = 'POST /1/accounts/{account}/invitations/{invitation}/b2b'
/** The first retry waits at most a minute (outbox/push.ts: full jitter over 60 s), then the push itself. */
const RETRY_WAIT_MS = 90_000

describe('staff assignment through the outbox (public profile)', () => {
  let server: ApiServer
  let bridge: Bridge
  let page: WatchedPage
  beforeAll(async () => {
    server = await startApiServer({ profile: 'public', size: 'small', now: NOW, rateLimit: false })
    // The core keeps the real clock: a change that failed waits for its backoff to pass, which a fixed clock never lets happen.
    bridge = await startBridge({
      dbPath: join(tempDir('e2e-staff'), 'cache.sqlite'),
      remote: { baseUrl: server.url, rateLimit: 'off', timeoutMs: 5000 },
      token: async () => server.token,
    })
    page = await openApp(bridge)
    await ready(page)
  })
  afterAll(async () => {
    await page?.close()
    await bridge?.close()
    await server?.close()
  })

  it('queues an assignment made while the server is down, and sends it when it is back', async () => {
    await page.getByTestId('sync-start').click()
    await page.getByTestId('client-row').first().waitFor({ timeout: 60_000 })
    await eventually(async () => (await call<SyncStatus>(bridge, 'sync:status')).running).toBe(false)
    await ready(page)
    // Two active clients, picked with Ctrl+click.
    await page.getByTestId('filter-status').locator('summary').click()
    await page.locator('[data-testid="filter-option"][data-facet="status"][data-value="active"]').check()
    await page.getByTestId('filter-status').locator('summary').click()
    await ready(page)
    const before = new Set(server.state.staffAssignments(STAFF) ?? [])
    const remoteOf = (clientId: number) => server.state.allPartnerships().find((p) => p.clientOrganizationId === clientId)!.id
    const shown = await page.getByTestId('client-row').evaluateAll((all) => all.map((row) => Number(row.getAttribute('data-client-id'))))
    const clientIds = shown.filter((id) => !before.has(remoteOf(id))).slice(0, 2)
    expect(clientIds).toHaveLength(2)
    for (const id of clientIds) await page.locator(`[data-testid="client-row"][data-client-id="${id}"]`).click({ modifiers: ['Control'] })
    await eventually(() => page.getByTestId('bulk-count').getAttribute('data-count')).toBe('2')

    // The server is down for that call (503, before it changes anything).
    server.faults.add({ route: ASSIGN_ROUTE, kind: 'unavailable', times: 1000 })
    await page.getByTestId('staff-pick').selectOption('new')
    await page.getByTestId('staff-new-id').fill(String(STAFF))
    await page.getByTestId('staff-new-label').fill('Anna (support)')
    await page.getByTestId('staff-assign-start').click()
    const confirm = page.getByTestId('staff-confirm')
    await confirm.waitFor()
    expect(await confirm.innerText()).toContain('2 clients are assigned to Anna (support)')
    await confirm.getByTestId('confirm-accept').click()
    await ready(page)
    await eventually(() => page.getByTestId('bulk-done').innerText()).toContain('2 clients assigned to Anna (support)')

    // Tried, not sent: it waits in the outbox; the server has none of it.
    const waiting = async () => (await call<OutboxOverview>(bridge, 'outbox:list', {})).entries.find((e) => e.change.kind === 'staff.assign')
    await eventually(async () => (await waiting())?.attempts ?? 0).toBeGreaterThan(0)
    expect((await waiting())?.state).toBe('pending')
    const remoteIds = clientIds.map(remoteOf)
    expect(new Set(server.state.staffAssignments(STAFF))).toEqual(before)

    await page.getByTestId('nav-outbox').click()
    await ready(page)
    await eventually(() => page.getByTestId('outbox-sentence').first().innerText()).toBe(`Assign 2 clients to staff member #${STAFF}`)

    // Back: the next attempt delivers it, with nothing asked of the user.
    server.faults.clear()
    await expect
      .poll(async () => (await call<OutboxOverview>(bridge, 'outbox:list', { includeDone: true })).entries.find((e) => e.change.kind === 'staff.assign')?.state, {
        timeout: RETRY_WAIT_MS,
      })
      .toBe('done')
    expect([...(server.state.staffAssignments(STAFF) ?? [])].filter((id) => remoteIds.includes(id)).sort()).toEqual([...remoteIds].sort())
    expect(await call(bridge, 'staff:list')).toEqual([{ invitationId: STAFF, label: 'Anna (support)', clients: 2 }])
    expect(page.problems).toEqual([])
  }, 180_000)
})
