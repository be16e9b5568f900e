// Accounts in the real built renderer, over the session bridge (the same
// AppSession the Electron entry drives): adding an account that points at the
// local API server, switching between it and the demo, a refused token and
// its replacement, "Token compromised?", and a computer without a keystore.
// Screenshots land in test-artifacts/e2e/.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountsOverview, ClientPage } from '../../src/shared/contract'
import { startApiServer, type ApiServer } from '../fixtures/api-server'
import { tempDir } from '../paths'
import { fakeCipher } from '../unit/accounts/fake-cipher'
import { startSessionBridge, type Bridge } from './bridge/server'
import { call, eventually, focusedTestId, NOW, ready, SHOTS, useBrowser, type WatchedPage } from './harness'

const openApp = useBrowser()

/** Waits until the clients count says `total` and nothing is loading. */
async function clientsCountIs(page: Page, total: number): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="clients-count"]')?.textContent?.replace(/[^\d]/g, '') === String(expected),
    total,
    { timeout: 30_000 },
  )
  await ready(page)
}

describe('accounts on a computer with a keystore', () => {
  let server: ApiServer
  let bridge: Bridge
  let page: WatchedPage
  let demoTotal: number

  beforeAll(async () => {
    server = await startApiServer({ size: 'small', now: NOW, rateLimit: false })
    bridge = await startSessionBridge({ dataDir: tempDir('e2e-accounts'), now: NOW, demoOnFirstOpen: 'small' })
    demoTotal = (await call<ClientPage>(bridge, 'clients:list', { limit: 1 })).total
    page = await openApp(bridge)
    await ready(page)
  })
  afterAll(async () => {
    await page?.close()
    await bridge?.close()
    await server?.close()
  })

  it('adds an account from the demo, opens it and syncs it at once', async () => {
    await eventually(() => page.getByTestId('demo-badge').isVisible()).toBe(true)
    // Only the demo so far: nothing to switch between.
    await eventually(() => page.getByTestId('account-switcher').count()).toBe(0)
    await page.getByTestId('sync-add-account-hint').click()
    await ready(page)
    // The hint leads straight to the form, focus in its first field.
    await eventually(focusedTestId(page)).toBe('account-label-input')
    await eventually(() => page.getByTestId('accounts-protection').innerText()).toMatch(/encrypted by this computer’s keystore/)

    // Checked before anything is sent, each problem beside its field.
    await page.getByTestId('account-token-input').fill('too-short')
    await page.getByTestId('account-add-submit').click()
    await eventually(() => page.getByTestId('account-label-error').innerText()).toBe('Give the account a name.')
    await eventually(() => page.getByTestId('account-token-error').innerText()).toMatch(/too short/)
    await eventually(focusedTestId(page)).toBe('account-label-input')
    await expect(call<AccountsOverview>(bridge, 'accounts:list').then((o) => o.accounts.length)).resolves.toBe(0)

    await page.getByTestId('account-label-input').fill('My agency')
    await page.getByTestId('account-token-input').fill(server.token)
    // The token field never shows the token.
    await eventually(() => page.getByTestId('account-token-input').getAttribute('type')).toBe('password')
    await page.locator('[data-testid="account-advanced"] > summary').click()
    await page.getByTestId('account-base-url-input').fill(server.url)
    await page.screenshot({ path: join(SHOTS, 'accounts-add.png') })
    await page.getByTestId('account-add-submit').click()

    // The app opened the new account (a fresh shell on Clients) and its first sync runs.
    await page.getByTestId('notice-accountAdded').waitFor({ timeout: 30_000 })
    await eventually(() => page.getByTestId('notice-accountAdded').innerText()).toMatch(/“My agency” was added and opened/)
    await page.getByTestId('client-row').first().waitFor({ timeout: 30_000 })
    await ready(page)
    const accountTotal = (await call<ClientPage>(bridge, 'clients:list', { limit: 1 })).total
    await clientsCountIs(page, accountTotal)
    await eventually(() => page.getByTestId('demo-badge').count()).toBe(0)
    await eventually(() => page.getByTestId('connection-status').innerText()).toBe('Online')
    const overview = await call<AccountsOverview>(bridge, 'accounts:list')
    expect(overview.accounts).toHaveLength(1)
    expect(overview.active).toBe(overview.accounts[0].id)
    const switcher = page.getByTestId('account-switcher')
    await eventually(() => switcher.inputValue()).toBe(overview.active)
    await page.screenshot({ path: join(SHOTS, 'accounts-added.png') })
    expect(page.problems).toEqual([])
  }, 60_000)

  it('switches between the account and the demo from the header, reloading the screens', async () => {
    const { active } = await call<AccountsOverview>(bridge, 'accounts:list')
    const accountTotal = (await call<ClientPage>(bridge, 'clients:list', { limit: 1 })).total
    const switcher = page.getByTestId('account-switcher')

    await switcher.selectOption('__demo__')
    await page.getByTestId('demo-badge').waitFor()
    await clientsCountIs(page, demoTotal)
    await eventually(() => page.getByTestId('sync-add-account-hint').isVisible()).toBe(true)
    await eventually(() => switcher.inputValue()).toBe('__demo__')
    await expect(call<AccountsOverview>(bridge, 'accounts:list').then((o) => o.active)).resolves.toBeNull()

    await switcher.selectOption(active!)
    await page.getByTestId('demo-badge').waitFor({ state: 'detached' })
    await clientsCountIs(page, accountTotal)
    await eventually(() => page.getByTestId('sync-start').isVisible()).toBe(true)
    expect(page.problems).toEqual([])
  }, 60_000)

  it('asks for a new token when Infomaniak refuses the stored one, and syncs again with it', async () => {
    // A token the server does not know, stored through "Replace token".
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('account-replace-token').click()
    await page.getByTestId('token-dialog').waitFor()
    await eventually(focusedTestId(page)).toBe('token-input')
    await page.getByTestId('token-input').fill('a-revoked-token-of-thirty-chars')
    await page.getByTestId('token-save').click()
    await page.getByTestId('token-dialog').waitFor({ state: 'detached' })
    await eventually(() => page.getByTestId('accounts-notice').innerText()).toMatch(/new token of “My agency” was stored/)

    await page.getByTestId('sync-start').click()
    const banner = page.getByTestId('token-invalid-banner')
    await banner.waitFor({ timeout: 30_000 })
    await ready(page)
    await eventually(() => banner.innerText()).toMatch(/Infomaniak refused the token of “My agency”/)
    await page.screenshot({ path: join(SHOTS, 'accounts-token-invalid.png') })

    await page.getByTestId('token-invalid-enter').click()
    await page.getByTestId('token-dialog').waitFor()
    // Escape closes the dialog without storing anything.
    await page.keyboard.press('Escape')
    await page.getByTestId('token-dialog').waitFor({ state: 'detached' })
    await page.getByTestId('token-invalid-enter').click()
    await page.getByTestId('token-input').fill(server.token)
    await page.getByTestId('token-input').press('Enter')
    // Stored, then a sync proves it: the banner goes and the app is online.
    await page.getByTestId('token-invalid-banner').waitFor({ state: 'detached', timeout: 30_000 })
    await page.waitForSelector('[data-testid="connection-status"][data-connection="online"]', { timeout: 30_000 })
    await page.waitForSelector('[data-testid="sync-start"]', { timeout: 30_000 })
    await ready(page)
    await eventually(() => page.getByTestId('token-invalid-banner').count()).toBe(0)
    expect(page.problems).toEqual([])
  }, 60_000)

  it('forgets a compromised token, keeping the data unless asked to erase it', async () => {
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('account-compromised').click()
    await page.getByTestId('confirm-dialog').waitFor()
    await page.getByTestId('confirm-accept').click()
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' })
    // Nothing erased: the account stays open on its data, and asks for a token before any sync.
    const banner = page.getByTestId('token-invalid-banner')
    await banner.waitFor()
    await ready(page)
    await eventually(() => banner.innerText()).toMatch(/No token is stored for “My agency”/)
    await eventually(() => page.getByTestId('accounts-notice').innerText()).toMatch(/token of “My agency” was forgotten/)
    await eventually(() => page.getByTestId('account-token-state').innerText()).toMatch(/No token/)
    await expect(call<ClientPage>(bridge, 'clients:list', { limit: 1 }).then((p) => p.total)).resolves.toBeGreaterThan(0)
    await page.getByTestId('token-invalid-enter').click()
    await page.getByTestId('token-input').fill(server.token)
    await page.getByTestId('token-save').click()
    await page.getByTestId('token-invalid-banner').waitFor({ state: 'detached', timeout: 30_000 })
    await page.waitForSelector('[data-testid="sync-start"]', { timeout: 30_000 })
    await ready(page)
    expect(page.problems).toEqual([])
  }, 60_000)

  it('erases the account’s data when asked, and opens the demo in its place', async () => {
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('account-compromised').click()
    const dialog = page.getByTestId('confirm-dialog')
    await dialog.waitFor()
    // Destructive: focus starts on Cancel, and erasing is a separate, explicit choice.
    await eventually(focusedTestId(page)).toBe('confirm-cancel')
    await eventually(() => page.getByTestId('account-compromised-wipe').isChecked()).toBe(false)
    await eventually(() => page.getByTestId('confirm-accept').innerText()).toBe('Forget the token')
    await page.getByTestId('account-compromised-wipe').check()
    await eventually(() => page.getByTestId('confirm-accept').innerText()).toBe('Forget the token and erase the data')
    await page.screenshot({ path: join(SHOTS, 'accounts-compromised.png') })
    await page.getByTestId('confirm-accept').click()

    // The account's data is gone, so the app opens what is left: the demo.
    await page.getByTestId('notice-accountWiped').waitFor({ timeout: 30_000 })
    await page.getByTestId('demo-badge').waitFor()
    await clientsCountIs(page, demoTotal)
    const overview = await call<AccountsOverview>(bridge, 'accounts:list')
    expect(overview.active).toBeNull()
    expect(overview.accounts.map((account) => account.hasToken)).toEqual([false])

    await page.getByTestId('nav-settings').click()
    await ready(page)
    await eventually(() => page.getByTestId('account-token-state').innerText()).toMatch(/No token/)
    await eventually(() => page.getByTestId('account-compromised').isDisabled()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'accounts-after-compromised.png') })
    expect(page.problems).toEqual([])
  }, 60_000)
})

