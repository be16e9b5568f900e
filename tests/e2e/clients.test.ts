// The clients workspace on the demo cache: filters with their counts, a
// saved view, Back through the routes, the 12-month billing sort, and the
// client page's sentence for each kind of collaboration.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientDetail, ClientPage, ClientProfile, Input, OutboxOverview } from '../../src/shared/contract'
import { clientPage as english } from '../../src/renderer/src/i18n/workspace/en'
import { tempDir } from '../paths'
import { startBridge, type Bridge } from './bridge/server'
import { call, digits, eventually, NOW, ready, SHOTS, useBrowser, type WatchedPage } from './harness'

const openApp = useBrowser()

const total = async (bridge: Bridge, filters: Input<'clients:list'>['filters']) => (await call<ClientPage>(bridge, 'clients:list', { filters, limit: 1 })).total
const shownCount = (page: WatchedPage) => async () => digits(await page.getByTestId('clients-count').innerText())
const hash = (page: WatchedPage) => () => page.evaluate(() => decodeURIComponent(window.location.hash))

async function pick(page: WatchedPage, facet: string, value: string): Promise<number> {
  const menu = page.getByTestId(`filter-${facet}`)
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click()
  const option = menu.locator(`[data-testid="filter-option"][data-value="${value}"]`)
  const count = Number(await option.getAttribute('data-count'))
  await option.check()
  await menu.locator('summary').click()
  await ready(page)
  return count
}

