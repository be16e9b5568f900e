// The real built renderer in Debian's Chromium, talking to the real core
// through the test bridge. Screenshots land in test-artifacts/e2e/.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientPage } from '../../src/shared/contract'
import type { Settings } from '../../src/shared/settings'
import { tempDir } from '../paths'
import { startBridge, type Bridge } from './bridge/server'
import { blocked, call, digits, eventually, NOW, ready, SHOTS, useBrowser } from './harness'

const openApp = useBrowser()
const clients = (bridge: Bridge, query = '') => call<ClientPage>(bridge, 'clients:list', { query, limit: 500 })

describe('the app on the demo data', () => {
  let bridge: Bridge
  beforeAll(async () => {
    bridge = await startBridge({ dbPath: join(tempDir('e2e'), 'cache.sqlite'), demoOnFirstOpen: 'small', now: NOW })
  })
  afterAll(async () => {
    await bridge?.close()
  })

  it('lists the demo clients, labelled as demo', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const expected = await clients(bridge)
    await eventually(() => page.getByTestId('demo-badge').isVisible()).toBe(true)
    const count = await page.getByTestId('clients-count').innerText()
    expect(digits(count)).toBe(String(expected.total))
    const shown = await page.getByTestId('client-name').allInnerTexts()
    expect(shown.length).toBeGreaterThan(10)
    // Virtualized: far fewer rows in the DOM than clients in the cache.
    expect(shown.length).toBeLessThan(expected.total)
    expect(shown.slice(0, 10)).toEqual(expected.rows.slice(0, 10).map((row) => row.name))
    // In a 1280-px window every column shows, Tags included, and no tag chip is cut at its cell's edge.
    const cut = await page.evaluate(() => {
      const grid = document.querySelector<HTMLElement>('[data-testid="clients-table"]')!
      const right = grid.getBoundingClientRect().left + grid.clientLeft + grid.clientWidth
      const headers = [...grid.querySelectorAll('[role="columnheader"]')].filter((header) => header.getBoundingClientRect().right > right + 0.5)
      const chips = [...grid.querySelectorAll('.data-row .cell-tags')].flatMap((cell) => {
        const box = cell.getBoundingClientRect()
        // Chips wrapped onto the hidden second line are not shown at all.
        return [...cell.querySelectorAll('.tag')].filter((chip) => chip.getBoundingClientRect().top < box.bottom && chip.getBoundingClientRect().right > box.right + 0.5)
      })
      return [...headers, ...chips].map((element) => element.textContent)
    })
    expect(cut).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'clients.png') })
    expect(page.problems).toEqual([])
    await page.close()
  })

  it('narrows the list as the user types', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const all = await clients(bridge)
    const target = all.rows[Math.floor(all.rows.length / 2)]
    const word = target.name.split(/\s+/).find((w) => w.length >= 4) ?? target.name
    const query = word.slice(0, 4)
    const expected = await clients(bridge, query)
    expect(expected.total).toBeLessThan(all.total)

    await page.getByTestId('clients-search').pressSequentially(query, { delay: 30 })
    await page.waitForFunction(
      (total) => document.querySelector('[data-testid="clients-count"]')?.textContent?.replace(/[^\d]/g, '').startsWith(String(total)),
      expected.total,
    )
    await ready(page)
    const shown = await page.getByTestId('client-name').allInnerTexts()
    expect(shown).toEqual(expected.rows.slice(0, shown.length).map((row) => row.name))
    expect(shown).toContain(target.name)
    await page.screenshot({ path: join(SHOTS, 'clients-search.png') })

    await page.getByTestId('clients-search').press('Escape')
    await page.waitForFunction(
      (total) => document.querySelector('[data-testid="clients-count"]')?.textContent?.replace(/[^\d]/g, '') === String(total),
      all.total,
    )
    await page.close()
  })

  it('shows the keyboard where it is: a ring on the title a shortcut focuses, and the navigation a few Tabs from it', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? document.activeElement?.tagName)
    const ring = () => page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!)
      return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2
    })
    await page.keyboard.press('Alt+2')
    await page.waitForFunction(() => document.activeElement?.id === 'billing-title')
    await expect(ring()).resolves.toBe(true)
    await page.keyboard.press('Alt+1')
    await page.waitForFunction(() => document.activeElement?.id === 'clients-title')
    await expect(ring()).resolves.toBe(true)

    // Past the screen's own controls, then the navigation: no header, no page in between.
    const stops: unknown[] = []
    while (stops.length < 30 && stops.at(-1) !== 'nav-clients') {
      await page.keyboard.press('Tab')
      stops.push(await focused())
    }
    // Requesting a client, the filter menus (a summary each, no id), the renewal window, pending changes and saving a view come before the search.
    const filters = ['', '', '', '', '', '', '', 'filter-renewal', 'filter-pending', 'view-save']
    expect(stops).toEqual([
      'client-request',
      ...filters,
      'clients-search',
      'clients-table',
      'sort-name',
      'sort-productCount',
      'sort-nextExpiry',
      'sort-billing12m',
      'nav-clients',
    ])
    await page.close()
  })

  it('switches theme, keeps the choice, and follows it after a reload', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('theme-light').check()
    await page.waitForSelector('html[data-theme="light"]')
    const light = await background()
    await page.getByTestId('theme-dark').check()
    await page.waitForSelector('html[data-theme="dark"]')
    const dark = await background()
    expect(dark).not.toBe(light)
    await page.screenshot({ path: join(SHOTS, 'settings-dark.png') })

    const stored = await bridge.dispatch('settings:get', {})
    expect(stored).toMatchObject({ ok: true, value: { theme: 'dark' } })
    await page.reload()
    await ready(page)
    await eventually(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    expect(page.problems).toEqual([])
    await page.close()
  })

  it('speaks French when asked, with no untranslated text in the navigation', async () => {
    const page = await openApp(bridge)
    await ready(page)
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('language-select').selectOption('fr')
    await page.waitForSelector('html[lang="fr"]')
    await eventually(() => page.getByTestId('nav-settings').innerText()).toMatch(/Paramètres/)
    await eventually(() => page.getByTestId('nav-tenders').innerText()).toMatch(/offres/i)
    await page.screenshot({ path: join(SHOTS, 'settings-fr.png') })
    await page.getByTestId('language-select').selectOption('en')
    await page.waitForSelector('html[lang="en"]')
    await page.close()
  })

  it('speaks German once Deutsch is chosen, and offers every language in its own name', async () => {
    const page = await openApp(bridge)
    await ready(page)
    await page.getByTestId('nav-settings').click()
    const languages = page.getByTestId('language-select').locator('option[lang]')
    await expect(languages.allInnerTexts()).resolves.toEqual(['English', 'Français', 'Deutsch', 'Italiano', 'Español'])
    await page.getByTestId('language-select').selectOption('de')
    await page.waitForSelector('html[lang="de"]')
    await page.getByTestId('nav-settings').filter({ hasText: 'Einstellungen' }).waitFor()
    await expect(page.getByTestId('nav-clients').innerText()).resolves.toBe('Kunden')
    await expect(page.getByTestId('nav-billing').innerText()).resolves.toBe('Abrechnung')
    await expect(page.getByTestId('nav-tenders').innerText()).resolves.toBe('Ausschreibungen')
    await expect(call<Settings>(bridge, 'settings:get')).resolves.toMatchObject({ language: 'de' })
    await page.screenshot({ path: join(SHOTS, 'settings-de.png') })
    // Back to following the system, which this page says is English.
    await page.getByTestId('language-select').selectOption('system')
    await page.waitForSelector('html[lang="en"]')
    expect(page.problems).toEqual([])
    await page.close()
  })

  it("speaks the system's language while the user has not picked one", async () => {
    await call(bridge, 'settings:set', { language: 'system' })
    const page = await openApp(bridge, { locale: 'it-CH' })
    await ready(page)
    await page.waitForSelector('html[lang="it"]')
    await page.getByTestId('nav-settings').filter({ hasText: 'Impostazioni' }).waitFor()
    await expect(page.getByTestId('nav-clients').innerText()).resolves.toBe('Clienti')
    expect(page.problems).toEqual([])
    await page.close()
  })
})

