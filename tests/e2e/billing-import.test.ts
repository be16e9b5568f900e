// Import of a Manager export in the real built renderer, over the session
// bridge (the same AppSession the Electron entry drives; the native open
// dialog stood in for): a file whose columns are not recognised, mapped by
// hand and saved for its shape, previewed, imported with its unknown client
// kept and shown, then undone behind a confirmation.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportRecord } from '../../src/shared/billing-import'
import type { CacheInfo, ClientPage } from '../../src/shared/contract'
import { tempDir } from '../paths'
import { startSessionBridge, type Bridge } from './bridge/server'
import { call, eventually, NOW, ready, SHOTS, useBrowser, type WatchedPage } from './harness'

const openApp = useBrowser()

describe('import of a Manager export', () => {
  let bridge: Bridge
  let page: WatchedPage
  let file: string
  let chosen: string | null = null
  let linesBefore: number

  beforeAll(async () => {
    const dir = tempDir('e2e-import')
    bridge = await startSessionBridge({
      dataDir: dir,
      now: NOW,
      demoOnFirstOpen: 'small',
      openFile: { chooseCsv: async () => chosen },
    })
    // Two clients the demo holds, one it does not; headers no alias knows.
    const clients = (await call<ClientPage>(bridge, 'clients:list', { limit: 2 })).rows
    file = join(dir, 'export-2024.csv')
    writeFileSync(
      file,
      [
        'Booked;Customer account;Value;Cur',
        `03.04.2024;${clients[0].name};1'234.50;CHF`,
        `04.04.2024;${clients[1].name};99.90;EUR`,
        '05.04.2024;Nobody Known GmbH;10.00;CHF',
      ].join('\r\n'),
    )
    linesBefore = (await call<CacheInfo>(bridge, 'cache:info')).counts.billingLines
    page = await openApp(bridge)
    await ready(page)
  })
  afterAll(async () => {
    await page?.close()
    await bridge?.close()
  })

  it('previews the file, takes the columns the user maps and saves them, imports all of it', async () => {
    await page.getByTestId('nav-billing').click()
    await ready(page)
    await eventually(() => page.getByTestId('imports-empty').isVisible()).toBe(true)

    // Cancelling the dialog chooses nothing.
    await page.getByTestId('import-choose').click()
    await ready(page)
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0)

    chosen = file
    await page.getByTestId('import-choose').click()
    await page.getByTestId('import-dialog').waitFor()
    await eventually(() => page.getByTestId('import-facts').innerText()).toMatch(/UTF-8, columns separated by semicolons/)
    // Nothing recognised: the file's problems are said, the import waits.
    await eventually(() => page.getByTestId('import-file-problems').innerText()).toMatch(/No column is chosen for “Date”/)
    await expect(page.getByTestId('import-commit').isDisabled()).resolves.toBe(true)
    await ready(page)

    await page.getByTestId('import-map-date').selectOption('Booked')
    await page.getByTestId('import-map-client').selectOption('Customer account')
    await page.getByTestId('import-map-net').selectOption('Value')
    await page.getByTestId('import-map-currency').selectOption('Cur')
    // No column gives the type: one for every row.
    await eventually(() => page.getByTestId('import-file-problems').innerText()).toMatch(/choose the type of every row/)
    await page.getByTestId('import-fixed-type').selectOption('order')
    await eventually(() => page.getByTestId('import-file-problems').count()).toBe(0)

    const rows = page.getByTestId('import-preview-row')
    await eventually(() => rows.count()).toBe(3)
    await eventually(() => rows.nth(0).innerText()).toMatch(/CHF\s?1,234\.50/)
    await eventually(() => rows.nth(1).innerText()).toMatch(/€99\.90/)
    await eventually(() => rows.nth(2).innerText()).toMatch(/Nobody Known GmbH \(client not in the cache\)/)
    await expect(page.getByTestId('import-not-in-cache').count()).resolves.toBe(1)

    await page.getByTestId('import-save-mapping').click()
    await eventually(() => page.getByTestId('import-mapping-saved').isVisible()).toBe(true)
    await ready(page)
    await page.screenshot({ path: join(SHOTS, 'billing-import-preview.png') })

    await page.getByTestId('import-commit').click()
    await eventually(() => page.getByTestId('import-done').innerText()).toMatch(/2 lines added, 0 already in the cache, 1 kept for clients not in the cache/)
    await ready(page)
    await page.getByTestId('import-close').click()

    const records = await call<ImportRecord[]>(bridge, 'imports:list')
    expect(records).toMatchObject([{ fileName: 'export-2024.csv', rows: 3, added: 2, unmatched: 1 }])
    expect((await call<CacheInfo>(bridge, 'cache:info')).counts.billingLines).toBe(linesBefore + 2)
    await eventually(() => page.getByTestId('import-record').count()).toBe(1)
    await page.getByTestId('import-unmatched-toggle').click()
    await eventually(() => page.getByTestId('import-unmatched').innerText()).toMatch(/Line 4: Nobody Known GmbH/)
    await ready(page)
  })

  it('opens a file of the same shape with the saved columns', async () => {
    await page.getByTestId('import-choose').click()
    await page.getByTestId('import-dialog').waitFor()
    await eventually(() => page.getByTestId('import-map-date').inputValue()).toBe('Booked')
    await eventually(() => page.getByTestId('import-fixed-type').inputValue()).toBe('order')
    // The same file again: said, and it would add nothing.
    await eventually(() => page.getByTestId('import-before').isVisible()).toBe(true)
    await ready(page)
    await page.getByTestId('import-cancel').click()
    await eventually(() => page.getByTestId('import-dialog').count()).toBe(0)
  })

  it('undoes the import behind a confirmation', async () => {
    await page.getByTestId('import-undo').click()
    await page.getByTestId('import-undo-confirm').waitFor()
    await ready(page)
    // Cancel first: nothing changes.
    await page.getByTestId('confirm-cancel').click()
    expect((await call<CacheInfo>(bridge, 'cache:info')).counts.billingLines).toBe(linesBefore + 2)
    await page.getByTestId('import-undo').click()
    await page.getByTestId('confirm-accept').click()
    await eventually(() => page.getByTestId('import-undone').isVisible()).toBe(true)
    await ready(page)
    expect((await call<CacheInfo>(bridge, 'cache:info')).counts.billingLines).toBe(linesBefore)
    expect(page.problems).toEqual([])
  })
})
