// What every browser test file shares: one Debian Chromium per file, the app
// opened on a bridge with its errors collected, readiness, direct calls, and
// axe-core on every state a page reaches (a11y.ts): when it is ready or
// blocked, after each test, and before it closes.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { BRIDGE_BRAND, BRIDGE_GLOBAL, CHANNELS, EVENT_NAMES } from '../../src/shared/channels'
import { ARTIFACTS } from '../paths'
import { checkBeforeClose, checkState, recordVisitedScreens, watchAccessibility } from './a11y'
import { installBridge } from './bridge/client'
import type { Bridge } from './bridge/server'
import { launchChromium } from './chromium'

export const SHOTS = join(ARTIFACTS, 'e2e')
/** 2026-11-18, fixed so the demo data and the server's data are the same every run. */
export const NOW = 1_795_000_000

/** A page that records every error it logs or throws, for tests to assert there were none. */
export type WatchedPage = Page & { problems: string[] }

/**
 * Launches Chromium before the file's tests and closes it after; returns the open app's opener.
 * The app speaks the system's language until the user picks one, so the page's locale is pinned
 * (English unless a test asks for another), whatever the machine's own.
 */
export function useBrowser(): (bridge: Bridge, options?: { locale?: string }) => Promise<WatchedPage> {
  let browser: Browser
  const pages = new Set<WatchedPage>()
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    browser = await launchChromium()
  })
  // A page kept open across tests is checked as each test leaves it.
  afterEach(async () => {
    for (const page of pages) await checkState(page, true)
  })
  afterAll(async () => {
    await browser?.close()
  })
  return async (bridge, { locale = 'en-US' } = {}) => {
    const page = (await browser.newPage({ viewport: { width: 1280, height: 800 }, locale })) as WatchedPage
    pages.add(page)
    watchAccessibility(page)
    const close = page.close.bind(page)
    page.close = async (options) => {
      pages.delete(page)
      try {
        await checkBeforeClose(page, settled)
      } finally {
        await close(options)
      }
    }
    await page.addInitScript(recordVisitedScreens)
    page.problems = []
    page.on('pageerror', (error) => page.problems.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') page.problems.push(message.text())
    })
    await page.addInitScript(installBridge, {
      secret: bridge.secret,
      globalName: BRIDGE_GLOBAL,
      brand: BRIDGE_BRAND,
      channels: [...CHANNELS],
      events: [...EVENT_NAMES],
    })
    await page.goto(bridge.url)
    return page
  }
}

const settled = async (page: Page, timeout = 30_000): Promise<void> => {
  await page.waitForSelector('html[data-app-state="ready"], html[data-app-state="blocked"]', { timeout })
}

/** Waits until nothing the page shows waits on the core, then checks its accessibility. */
export async function ready(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('html[data-app-state="ready"]', { timeout })
  await checkState(page)
}

/** Waits for the screen that says the app cannot go on, then checks its accessibility. */
export async function blocked(page: Page): Promise<void> {
  await page.waitForSelector('html[data-app-state="blocked"]')
  await checkState(page)
}

/**
 * Asks again until the assertion holds (10 s at most). What an action changes
 * (focus, a text, a count) lands in effects, animation frames and answers that
 * come after the action returns, later still on a busy machine: a test waits
 * for that state, never reads it once and hopes.
 */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 })

/** The test id of the focused element (null if none), to wait on with `eventually`. */
export const focusedTestId = (page: Page) => () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)

/** A call straight to the core behind the bridge, to compute what the page should show. */
export async function call<T>(bridge: Bridge, channel: string, input: unknown = {}): Promise<T> {
  const result = await bridge.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

export const digits = (text: string) => text.replace(/[^\d]/g, '')
