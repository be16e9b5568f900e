// A new user against each profile of the local API server, in the real UI:
// test the token, pick the partner organization, add the account, sync, and
// see what the data comes from. Against the `public` profile (what a real
// token reaches: Infomaniak's published API alone) billing history and
// tenders are not offered and the Manager does what the app cannot send.
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientPage } from '../../src/shared/contract'
import { startApiServer, type ApiServer, type ServerProfile } from '../fixtures/api-server'
import { tempDir } from '../paths'
import { startSessionBridge, type Bridge } from './bridge/server'
import { call, digits, eventually, NOW, ready, useBrowser, type WatchedPage } from './harness'

const openApp = useBrowser()

let opened: Array<{ close(): Promise<unknown> }> = []
afterEach(async () => {
  for (const thing of opened.reverse()) await thing.close()
  opened = []
})

async function start(profile: ServerProfile): Promise<{ server: ApiServer; bridge: Bridge; page: WatchedPage }> {
  const server = await startApiServer({ profile, size: 'small', now: NOW, rateLimit: false })
  opened.push(server)
  const bridge = await startSessionBridge({ dataDir: tempDir(`e2e-${profile}`), now: NOW, demoOnFirstOpen: 'small' })
  opened.push(bridge)
  const page = await openApp(bridge)
  opened.push(page)
  await ready(page)
  return { server, bridge, page }
}

/** Fills the add form and tests the token; what the test found is then shown. */
async function testConnection(page: WatchedPage, server: ApiServer, label: string): Promise<void> {
  await page.getByTestId('nav-settings').click()
  await ready(page)
  await page.getByTestId('account-label-input').fill(label)
  await page.getByTestId('account-token-input').fill(server.token)
  await page.locator('[data-testid="account-advanced"] > summary').click()
  await page.getByTestId('account-base-url-input').fill(server.url)
  await page.getByTestId('account-test').click()
  await page.getByTestId('account-connection').waitFor()
}

/** Each test syncs a whole account through the UI, which waits up to a minute for the sync (syncedClients): the test's limit allows for it. */
const SYNCING = { timeout: 120_000 }

async function syncedClients(page: WatchedPage, bridge: Bridge): Promise<number> {
  await page.getByTestId('client-row').first().waitFor({ timeout: 30_000 })
  await page.waitForSelector('[data-testid="sync-start"]', { timeout: 60_000 })
  await ready(page)
  const total = (await call<ClientPage>(bridge, 'clients:list', { limit: 1 })).total
  await eventually(async () => digits(await page.getByTestId('clients-count').innerText())).toBe(String(total))
  return total
}

describe('a new account against Infomaniak’s published API alone (public profile)', SYNCING, () => {
  it('tests the token, picks the organization, syncs every client, and says what is not offered', async () => {
    const { server, bridge, page } = await start('public')
    server.state.addOwnOrganization('Helvetic Web Holding', 'holding@example.ch')
    await testConnection(page, server, 'Helvetic Web')
    const own = server.state.ownOrganization()
    await eventually(() => page.getByTestId('account-connection').innerText()).toContain(own.representatives[0].email)
    // Two organizations of the user's own: adding waits for a pick.
    await eventually(() => page.getByTestId('account-organizations').isVisible()).toBe(true)
    await page.getByTestId(`account-organization-${server.state.partnerId}`).check()
    await page.getByTestId('account-add-submit').click()

    const clients = await syncedClients(page, bridge)
    expect(clients).toBe(server.state.visibleAccounts().length - 2)

    // A client's detail: its products, and the Manager where the server offers no stop.
    await page.getByTestId('client-row').first().click()
    await page.getByTestId('client-detail').waitFor()
    await eventually(() => page.getByTestId('partnership-stop-not-offered').isVisible()).toBe(true)
    expect(await page.getByTestId('partnership-stop').count()).toBe(0)
    await expect(page.getByTestId('partnership-stop-not-offered').getByTestId('manager-link').getAttribute('href')).resolves.toMatch(/^https:\/\/manager\.infomaniak\.com\//)
    await page.keyboard.press('Escape')
    await eventually(() => page.getByTestId('client-detail').count()).toBe(0)

    // Where each data set comes from.
    await page.getByTestId('nav-settings').click()
    await ready(page)
    await eventually(() => page.getByTestId('source-clients').getAttribute('data-source')).toBe('published')
    await eventually(() => page.getByTestId('source-billing').getAttribute('data-source')).toBe('not_offered')
    await eventually(() => page.getByTestId('source-tenders').getAttribute('data-source')).toBe('not_offered')
    expect(await page.getByTestId('source-billing').getByTestId('manager-link').count()).toBe(1)

    // An incremental sync asks no partner endpoint again the same day.
    const before = server.requests.length
    await page.getByTestId('sync-start').click()
    await page.waitForSelector('[data-testid="sync-start"]:not([disabled])', { timeout: 60_000 })
    await eventually(() => server.requests.length).toBeGreaterThan(before)
    await ready(page)
    expect(server.requests.slice(before).filter((request) => request.path.startsWith('/1/partners/'))).toEqual([])
  })
})

describe('a new account against a server with the partner endpoints (partner profile)', SYNCING, () => {
  it('adds after the test, syncs, offers the stop, and says the partner endpoint is the source', async () => {
    const { server, bridge, page } = await start('partner')
    await testConnection(page, server, 'Helvetic Web')
    expect(await page.getByTestId('account-organizations').count()).toBe(0)
    await page.getByTestId('account-add-submit').click()
    const clients = await syncedClients(page, bridge)
    expect(clients).toBeGreaterThan(0)
    await page.getByTestId('client-row').first().click()
    await page.getByTestId('client-detail').waitFor()
    await eventually(() => page.getByTestId('client-partnership').isVisible()).toBe(true)
    expect(await page.getByTestId('partnership-stop-not-offered').count()).toBe(0)
    await page.keyboard.press('Escape')
    await eventually(() => page.getByTestId('client-detail').count()).toBe(0)
    await page.getByTestId('nav-settings').click()
    await ready(page)
    await eventually(() => page.getByTestId('source-billing').getAttribute('data-source')).toBe('partner')
  })

  it('edits and removes an account', async () => {
    const { server, bridge, page } = await start('partner')
    await testConnection(page, server, 'Helvetic Web')
    await page.getByTestId('account-add-submit').click()
    await syncedClients(page, bridge)
    await page.getByTestId('nav-settings').click()
    await ready(page)
    await page.getByTestId('account-edit').click()
    await page.getByTestId('account-edit-label').fill('Helvetic Web SA')
    await page.getByTestId('account-edit-save').click()
    await eventually(() => page.getByTestId('account-edit-dialog').count()).toBe(0)
    await eventually(() => page.getByTestId('account-label').first().innerText()).toContain('Helvetic Web SA')
    await page.getByTestId('account-remove').click()
    await page.getByTestId('account-remove-dialog').waitFor()
    await page.getByTestId('account-remove-dialog').getByRole('button', { name: 'Remove the account' }).click()
    await eventually(() => page.getByTestId('account-item').count()).toBe(0)
    await ready(page)
    await eventually(() => page.getByTestId('demo-badge').isVisible()).toBe(true)
  })
})
