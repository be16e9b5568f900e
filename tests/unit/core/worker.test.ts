// The real core worker (out/main/worker.js) on real SQLite files.
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { CacheStatus, ClientDetail, ClientPage, Channel, Input, OutboxOverview } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/result'
import { CoreHost } from '../../../src/main/core/host'
import { migrate } from '../../../src/main/core/db/migrate'
import { sortKey } from '../../../src/main/core/db/sort-key'
import { LATEST_SCHEMA_VERSION } from '../../../src/main/core/db/migrations'
import { createHistoryStage, HISTORY_COLUMNS, HISTORY_STAGE } from '../../../src/main/core/sync/history/table'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { ARTIFACTS, BUILT_WORKER, tempDir } from '../../paths'

const NOW = 1_795_000_000 // 2026-11-18, fixed so the demo data is the same every run

const hosts: CoreHost[] = []
const cleanups: (() => void)[] = []
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()))
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function start(dbPath: string, demo = true) {
  const host = new CoreHost({ workerPath: BUILT_WORKER, dbPath, now: NOW, ...(demo ? { demoOnFirstOpen: 'small' as const } : {}) })
  hosts.push(host)
  const dispatch = createDispatcher(host)
  const call = async <C extends Channel>(channel: C, input: Input<C>) => {
    const result = await dispatch(channel, input)
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value as never
  }
  const nextStatus = () =>
    new Promise<CacheStatus>((resolve) => {
      const stop = host.onEvent((event, payload) => {
        if (event === 'cache:status') {
          stop()
          resolve(payload as CacheStatus)
        }
      })
    })
  return { host, dispatch, call, nextStatus }
}

