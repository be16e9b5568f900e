// From navigation to the first rendered clients page, at the bench size,
// through the test bridge (Debian's Chromium, the built renderer), against a
// raw baseline in the same browser and on the same bridge: a bare page that
// asks the same core for the same first page and writes it as plain rows.
// Also: long tasks during the load, the renderer's bundle (gzip) and its
// largest modules, and the memory the core takes with the cache open and idle.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import type { Page } from 'playwright-core'
import { build, type Plugin } from 'vite'
import { BRIDGE_BRAND, BRIDGE_GLOBAL, CHANNELS, EVENT_NAMES } from '../src/shared/channels'
import { installBridge } from '../tests/e2e/bridge/client'
import { startBridge } from '../tests/e2e/bridge/server'
import { launchChromium } from '../tests/e2e/chromium'
import { ms, percentile, report } from './measure'

const NOW = 1_795_000_000
const RUNS = 9
const LONG_TASK_MS = 50

/** Records, in the page, when the first clients page is on screen and every long task until then. */
function watchFirstRender(): void {
  const marks = { firstPage: null as number | null, longTasks: [] as number[] }
  Reflect.set(window, '__firstRender', marks)
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.longTasks.push(entry.duration)
  }).observe({ type: 'longtask', buffered: true })
  const done = () =>
    document.documentElement.dataset.appState === 'ready' &&
    document.querySelector('[data-testid="client-row"]') !== null &&
    document.querySelector('[data-testid="client-row-placeholder"]') === null
  new MutationObserver((_, observer) => {
    if (marks.firstPage !== null || !done()) return
    marks.firstPage = performance.now()
    observer.disconnect()
  }).observe(document, { subtree: true, childList: true, attributes: true })
}

/** The baseline: the same call over the same bridge, rows written with innerHTML, nothing else. */
const BASELINE_HTML = (secret: string) => `<!doctype html><meta charset="utf-8"><div id="rows"></div><script>
fetch('/__bridge/invoke', { method: 'POST', headers: { 'content-type': 'application/json', 'x-bridge-secret': '${secret}' },
  body: JSON.stringify({ channel: 'clients:list', input: { limit: 100 } }) })
  .then((response) => response.json())
  .then((answer) => {
    document.getElementById('rows').innerHTML = answer.value.rows.map((row) => '<div data-testid="client-row">' + row.name + '</div>').join('')
    document.documentElement.dataset.appState = 'ready'
  })
</script>`

interface Load {
  /** The bundle loaded, parsed and run (DOMContentLoaded's end). */
  scriptsRun: number
  firstPage: number
  longTasks: number[]
}

async function load(page: Page, url: string): Promise<Load> {
  await page.goto(url)
  await page.waitForFunction(() => (Reflect.get(window, '__firstRender') as { firstPage: number | null }).firstPage !== null, undefined, { timeout: 60_000 })
  // Long tasks are reported after they end: give the observer a frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
  return page.evaluate(() => {
    const marks = Reflect.get(window, '__firstRender') as { firstPage: number; longTasks: number[] }
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    return { scriptsRun: navigation?.domContentLoadedEventEnd ?? 0, firstPage: marks.firstPage, longTasks: marks.longTasks.filter((duration) => duration > 50) }
  })
}

/** The renderer built again with a recorder of each module's minified size (the app's own build is untouched). */
async function bundleModules(): Promise<Array<[string, number]>> {
  const sizes = new Map<string, number>()
  const recorder: Plugin = {
    name: 'module-sizes',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue
        for (const [id, module] of Object.entries(output.modules)) {
          const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1]
          const key = packageName ? `${packageName} (package)` : id.replace(`${resolve('.')}/`, '')
          sizes.set(key, (sizes.get(key) ?? 0) + module.renderedLength)
        }
      }
    },
  }
  await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve('src/renderer'),
    plugins: [react(), recorder],
    build: { write: false, minify: true, rollupOptions: { input: resolve('src/renderer/index.html') } },
  })
  return [...sizes.entries()].sort((a, b) => b[1] - a[1])
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

