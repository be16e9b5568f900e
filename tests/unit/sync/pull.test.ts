// A pull against the local API server: the real HTTP client, a real cache.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type BetterSqlite3 from 'better-sqlite3'
import { openCache } from '../../../src/main/core/db/open'
import { createRemoteClient, unlimitedRateLimiter, type RemoteClient } from '../../../src/main/core/remote/http'
import { HISTORY_STAGE } from '../../../src/main/core/sync/history/table'
import { pull, type PullMode } from '../../../src/main/core/sync/pull'
import { startApiServer, type ApiServer } from '../../fixtures/api-server'
import { tempDir } from '../../paths'

const NOW = 1_795_000_000

let server: ApiServer
let db: BetterSqlite3.Database
let client: RemoteClient

beforeEach(async () => {
  server = await startApiServer({ size: 'small', now: NOW, rateLimit: false })
  const outcome = openCache(join(tempDir('pull'), 'account.sqlite'))
  if (outcome.state !== 'ready') throw new Error(outcome.state)
  db = outcome.db
  client = createRemoteClient({ baseUrl: server.url, token: () => server.token, rateLimiter: unlimitedRateLimiter, timeoutMs: 5_000, retry: { baseDelayMs: 1, maxDelayMs: 5 } })
})
afterEach(async () => {
  db.close()
  await server.close()
})

const run = (mode: PullMode) => pull(db, client, { mode, now: NOW, onProgress: () => {} })
const count = (sql: string) => db.prepare(sql).pluck().get() as number

/** Everything a pull writes, to prove a failed one wrote nothing. */
function snapshot(): string {
  const tables = ['organizations', 'partnerships', 'products', 'tags', 'product_tags', 'invoices', 'billing_lines', 'tenders', 'partnership_events', 'sync_state', 'profiles']
  return JSON.stringify(tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all()))
}

