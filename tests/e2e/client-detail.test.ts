// The client page on the demo cache: tags, their products, and stopping a
// collaboration, each an offline change the core then agrees on.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientDetail, ClientPage, OutboxOverview, StopImpact } from '../../src/shared/contract'
import { tempDir } from '../paths'
import { startBridge, type Bridge } from './bridge/server'
import { call, eventually, focusedTestId, NOW, ready, SHOTS, useBrowser } from './harness'

const openApp = useBrowser()

describe('the client page', () => {
  let bridge: Bridge
  beforeAll(async () => {
    bridge = await startBridge({ dbPath: join(tempDir('e2e-client-detail'), 'cache.sqlite'), demoOnFirstOpen: 'small', now: NOW })
  })
  afterAll(async () => {
    await bridge?.close()
  })

  it('edits tags, tags products and stops a collaboration, all as pending changes', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const list = await call<ClientPage>(bridge, 'clients:list', { limit: 500 })
    const target = list.rows.find((row) => row.status === 'active' && row.productCount > 0)
    expect(target).toBeDefined()
    const client = target!
    const before = await call<ClientDetail>(bridge, 'clients:get', { id: client.id })
    expect(before.products.length).toBeGreaterThan(0)

    // Narrow the table to the client so its row is on screen, then open it with a click.
    await page.getByTestId('clients-search').fill(client.name)
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="client-row"]').length >= 1)
    await ready(page)
    const row = page.getByTestId('client-row').filter({ has: page.getByTestId('client-name').getByText(client.name, { exact: true }) })
    await row.first().click()
    const panel = page.getByTestId('client-detail')
    await panel.waitFor({ state: 'visible' })
    await ready(page)
    await eventually(() => panel.getByRole('heading', { level: 1 }).innerText()).toBe(client.name)
    await eventually(() => page.getByTestId('client-detail-status').getAttribute('data-status')).toBe('active')
    await eventually(() => page.getByTestId('product-item').count()).toBe(before.products.length)

    // Escape goes back to the table, focus on the row; Enter opens the page again.
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    await eventually(focusedTestId(page)).toBe('clients-table')
    await page.keyboard.press('Enter')
    await panel.waitFor({ state: 'visible' })
    await ready(page)

    // A page, not a modal: its title has the focus, and the route names the client.
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('client-page-title')
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/clients/${client.id}`)

    // Create a tag: it shows as not sent yet.
    await page.getByTestId('tag-create-name').fill('E2E Urgent')
    await page.getByTestId('tag-create-color').fill('#d03030')
    await page.getByTestId('tag-create-submit').click()
    await ready(page)
    const urgent = page.locator('[data-testid="tag-item"][data-tag-name="E2E Urgent"]')
    await urgent.waitFor()
    await eventually(() => urgent.getByTestId('tag-unsent').isVisible()).toBe(true)

    // Assign it to the first product: the chip appears, marked not sent.
    const product = page.getByTestId('product-item').first()
    await product.getByTestId('product-tags-edit').click()
    await product.locator('[data-testid="product-tag-toggle"][data-tag-name="E2E Urgent"]').check()
    await ready(page)
    const chip = product.getByTestId('product-tag-chip').filter({ hasText: 'E2E Urgent' })
    await chip.waitFor()
    await eventually(() => chip.getAttribute('data-unsent')).toBe('true')

    // The Pending changes badge counts both changes, as the core does.
    let outbox = await call<OutboxOverview>(bridge, 'outbox:list', {})
    expect(outbox.pending).toBeGreaterThanOrEqual(2)
    await page.waitForFunction(
      (count) => document.querySelector('[data-testid="nav-outbox-badge"]')?.getAttribute('data-count') === String(count),
      outbox.pending,
    )

    // Rename (and recolour) it.
    await urgent.getByTestId('tag-rename').click()
    await page.getByTestId('tag-edit-name').fill('E2E Critical')
    await page.getByTestId('tag-edit-color').fill('#8040c0')
    await page.getByTestId('tag-edit-save').click()
    await ready(page)
    const critical = page.locator('[data-testid="tag-item"][data-tag-name="E2E Critical"]')
    await critical.waitFor()
    await eventually(() => chip.count()).toBe(0)
    await eventually(() => product.getByTestId('product-tag-chip').filter({ hasText: 'E2E Critical' }).count()).toBe(1)

    // A duplicate name is refused, and said inline.
    await page.getByTestId('tag-create-name').fill('E2E Critical')
    await page.getByTestId('tag-create-submit').click()
    await ready(page)
    await page.getByTestId('tags-error').waitFor()
    await page.getByTestId('tags-error').getByTestId('dismiss').click()

    // Delete another tag, after confirming.
    await page.getByTestId('tag-create-name').fill('E2E Temporary')
    await page.getByTestId('tag-create-submit').click()
    await ready(page)
    const temporary = page.locator('[data-testid="tag-item"][data-tag-name="E2E Temporary"]')
    await temporary.waitFor()
    await temporary.getByTestId('tag-delete').click()
    const confirm = page.getByTestId('confirm-dialog')
    await confirm.waitFor()
    await confirm.getByTestId('confirm-cancel').click()
    await eventually(() => temporary.count()).toBe(1)
    await temporary.getByTestId('tag-delete').click()
    await confirm.getByTestId('confirm-accept').click()
    await ready(page)
    await temporary.waitFor({ state: 'detached' })

    await page.screenshot({ path: join(SHOTS, 'client-detail.png') })

    // Stop the collaboration: first what it costs, then the client's name typed.
    await page.getByTestId('partnership-stop').click()
    const first = page.getByTestId('partnership-stop-first')
    await first.waitFor()
    const impact = await call<StopImpact>(bridge, 'clients:impact', { id: client.id })
    await eventually(() => first.getByTestId('impact-products').getAttribute('data-count')).toBe(String(impact.products))
    expect(await first.getByTestId('impact-renewals').getAttribute('data-count')).toBe(String(impact.renewals.length))
    expect(await first.getByTestId('impact-invoices').getAttribute('data-holder')).toBe(impact.invoicesHeldBy)
    // The tag changes made above are not sent yet: stopping will discard them.
    expect(Number(await first.getByTestId('impact-pending').getAttribute('data-count'))).toBeGreaterThan(0)
    await first.getByTestId('confirm-accept').click()
    const second = page.getByTestId('partnership-stop-second')
    await second.waitFor()
    await eventually(() => second.getByTestId('confirm-accept').isDisabled()).toBe(true)
    await page.getByTestId('partnership-stop-name').fill('not the name')
    await eventually(() => second.getByTestId('confirm-accept').isDisabled()).toBe(true)
    await page.getByTestId('partnership-stop-name').fill(client.name)
    await page.screenshot({ path: join(SHOTS, 'client-detail-stop.png') })
    await second.getByTestId('confirm-accept').click()
    await ready(page)
    await page.getByTestId('partnership-inactive').waitFor()
    await eventually(() => page.getByTestId('client-detail-status').getAttribute('data-status')).toBe('ended')

    // The core agrees.
    const after = await call<ClientDetail>(bridge, 'clients:get', { id: client.id })
    expect(after.client.status).toBe('ended')
    const tag = after.tags.find((t) => t.name === 'E2E Critical')
    expect(tag).toBeDefined()
    expect(tag!.id).toBeLessThan(0)
    expect(tag!.color).toBe(0x8040c0)
    expect(after.tags.some((t) => t.name === 'E2E Urgent' || t.name === 'E2E Temporary')).toBe(false)
    const firstProductId = Number(await product.getAttribute('data-product-id'))
    expect(after.products.find((p) => p.id === firstProductId)?.tagIds).toContain(tag!.id)

    // The stop waits to be sent; the client's earlier changes were discarded, as the preview said.
    outbox = await call<OutboxOverview>(bridge, 'outbox:list', { includeDone: true })
    const kinds = outbox.entries.map((entry) => entry.change.kind)
    for (const kind of ['tag.create', 'tag.assign', 'tag.update', 'tag.delete', 'partnership.stop']) expect(kinds).toContain(kind)
    expect(outbox.entries.filter((entry) => entry.change.kind !== 'partnership.stop').map((entry) => entry.state)).toEqual(
      outbox.entries.filter((entry) => entry.change.kind !== 'partnership.stop').map(() => 'discarded'),
    )
    const stop = outbox.entries.find((entry) => entry.change.kind === 'partnership.stop')
    expect(stop?.change).toEqual({ kind: 'partnership.stop', partnershipId: before.partnershipId })
    await page.waitForFunction(
      (count) => document.querySelector('[data-testid="nav-outbox-badge"]')?.getAttribute('data-count') === String(count),
      outbox.pending,
    )

    // Back: the focus goes back to the table.
    await page.getByTestId('client-detail-close').click()
    await panel.waitFor({ state: 'detached' })
    await eventually(focusedTestId(page)).toBe('clients-table')
    expect(page.problems).toEqual([])
    await page.close()
  })
})
