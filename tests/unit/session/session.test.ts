// The app session against the real worker and the local API server: adding,
// switching and forgetting accounts, as the renderer would over IPC.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountsOverview, CacheStatus } from '../../../src/shared/contract'
import { startApiServer, type ApiServer } from '../../fixtures/api-server'
import { tempDir } from '../../paths'
import { CANARY, closeSessions, filesContaining, NOW, pause, startSession, until, type Harness, type Recorded } from './harness'

const UNKNOWN_ID = '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11'

let server: ApiServer
beforeEach(async () => {
  server = await startApiServer({ size: 'small', now: NOW, rateLimit: false, token: CANARY })
})
afterEach(async () => {
  await closeSessions()
  await server.close()
})

const tokenFile = (h: Harness, id: string) => join(h.dataDir, 'tokens', `${id}.token`)
const cacheFiles = (h: Harness, id: string) =>
  existsSync(join(h.dataDir, 'caches')) ? readdirSync(join(h.dataDir, 'caches')).filter((name) => name.startsWith(`account-${id}.`)) : []

/** Adds an account on the local server and waits for the end of its first sync. */
async function addSynced(h: Harness, label = 'Helvetic Web', token = CANARY) {
  const since = h.events.length
  const account = await h.value('accounts:add', { label, token, baseUrl: server.url })
  const finished = await h.waitFor('sync:finished', since)
  return { account, finished }
}

/**
 * After a switch to the demo: the switch's own accounts:changed and the demo
 * core's cache:status (its integrity check ending), nothing from the account's
 * core, whose sync ended with a sync:finished as it closed.
 */
function demoOnly(events: Recorded[]): boolean {
  return events.every(({ event, payload }) => {
    if (event === 'accounts:changed') return true
    const status = payload as CacheStatus
    return event === 'cache:status' && status.state === 'ready' && status.dataset.kind === 'empty'
  })
}

/** Waits until the account's sync is stuck on the hanging products request. */
const productsHanging = () => until(() => server.requests.some((request) => request.path === '/1/products' && request.status === null), 'the hanging products request')

describe('accounts:add', () => {
  it('stores the token only encrypted, opens the account and fills its cache with a first full sync', async () => {
    const h = startSession()
    const since = h.events.length
    const account = await h.value('accounts:add', { label: ' Helvetic Web ', token: CANARY, baseUrl: server.url })
    expect(account).toEqual({ id: expect.any(String), label: 'Helvetic Web', baseUrl: server.url, hasToken: true })

    const changed = await h.waitFor('accounts:changed', since)
    expect(changed).toEqual({ active: account.id, accounts: [account], protection: 'os_keystore' })
    expect(await h.waitFor('sync:finished', since)).toMatchObject({ ok: true, summary: { mode: 'full' } })
    expect(await h.value('clients:list', {})).toMatchObject({ total: 200 })
    expect(await h.value('cache:status', {})).toMatchObject({ state: 'ready', dataset: { kind: 'account' } })
    expect(await h.value('accounts:list', {})).toEqual(changed)

    // Only the core's token provider ever sent it: as the Bearer of each request.
    expect(server.requests.length).toBeGreaterThan(5)
    expect(server.requests.every((request) => request.headers.authorization === `Bearer ${CANARY}`)).toBe(true)
    const stored = readFileSync(tokenFile(h, account.id))
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.includes(CANARY)).toBe(false)
    const list = JSON.parse(readFileSync(join(h.dataDir, 'accounts.json'), 'utf8')) as { accounts: unknown[]; active: string }
    expect(list).toMatchObject({ active: account.id, accounts: [{ id: account.id, label: 'Helvetic Web', baseUrl: server.url }] })

    // The next launch opens the same account on its cache, with no sync needed.
    await h.session.close()
    const again = startSession({ dataDir: h.dataDir })
    expect(await again.value('accounts:list', {})).toMatchObject({ active: account.id })
    expect(await again.value('clients:list', {})).toMatchObject({ total: 200 })
  })

  it('refuses a second account with the same label, storing nothing', async () => {
    const h = startSession()
    await h.value('accounts:add', { label: 'Office', token: CANARY, baseUrl: server.url })
    const before = readdirSync(join(h.dataDir, 'tokens'))
    const since = h.events.length
    const refused = await h.call('accounts:add', { label: 'OFFICE', token: `${CANARY}-2`, baseUrl: server.url })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/label: .*"OFFICE" already exists/) } })
    expect(readdirSync(join(h.dataDir, 'tokens'))).toEqual(before)
    expect((await h.value('accounts:list', {})).accounts).toHaveLength(1)
    expect(h.eventsSince(since).filter((recorded) => recorded.event === 'accounts:changed')).toEqual([])
  })
})

