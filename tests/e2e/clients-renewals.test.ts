// Renewals, their desktop reminders and the access matrix, on the demo
// cache: what the view lists agrees with the core, each reminder is shown
// once, a click opens the client page, and the matrix follows the filters.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccessMatrix, RenewalOverview, RenewalsDue } from '../../src/shared/contract'
import { tempDir } from '../paths'
import { startBridge, type Bridge } from './bridge/server'
import { call, eventually, NOW, ready, SHOTS, useBrowser } from './harness'

const openApp = useBrowser()

describe('renewals and the access matrix', () => {
  let bridge: Bridge
  beforeAll(async () => {
    bridge = await startBridge({ dbPath: join(tempDir('e2e-renewals'), 'cache.sqlite'), demoOnFirstOpen: 'small', now: NOW })
  })
  afterAll(async () => {
    await bridge?.close()
  })

  it('shows each due reminder once; a click opens the client page; a burst becomes one notice that opens Renewals', async () => {
    // Leave the two soonest reminders due (as if the others had been shown before). None is shown
    // yet: the due ones are the reminder keys Renewals lists.
    const due = await call<RenewalsDue>(bridge, 'renewals:due')
    expect(due.count).toBeGreaterThan(3)
    const overview = await call<RenewalOverview>(bridge, 'renewals:list', { days: 60 })
    const keys = overview.groups.flatMap((group) => group.products.flatMap((product) => (product.reminderKey === null ? [] : [product.reminderKey])))
    expect(keys).toHaveLength(due.count)
    const [first, second] = due.soonest
    await call(bridge, 'renewals:shown', { keys: keys.filter((key) => key !== first!.key && key !== second!.key) })
    const page = await openApp(bridge)
    await ready(page)
    await eventually(() => bridge.notifier.notices.map((n) => n.key)).toEqual([first!.key, second!.key])
    await ready(page)
    expect((await call<RenewalsDue>(bridge, 'renewals:due')).count).toBe(0)
    const notice = bridge.notifier.notices[0]!
    expect(notice.title).toBe(`Renewal due: ${first!.clientName}`)
    expect(notice.body).toContain(first!.productName)
    expect(notice.route).toBe(`clients/${first!.clientId}`)

    // A reload checks again: nothing new to show.
    await page.reload()
    await ready(page)
    expect(bridge.notifier.notices).toHaveLength(2)

    bridge.notifier.click(notice.key)
    await eventually(() => page.getByTestId('client-detail').getAttribute('data-client-id')).toBe(String(first!.clientId))

    // A new lead time makes many reminders due at once: one notice says how many and opens Renewals.
    await call(bridge, 'renewals:setLeads', { leads: [60, 30, 14, 7, 3] })
    const burst = await call<RenewalsDue>(bridge, 'renewals:due')
    expect(burst.count).toBeGreaterThan(3)
    await page.reload()
    await ready(page)
    await eventually(() => bridge.notifier.notices.length).toBe(3)
    const summary = bridge.notifier.notices[2]!
    expect(summary.title).toBe(`${burst.count} renewals due`)
    expect(summary.route).toBe(`renewals?days=${burst.latestDaysLeft}`)
    await ready(page)
    expect((await call<RenewalsDue>(bridge, 'renewals:due')).count).toBe(0)
    bridge.notifier.click(summary.key)
    await page.getByTestId('screen-renewals').waitFor()
    await call(bridge, 'renewals:setLeads', { leads: [60, 30, 14, 7] })
    expect(page.problems).toEqual([])
    await page.close()
  })

  it('lists the next 60 days by client with who pays and whether the partner may renew, then a shorter window', async () => {
    const page = await openApp(bridge)
    await ready(page)
    await page.getByTestId('nav-renewals').click()
    await ready(page)
    const overview = await call<RenewalOverview>(bridge, 'renewals:list', { days: 60 })
    const products = overview.groups.reduce((sum, group) => sum + group.products.length, 0)
    await eventually(() => page.getByTestId('renewals-count').getAttribute('data-count')).toBe(String(products))
    await eventually(() => page.getByTestId('renewal-group').count()).toBe(overview.groups.length)
    const group = overview.groups.find((g) => !g.mayRenew) ?? overview.groups[0]!
    const shown = page.locator(`[data-testid="renewal-group"][data-client-id="${group.clientId}"]`)
    expect(await shown.getByTestId('renewal-terms').getAttribute('data-may-renew')).toBe(group.mayRenew ? 'yes' : 'no')
    expect(await shown.getByTestId('renewal-terms').getAttribute('data-payer')).toBe(group.payer)
    await page.screenshot({ path: join(SHOTS, 'renewals.png') })

    await page.getByTestId('renewals-window').selectOption('14')
    await ready(page)
    const shorter = await call<RenewalOverview>(bridge, 'renewals:list', { days: 14 })
    await eventually(() => page.getByTestId('renewals-count').getAttribute('data-count')).toBe(String(shorter.groups.reduce((s, g) => s + g.products.length, 0)))
    expect(await page.evaluate(() => window.location.hash)).toBe('#/renewals?days=14')

    // Snoozing a product's reminder: it is due again once the snooze ends, not before.
    const snooze = page.getByTestId('renewal-snooze').first()
    await snooze.click()
    await page.getByTestId('renewal-snoozed').first().waitFor()
    expect((await call<RenewalsDue>(bridge, 'renewals:due')).count).toBe(0)

    // The lead times are the user's.
    await page.locator('[data-testid="renewal-lead"][data-days="1"]').check()
    await ready(page)
    await eventually(async () => (await call<RenewalOverview>(bridge, 'renewals:list', { days: 14 })).leads).toEqual([60, 30, 14, 7, 1])
    expect(page.problems).toEqual([])
    await page.close()
  })

  it('draws the access matrix for the filtered clients', async () => {
    const page = await openApp(bridge)
    await ready(page)
    await page.getByTestId('nav-matrix').click()
    await ready(page)
    const all = await call<AccessMatrix>(bridge, 'clients:matrix', {})
    await eventually(() => page.getByTestId('matrix-count').getAttribute('data-count')).toBe(String(all.rows.length))
    const limited = await call<AccessMatrix>(bridge, 'clients:matrix', { filters: { access: ['limited'], status: ['active'] } })
    await page.evaluate(() => {
      window.location.hash = '#/matrix?access=limited&status=active'
    })
    await ready(page)
    await eventually(() => page.getByTestId('matrix-count').getAttribute('data-count')).toBe(String(limited.rows.length))
    const first = limited.rows[0]!
    const row = page.locator(`[data-testid="matrix-row"][data-client-id="${first.id}"]`)
    await row.waitFor()
    const cells = await row.locator('[data-cell]').evaluateAll((spans) => spans.map((span) => span.getAttribute('data-cell')))
    expect(cells).toEqual(first.cells)
    expect(cells).not.toContain('complete')
    await page.screenshot({ path: join(SHOTS, 'access-matrix.png') })
    expect(page.problems).toEqual([])
    await page.close()
  })
})
