// axe-core on every state a browser test reaches, in both themes, without
// the test asking: the harness calls `checkState` whenever a page is ready
// (or blocked), after each test, and before a page closes, when it also
// comes back to every screen the test showed but never checked. A serious or
// critical violation fails the test, named by rule and selector.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import type { AxeResults } from 'axe-core'

const AXE_SOURCE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8')
const THEMES = ['light', 'dark'] as const
/** Impacts that fail a test; minor and moderate ones are advice. */
const FAILING = ['serious', 'critical']
/** Selectors named per rule; the rest are counted. */
const SHOWN_NODES = 5

interface Violation {
  id: string
  impact: string
  help: string
  targets: string[]
}

interface PageRecord {
  /** States already checked in both themes, e.g. "screen-clients > client-detail". */
  checked: Set<string>
}

const records = new WeakMap<Page, PageRecord>()

/**
 * Runs in the page before the app: notes every screen shown, so one the
 * test passed through without waiting for it is still checked before close.
 * Serialised by Playwright: must not close over anything.
 */
export function recordVisitedScreens(): void {
  const visited = new Set<string>()
  Object.defineProperty(window, '__a11yVisited', { value: visited })
  new MutationObserver(() => {
    const shown = document.querySelector<HTMLElement>('section[data-testid^="screen-"]:not([hidden])')?.dataset.testid
    if (shown) visited.add(shown)
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] })
}

export function watchAccessibility(page: Page): void {
  records.set(page, { checked: new Set() })
}

/** What is on screen: the blocked screen, or the screen shown with the dialogs open over it. */
function stateOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    if (document.documentElement.dataset.appState === 'blocked') return 'blocked'
    const screen = document.querySelector<HTMLElement>('section[data-testid^="screen-"]:not([hidden])')?.dataset.testid ?? 'no screen'
    const dialogs = [...document.querySelectorAll<HTMLElement>('dialog[open]')].map((dialog) => dialog.dataset.testid ?? 'dialog')
    return [screen, ...dialogs].join(' > ')
  })
}

async function violations(page: Page, theme: (typeof THEMES)[number]): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(
    async ({ theme, failing }) => {
      const root = document.documentElement
      const before = { theme: root.dataset.theme, scheme: root.style.colorScheme }
      // The app sets both from the settings; set here for the check only, then put back.
      root.dataset.theme = theme
      root.style.colorScheme = theme
      try {
        const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }
        const results = await axe.run(document, { resultTypes: ['violations'] })
        return results.violations
          .filter((violation) => failing.includes(violation.impact ?? ''))
          .map((violation) => ({
            id: violation.id,
            impact: violation.impact ?? '',
            help: violation.help,
            targets: violation.nodes.map((node) => node.target.join(' ')),
          }))
      } finally {
        if (before.theme === undefined) delete root.dataset.theme
        else root.dataset.theme = before.theme
        root.style.colorScheme = before.scheme
      }
    },
    { theme, failing: FAILING },
  )
}

function describe(state: string, theme: string, found: Violation[]): string {
  const lines = found.map(({ id, impact, help, targets }) => {
    const more = targets.length > SHOWN_NODES ? ` (and ${targets.length - SHOWN_NODES} more)` : ''
    return `  ${id} (${impact}): ${help}: ${targets.slice(0, SHOWN_NODES).join(', ')}${more}`
  })
  return `accessibility, ${theme} theme, ${state}:\n${lines.join('\n')}`
}

/**
 * Checks what the page shows now, in both themes, unless this state was
 * checked already; `again` checks it anyway (a test's last state: the same
 * screen may show more by then, an active row say).
 */
export async function checkState(page: Page, again = false): Promise<void> {
  const record = records.get(page)
  if (!record || page.isClosed()) return
  const state = await stateOf(page)
  if (record.checked.has(state) && !again) return
  record.checked.add(state)
  const failures: string[] = []
  for (const theme of THEMES) {
    const found = await violations(page, theme)
    if (found.length > 0) failures.push(describe(state, theme, found))
  }
  if (failures.length > 0) throw new Error(failures.join('\n'))
}

/** Before a page closes: its last state, then every screen it showed and nobody checked, reached by the navigation. */
export async function checkBeforeClose(page: Page, settle: (page: Page) => Promise<void>): Promise<void> {
  const record = records.get(page)
  if (!record || page.isClosed()) return
  await checkState(page, true)
  const visited = await page.evaluate(() => [...(window as unknown as { __a11yVisited: Set<string> }).__a11yVisited])
  for (const screen of visited) {
    if (record.checked.has(screen)) continue
    // A dialog left open keeps the navigation out of reach: what it covers was checked with it.
    if ((await page.locator('dialog[open]').count()) > 0) return
    await page.getByTestId(`nav-${screen.replace(/^screen-/, '')}`).click()
    await settle(page)
    await checkState(page)
  }
}