describe('accounts:switch', () => {
  it("goes to the demo and back without a restart; the old core's events stop at the switch, the new core's arrive", async () => {
    const h = startSession()
    server.faults.add({ route: 'GET /1/products', kind: 'hang' })
    const account = await h.value('accounts:add', { label: 'Office', token: CANARY, baseUrl: server.url })
    await productsHanging()

    // Closing the account's core cancels its sync, which ends with sync:finished inside that core: never relayed.
    const since = h.events.length
    expect(await h.value('accounts:switch', { accountId: null })).toMatchObject({ state: 'ready', dataset: { kind: 'empty' } })
    await pause(300)
    expect(demoOnly(h.eventsSince(since))).toBe(true)
    expect(h.eventsSince(since)[0]).toMatchObject({ event: 'accounts:changed', payload: { active: null } })
    expect(await h.call('sync:start', { mode: 'full' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })

    const back = h.events.length
    expect(await h.value('accounts:switch', { accountId: account.id })).toMatchObject({ state: 'ready' })
    expect(await h.value('sync:start', { mode: 'full' })).toEqual({ started: true })
    expect(await h.waitFor('sync:finished', back)).toMatchObject({ ok: true })
    expect(h.eventsSince(back).map((recorded) => recorded.event)).toEqual(expect.arrayContaining(['accounts:changed', 'sync:progress', 'sync:finished']))
    expect(await h.value('clients:list', {})).toMatchObject({ total: 200 })
    expect(await h.value('accounts:list', {})).toMatchObject({ active: account.id })

    // Switching to the account already open restarts nothing and changes nothing.
    const same = h.events.length
    expect(await h.value('accounts:switch', { accountId: account.id })).toMatchObject({ state: 'ready', dataset: { kind: 'account' } })
    expect(h.eventsSince(same)).toEqual([])
  })

  it('opens the demo data, seeded on its first open, when asked to', async () => {
    const h = startSession({ demoOnFirstOpen: 'small' })
    expect(await h.value('cache:status', {})).toMatchObject({ state: 'ready', dataset: { kind: 'demo', size: 'small' } })
    await addSynced(h)
    expect(await h.value('accounts:switch', { accountId: null })).toMatchObject({ dataset: { kind: 'demo', size: 'small' } })
  })

  it('keeps the theme and the language when the account changes: they belong to the app', async () => {
    const h = startSession({ demoOnFirstOpen: 'small' })
    expect(await h.value('settings:set', { theme: 'dark', language: 'fr' })).toEqual({ theme: 'dark', language: 'fr' })
    await addSynced(h)
    expect(await h.value('settings:get', {})).toEqual({ theme: 'dark', language: 'fr' })
    await h.value('accounts:switch', { accountId: null })
    expect(await h.value('settings:get', {})).toEqual({ theme: 'dark', language: 'fr' })
  })
})

describe('accounts:setToken', () => {
  it('replaces a token the server refused (401), after which the sync works', async () => {
    const h = startSession()
    const { account, finished } = await addSynced(h, 'Office', 'a-revoked-token-0123456789abcdef')
    expect(finished).toMatchObject({ ok: false, error: { code: 'token_invalid' } })
    expect(await h.value('sync:status', {})).toMatchObject({ tokenInvalid: true })

    const since = h.events.length
    expect(await h.value('accounts:setToken', { accountId: account.id, token: CANARY })).toEqual({ ...account, hasToken: true })
    expect(await h.waitFor('accounts:changed', since)).toMatchObject({ active: account.id })
    expect(readFileSync(tokenFile(h, account.id)).includes(CANARY)).toBe(false)

    const retry = h.events.length
    await h.value('sync:start', { mode: 'full' })
    expect(await h.waitFor('sync:finished', retry)).toMatchObject({ ok: true })
    expect(await h.value('sync:status', {})).toMatchObject({ tokenInvalid: false, lastError: null })

    expect(await h.call('accounts:setToken', { accountId: UNKNOWN_ID, token: CANARY })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('no account') },
    })
  })
})