describe('a damaged cache', () => {
  it('tells the user and offers a way out instead of crashing', async () => {
    const dir = tempDir('e2e-damaged')
    const dbPath = join(dir, 'cache.sqlite')
    writeFileSync(dbPath, 'not a database '.repeat(1000))
    const bridge = await startBridge({ dbPath, demoOnFirstOpen: 'small', now: NOW })
    try {
      const page = await openApp(bridge)
      await blocked(page)
      await page.screenshot({ path: join(SHOTS, 'cache-damaged.png') })
      await page.getByTestId('cache-recover').click()
      await page.getByTestId('confirm-accept').click()
      await ready(page)
      const expected = await clients(bridge)
      const count = await page.getByTestId('clients-count').innerText()
      expect(digits(count)).toBe(String(expected.total))
      await page.close()
    } finally {
      await bridge.close()
    }
  })
})

describe('a cache that cannot be opened', () => {
  it('says why and offers the same way out: move it aside and start fresh', async () => {
    const dbPath = join(tempDir('e2e-unopenable'), 'cache.sqlite')
    // A folder where the cache file should be: SQLite cannot open it at all.
    mkdirSync(dbPath)
    const bridge = await startBridge({ dbPath, demoOnFirstOpen: 'small', now: NOW })
    try {
      const page = await openApp(bridge)
      await page.waitForSelector('html[data-app-state="blocked"]')
      await eventually(() => page.getByTestId('cache-problem').innerText()).toContain(`${dbPath} is a folder, not a cache file`)
      await page.screenshot({ path: join(SHOTS, 'cache-unopenable.png') })
      await page.getByTestId('cache-recover').click()
      await page.getByTestId('confirm-accept').click()
      await ready(page)
      const expected = await clients(bridge)
      await eventually(() => page.getByTestId('clients-count').innerText().then(digits)).toBe(String(expected.total))
      expect(page.problems).toEqual([])
      await page.close()
    } finally {
      await bridge.close()
    }
  })
})

