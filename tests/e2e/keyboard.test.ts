// A working session without the mouse: search, the grid, a client's detail
// and back, another screen, the settings. Each step waits for the state it
// leads to (the machine is busy), never for time.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientPage } from '../../src/shared/contract'
import { tempDir } from '../paths'
import { startBridge, type Bridge } from './bridge/server'
import { call, digits, eventually, focusedTestId, NOW, ready, useBrowser } from './harness'

const openApp = useBrowser()

describe('the keyboard alone', () => {
  let bridge: Bridge
  beforeAll(async () => {
    bridge = await startBridge({ dbPath: join(tempDir('e2e-keyboard'), 'cache.sqlite'), demoOnFirstOpen: 'small', now: NOW })
  })
  afterAll(async () => {
    await bridge?.close()
  })

  it('walks search → grid → detail → close → another screen → settings', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const focused = focusedTestId(page)
    const first = (await call<ClientPage>(bridge, 'clients:list', { limit: 1 })).rows[0]
    const prefix = first.name.split(/\s+/)[0]
    const matching = await call<ClientPage>(bridge, 'clients:list', { query: prefix, limit: 1 })

    await page.keyboard.press('/')
    await eventually(focused).toBe('clients-search')
    await page.keyboard.type(prefix)
    await eventually(async () => digits(await page.getByTestId('clients-count').innerText())).toBe(String(matching.total))

    await page.keyboard.press('Tab')
    await eventually(focused).toBe('clients-table')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await eventually(() => page.getByTestId('client-detail').isVisible()).toBe(true)
    // Focus moved to the client page's title; Tab goes on through the page.
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('client-page-title')
    // The title takes focus while the page still loads; Tab reaches the
    // page's sections once they are there.
    await eventually(() => page.getByTestId('client-partnership').isVisible()).toBe(true)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.querySelector('[data-testid="client-detail"]')?.contains(document.activeElement) ?? false)).toBe(true)
    await page.keyboard.press('Shift+Tab')

    await page.keyboard.press('Escape')
    await eventually(() => page.getByTestId('client-detail').count()).toBe(0)
    // Back where it came from.
    await eventually(focused).toBe('clients-table')

    await page.keyboard.press('Alt+2')
    await page.waitForFunction(() => document.activeElement?.id === 'billing-title')
    await page.keyboard.press('Alt+6')
    await page.waitForFunction(() => document.activeElement?.id === 'settings-title')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('theme-system')
    await page.close()
  })
})