describe('accounts:compromised', () => {
  it('keeping the data: forgets the token at once and cancels the sync under way', async () => {
    const h = startSession()
    server.faults.add({ route: 'GET /1/products', kind: 'hang' })
    const account = await h.value('accounts:add', { label: 'Office', token: CANARY, baseUrl: server.url })
    await productsHanging()

    const since = h.events.length
    const overview = await h.value('accounts:compromised', { accountId: account.id, wipeData: false })
    expect(overview).toEqual({ active: account.id, accounts: [{ ...account, hasToken: false }], protection: 'os_keystore' })
    expect(existsSync(tokenFile(h, account.id))).toBe(false)
    expect(await h.waitFor('sync:finished', since)).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(await h.waitFor('accounts:changed', since)).toEqual(overview)
    expect(await h.value('sync:status', {})).toMatchObject({ running: false })
    // The data stays readable offline; nothing can reach the server any more.
    expect(cacheFiles(h, account.id)).toContain(`account-${account.id}.sqlite`)
    expect((await h.call('clients:list', {})).ok).toBe(true)
    const requests = server.requests.length
    const retry = h.events.length
    await h.value('sync:start', {})
    expect(await h.waitFor('sync:finished', retry)).toMatchObject({ ok: false, error: { code: 'token_invalid' } })
    expect(server.requests).toHaveLength(requests)
  })

  it('wiping the data: erases the cache files of that account only, and opens the demo when it was the open one', async () => {
    const h = startSession()
    const { account: first } = await addSynced(h, 'First')
    expect(cacheFiles(h, first.id).length).toBeGreaterThan(0)
    server.faults.add({ route: 'GET /1/products', kind: 'hang' })
    const second = await h.value('accounts:add', { label: 'Second', token: CANARY, baseUrl: server.url })
    await productsHanging()

    // Not the open account: its files go, the open one goes on syncing.
    const overview = await h.value('accounts:compromised', { accountId: first.id, wipeData: true })
    expect(overview).toMatchObject({ active: second.id, accounts: [{ id: first.id, hasToken: false }, { id: second.id, hasToken: true }] })
    expect(cacheFiles(h, first.id)).toEqual([])
    expect(existsSync(tokenFile(h, first.id))).toBe(false)
    expect(await h.value('sync:status', {})).toMatchObject({ running: true })

    // The open account: its sync stops, its core closes, its files go, the demo opens.
    const since = h.events.length
    const after = await h.value('accounts:compromised', { accountId: second.id, wipeData: true })
    expect(after).toEqual({
      active: null,
      accounts: [
        { ...first, hasToken: false },
        { ...second, hasToken: false },
      ],
      protection: 'os_keystore',
    } satisfies AccountsOverview)
    expect(cacheFiles(h, second.id)).toEqual([])
    expect(readdirSync(join(h.dataDir, 'tokens'))).toEqual([])
    expect(await h.value('cache:status', {})).toMatchObject({ state: 'ready', dataset: { kind: 'empty' } })
    await pause(300)
    expect(demoOnly(h.eventsSince(since))).toBe(true)
    expect(JSON.parse(readFileSync(join(h.dataDir, 'accounts.json'), 'utf8'))).toMatchObject({ active: null })
  })
})

