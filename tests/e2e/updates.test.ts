// The update banner in the real renderer over a session whose updater is
// scripted: progress while downloading, the release notes, a restart that
// waits for a running export.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { DownloadProgress, UpdateEngine } from '../../src/main/updates/engine'
import { tempDir } from '../paths'
import { startSessionBridge, type Bridge } from './bridge/server'
import { eventually, NOW, ready, useBrowser } from './harness'
import type { AppSession } from '../../src/main/session/app-session'

const openApp = useBrowser()

/** An engine whose download advances when the test says so. */
function scriptedEngine() {
  let progress: (step: DownloadProgress) => void = () => undefined
  let finish: () => void = () => undefined
  const engine = {
    check: vi.fn(async () => ({ version: '1.2.0', notes: 'Exports run in the background.\nFaster search.' })),
    download: vi.fn(
      (onProgress: (step: DownloadProgress) => void) =>
        new Promise<void>((resolve) => {
          progress = onProgress
          finish = resolve
        }),
    ),
    install: vi.fn(),
  } satisfies UpdateEngine
  return { engine, step: (percent: number) => progress({ percent, transferred: percent * 1000, total: 100_000 }), finish: () => finish() }
}

describe('the update banner', () => {
  let bridge: Bridge & { session: AppSession }
  const script = scriptedEngine()
  beforeAll(async () => {
    bridge = await startSessionBridge({
      dataDir: tempDir('e2e-updates'),
      now: NOW,
      demoOnFirstOpen: 'small',
      // Online: the session looks at start, as the app does.
      updater: { engine: script.engine, online: () => true, log: () => undefined },
    })
  })
  afterAll(() => bridge?.close())

  it('shows the download progress, then the release notes and a restart that waits for a running export', async () => {
    const page = await openApp(bridge)
    await ready(page)
    const banner = page.getByTestId('update-banner')
    await eventually(() => banner.getAttribute('data-update-status')).toBe('downloading')
    script.step(42)
    await eventually(() => banner.locator('[role="status"]').textContent()).toBe('Downloading Partner Desk 1.2.0… 42%')
    await eventually(() => page.locator('progress').getAttribute('value')).toBe('42')

    script.finish()
    await eventually(() => page.getByTestId('update-ready').textContent()).toBe('Partner Desk 1.2.0 is ready. Restart to update.')
    await page.getByText('What’s new in 1.2.0').click()
    await eventually(() => page.getByTestId('update-notes').textContent()).toBe('Exports run in the background.\nFaster search.')

    const endExport = bridge.session.work.begin('export')
    await page.getByTestId('update-install').click()
    await eventually(() => page.getByTestId('update-ready').textContent()).toBe(
      'Partner Desk will restart into 1.2.0 once this is done: the export ends.',
    )
    expect(script.engine.install).not.toHaveBeenCalled()
    endExport()
    await eventually(() => script.engine.install.mock.calls.length).toBe(1)
    await page.close()
  })
})