describe('the clients workspace', () => {
  let bridge: Bridge
  beforeAll(async () => {
    bridge = await startBridge({ dbPath: join(tempDir('e2e-clients'), 'cache.sqlite'), demoOnFirstOpen: 'small', now: NOW })
  })
  afterAll(async () => {
    await bridge?.close()
  })

  it('filters with counts per value, saves the view, and Back walks the routes', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const all = await total(bridge, {})
    await eventually(shownCount(page)).toBe(String(all))

    // Each value's count is what choosing it lists.
    const complete = await pick(page, 'access', 'complete')
    expect(complete).toBe(await total(bridge, { access: ['complete'] }))
    await eventually(shownCount(page)).toBe(String(complete))
    await eventually(hash(page)).toBe('#/clients?access=complete')

    const customer = await pick(page, 'payment', 'customer')
    expect(customer).toBe(await total(bridge, { access: ['complete'], payment: ['customer'] }))
    await page.getByTestId('filter-renewal').selectOption('60')
    await ready(page)
    const three = await total(bridge, { access: ['complete'], payment: ['customer'], renewalWithin: 60 })
    expect(three).toBeGreaterThan(0)
    expect(three).toBeLessThan(customer)
    await eventually(shownCount(page)).toBe(String(three))
    await eventually(() => page.getByTestId('filter-renewal-count').innerText()).toContain(String(three))

    // Saved as a view: listed in the navigation, kept in the cache.
    await page.getByTestId('view-save').click()
    await page.getByTestId('view-save-name').fill('Complete, client pays, renewing')
    await page.getByTestId('view-save-submit').click()
    await ready(page)
    const saved = page.locator('[data-testid="saved-view"][data-name="Complete, client pays, renewing"]')
    await saved.waitFor()
    expect(await call(bridge, 'views:list')).toEqual([
      expect.objectContaining({ name: 'Complete, client pays, renewing', route: 'clients?access=complete&payment=customer&renewal=60' }),
    ])
    await page.screenshot({ path: join(SHOTS, 'clients-filters.png') })

    // Cleared, then Back: the filters come back; the view opens them too.
    await page.getByTestId('filters-clear').click()
    await ready(page)
    await eventually(shownCount(page)).toBe(String(all))
    await page.goBack()
    await ready(page)
    await eventually(shownCount(page)).toBe(String(three))
    await eventually(() => page.getByTestId('filter-renewal').inputValue()).toBe('60')
    await page.getByTestId('filters-clear').click()
    await ready(page)
    await saved.click()
    await ready(page)
    await eventually(shownCount(page)).toBe(String(three))
    await eventually(() => saved.getAttribute('aria-current')).toBe('page')

    // Alt+digit shortcuts still switch screens, and Clients comes back filtered.
    await page.keyboard.press('Alt+2')
    await page.waitForFunction(() => document.activeElement?.id === 'billing-title')
    await page.keyboard.press('Alt+1')
    await ready(page)
    await eventually(hash(page)).toBe('#/clients?access=complete&payment=customer&renewal=60')
    expect(page.problems).toEqual([])
    await page.close()
  })

  it('sorts by the billing of the last 12 months, as the core does', async () => {
    const page = await openApp(bridge)
    await ready(page)
    await page.getByTestId('sort-billing12m').click()
    await ready(page)
    const top = (await call<ClientPage>(bridge, 'clients:list', { sort: 'billing12m', direction: 'desc', limit: 1 })).rows[0]!
    await eventually(() => page.getByTestId('client-row').first().getByTestId('client-name').innerText()).toBe(top.name)
    await eventually(hash(page)).toBe('#/clients?sort=billing12m&dir=desc')
    await page.close()
  })

  it('says what the collaboration means, for each access type and payment mode', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const kinds = [
      { kind: 'limited', filters: { access: ['limited'] } },
      { kind: 'complete_customer', filters: { access: ['complete'], payment: ['customer'] } },
      { kind: 'complete_partner', filters: { access: ['complete'], payment: ['partner'] } },
    ] as const
    for (const { kind, filters } of kinds) {
      const client = (await call<ClientPage>(bridge, 'clients:list', { filters, limit: 1 })).rows[0]!
      // Opened by its route, as a link from another screen would.
      await page.evaluate((id) => {
        window.location.hash = `#/clients/${id}`
      }, client.id)
      await ready(page)
      const sentence = page.getByTestId('partnership-sentence')
      await eventually(() => page.getByTestId('client-detail').getAttribute('data-client-id')).toBe(String(client.id))
      await eventually(() => sentence.getAttribute('data-kind')).toBe(kind)
      expect(await sentence.innerText()).toBe(english.sentence[kind])
      expect(await page.getByTestId('product-group').first().locator('h3').innerText()).toMatch(/^[^{}]+ \(\d+\)$/)
      expect(await page.getByTestId('partnership-may-order').innerText()).toBe(kind === 'limited' ? english.partnership.no : english.partnership.yes)
      if (kind === 'limited') {
        const delegated = await page.getByTestId('product-delegated').count()
        expect(delegated).toBe(await page.getByTestId('product-item').count())
      }
      await page.screenshot({ path: join(SHOTS, `client-page-${kind}.png`) })
    }
    // Back returns to the previous client, then to the table.
    await page.goBack()
    await ready(page)
    await eventually(() => page.getByTestId('partnership-sentence').getAttribute('data-kind')).toBe('complete_customer')
    expect(page.problems).toEqual([])
    await page.close()
  })

  it('keeps notes on the client page, found by the clients search', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const client = (await call<ClientPage>(bridge, 'clients:list', { limit: 3 })).rows[2]!
    await page.evaluate((id) => {
      window.location.hash = `#/clients/${id}`
    }, client.id)
    await ready(page)
    await page.getByTestId('client-notes-input').fill('Met at the Lausanne fair, wants quokkafest hosting')
    await page.getByTestId('client-notes-save').click()
    await ready(page)
    await eventually(() => page.getByTestId('client-notes-save').isDisabled()).toBe(true)
    await page.getByTestId('client-detail-close').click()
    await ready(page)
    await page.getByTestId('clients-search').fill('quokkafest')
    await ready(page)
    await eventually(shownCount(page)).toBe('1')
    await eventually(() => page.getByTestId('client-row').first().getByTestId('client-name').innerText()).toBe(client.name)
    await page.close()
  })

  it('selects with Ctrl+click, Shift+click and Ctrl+A, tags the selection after saying what it touches, and hands it to billing', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const rows = page.getByTestId('client-row')
    await rows.nth(2).waitFor()
    const ids = await rows.evaluateAll((all) => all.slice(0, 6).map((row) => Number(row.getAttribute('data-client-id'))))
    await rows.nth(0).click({ modifiers: ['Control'] })
    await page.getByTestId('bulk-count').waitFor()
    await rows.nth(3).click({ modifiers: ['Shift'] })
    await eventually(() => page.getByTestId('bulk-count').getAttribute('data-count')).toBe('4')
    await rows.nth(1).click({ modifiers: ['Control'] })
    await eventually(() => page.getByTestId('bulk-count').getAttribute('data-count')).toBe('3')
    expect(await page.locator('[data-testid="client-row"][data-selected="true"]').evaluateAll((all) => all.map((row) => Number(row.getAttribute('data-client-id'))))).toEqual([ids[0], ids[2], ids[3]])
    // Space on the active row adds it (the grid kept the focus; the active row is the one clicked last).
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Space')
    await eventually(() => page.getByTestId('bulk-count').getAttribute('data-count')).toBe('4')
    const selection = [ids[0]!, ids[2]!, ids[3]!, ids[4]!]

    await page.getByTestId('bulk-tag-name').fill('E2E Bulk')
    await page.getByTestId('bulk-tag').click()
    const confirm = page.getByTestId('bulk-confirm')
    await confirm.waitFor()
    const plan = await call<{ products: number; clients: number }>(bridge, 'clients:bulkTagPreview', { clientIds: selection, name: 'E2E Bulk', on: true })
    expect(plan.products).toBeGreaterThan(0)
    expect(await confirm.innerText()).toContain(`${plan.products} products of ${plan.clients} clients`)
    await confirm.getByTestId('confirm-accept').click()
    await ready(page)
    await eventually(() => page.getByTestId('bulk-done').innerText()).toContain(`${plan.products} products tagged`)
    for (const id of selection) {
      const detail = await call<ClientDetail>(bridge, 'clients:get', { id })
      const tag = detail.tags.find((t) => t.name === 'E2E Bulk')
      if (detail.products.length > 0) expect(detail.products.every((p) => p.tagIds.includes(tag!.id))).toBe(true)
    }
    const outbox = await call<OutboxOverview>(bridge, 'outbox:list', {})
    expect(outbox.entries.filter((e) => e.change.kind === 'tag.assign').map((e) => e.clientId).sort()).toEqual(
      selection.filter((id) => outbox.entries.some((e) => e.clientId === id)).sort(),
    )

    // Ctrl+A on the grid takes every client of the result; the selection goes to the billing export.
    await page.getByTestId('clients-table').focus()
    await page.keyboard.press('Control+a')
    await eventually(() => page.getByTestId('bulk-count').getAttribute('data-count')).toBe(String(await total(bridge, {})))
    await page.getByTestId('bulk-clear').click()
    await rows.nth(0).click({ modifiers: ['Control'] })
    await rows.nth(1).click({ modifiers: ['Control'] })
    await page.getByTestId('bulk-billing').click()
    await eventually(hash(page)).toBe(`#/billing?clients=${ids[0]},${ids[1]}`)
    // The billing screen opens on those two clients, not on all of them.
    await eventually(() => page.getByTestId('billing-clients-toggle').innerText()).toMatch(/\b2\b/)
    expect(page.problems).toEqual([])
    await page.close()
  })

  it('requests to add a client through the outbox, then shows what was asked beside what the client granted', async () => {
    const page = await openApp(bridge)
    await ready(page)
    // A limited client's legal representative: as if the request had been answered with less than asked.
    const limited = (await call<ClientPage>(bridge, 'clients:list', { filters: { access: ['limited'], status: ['active'] }, limit: 1 })).rows[0]!
    const profile = await call<ClientProfile>(bridge, 'clients:profile', { id: limited.id })
    const email = profile.organization.representatives[0]!.email
    await page.getByTestId('client-request').click()
    const dialog = page.getByTestId('client-request-dialog')
    await dialog.waitFor()
    await page.getByTestId('client-request-email').fill('not an address')
    await page.getByTestId('client-request-submit').click()
    await dialog.getByText('Give an e-mail address').waitFor()
    await page.getByTestId('client-request-email').fill(email)
    await page.getByTestId('client-request-submit').click()
    await ready(page)
    await eventually(() => page.getByTestId('client-request-queued').innerText()).toContain(email)
    const outbox = await call<OutboxOverview>(bridge, 'outbox:list', {})
    expect(outbox.entries.find((e) => e.change.kind === 'client.request')?.change).toMatchObject({ kind: 'client.request', email, accessType: 'complete' })

    await page.evaluate((id) => {
      window.location.hash = `#/clients/${id}`
    }, limited.id)
    await ready(page)
    const line = page.getByTestId('requested-vs-granted')
    await eventually(() => line.getAttribute('data-differs')).toBe('yes')
    expect(await line.innerText()).toMatch(/^You asked for Complete access on .+; the client granted Limited access\.$/)
    expect(page.problems).toEqual([])
    await page.close()
  })
})
