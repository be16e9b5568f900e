// What the renderer reads after one change: each query on screen once. The
// core announces a change (`outbox:changed`, `cache:changed`); a screen that
// also refreshed itself, or a badge that read the whole outbox for three
// counts, would show here as reads twice over or as `outbox:list`.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientPage, OutboxEntry } from '../../src/shared/contract'
import { tempDir } from '../paths'
import { startBridge, type Bridge } from './bridge/server'
import { call, NOW, ready, useBrowser } from './harness'

const openApp = useBrowser()

/** How long the page must ask nothing more before its reads after a change are counted. */
const QUIET_MS = 750

/** The page's reads from position `since` on, once it is ready and has asked nothing for a while: how often each query was asked. */
async function readsAfter(page: Page, bridge: Bridge, since: number): Promise<Record<string, number>> {
  for (let seen = -1; seen !== bridge.calls.length; ) {
    seen = bridge.calls.length
    await ready(page)
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS))
  }
  const counts: Record<string, number> = {}
  for (const { channel, input } of bridge.calls.slice(since)) {
    const key = `${channel} ${JSON.stringify(input)}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

const channelsOf = (reads: Record<string, number>) => [...new Set(Object.keys(reads).map((key) => key.split(' ')[0]))].sort()

describe('after one change', () => {
  let bridge: Bridge
  beforeAll(async () => {
    bridge = await startBridge({ dbPath: join(tempDir('e2e-refresh'), 'cache.sqlite'), demoOnFirstOpen: 'small', now: NOW })
  })
  afterAll(async () => {
    await bridge?.close()
  })

  it('reads each query on screen once, and the outbox badge from its counts', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const [client] = (await call<ClientPage>(bridge, 'clients:list', { limit: 1 })).rows
    await page.getByTestId('client-row').first().click()
    await page.getByTestId('client-detail').waitFor()
    await ready(page)

    const since = bridge.calls.length
    await page.getByTestId('tag-create-name').fill('Once')
    await page.getByTestId('tag-create-submit').click()
    await page.locator('[data-testid="tag-item"][data-tag-name="Once"]').waitFor()
    const reads = await readsAfter(page, bridge, since)

    expect(reads[`changes:submit ${JSON.stringify({ change: { kind: 'tag.create', organizationId: client.id, name: 'Once', color: 0x2f80ed } })}`]).toBe(1)
    expect(Object.entries(reads).filter(([, times]) => times > 1)).toEqual([])
    expect(channelsOf(reads)).toEqual(['cache:info', 'changes:submit', 'clients:facets', 'clients:get', 'clients:list', 'clients:profile', 'events:list', 'outbox:counts', 'sync:status', 'tenders:takeNotices'])
    expect(page.problems).toEqual([])
    await page.close()
  })

  it('reads the outbox screen’s list once after a change made there', async () => {
    // The change is made before the page opens: the page's own reaction to it can never be counted below.
    const [client] = (await call<ClientPage>(bridge, 'clients:list', { limit: 1 })).rows
    const entry = await call<OutboxEntry>(bridge, 'changes:submit', {
      change: { kind: 'tag.create', organizationId: client.id, name: 'To discard', color: 0x336699 },
    })
    const page = await openApp(bridge)
    await ready(page)
    await page.getByTestId('nav-outbox').click()
    const item = page.locator(`[data-testid="outbox-entry"][data-entry-id="${entry.id}"]`)
    await item.waitFor()
    await readsAfter(page, bridge, bridge.calls.length)

    const since = bridge.calls.length
    await item.getByTestId('outbox-discard').click()
    await page.getByTestId('confirm-accept').click()
    await item.waitFor({ state: 'detached' })
    const reads = await readsAfter(page, bridge, since)

    expect(reads[`outbox:list ${JSON.stringify({ includeDone: false })}`]).toBe(1)
    expect(Object.entries(reads).filter(([, times]) => times > 1)).toEqual([])
    expect(channelsOf(reads)).toEqual(['cache:info', 'clients:facets', 'clients:list', 'events:list', 'outbox:counts', 'outbox:discard', 'outbox:list', 'sync:status', 'tenders:takeNotices'])
    expect(page.problems).toEqual([])
    await page.close()
  })
})