export async function benchFirstRender(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-desk-bench-render-'))
  const dbPath = join(dir, 'cache.sqlite')
  // The CLI fills the cache in its own process, so that the generator's
  // memory is not counted as the core's below.
  const filled = spawnSync(process.execPath, [resolve('out/main/cli.js'), 'demo', '--size', 'bench', '--db', dbPath], { encoding: 'utf8' })
  if (filled.status !== 0) throw new Error(`partner-desk demo failed: ${filled.stderr}`)

  const measured = spawnSync(process.execPath, ['--expose-gc', resolve('scripts/run-ts.mjs'), 'bench/core-memory.ts', dbPath], { encoding: 'utf8' })
  if (measured.status !== 0) throw new Error(`core-memory.ts failed: ${measured.stderr}`)
  const { before, idle } = JSON.parse(measured.stdout.trim().split('\n').at(-1)!) as Record<'before' | 'idle', NodeJS.MemoryUsage>

  const bridge = await startBridge({ dbPath, now: NOW })

  const browser = await launchChromium()
  const app: Load[] = []
  const raw: Load[] = []
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [target, into] of [
        ['app', app],
        ['raw', raw],
      ] as const) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
        await page.addInitScript(watchFirstRender)
        if (target === 'app') {
          await page.addInitScript(installBridge, { secret: bridge.secret, globalName: BRIDGE_GLOBAL, brand: BRIDGE_BRAND, channels: [...CHANNELS], events: [...EVENT_NAMES] })
          into.push(await load(page, bridge.url))
          // What the app defers until its first page is on screen (facet counts, reminders) still
          // runs on the core: done before the page closes, or the next load would queue behind it.
          await page.waitForSelector('html[data-app-state="ready"]', { timeout: 60_000 })
        } else {
          await page.route(`${bridge.url}__baseline`, (route) => route.fulfill({ contentType: 'text/html', body: BASELINE_HTML(bridge.secret) }))
          into.push(await load(page, `${bridge.url}__baseline`))
        }
        await page.close()
      }
    }
  } finally {
    await browser.close()
    await bridge.close()
    rmSync(dir, { recursive: true, force: true })
  }

  const median = (loads: Load[]) => percentile(loads.map((one) => one.firstPage), 50)
  const longTasks = app.flatMap((one) => one.longTasks)
  report(`First rendered clients page, bench size (5,000 clients), navigation → rows on screen (median of ${RUNS})`, [
    ['raw: same bridge call + innerHTML rows (baseline)', ms(median(raw))],
    ['app: built renderer (target ≤ 400 ms)', ms(median(app))],
    ['  vs baseline', `${(median(app) / median(raw)).toFixed(1)}× the time`],
    ['  of which bundle loaded and run (DOMContentLoaded)', ms(percentile(app.map((one) => one.scriptsRun), 50))],
    ['app: first load (cold Chromium caches)', ms(app[0]!.firstPage)],
    [`long tasks > ${LONG_TASK_MS} ms during the load, all runs`, `${longTasks.length} in ${RUNS} loads${longTasks.length ? ` (${longTasks.map((d) => `${Math.round(d)} ms`).join(', ')})` : ''}`],
    ['  per load, median', String(percentile(app.map((one) => one.longTasks.length), 50))],
  ])

  const assets = join('out', 'renderer', 'assets')
  const files = readdirSync(assets).map((name) => ({ name, bytes: readFileSync(join(assets, name)) }))
  const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length
  const modules = await bundleModules()
  const total = modules.reduce((sum, [, size]) => sum + size, 0)
  report('Renderer bundle (out/renderer/assets)', [
    ...files.map(({ name, bytes }): [string, string] => [name, `${kib(bytes.length)} raw, ${kib(gz(bytes))} gzip`]),
    ['all assets, gzip', kib(files.reduce((sum, { bytes }) => sum + gz(bytes), 0))],
    ['largest modules (rendered size before minification, share of all):', ''],
    ...modules.slice(0, 10).map(([name, size]): [string, string] => [`  ${name}`, `${kib(size)} (${((100 * size) / total).toFixed(0)} %)`]),
  ])

  report('Core with the bench cache open, idle (a process of its own: before the core starts → idle)', [
    ['resident set size', `${mib(before.rss)} → ${mib(idle.rss)} (+${mib(idle.rss - before.rss)})`],
    ['  V8 heap of the main thread (not the core)', `${mib(before.heapUsed)} → ${mib(idle.heapUsed)}`],
  ])
}