describe('demo:generate', () => {
  it("is refused on an account's cache, whose data and unsent changes stay as they were", async () => {
    const h = startSession()
    const { account } = await addSynced(h)
    // No token: the change below cannot be sent, so it waits in the outbox.
    await h.value('accounts:compromised', { accountId: account.id, wipeData: false })
    const [client] = (await h.value('clients:list', { limit: 1 })).rows
    await h.value('changes:submit', { change: { kind: 'tag.create', organizationId: client.id, name: 'Not sent yet', color: 0x336699 } })
    await until(() => h.events.some(({ event, payload }) => event === 'outbox:changed' && (payload as { pending: number }).pending === 1), 'the failed push')

    const refused = await h.call('demo:generate', { size: 'small' })
    expect(refused).toEqual({
      ok: false,
      error: { code: 'account_cache', message: expect.stringMatching(/^demo:generate: .*account-.*\.sqlite is the cache of an Infomaniak account/) },
    })
    if (!refused.ok) expect(refused.error.message).toMatch(/unsent changes/)
    expect(await h.value('cache:status', {})).toMatchObject({ state: 'ready', dataset: { kind: 'account' } })
    expect(await h.value('clients:list', {})).toMatchObject({ total: 200 })
    expect(await h.value('outbox:list', {})).toMatchObject({ pending: 1, entries: [{ change: { kind: 'tag.create', name: 'Not sent yet' } }] })
    // The badge's own query counts the same.
    expect(await h.value('outbox:counts', {})).toEqual({ pending: 1, conflicts: 0, failed: 0 })
  })
})

describe('token storage', () => {
  it('refuses an unprotected keystore unless the user accepts it, adding nothing', async () => {
    const h = startSession({ protection: 'unprotected' })
    const since = h.events.length
    const refused = await h.call('accounts:add', { label: 'Office', token: CANARY, baseUrl: server.url })
    expect(refused).toMatchObject({ ok: false, error: { code: 'unprotected_storage', message: expect.stringMatching(/no protected keystore/) } })
    expect(await h.value('accounts:list', {})).toEqual({ active: null, accounts: [], protection: 'unprotected' })
    expect(existsSync(join(h.dataDir, 'tokens')) ? readdirSync(join(h.dataDir, 'tokens')) : []).toEqual([])
    expect(existsSync(join(h.dataDir, 'accounts.json'))).toBe(false)
    expect(h.eventsSince(since)).toEqual([])
    expect(server.requests).toEqual([])

    const account = await h.value('accounts:add', { label: 'Office', token: CANARY, baseUrl: server.url, acceptUnprotected: true })
    expect(account.hasToken).toBe(true)
    const stored = readFileSync(tokenFile(h, account.id))
    expect(await h.call('accounts:setToken', { accountId: account.id, token: `${CANARY}-new` })).toMatchObject({ ok: false, error: { code: 'unprotected_storage' } })
    expect(readFileSync(tokenFile(h, account.id))).toEqual(stored)
  })

  it('says when this computer cannot store a secret at all', async () => {
    const h = startSession({ protection: 'unavailable' })
    expect(await h.call('accounts:add', { label: 'Office', token: CANARY, acceptUnprotected: true })).toMatchObject({
      ok: false,
      error: { code: 'no_keystore', message: expect.stringContaining('no way to store a secret') },
    })
    expect(await h.value('accounts:list', {})).toEqual({ active: null, accounts: [], protection: 'unavailable' })
  })

  it('keeps the token out of every file under the data dir, every answer and every event', async () => {
    const h = startSession()
    // Refusals that carry the token in their input.
    await h.call('accounts:add', { label: 'Office', token: CANARY, baseUrl: 'ftp://example.com' })
    await h.call('accounts:add', { label: 'Office', token: CANARY, extra: CANARY } as never)
    await h.call('accounts:add', { label: '', token: CANARY })
    await h.call('accounts:setToken', { accountId: UNKNOWN_ID, token: CANARY })
    await h.call('accounts:setToken', { accountId: 'not-a-uuid', token: CANARY })
    // A whole account's life.
    const { account } = await addSynced(h, 'Office')
    await h.call('accounts:add', { label: 'office', token: CANARY, baseUrl: server.url })
    await h.value('accounts:setToken', { accountId: account.id, token: CANARY })
    const since = h.events.length
    await h.value('sync:start', { mode: 'incremental' })
    await h.waitFor('sync:finished', since)
    await h.value('accounts:switch', { accountId: null })
    await h.value('accounts:switch', { accountId: account.id })
    await h.value('accounts:compromised', { accountId: account.id, wipeData: false })
    await h.session.close()

    expect(h.answers.filter((answer) => !answer.ok)).toHaveLength(6)
    expect(JSON.stringify(h.answers)).not.toContain(CANARY)
    expect(JSON.stringify(h.events)).not.toContain(CANARY)
    const written = readdirSync(join(h.dataDir, 'caches'))
    expect(written).toEqual(expect.arrayContaining([`account-${account.id}.sqlite`, 'demo.sqlite']))
    expect(filesContaining(h.dataDir, CANARY)).toEqual([])
  })
})