// Typed by the contract: adding a channel without a sample here fails to compile.
const SAMPLE_INPUTS: { [C in Channel]: Input<C> } = {
  'cache:status': {},
  'cache:info': {},
  'cache:recover': {},
  'clients:list': {},
  'clients:get': { id: 999_999 },
  'clients:refreshDetails': { id: 999_999 },
  'settings:get': {},
  'settings:set': { theme: 'light' },
  'demo:generate': { size: 'small' },
  'sync:start': { mode: 'incremental' },
  'sync:cancel': {},
  'sync:status': {},
  'events:list': {},
  'events:markSeen': { ids: 'all' },
  'changes:submit': { change: { kind: 'tag.create', organizationId: 999_999, name: 'Nowhere', color: 1 } },
  'outbox:list': {},
  'outbox:counts': {},
  'outbox:retry': { id: 1 },
  'outbox:discard': { id: 1 },
  'outbox:resolve': { id: 1, keep: 'mine' },
  'outbox:push': {},
  'accounts:list': {},
  'accounts:add': { label: 'Office', token: 'a-token-long-enough-to-pass' },
  'accounts:test': { token: 'a-token-long-enough-to-pass' },
  'accounts:update': { accountId: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11', label: 'Renamed' },
  'accounts:remove': { accountId: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11' },
  'accounts:switch': { accountId: null },
  'accounts:setToken': { accountId: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11', token: 'a-token-long-enough-to-pass' },
  'accounts:compromised': { accountId: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11', wipeData: false },
  'desktop:notify': { key: 'renewal:1', title: 'Renewal due', body: 'example.ch renews in 7 days', route: 'clients/1' },
  'updates:state': {},
  'updates:check': {},
  'updates:download': {},
  'updates:install': {},
  'billing:summary': { query: { type: 'all', from: '2025-01-01', to: '2025-12-31', clients: null } },
  'earnings:summary': { query: { type: 'earnings', from: '2025-01-01', to: '2025-12-31', clients: [999_999] } },
  'earnings:outlook': { clients: null },
  'files:chooseToSave': { suggestedName: 'billing.csv', extension: 'csv' },
  'files:showInFolder': { exportId: 1 },
  'exports:start': {
    spec: { query: { type: 'all', from: '2025-01-01', to: '2025-01-31', clients: null }, preset: 'rfc4180', columns: ['date', 'net'], split: 'one_file' },
    target: { handle: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11' },
  },
  'exports:cancel': { exportId: 1 },
  'exports:list': {},
  'exports:rerun': { id: 999_999 },
  'imports:chooseFile': {},
  'imports:preview': { handle: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11' },
  'imports:saveMapping': { signature: '0123456789abcdef', mapping: { date: 'Datum' } },
  'imports:commit': { handle: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11' },
  'imports:list': {},
  'imports:unmatched': {},
  'imports:undo': { id: 1 },
  'tenders:list': {},
  'tenders:get': { id: 999_999 },
  'tenders:move': { id: 999_999, to: 'shortlisted' },
  'tenders:snooze': { id: 999_999, until: null },
  'tenders:undo': {},
  'tenders:update': { id: 999_999, notes: 'Call back on Monday' },
  'tenders:visit': {},
  'tenders:getPrefs': {},
  'tenders:setPrefs': { retentionDays: 365 },
  'tenders:overrideScore': { id: 999_999, score: null },
  'tenders:readEmail': { messages: [{ name: 'pasted', text: 'Hello, this is no tender.' }] },
  'tenders:addFromEmail': {
    drafts: [
      { key: '<sample@example.com>', remoteId: null, title: 'Sample', category: 'website', excerpt: '', budgetMin: null, budgetMax: null,
        currency: 'CHF', region: null, language: null, postedAt: 1_700_000_000, validUntil: 4_000_000_000, managerUrl: null },
    ],
  },
  'tenders:consult': { id: 999_999 },
  'tenders:purgeContacts': {},
  'tenders:draftProposal': { id: 999_999, language: 'en' },
  'tenders:sendProposal': { id: 999_999, text: 'Our offer' },
  'tenders:resolveConflict': { id: 999_999, keep: 'mine' },
  'tenders:takeNotices': {},
  // Clients workspace (issue 10)
  'clients:facets': { query: 'a', filters: { access: ['complete'], renewalWithin: 30 } },
  'clients:matrix': { filters: { status: ['active'] } },
  'clients:ids': { query: 'a' },
  'clients:bulkTagPreview': { clientIds: [999_999], name: 'VIP', on: true },
  'clients:bulkTag': { clientIds: [999_999], name: 'VIP', color: 0xff0000, on: true },
  'clients:profile': { id: 999_999 },
  'clients:impact': { id: 999_999 },
  'notes:set': { clientId: 999_999, body: 'Call back in May' },
  'views:list': {},
  'views:save': { name: 'Renewing soon', route: 'clients?renewal=30' },
  'views:delete': { id: 1 },
  'staff:list': {},
  'staff:save': { invitationId: 102, label: 'Anna (support)' },
  'staff:assignPreview': { invitationId: 102, clientIds: [999_999] },
  'renewals:list': { days: 30 },
  'renewals:setLeads': { leads: [30, 7] },
  'renewals:due': {},
  'renewals:shown': { keys: ['renewal:1:1900000000:7'] },
  'renewals:shownAll': { digest: '0'.repeat(64) },
  'renewals:snooze': { key: 'renewal:1:1900000000:7', hours: 24 },
}

/** What these answer on a bare demo core: a refusal with its reason, never a fault. */
const REFUSED_ON_DEMO: Partial<Record<Channel, string>> = {
  'cache:recover': 'invalid_input',
  'clients:get': 'invalid_input',
  'clients:refreshDetails': 'invalid_input',
  'sync:start': 'invalid_input',
  'sync:cancel': 'invalid_input',
  'sync:status': 'invalid_input',
  'changes:submit': 'invalid_input',
  'outbox:retry': 'invalid_input',
  'outbox:discard': 'invalid_input',
  'outbox:resolve': 'invalid_input',
  'outbox:push': 'invalid_input',
  // No tender 999999 in the demo; and nothing moved yet to undo.
  'tenders:get': 'invalid_input',
  'tenders:move': 'invalid_input',
  'tenders:snooze': 'invalid_input',
  'tenders:undo': 'invalid_input',
  'tenders:update': 'invalid_input',
  'tenders:overrideScore': 'invalid_input',
  'tenders:consult': 'invalid_input',
  'tenders:draftProposal': 'invalid_input',
  'tenders:sendProposal': 'invalid_input',
  'tenders:resolveConflict': 'invalid_input',
  'clients:profile': 'invalid_input',
  'clients:impact': 'invalid_input',
  'notes:set': 'invalid_input',
  // The digest names no set of due reminders.
  'renewals:shownAll': 'invalid_input',
  // Answered by the app's session (main process), never by the cache.
  'accounts:list': 'unknown_channel',
  'accounts:add': 'unknown_channel',
  'accounts:test': 'unknown_channel',
  'accounts:update': 'unknown_channel',
  'accounts:remove': 'unknown_channel',
  'accounts:switch': 'unknown_channel',
  'accounts:setToken': 'unknown_channel',
  'accounts:compromised': 'unknown_channel',
  'settings:get': 'unknown_channel',
  'settings:set': 'unknown_channel',
  'desktop:notify': 'unknown_channel',
  'updates:state': 'unknown_channel',
  'updates:check': 'unknown_channel',
  'updates:download': 'unknown_channel',
  'updates:install': 'unknown_channel',
  'files:chooseToSave': 'unknown_channel',
  'files:showInFolder': 'unknown_channel',
  'exports:start': 'unknown_channel',
  'exports:rerun': 'invalid_input',
  'imports:chooseFile': 'unknown_channel',
  // No file was chosen (a handle only the open dialog gives), no import made.
  'imports:preview': 'invalid_input',
  'imports:commit': 'invalid_input',
  'imports:undo': 'invalid_input',
}

describe('core worker', () => {
  it('answers every contract channel', async () => {
    const { dispatch } = start(join(tempDir('channels'), 'cache.sqlite'))
    for (const [channel, input] of Object.entries(SAMPLE_INPUTS)) {
      const result = await dispatch(channel, input)
      if (!result.ok) expect([channel, result.error.code]).toEqual([channel, REFUSED_ON_DEMO[channel as Channel] ?? 'none'])
    }
  })

  it('opens a first launch on the demo data, then confirms integrity', async () => {
    const { call, nextStatus } = start(join(tempDir('first'), 'cache.sqlite'))
    const integrity = nextStatus()
    const status: CacheStatus = await call('cache:status', {})
    expect(status).toMatchObject({ state: 'ready', dataset: { kind: 'demo', size: 'small' }, schemaVersion: LATEST_SCHEMA_VERSION })
    expect(await integrity).toMatchObject({ state: 'ready', integrity: 'ok' })
  })

  it('drops the billing history a killed pull left staged, once it opens the file', async () => {
    const path = join(tempDir('staged'), 'cache.sqlite')
    const first = start(path)
    await first.call('cache:status', {})
    await first.host.close()
    const raw = new Database(path)
    createHistoryStage(raw)
    raw.pragma('foreign_keys = OFF')
    raw.prepare(`INSERT INTO ${HISTORY_STAGE} (${HISTORY_COLUMNS}) SELECT 1, 999999, NULL, NULL, 'order', 0, '', 0, 0, 0, 'CHF', 'customer'`).run()
    raw.close()
    const { call } = start(path)
    expect(await call('cache:status', {})).toMatchObject({ state: 'ready' })
    const after = new Database(path, { readonly: true })
    expect(after.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?').pluck().get(HISTORY_STAGE)).toBe(0)
    after.close()
  })

  it('lists clients page by page in the order asked', async () => {
    const { call } = start(join(tempDir('list'), 'cache.sqlite'))
    const first: ClientPage = await call('clients:list', { limit: 50 })
    expect(first.total).toBeGreaterThan(150)
    expect(first.rows).toHaveLength(50)
    const names = first.rows.map((row) => sortKey(row.name))
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    const second: ClientPage = await call('clients:list', { limit: 50, offset: 50 })
    expect(sortKey(second.rows[0].name) >= names[49]).toBe(true)
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(100)

    const byProducts: ClientPage = await call('clients:list', { sort: 'productCount', direction: 'desc', limit: 500 })
    const counts = byProducts.rows.map((row) => row.productCount)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))

    const byExpiry: ClientPage = await call('clients:list', { sort: 'nextExpiry', limit: 500 })
    const expiries = byExpiry.rows.map((row) => row.nextExpiry)
    const dated = expiries.filter((value): value is number => value !== null)
    expect(dated).toEqual([...dated].sort((a, b) => a - b))
    expect(expiries.slice(dated.length).every((value) => value === null)).toBe(true)
    expect(dated.every((value) => value >= NOW)).toBe(true)

    for (const row of byProducts.rows) expect(row.paymentMode === null).toBe(row.accessType === 'limited')
  })

  it('gives one client with its tags and products, a change showing at once', async () => {
    const { call } = start(join(tempDir('detail'), 'cache.sqlite'))
    const all: ClientPage = await call('clients:list', { sort: 'productCount', direction: 'desc', limit: 1 })
    const [busiest] = all.rows
    const detail = (await call('clients:get', { id: busiest.id })) as ClientDetail
    expect(detail.client).toEqual(busiest)
    expect(detail.products).toHaveLength(busiest.productCount)
    expect(detail.tags.map((tag) => tag.name)).toEqual([...busiest.tags].sort())
    const expiries = detail.products.map((product) => product.expiredAt ?? Number.MAX_SAFE_INTEGER)
    expect(expiries).toEqual([...expiries].sort((a, b) => a - b))

    await call('changes:submit', { change: { kind: 'tag.create', organizationId: busiest.id, name: 'Audit 2027', color: 0xaa3300 } })
    const created = ((await call('clients:get', { id: busiest.id })) as ClientDetail).tags.find((tag) => tag.name === 'Audit 2027')!
    expect(created.id).toBeLessThan(0)
    await call('changes:submit', { change: { kind: 'tag.assign', organizationId: busiest.id, tagId: created.id, productIds: [detail.products[0].id] } })
    const after = (await call('clients:get', { id: busiest.id })) as ClientDetail
    expect(after.products[0].tagIds).toContain(created.id)
  })

  it('narrows the list by name, VAT number, product domain and tag', async () => {
    const path = join(tempDir('search'), 'cache.sqlite')
    const { call } = start(path)
    const all: ClientPage = await call('clients:list', { limit: 500 })
    const withVat = all.rows.find((row) => row.vatNumber !== null)!
    const word = withVat.name.split(/\s+/).find((w) => w.length >= 4)!
    const byName: ClientPage = await call('clients:list', { query: word.slice(0, 4), limit: 500 })
    expect(byName.total).toBeLessThan(all.total)
    expect(byName.rows.map((row) => row.id)).toContain(withVat.id)

    const compactVat = withVat.vatNumber!.replace(/[^A-Z0-9]/gi, '').slice(0, 9)
    const byVat: ClientPage = await call('clients:list', { query: compactVat, limit: 500 })
    expect(byVat.rows.map((row) => row.id)).toContain(withVat.id)

    // Product domains are not in the row: read one straight from the file (WAL lets a reader in).
    const reader = new Database(path, { readonly: true })
    const product = reader
      .prepare("SELECT owner_organization_id AS owner, fqdn FROM products WHERE fqdn IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 17")
      .get() as { owner: number; fqdn: string }
    reader.close()
    const byDomain: ClientPage = await call('clients:list', { query: product.fqdn, limit: 500 })
    expect(byDomain.rows.map((row) => row.id)).toContain(product.owner)
    expect(byDomain.total).toBeLessThan(all.total)

    const tagged = all.rows.find((row) => row.tags.length > 0)!
    const byTag: ClientPage = await call('clients:list', { query: tagged.tags[0], limit: 500 })
    expect(byTag.rows.map((row) => row.id)).toContain(tagged.id)

    const nothing: ClientPage = await call('clients:list', { query: 'zzqqxxnotaword' })
    expect(nothing).toEqual({ total: 0, offset: 0, rows: [] })
  })

  it('refuses bad input with the field named, and writes nothing', async () => {
    const { dispatch, call } = start(join(tempDir('bad'), 'cache.sqlite'))
    const result = await dispatch('clients:list', { limit: 9999 })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/limit/) })
    const organizationId = ((await call('clients:list', { limit: 1 })) as ClientPage).rows[0].id
    const bad = await dispatch('changes:submit', { change: { kind: 'tag.create', organizationId, name: '   ', color: 1 } })
    expect(!bad.ok && bad.error.code).toBe('invalid_input')
    expect(!bad.ok && bad.error.message).toMatch(/change\.name/)
    expect(await call('outbox:list', { includeDone: true })).toMatchObject({ entries: [] })
    expect((await dispatch('clients:drop', {})) as Result<unknown>).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('searches text with control characters in it, NUL included, as if they were spaces', async () => {
    const { dispatch, call } = start(join(tempDir('search-nul'), 'cache.sqlite'))
    const [first] = ((await call('clients:list', { limit: 1 })) as ClientPage).rows
    const word = first.name.split(/\s+/)[0]
    expect(await dispatch('clients:list', { query: `\u0000${word}\u0000` })).toMatchObject({ ok: true, value: { rows: expect.arrayContaining([first]) } })
    expect(await dispatch('clients:list', { query: 'a\u0000b' })).toMatchObject({ ok: true })
  })

  it('refuses a tag named with control characters, and a rename onto another tag of the client, as invalid input that records nothing', async () => {
    const { dispatch, call } = start(join(tempDir('tag-names'), 'cache.sqlite'))
    const organizationId = ((await call('clients:list', { limit: 1 })) as ClientPage).rows[0].id
    const submit = (change: Input<'changes:submit'>['change']) => dispatch('changes:submit', { change })
    for (const name of ['\u0000', 'a\u0000b', 'tab\there', 'bell\u0007']) {
      const refused = await submit({ kind: 'tag.create', organizationId, name, color: 1 })
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/change\.name: a tag name cannot hold control characters/) } })
    }
    await call('changes:submit', { change: { kind: 'tag.create', organizationId, name: 'Alpha', color: 1 } })
    await call('changes:submit', { change: { kind: 'tag.create', organizationId, name: 'Beta', color: 2 } })
    const beta = ((await call('clients:get', { id: organizationId })) as ClientDetail).tags.find((tag) => tag.name === 'Beta')!
    expect(await submit({ kind: 'tag.update', organizationId, tagId: beta.id, name: 'a\u0000b' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await submit({ kind: 'tag.update', organizationId, tagId: beta.id, name: 'Alpha' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'a tag named "Alpha" already exists' },
    })
    expect(((await call('outbox:list', { includeDone: true })) as OutboxOverview).entries.map((entry) => entry.change.kind)).toEqual(['tag.create', 'tag.create'])
    // Its own name again is no duplicate.
    expect(await submit({ kind: 'tag.update', organizationId, tagId: beta.id, name: 'Beta', color: 3 })).toMatchObject({ ok: true })
  })

  it('answers what the UI reads while the core is busy writing, from the last committed state', async () => {
    const path = join(tempDir('reader'), 'cache.sqlite')
    const { call, nextStatus } = start(path)
    expect(await nextStatus()).toMatchObject({ state: 'ready' })
    // The first read once the cache is ready is the core's, and starts the reader.
    const before: ClientPage = await call('clients:list', { limit: 5 })
    const order: string[] = []
    const regenerating = call('demo:generate', { size: 'small' }).then(() => order.push('write'))
    const reading = call('clients:list', { limit: 5 }).then((page: ClientPage) => {
      order.push('read')
      return page
    })
    const [page] = await Promise.all([reading, regenerating])
    expect(order).toEqual(['read', 'write'])
    // A whole page of the last committed state (the write clears the cache before it refills it).
    expect(page).toEqual(before)
  })

  it('answers reads from the core when the reader thread cannot run', async () => {
    // A build without reader.js (inside the project, where better-sqlite3 resolves): the reader fails to start and hands its calls back.
    mkdirSync(ARTIFACTS, { recursive: true })
    const build = mkdtempSync(join(ARTIFACTS, 'build-without-reader-'))
    cleanups.push(() => rmSync(build, { recursive: true, force: true }))
    cpSync(dirname(BUILT_WORKER), build, { recursive: true })
    rmSync(join(build, 'reader.js'))
    const host = new CoreHost({ workerPath: join(build, basename(BUILT_WORKER)), dbPath: join(tempDir('no-reader-db'), 'cache.sqlite'), now: NOW, demoOnFirstOpen: 'small' })
    hosts.push(host)
    const dispatch = createDispatcher(host)
    // Asked the moment the core reports ready: the first starts the reader, the others go to it before it has failed.
    const asked = new Promise<Result<unknown>[]>((resolve) =>
      host.onEvent((event) => {
        if (event === 'cache:status') resolve(Promise.all([1, 2, 3].map(() => dispatch('clients:list', { limit: 3 }))))
      }),
    )
    for (const page of await asked) expect(page).toMatchObject({ ok: true, value: { total: 200 } })
  })

  it('refuses a cache from a newer version, serving nothing from it', async () => {
    const path = join(tempDir('newer'), 'cache.sqlite')
    const db = new Database(path)
    migrate(db)
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 0)").run()
    db.close()
    const before = readFileSync(path)
    const { call, dispatch } = start(path)
    expect(await call('cache:status', {})).toEqual({ state: 'too_new', fileVersion: 99, appVersion: LATEST_SCHEMA_VERSION })
    expect(await dispatch('clients:list', {})).toMatchObject({ ok: false, error: { code: 'cache_unavailable' } })
    expect(await dispatch('cache:recover', {})).toMatchObject({ ok: false })
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('finds damage in the background, stops using the file, and recovers on request', async () => {
    const path = join(tempDir('damaged'), 'cache.sqlite')
    const seeded = start(path)
    expect(await seeded.nextStatus()).toMatchObject({ state: 'ready', integrity: 'ok' })
    await seeded.host.close()
    // Fold the WAL into the file, or pages still in it would hide the damage below.
    const checkpoint = new Database(path)
    checkpoint.pragma('wal_checkpoint(TRUNCATE)')
    checkpoint.close()
    expect(existsSync(`${path}-wal`)).toBe(false)
    // Damage pages in the middle of the file, away from the schema pages.
    const size = statSync(path).size
    const fd = openSync(path, 'r+')
    for (let offset = Math.floor(size * 0.4); offset < size * 0.6; offset += 4096) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, offset + 100)
    closeSync(fd)

    const damaged = start(path)
    const status = await damaged.nextStatus()
    expect(status.state).toBe('corrupt')
    expect(await damaged.dispatch('clients:list', {})).toMatchObject({ ok: false, error: { code: 'cache_unavailable' } })

    const recovered = await damaged.call('cache:recover', {})
    expect(recovered).toMatchObject({ movedTo: expect.stringContaining('.corrupt-'), status: { state: 'ready', dataset: { kind: 'demo' } } })
    expect(existsSync((recovered as { movedTo: string }).movedTo)).toBe(true)
    const page: ClientPage = await damaged.call('clients:list', {})
    expect(page.total).toBeGreaterThan(0)
  })

  it('reports a cache it cannot open (a folder in its place) as a problem with a way out, not as a dead core', async () => {
    const path = join(tempDir('unopenable'), 'cache.sqlite')
    mkdirSync(path)
    const blocked = start(path)
    const status = (await blocked.call('cache:status', {})) as CacheStatus
    expect(status).toEqual({ state: 'unopenable', message: `${path} is a folder, not a cache file` })
    expect(await blocked.dispatch('clients:list', {})).toEqual({
      ok: false,
      error: { code: 'cache_unavailable', message: `the cache cannot be opened: ${path} is a folder, not a cache file` },
    })

    const recovered = await blocked.call('cache:recover', {})
    expect(recovered).toMatchObject({ movedTo: expect.stringContaining('.corrupt-'), status: { state: 'ready', dataset: { kind: 'demo' } } })
    expect(statSync((recovered as { movedTo: string }).movedTo).isDirectory()).toBe(true)
    expect(statSync(path).isFile()).toBe(true)
    const page: ClientPage = await blocked.call('clients:list', {})
    expect(page.total).toBeGreaterThan(0)
  })
})
