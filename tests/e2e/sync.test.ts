// The real built renderer in Debian's Chromium, on an account's cache whose
// core syncs from the local API server: the Sync button and its progress,
// the changes a sync detects, offline, and what the demo shows instead.
// Screenshots land in test-artifacts/e2e/.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientPage, OutboxOverview, PartnershipEventPage, SyncStatus } from '../../src/shared/contract'
import { startApiServer, type ApiServer } from '../fixtures/api-server'
import { tempDir } from '../paths'
import { startBridge, type Bridge } from './bridge/server'
import { call, digits, eventually, focusedTestId, NOW, ready, SHOTS, useBrowser, type WatchedPage } from './harness'

const openApp = useBrowser()


describe('an Infomaniak account, synced from the server', () => {
  let server: ApiServer
  let bridge: Bridge
  let page: WatchedPage
  /** What the host hands the core as the account's token; a test may make it wrong for a while. */
  let token: string

  beforeAll(async () => {
    server = await startApiServer({ size: 'small', now: NOW, rateLimit: false })
    token = server.token
    bridge = await startBridge({
      dbPath: join(tempDir('e2e-sync'), 'cache.sqlite'),
      now: NOW,
      remote: { baseUrl: server.url, rateLimit: 'off', timeoutMs: 5000 },
      token: async () => token,
    })
    page = await openApp(bridge)
    await ready(page)
  })
  afterAll(async () => {
    await page?.close()
    await bridge?.close()
    await server?.close()
  })

  it('starts empty, syncs on request with visible progress, then lists the clients', async () => {
    await eventually(() => page.getByTestId('demo-badge').count()).toBe(0)
    await eventually(() => page.getByTestId('clients-empty').innerText()).toMatch(/Press Sync/)
    await eventually(() => page.getByTestId('connection-status').innerText()).toMatch(/Not synced yet/)
    await eventually(() => page.getByTestId('sync-add-account-hint').count()).toBe(0)

    // Every progress line shown, however briefly.
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { progressSeen: string[] }).progressSeen = seen
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="sync-progress"]')?.textContent ?? null
        if (text !== null && seen.at(-1) !== text) seen.push(text)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    // After the products, the server asks the app to wait 2 s: long enough to look at the progress.
    server.faults.add({ route: 'GET /1/partners/{partner_id}/tenders', kind: 'rate_limit', retryAfterSeconds: 2 })
    await page.getByTestId('sync-start').click()
    await page.waitForSelector('[data-testid="sync-progress"]')
    await eventually(() => page.evaluate(() => document.documentElement.dataset.appState)).toBe('busy')
    await page.waitForFunction(() => /products: [\d,]+ of [\d,]+/.test(document.querySelector('[data-testid="sync-progress-text"]')?.textContent ?? ''))
    await eventually(() => page.getByTestId('sync-cancel').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'sync-progress.png') })

    const expected = await (async () => {
      await page.waitForSelector('[data-testid="sync-start"]', { timeout: 30_000 })
      await page.waitForSelector('[data-testid="client-row"]')
      await ready(page)
      return call<ClientPage>(bridge, 'clients:list', { limit: 500 })
    })()
    expect(expected.total).toBeGreaterThan(10)
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)
    expect(seen[0]).toMatch(/^Starting the sync…|^Contacting Infomaniak…/)
    expect(seen.some((text) => /^Syncing clients: [\d,]+ of [\d,]+/.test(text))).toBe(true)
    expect(seen.some((text) => /^Syncing products: [\d,]+ of [\d,]+/.test(text))).toBe(true)
    await eventually(() => page.getByTestId('clients-count').innerText().then(digits)).toBe(String(expected.total))
    const shown = await page.getByTestId('client-name').allInnerTexts()
    expect(shown.slice(0, 5)).toEqual(expected.rows.slice(0, 5).map((row) => row.name))
    await eventually(() => page.getByTestId('connection-status').innerText()).toMatch(/^Online$/)
    await eventually(() => page.getByTestId('connection-status').getAttribute('title')).toMatch(/^Data as of /)
    await page.screenshot({ path: join(SHOTS, 'sync-done.png') })
    expect(page.problems).toEqual([])
  }, 60_000)

  it('lists the invitations the first sync found, and the badge goes once they are seen', async () => {
    const events = await call<PartnershipEventPage>(bridge, 'events:list', { limit: 500 })
    expect(events.unseen).toBeGreaterThan(0)
    const badge = page.getByTestId('nav-activity-badge')
    await eventually(() => badge.getAttribute('data-count')).toBe(String(events.unseen))

    await page.getByTestId('nav-activity').click()
    await ready(page)
    const sentences = await page.getByTestId('activity-sentence').allInnerTexts()
    expect(sentences).toHaveLength(events.rows.length)
    const invitation = events.rows.find((row) => row.kind === 'invitation' && row.after?.status === 'invited')
    expect(invitation).toBeDefined()
    expect(sentences).toContain(`New invitation from ${invitation!.clientName}`)
    await eventually(() => page.locator('[data-testid="activity-event"][data-seen="false"]').count()).toBe(events.unseen)
    await page.screenshot({ path: join(SHOTS, 'activity-invitations.png') })

    await page.getByTestId('activity-mark-all').click()
    await page.waitForSelector('[data-testid="nav-activity-badge"]', { state: 'detached' })
    await ready(page)
    await eventually(() => page.locator('[data-testid="activity-event"][data-seen="false"]').count()).toBe(0)
    await expect(call<PartnershipEventPage>(bridge, 'events:list', {}).then((page) => page.unseen)).resolves.toBe(0)
    expect(page.problems).toEqual([])
  })

  it('tells the partner, in a sentence, that a client switched who pays', async () => {
    const partnership = server.state
      .allPartnerships()
      .find((p) => p.state.status === 'active' && p.access.type === 'complete' && p.access.paymentMode === 'customer')
    expect(partnership).toBeDefined()
    const client = server.state.organization(partnership!.clientOrganizationId)!.name
    server.state.advanceTime(60)
    server.state.setPaymentMode(partnership!.id, 'partner')

    await page.getByTestId('sync-start').click()
    const badge = page.getByTestId('nav-activity-badge')
    await badge.waitFor({ timeout: 30_000 })
    await ready(page)
    await eventually(() => badge.getAttribute('data-count')).toBe('1')

    // The open inbox refreshed itself after the sync.
    const unseen = page.locator('[data-testid="activity-event"][data-seen="false"]')
    await eventually(() => unseen.count()).toBe(1)
    await eventually(() => unseen.getByTestId('activity-sentence').innerText()).toBe(`${client} switched from customer pays to partner pays`)
    // Newest first.
    await eventually(() => page.getByTestId('activity-event').first().getAttribute('data-seen')).toBe('false')
    await page.screenshot({ path: join(SHOTS, 'activity-payment-mode.png') })

    // In French too.
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('language-select').selectOption('fr')
    await page.waitForSelector('html[lang="fr"]')
    await page.getByTestId('nav-activity').click()
    await ready(page)
    await eventually(() => unseen.getByTestId('activity-sentence').innerText()).toBe(
      `${client} : le mode de paiement est passé de « le client paie » à « le partenaire paie »`,
    )
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('language-select').selectOption('en')
    await page.waitForSelector('html[lang="en"]')
    await page.getByTestId('nav-activity').click()
    await ready(page)

    await unseen.getByTestId('activity-mark-seen').click()
    await page.waitForSelector('[data-testid="nav-activity-badge"]', { state: 'detached' })
    await ready(page)
    await eventually(() => page.getByTestId('activity-event').first().getAttribute('data-seen')).toBe('true')
    // Focus stays in the list, on the item whose button went away.
    await eventually(focusedTestId(page)).toBe('activity-event')
    expect(page.problems).toEqual([])
  }, 60_000)

  it('answers invitations from the inbox: accepts at once, declines only once confirmed', async () => {
    await page.getByTestId('nav-activity').click()
    await ready(page)
    const open = page.locator('[data-testid="activity-event"]').filter({ has: page.getByTestId('activity-accept') })
    expect(await open.count()).toBeGreaterThanOrEqual(2)

    const first = open.first()
    const acceptedId = Number(await first.getAttribute('data-partnership-id'))
    const acceptedName = (await first.getByTestId('activity-sentence').innerText()).replace(/^New invitation from /, '')
    await first.getByTestId('activity-accept').click()
    const accepted = page.locator(`[data-testid="activity-event"][data-partnership-id="${acceptedId}"]`)
    // Queued, applied here at once, then sent: the row follows it to the end.
    await accepted.locator('[data-testid="activity-answer"][data-state="done"]').waitFor({ timeout: 30_000 })
    await ready(page)
    await eventually(() => accepted.getByTestId('activity-answer').innerText()).toBe('You accepted · Sent')
    await eventually(() => accepted.getByTestId('activity-accept').count()).toBe(0)
    expect(server.state.partnership(acceptedId)?.state.status).toBe('active')
    const rows = await call<ClientPage>(bridge, 'clients:list', { query: acceptedName, limit: 50 })
    expect(rows.rows.find((row) => row.name === acceptedName)?.status).toBe('active')

    const second = open.first()
    const declinedId = Number(await second.getAttribute('data-partnership-id'))
    expect(declinedId).not.toBe(acceptedId)
    await second.getByTestId('activity-decline').click()
    await page.getByTestId('confirm-dialog').waitFor()
    await eventually(focusedTestId(page)).toBe('confirm-cancel')
    await page.screenshot({ path: join(SHOTS, 'activity-decline.png') })
    await page.getByTestId('confirm-cancel').click()
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' })
    expect(server.state.partnership(declinedId)?.state.status).toBe('invited')

    await second.getByTestId('activity-decline').click()
    await page.getByTestId('confirm-accept').click()
    const declined = page.locator(`[data-testid="activity-event"][data-partnership-id="${declinedId}"]`)
    await declined.locator('[data-testid="activity-answer"][data-state="done"]').waitFor({ timeout: 30_000 })
    await ready(page)
    await eventually(() => declined.getByTestId('activity-answer').innerText()).toBe('You declined · Sent')
    expect(server.state.partnership(declinedId)?.state.status).toBe('ended')
    await page.screenshot({ path: join(SHOTS, 'activity-answered.png') })
    expect(page.problems).toEqual([])
  }, 60_000)

  it('cancels a running sync with the Cancel button, and says nothing was changed', async () => {
    await page.getByTestId('nav-clients').click()
    server.faults.add({ route: 'GET /2/profile', kind: 'rate_limit', retryAfterSeconds: 60 })
    await page.getByTestId('sync-start').click()
    await page.waitForSelector('[data-testid="sync-progress"]')
    // Escape is not a way to cancel a sync: only the button is.
    await page.keyboard.press('Escape')
    await eventually(() => page.getByTestId('sync-progress').isVisible()).toBe(true)
    await page.getByTestId('sync-cancel').click()
    await page.waitForSelector('[data-testid="sync-cancelled"]', { timeout: 10_000 })
    await ready(page)
    await eventually(() => page.getByTestId('sync-cancelled').innerText()).toMatch(/Sync cancelled\. Nothing was changed\./)
    await eventually(() => page.getByTestId('sync-start').isVisible()).toBe(true)
    const status = await call<SyncStatus>(bridge, 'sync:status')
    expect(status.running).toBe(false)
    server.faults.clear()
    expect(page.problems).toEqual([])
  }, 30_000)

  it('says offline, with the date of the data shown, when Infomaniak cannot be reached', async () => {
    const before = await call<SyncStatus>(bridge, 'sync:status')
    const asOf = Math.min(...Object.values(before.asOf).filter((at): at is number => at !== null))
    // Every attempt at the profile is cut off: the sync retries, then gives up.
    server.faults.add({ route: 'GET /2/profile', kind: 'reset', times: 10 })
    await page.getByTestId('sync-start').click()
    await page.waitForSelector('[data-testid="connection-status"][data-connection="offline"]', { timeout: 60_000 })
    await ready(page)
    const text = await page.getByTestId('connection-status').innerText()
    const expectedTime = await page.evaluate(
      (at) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at * 1000)),
      asOf,
    )
    expect(text).toBe(`Offline — showing data as of ${expectedTime}`)
    // The data stays on screen and usable.
    await eventually(() => page.getByTestId('client-row').count()).toBeGreaterThan(10)
    await page.screenshot({ path: join(SHOTS, 'sync-offline.png') })
    server.faults.clear()

    // Back online with the next sync.
    await page.getByTestId('sync-start').click()
    await page.waitForSelector('[data-testid="connection-status"][data-connection="online"]', { timeout: 30_000 })
    await ready(page)
    expect(page.problems).toEqual([])
  }, 90_000)

  it('shows nothing pending after a clean sync', async () => {
    await page.getByTestId('nav-outbox').click()
    await ready(page)
    await eventually(() => page.getByTestId('outbox-empty').isVisible()).toBe(true)
    await eventually(() => page.getByTestId('outbox-push').isDisabled()).toBe(true)
    await eventually(() => page.getByTestId('nav-outbox-badge').count()).toBe(0)
    expect(page.problems).toEqual([])
  })

  /** A tag of an active client, as the server holds it; one on products, so the sync brought it here. */
  const someTag = (skip = 0) => {
    const tags = server.state
      .allPartnerships()
      .filter((p) => p.state.status === 'active' && p.access.type === 'complete')
      .flatMap((p) => server.state.tagsOfOrganization(p.clientOrganizationId))
      .filter((tag) => server.state.productCount(tag.id) > 0)
    const tag = tags[skip]
    if (!tag) throw new Error('the demo has no tag on an active client')
    return tag
  }

  it('shows a change Infomaniak refused as a conflict, mine beside theirs, and takes theirs on request', async () => {
    const tag = someTag()
    // Someone renames the tag on Infomaniak; then the partner renames it here.
    server.state.renameTag(tag.id, 'Renamed on Infomaniak')
    const submitted = await bridge.dispatch('changes:submit', {
      change: { kind: 'tag.update', organizationId: tag.organizationId, tagId: tag.id, name: 'Renamed here' },
    })
    expect(submitted.ok).toBe(true)

    const badge = page.getByTestId('nav-outbox-badge')
    await page.waitForSelector('[data-testid="nav-outbox-badge"].nav-badge-warning', { timeout: 30_000 })
    await ready(page)
    await eventually(() => badge.getAttribute('data-count')).toBe('1')
    const entry = page.locator('[data-testid="outbox-entry"][data-state="conflict"]')
    await entry.waitFor()
    await eventually(() => entry.getByTestId('outbox-state').innerText()).toBe('Conflict')
    await eventually(() => entry.getByTestId('outbox-sentence').innerText()).toMatch(/^Rename a tag of .+ to “Renamed here”$/)
    await eventually(() => entry.getByTestId('outbox-mine').first().innerText()).toBe('Renamed here')
    await eventually(() => entry.getByTestId('outbox-theirs').first().innerText()).toBe('Renamed on Infomaniak')
    await eventually(() => entry.getByTestId('outbox-keep-mine').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'outbox-conflict.png') })

    await entry.getByTestId('outbox-take-theirs').click()
    await page.waitForSelector('[data-testid="nav-outbox-badge"]', { state: 'detached', timeout: 30_000 })
    await page.getByTestId('outbox-empty').waitFor({ timeout: 30_000 })
    await ready(page)
    const overview = await call<OutboxOverview>(bridge, 'outbox:list', { includeDone: true })
    expect(overview.conflicts).toBe(0)
    // The two invitation answers went through earlier; this one was let go.
    expect(overview.entries.map((e) => e.state)).toEqual(['done', 'done', 'discarded'])
    // Settled changes are kept as a record, shown on request.
    await page.getByTestId('outbox-include-done').check()
    await ready(page)
    await eventually(() => page.locator('[data-testid="outbox-entry"][data-state="discarded"]').count()).toBe(1)
    await eventually(() => page.locator('[data-testid="outbox-entry"][data-state="done"]').count()).toBe(2)
    await page.screenshot({ path: join(SHOTS, 'outbox-history.png') })
    await page.getByTestId('outbox-include-done').uncheck()
    await ready(page)
    expect(page.problems).toEqual([])
  }, 60_000)

  it('keeps a change waiting while the token is refused, and discards it only once confirmed', async () => {
    const tag = someTag(1)
    token = 'a-token-infomaniak-no-longer-accepts'
    const submitted = await bridge.dispatch('changes:submit', {
      change: { kind: 'tag.update', organizationId: tag.organizationId, tagId: tag.id, color: 0x336699 },
    })
    expect(submitted).toEqual({ ok: true, value: expect.anything() })

    const entry = page.locator('[data-testid="outbox-entry"][data-state="pending"]')
    await entry.getByTestId('outbox-error').waitFor({ timeout: 30_000 })
    // The push stopped on the refused token: the header says so too.
    await page.getByTestId('token-invalid-banner').waitFor({ timeout: 30_000 })
    await ready(page)
    await eventually(() => entry.getByTestId('outbox-state').innerText()).toBe('Waiting to be sent')
    await eventually(() => page.getByTestId('nav-outbox-badge').getAttribute('data-count')).toBe('1')
    await eventually(() => page.getByTestId('nav-outbox-badge').getAttribute('class')).not.toMatch(/warning/)
    await page.screenshot({ path: join(SHOTS, 'outbox-pending.png') })

    token = server.token
    // Destructive: a confirmation first, which Escape cancels with nothing lost.
    await entry.getByTestId('outbox-discard').click()
    await page.getByTestId('confirm-dialog').waitFor()
    await eventually(focusedTestId(page)).toBe('confirm-cancel')
    await page.keyboard.press('Escape')
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' })
    await eventually(() => entry.count()).toBe(1)
    await expect(call<OutboxOverview>(bridge, 'outbox:list').then((o) => o.pending)).resolves.toBe(1)

    await entry.getByTestId('outbox-discard').click()
    await page.getByTestId('confirm-accept').click()
    await page.getByTestId('outbox-empty').waitFor({ timeout: 30_000 })
    await page.waitForSelector('[data-testid="nav-outbox-badge"]', { state: 'detached' })
    // Discarding syncs, which also proves the token again: the banner goes.
    await page.getByTestId('token-invalid-banner').waitFor({ state: 'detached', timeout: 30_000 })
    await ready(page)
    await expect(call<OutboxOverview>(bridge, 'outbox:list').then((o) => o.pending)).resolves.toBe(0)
    expect(page.problems).toEqual([])
  }, 60_000)
})

describe('the demo data', () => {
  let bridge: Bridge
  beforeAll(async () => {
    bridge = await startBridge({ dbPath: join(tempDir('e2e-sync-demo'), 'cache.sqlite'), demoOnFirstOpen: 'small', now: NOW })
  })
  afterAll(async () => {
    await bridge?.close()
  })

  it('offers no sync, only a hint that leads to adding an account', async () => {
    const page = await openApp(bridge)
    await ready(page)
    await eventually(() => page.getByTestId('demo-badge').isVisible()).toBe(true)
    await eventually(() => page.getByTestId('sync-start').count()).toBe(0)
    await eventually(() => page.getByTestId('connection-status').count()).toBe(0)
    const hint = page.getByTestId('sync-add-account-hint')
    await eventually(() => hint.innerText()).toBe('Add an account to sync')
    await page.screenshot({ path: join(SHOTS, 'demo-header.png') })

    await hint.click()
    await page.getByTestId('screen-settings').waitFor()
    await ready(page)
    await eventually(() => page.getByTestId('accounts-section').isVisible()).toBe(true)
    expect(page.problems).toEqual([])
    await page.close()
  })
})