describe('a damaged accounts.json', () => {
  it('still opens the app on the demo, says what is wrong, and never overwrites the file', async () => {
    const dataDir = tempDir('session-damaged')
    writeFileSync(join(dataDir, 'accounts.json'), '{"version": 1, "accounts": [')
    const h = startSession({ dataDir })
    expect(await h.value('cache:status', {})).toMatchObject({ state: 'ready', dataset: { kind: 'empty' } })
    for (const answer of [
      await h.call('accounts:list', {}),
      await h.call('accounts:add', { label: 'Office', token: CANARY, baseUrl: server.url }),
      await h.call('accounts:switch', { accountId: UNKNOWN_ID }),
      await h.call('accounts:compromised', { accountId: UNKNOWN_ID, wipeData: true }),
    ]) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/accounts\.json: not valid JSON/) } })
    }
    expect(readFileSync(join(dataDir, 'accounts.json'), 'utf8')).toBe('{"version": 1, "accounts": [')
    expect(existsSync(join(dataDir, 'tokens')) ? readdirSync(join(dataDir, 'tokens')) : []).toEqual([])
  })
})

describe('input validation', () => {
  it('checks every host channel against the contract, naming the field, before anything happens', async () => {
    const h = startSession()
    const refusals = await Promise.all([
      h.call('accounts:switch', { accountId: 'not-a-uuid' }),
      h.call('accounts:switch', {} as never),
      h.call('accounts:compromised', { accountId: UNKNOWN_ID } as never),
      h.call('accounts:compromised', { accountId: 'x', wipeData: true }),
      h.call('accounts:setToken', { accountId: UNKNOWN_ID, token: 'short' }),
      h.call('accounts:add', { label: '   ', token: CANARY }),
      h.call('accounts:add', { label: 'Office', token: CANARY, baseUrl: 'javascript:alert(1)' }),
      h.call('accounts:list', { all: true } as never),
    ])
    expect(refusals.map((answer) => (answer.ok ? 'ok' : `${answer.error.code} ${answer.error.message}`))).toEqual([
      expect.stringMatching(/^invalid_input accounts:switch: accountId: /),
      expect.stringMatching(/^invalid_input accounts:switch: accountId: /),
      expect.stringMatching(/^invalid_input accounts:compromised: wipeData: /),
      expect.stringMatching(/^invalid_input accounts:compromised: accountId: /),
      expect.stringMatching(/^invalid_input accounts:setToken: token: /),
      expect.stringMatching(/^invalid_input accounts:add: label: /),
      expect.stringMatching(/^invalid_input accounts:add: baseUrl: /),
      expect.stringMatching(/^invalid_input accounts:list: .*all/),
    ])
    // Well-formed, but no such account.
    for (const answer of [
      await h.call('accounts:switch', { accountId: UNKNOWN_ID }),
      await h.call('accounts:compromised', { accountId: UNKNOWN_ID, wipeData: true }),
    ]) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^accountId: no account/) } })
    }
    // Core channels go through the same check on their way to the open core.
    expect(await h.call('clients:list', { limit: 9999 })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('limit') } })
    expect(await h.session.dispatch('accounts:nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    expect(h.events).toEqual([])
    expect(existsSync(join(h.dataDir, 'accounts.json'))).toBe(false)
  })

  it('answers every call with a refusal once closed, never with a throw', async () => {
    const h = startSession()
    await h.session.close()
    expect(await h.call('cache:status', {})).toMatchObject({ ok: false, error: { code: 'cache_unavailable' } })
    expect(await h.call('accounts:switch', { accountId: null })).toMatchObject({ ok: false, error: { code: 'cache_unavailable' } })
  })
})