describe('a partner with 5,000 clients', () => {
  it('scrolls the whole list by keyboard, loading only the pages it shows', async () => {
    const bridge = await startBridge({ dbPath: join(tempDir('e2e-bench'), 'cache.sqlite'), demoOnFirstOpen: 'bench', now: NOW })
    try {
      const page = await openApp(bridge)
      await ready(page, 120_000)
      const first = await clients(bridge)
      expect(first.total).toBe(5000)
      const [last] = (await call<ClientPage>(bridge, 'clients:list', { offset: first.total - 1, limit: 1 })).rows

      await page.getByTestId('clients-table').focus()
      await page.keyboard.press('End')
      await page.waitForFunction(
        (name) => [...document.querySelectorAll('[data-testid="client-name"]')].some((cell) => cell.textContent === name),
        last.name,
      )
      await eventually(() => page.getByTestId('client-row-placeholder').count()).toBe(0)
      const rendered = await page.getByTestId('client-row').count()
      expect(rendered).toBeLessThan(100)
      await page.screenshot({ path: join(SHOTS, 'clients-5000-end.png') })

      await page.keyboard.press('Home')
      await page.waitForFunction(
        (name) => document.querySelector('[data-testid="client-name"]')?.textContent === name,
        first.rows[0].name,
      )
      expect(page.problems).toEqual([])
      await page.close()
    } finally {
      await bridge.close()
    }
  }, 180_000)
})