describe('accounts on a computer without a protected keystore', () => {
  let server: ApiServer
  let bridge: Bridge

  beforeAll(async () => {
    server = await startApiServer({ size: 'small', now: NOW, rateLimit: false })
    bridge = await startSessionBridge({ dataDir: tempDir('e2e-accounts-plain'), now: NOW, demoOnFirstOpen: 'small', cipher: fakeCipher('unprotected') })
  })
  afterAll(async () => {
    await bridge?.close()
    await server?.close()
  })

  it('stores a token only once the user accepts that it is unprotected', async () => {
    const page = await openApp(bridge)
    await ready(page)
    await page.getByTestId('nav-settings').click()
    await ready(page)
    await eventually(() => page.getByTestId('accounts-protection').innerText()).toMatch(/no protected keystore/)
    const warning = page.getByTestId('account-unprotected-warning')
    await eventually(() => warning.innerText()).toMatch(/any program running under your user account can read/)

    await page.getByTestId('account-label-input').fill('Laptop account')
    await page.getByTestId('account-token-input').fill(server.token)
    await page.locator('[data-testid="account-advanced"] > summary').click()
    await page.getByTestId('account-base-url-input').fill(server.url)
    await page.getByTestId('account-add-submit').click()
    // Refused without the tick: the warning stands out and takes focus.
    await page.waitForSelector('[data-testid="account-unprotected-warning"].is-urgent')
    await eventually(focusedTestId(page)).toBe('account-accept-unprotected')
    await expect(call<AccountsOverview>(bridge, 'accounts:list').then((o) => o.accounts.length)).resolves.toBe(0)
    await page.screenshot({ path: join(SHOTS, 'accounts-unprotected.png') })

    await page.getByTestId('account-accept-unprotected').check()
    await page.getByTestId('account-add-submit').click()
    await page.getByTestId('notice-accountAdded').waitFor({ timeout: 30_000 })
    await page.getByTestId('client-row').first().waitFor({ timeout: 30_000 })
    await ready(page)
    await expect(call<AccountsOverview>(bridge, 'accounts:list').then((o) => o.accounts.map((a) => a.label))).resolves.toEqual(['Laptop account'])
    expect(page.problems).toEqual([])
    await page.close()
  }, 60_000)
})