describe('pull', () => {
  it('fills an empty cache with the server’s data', async () => {
    const summary = await run('full')
    expect(count("SELECT count(*) FROM organizations WHERE role = 'client'")).toBe(200)
    expect(count('SELECT count(*) FROM partnerships')).toBe(200)
    expect(count('SELECT count(*) FROM products')).toBeGreaterThan(1500)
    expect(count('SELECT count(*) FROM billing_lines')).toBeGreaterThan(30_000)
    expect(count('SELECT count(*) FROM tenders')).toBeGreaterThan(200)
    expect(count("SELECT count(*) FROM organizations WHERE role = 'own'")).toBe(1)
    expect(summary.orphanProducts).toBe(0)
    expect(count('SELECT count(*) FROM sync_state')).toBe(5)
    // Limited partnerships have no payment mode; full ones do (the CHECK would have refused otherwise).
    expect(count("SELECT count(*) FROM partnerships WHERE access_type = 'limited' AND payment_mode IS NOT NULL")).toBe(0)
  })

  it('records what changed between two pulls as dated partnership events', async () => {
    await run('full')
    const complete = db.prepare("SELECT id FROM partnerships WHERE access_type = 'complete' AND payment_mode = 'customer' AND status = 'active' LIMIT 1").pluck().get() as number
    server.state.setPaymentMode(complete, 'partner')
    const summary = await run('incremental')
    expect(summary.events).toBeGreaterThanOrEqual(1)
    const event = db.prepare("SELECT kind, before_json, after_json, detected_at FROM partnership_events WHERE partnership_id = ?").get(complete)
    expect(event).toEqual({ kind: 'payment_mode', before_json: '{"payment_mode":"customer"}', after_json: '{"payment_mode":"partner"}', detected_at: NOW })
    expect(db.prepare('SELECT payment_mode, wallet_entrusted FROM partnerships WHERE id = ?').get(complete)).toEqual({ payment_mode: 'partner', wallet_entrusted: 1 })
  })

  it('records delegated products as sorted sets before and after, and nothing when nothing changed', async () => {
    await run('full')
    expect((await run('full')).events).toBe(0)
    const limited = db
      .prepare("SELECT partnership_id FROM partnership_products GROUP BY partnership_id HAVING count(*) >= 3 LIMIT 1")
      .pluck()
      .get() as number
    const before = db.prepare('SELECT product_id FROM partnership_products WHERE partnership_id = ? ORDER BY product_id').pluck().all(limited) as number[]
    // Withdraw the first, keep the others in a new order.
    const after = before.slice(1).reverse()
    server.state.setAccess(limited, { type: 'limited' }, after)
    const summary = await run('full')
    expect(summary.events).toBe(1)
    expect(db.prepare('SELECT kind, before_json, after_json FROM partnership_events WHERE partnership_id = ?').get(limited)).toEqual({
      kind: 'delegated_products',
      before_json: JSON.stringify({ product_ids: before }),
      after_json: JSON.stringify({ product_ids: [...after].sort((a, b) => a - b) }),
    })
  })

  it('skips lists whose return=total probe did not change', async () => {
    await run('full')
    const indexed = () => count('SELECT count(*) FROM clients_fts') + count('SELECT count(*) FROM tenders_fts')
    const documents = indexed()
    expect(documents).toBeGreaterThan(400)
    const before = server.requests.length
    const summary = await run('incremental')
    expect(summary.unchanged).toEqual(expect.arrayContaining(['partnerships', 'products']))
    const pageReads = server.requests.slice(before).filter((r) => r.path === '/1/products' && r.query.page !== undefined)
    expect(pageReads).toHaveLength(0)
    // Nothing indexed was read, so the search index is left as it was, whole.
    expect(indexed()).toBe(documents)
  })

  it.each(['malformed_json', 'wrong_types', 'truncated_page', 'duplicate_ids'] as const)(
    'leaves the cache and cursors exactly as they were on %s, naming the endpoint',
    async (kind) => {
      await run('full')
      const complete = db.prepare("SELECT id FROM partnerships WHERE access_type = 'complete' AND payment_mode = 'customer' LIMIT 1").pluck().get() as number
      server.state.setPaymentMode(complete, 'partner')
      const before = snapshot()
      server.faults.add({ route: 'GET /1/products', kind, page: 2 })
      await expect(run('full')).rejects.toThrow(/\/1\/products/)
      expect(snapshot()).toBe(before)
    },
  )
  it.each(['malformed_json', 'wrong_types', 'truncated_page', 'duplicate_ids'] as const)(
    'leaves the cache and cursors exactly as they were on %s in the billing history (staged beside the other lists), naming it',
    async (kind) => {
      await run('full')
      const before = snapshot()
      server.faults.add({ route: 'GET /1/partners/{partner_id}/billing_history', kind, page: 2 })
      await expect(run('full')).rejects.toThrow(/^GET \/1\/partners\/\{partner_id\}\/billing_history \(partner_id=\d+\) page 2: /)
      expect(snapshot()).toBe(before)
      expect(count(`SELECT count(*) FROM sqlite_master WHERE name = '${HISTORY_STAGE}'`)).toBe(0)
    },
  )

  it('a full pull replaces the billing history: older lines kept, lines no longer listed gone, missing links dropped, indexes as declared', async () => {
    await run('full')
    const indexes = () => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'billing_lines' ORDER BY name").all()
    const declared = indexes()
    expect(declared).toHaveLength(7)
    const listed = count('SELECT count(*) FROM billing_lines')
    const copy = db.prepare(`INSERT INTO billing_lines (id, client_organization_id, product_id, invoice_id, history_type, occurred_at, description,
      amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by) SELECT ?, client_organization_id, product_id, invoice_id, history_type, ?, description,
      amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by FROM billing_lines WHERE id = (SELECT min(id) FROM billing_lines)`)
    copy.run(900_000_001, NOW - 5 * 365 * 86_400) // before the window a full pull reads
    copy.run(900_000_002, NOW - 100 * 86_400) // in the window, but no longer listed
    const linked = db.prepare('SELECT id, product_id FROM billing_lines WHERE product_id IS NOT NULL AND id < 900000000 LIMIT 1').get() as { id: number; product_id: number }
    server.state.removeProduct(linked.product_id)

    await run('full')
    expect(count('SELECT count(*) FROM billing_lines')).toBe(listed + 1)
    expect(count('SELECT count(*) FROM billing_lines WHERE id = 900000001')).toBe(1)
    expect(count('SELECT count(*) FROM billing_lines WHERE id = 900000002')).toBe(0)
    expect(db.prepare('SELECT product_id FROM billing_lines WHERE id = ?').pluck().get(linked.id)).toBeNull()
    expect(indexes()).toEqual(declared)
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok')
    expect(count(`SELECT count(*) FROM sqlite_master WHERE name = '${HISTORY_STAGE}'`)).toBe(0)
  })

  it('an incremental pull merges the lines booked since, and keeps the others as they were', async () => {
    await run('full')
    const before = db.prepare('SELECT * FROM billing_lines ORDER BY id').all()
    const template = server.state.billing.line(0)
    const id = server.state.addBillingLine({ ...template, occurredAt: NOW - 3_600, description: 'Booked since the last pull' })
    await run('incremental')
    expect(db.prepare('SELECT * FROM billing_lines WHERE id < ? ORDER BY id').all(id)).toEqual(before)
    expect(db.prepare('SELECT description, occurred_at, amount_excl_vat_minor FROM billing_lines WHERE id = ?').get(id)).toEqual({
      description: 'Booked since the last pull',
      occurred_at: NOW - 3_600,
      amount_excl_vat_minor: template.amountExclVatMinor,
    })
  })

  it('stages nothing when the cache is in memory: the history needs a second connection to the same file', async () => {
    const memory = new Database(':memory:')
    await expect(pull(memory, client, { mode: 'full', now: NOW, onProgress: () => {} })).rejects.toThrow(/in memory/)
    memory.close()
  })
})
