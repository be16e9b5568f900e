// The billing screen on the demo cache: filters, totals per currency, the
// chart per month, the clients ranked by amount; an export with progress and
// cancel (nothing written), one that finishes (the file and its record).
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BillingSummary, ExportRecord } from '../../src/shared/billing'
import type { CacheInfo } from '../../src/shared/contract'
import { refreshBillingRollup } from '../../src/main/core/billing/rollup'
import { tempDir } from '../paths'
import { savesBeside, startBridge, type Bridge } from './bridge/server'
import { call, eventually, NOW, ready, useBrowser } from './harness'

const openApp = useBrowser()
/** A period with data whatever today's date: the demo's clock is NOW. */
const FROM = '2025-01-01'
const TO = '2025-12-31'

describe('the billing screen', () => {
  let bridge: Bridge
  let dir: string
  const shown: string[] = []
  beforeAll(async () => {
    dir = tempDir('e2e-billing')
    const dbPath = join(dir, 'cache.sqlite')
    bridge = await startBridge({ dbPath, demoOnFirstOpen: 'small', now: NOW, files: savesBeside(dir, shown) })
    await call<CacheInfo>(bridge, 'cache:info')
    // Ten times the demo's lines, so an export of all of them lasts long enough to be cancelled from the page.
    const db = new Database(dbPath)
    db.pragma('busy_timeout = 10000')
    db.transaction(() => {
      for (let copy = 1; copy < 10; copy++) {
        db.prepare(
          `INSERT INTO billing_lines (client_organization_id, product_id, invoice_id, history_type, occurred_at, description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by)
           SELECT client_organization_id, product_id, invoice_id, history_type, occurred_at + ?, description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by FROM billing_lines WHERE id <= 40000`,
        ).run(copy)
      }
      refreshBillingRollup(db)
    })()
    db.close()
  }, 180_000)
  afterAll(async () => {
    await bridge?.close()
  })

  it('shows totals per currency, a chart per month and the clients by amount, and follows the filters', async () => {
    const page = await openApp(bridge)
    await ready(page)
    await page.getByTestId('nav-billing').click()
    await page.getByTestId('billing-period').selectOption('custom')
    await page.getByTestId('billing-from').fill(FROM)
    await page.getByTestId('billing-to').fill(TO)
    await ready(page)
    const query = { type: 'all', from: FROM, to: TO, clients: null }
    const summary = await call<BillingSummary>(bridge, 'billing:summary', { query })
    expect(summary.totals.map((t) => t.currency)).toEqual(['CHF', 'EUR'])
    const chf = summary.totals[0]
    // Money with its currency, in the UI's language.
    const money = (minor: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(minor / 100)
    await eventually(() => page.getByTestId('billing-total-CHF').innerText()).toContain(money(chf.netMinor, 'CHF'))
    await eventually(() => page.getByTestId('billing-total-EUR').innerText()).toContain(money(summary.totals[1].netMinor, 'EUR'))
    // One chart per currency, with a bar per month of the year.
    for (const currency of ['CHF', 'EUR']) {
      await eventually(() => page.getByTestId(`billing-chart-${currency}`).locator('.recharts-bar-rectangle').count()).toBe(12)
    }
    // Ranked by amount, largest first; one click turns the order round.
    const amounts = () => page.getByTestId('billing-client-row').locator('td.amount').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-minor'))))
    await eventually(async () => (await amounts()).length).toBe(summary.clients.rows.length)
    const chfRows = summary.clients.rows.filter((r) => r.currency === 'CHF').length
    const first = (await amounts()).slice(0, chfRows)
    expect(first).toEqual([...first].sort((a, b) => b - a))
    await page.getByTestId('billing-sort').click()
    await ready(page)
    await eventually(async () => (await amounts()).slice(0, chfRows)).toEqual((await call<BillingSummary>(bridge, 'billing:summary', { query, sort: 'amount_asc' })).clients.rows.filter((r) => r.currency === 'CHF').map((r) => r.netMinor))
    // Refunds only: the totals follow.
    await page.getByTestId('billing-type').selectOption('refunds')
    await ready(page)
    const refunds = await call<BillingSummary>(bridge, 'billing:summary', { query: { ...query, type: 'refunds' } })
    await eventually(() => page.getByTestId('billing-total-CHF').innerText()).toContain(money(refunds.totals[0].netMinor, 'CHF'))
    expect(refunds.totals[0].netMinor).toBeLessThan(0)
    // Earnings and the outlook are shown with how it was computed.
    await eventually(() => page.getByTestId('earnings-outlook').innerText()).toMatch(/Computed from \d/)
    await page.close()
  }, 180_000)

  it('exports with progress and cancel, then to the end: the file, checked, and its record', async () => {
    const page = await openApp(bridge)
    await ready(page)
    await page.getByTestId('nav-billing').click()
    await page.getByTestId('billing-period').selectOption('custom')
    await page.getByTestId('billing-from').fill('2020-01-01')
    await page.getByTestId('billing-to').fill('2030-12-31')
    await ready(page)
    await page.getByTestId('export-preset').selectOption('excel-de')
    await page.getByTestId('export-start').click()
    const progress = page.getByTestId('export-progress')
    await progress.waitFor({ state: 'visible' })
    const cancel = page.getByTestId('export-cancel')
    await eventually(() => cancel.isEnabled()).toBe(true)
    await cancel.click()
    await page.getByTestId('export-cancelled').waitFor({ state: 'visible' })
    await ready(page)
    expect(readdirSync(dir).filter((f) => !f.startsWith('cache.sqlite') && f !== 'settings.json')).toEqual([])
    await eventually(() => page.getByTestId('export-record').first().getAttribute('data-state')).toBe('cancelled')

    // A narrower period, to the end: progress reaches the total, the file is there and matches its record.
    await page.getByTestId('billing-from').fill('2025-06-01')
    await page.getByTestId('billing-to').fill('2025-06-30')
    await ready(page)
    await page.getByTestId('export-start').click()
    await page.getByTestId('export-done').waitFor({ state: 'visible' })
    await ready(page)
    const [record] = await call<ExportRecord[]>(bridge, 'exports:list')
    expect(record.state).toBe('done')
    const file = join(dir, 'billing-2025-06-01-2025-06-30.csv')
    expect(existsSync(file)).toBe(true)
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(record.sha256[0])
    await eventually(() => page.getByTestId('export-done').innerText()).toContain(new Intl.NumberFormat('en-US').format(record.rows))
    await eventually(() => page.getByTestId('export-record').first().getAttribute('data-state')).toBe('done')
    await page.getByTestId('export-history').getByRole('button', { name: 'Show in folder' }).first().click()
    await eventually(() => shown).toEqual([file])
    await page.close()
  }, 180_000)
})
