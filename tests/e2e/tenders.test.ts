// The tender inbox in the built renderer over the test bridge: twenty
// tenders triaged with the keyboard alone (shortlist, decline with a reason,
// skip, snooze, undo), the help overlay, and tenders added from
// notification e-mails with their confirmation, a duplicate and a desktop
// notice for one that matches the partner's criteria.
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TenderDetail, TenderPage } from '../../src/shared/tenders'
import { tempDir } from '../paths'
import { startBridge, type Bridge } from './bridge/server'
import { call, eventually, NOW, ready, useBrowser } from './harness'

const openApp = useBrowser()
const ACTIVE = { states: ['new', 'shortlisted', 'consulted', 'proposal_sent'], limit: 200 }

describe('the tender inbox', () => {
  let bridge: Bridge
  beforeAll(async () => {
    bridge = await startBridge({ dbPath: join(tempDir('e2e-tenders'), 'cache.sqlite'), demoOnFirstOpen: 'small', now: NOW })
  })
  afterAll(async () => {
    await bridge?.close()
  })

  // Some fifty keystrokes, each waiting for the next state: under a running bench it outlasted 30 s.
  it('triages twenty tenders with the keyboard alone, and undoes the last move', { timeout: 120_000 }, async () => {
    const page = await openApp(bridge)
    await ready(page)
    await page.keyboard.press('Alt+3')
    await page.waitForFunction(() => document.activeElement?.id === 'tenders-title')
    const selected = () => page.evaluate(() => Number(document.querySelector('[role="option"][aria-selected="true"]')?.getAttribute('data-id') ?? NaN))
    const inbox = await call<TenderPage>(bridge, 'tenders:list', ACTIVE)
    const ids = inbox.rows.slice(0, 21).map((r) => r.id)
    expect(ids).toHaveLength(21)
    await eventually(selected).toBe(ids[0])

    await page.keyboard.press('?')
    const help = page.getByTestId('tender-help')
    await help.waitFor({ state: 'visible' })
    expect(await help.innerText()).toContain('j')
    await page.keyboard.press('Escape')
    await eventually(() => help.count()).toBe(0)

    // Shortlist, decline, skip, snooze, in turn; each leaves the next tender selected.
    for (let i = 0; i < 20; i++) {
      switch (i % 4) {
        case 0:
          await page.keyboard.press('s')
          break
        case 1:
          await page.keyboard.press('d')
          await page.getByTestId('tender-decline-reason').waitFor({ state: 'visible' })
          await page.keyboard.type(`Not for us #${i}`)
          await page.keyboard.press('Enter')
          break
        case 2:
          await page.keyboard.press('j')
          break
        case 3:
          await page.keyboard.press('z')
          await page.getByTestId('tender-snooze').waitFor({ state: 'visible' })
          await page.keyboard.press('Enter')
          break
      }
      await eventually(selected).toBe(ids[i + 1])
    }
    const state = async (id: number) => call<TenderDetail>(bridge, 'tenders:get', { id })
    for (let i = 0; i < 20; i++) {
      const tender = await state(ids[i])
      if (i % 4 === 0) expect(tender.state).toBe('shortlisted')
      if (i % 4 === 1) expect(tender).toMatchObject({ state: 'dismissed', declineReason: `Not for us #${i}` })
      if (i % 4 === 2) expect(tender.state).toBe(inbox.rows[i].state)
      if (i % 4 === 3) expect(tender.snoozedUntil).toBeGreaterThan(NOW)
    }

    // Undo takes back the last move (the snooze of the twentieth) and selects it again.
    await page.keyboard.press('u')
    await eventually(selected).toBe(ids[19])
    expect((await state(ids[19])).snoozedUntil).toBeNull()
    expect((await state(ids[17])).declineReason).toBe('Not for us #17')
    await page.close()
  })

  it('adds tenders from e-mails after confirmation, recognises a duplicate, and notifies a match once', async () => {
    await call(bridge, 'tenders:setPrefs', { skills: ['website'], languages: ['en'], notifyMinScore: 80 })
    const page = await openApp(bridge)
    await ready(page)
    await page.keyboard.press('Alt+3')
    await page.waitForFunction(() => document.activeElement?.id === 'tenders-title')
    await page.keyboard.press('i')
    const dialog = page.getByTestId('tender-import')
    await dialog.waitFor({ state: 'visible' })
    await page.getByTestId('tender-import-files').setInputFiles([
      resolve('tests/fixtures/eml/en-quoted-printable.eml'),
      resolve('tests/fixtures/eml/de-multipart-latin1.eml'),
      resolve('tests/fixtures/eml/not-a-tender.eml'),
    ])
    await page.getByTestId('tender-import-read').click()
    await page.getByTestId('tender-import-drafts').waitFor({ state: 'visible' })
    expect(await page.getByTestId('tender-import-problems').innerText()).toContain('not-a-tender.eml')
    expect(await page.getByTestId('tender-import-drafts').innerText()).toContain('kSuite für eine Treuhandfirma in Zürich')
    // Nothing is stored before the confirmation.
    await expect(call(bridge, 'tenders:get', { id: 4101 })).rejects.toThrow()
    await page.getByTestId('tender-import-confirm').click()
    await eventually(() => dialog.count()).toBe(0)
    const stored = await call<TenderDetail>(bridge, 'tenders:get', { id: 4101 })
    expect(stored).toMatchObject({ source: 'email', title: 'New website for a bakery in Lausanne', score: 80 })
    await eventually(() => bridge.notifier.notices.map((n) => n.key)).toContain('tender:4101')
    expect(bridge.notifier.notices.find((n) => n.key === 'tender:4101')).toMatchObject({ route: 'tenders/4101', body: 'New website for a bakery in Lausanne' })
    // Clicking the notice from another screen opens the inbox on that tender.
    await page.getByTestId('nav-clients').click()
    await page.getByTestId('screen-tenders').waitFor({ state: 'detached' })
    bridge.notifier.click('tender:4101')
    await page.getByTestId('screen-tenders').waitFor({ state: 'visible' })
    await eventually(() => page.evaluate(() => document.querySelector('[role="option"][aria-selected="true"]')?.getAttribute('data-id'))).toBe('4101')

    // The same e-mail again is recognised and adds nothing.
    await page.keyboard.press('i')
    await dialog.waitFor({ state: 'visible' })
    await page.getByTestId('tender-import-files').setInputFiles([resolve('tests/fixtures/eml/en-quoted-printable.eml')])
    await page.getByTestId('tender-import-read').click()
    await page.getByTestId('tender-import-drafts').waitFor({ state: 'visible' })
    expect(await page.getByTestId('tender-import-confirm').isDisabled()).toBe(true)
    await page.keyboard.press('Escape')
    expect(bridge.notifier.notices.filter((n) => n.key === 'tender:4101')).toHaveLength(1)
    await page.close()
  })

  it('sets the bid/no-bid criteria, which score the tenders and explain it', async () => {
    const page = await openApp(bridge)
    await ready(page)
    await page.keyboard.press('Alt+3')
    await page.waitForFunction(() => document.activeElement?.id === 'tenders-title')
    await page.getByTestId('tenders-criteria').click()
    const dialog = page.getByTestId('tender-criteria')
    await dialog.waitFor({ state: 'visible' })
    await dialog.getByLabel('Your skills (categories, comma-separated)').fill('website, mail')
    await dialog.getByLabel('Category outside your skills').check()
    await dialog.getByLabel('Keep revealed contact details for (days)').fill('90')
    await page.getByTestId('tender-criteria-save').click()
    await eventually(() => dialog.count()).toBe(0)
    const prefs = await call<{ skills: string[]; vetoes: { category: boolean }; retentionDays: number }>(bridge, 'tenders:getPrefs', {})
    expect(prefs).toMatchObject({ skills: ['website', 'mail'], vetoes: { category: true }, retentionDays: 90 })
    // A tender outside the skills is vetoed to 0, and its panel says why.
    const page1 = await call<TenderPage>(bridge, 'tenders:list', { ...ACTIVE, sort: 'score', direction: 'asc', limit: 1 })
    const vetoed = page1.rows[0]
    expect(vetoed.score).toBe(0)
    expect((await call<TenderDetail>(bridge, 'tenders:get', { id: vetoed.id })).explanation.vetoes).toContain('category')
    await page.close()
  })
})
