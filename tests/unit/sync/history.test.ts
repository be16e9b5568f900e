// The billing history's staging: one page's text to staged rows, on the
// built thread (out/main/history.js) and on the pull's own thread.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type BetterSqlite3 from 'better-sqlite3'
import { CURRENCIES, HISTORY_TYPES, PAYMENT_MODES } from '../../../src/shared/domain'
import { openCache } from '../../../src/main/core/db/open'
import { historyInline, historyInThread, type HistoryStaging } from '../../../src/main/core/sync/history/stager'
import { createHistoryStage, HISTORY_STAGE } from '../../../src/main/core/sync/history/table'
import { BUILT_HISTORY, tempDir } from '../../paths'

let db: BetterSqlite3.Database
let path: string

beforeEach(() => {
  path = join(tempDir('history'), 'account.sqlite')
  const outcome = openCache(path)
  if (outcome.state !== 'ready') throw new Error(outcome.state)
  db = outcome.db
  createHistoryStage(db)
})
afterEach(() => db.close())

/** A billing line as the API sends it. */
function wireLine(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    customer_id: 7,
    product_id: null,
    invoice_id: 40 + id,
    type: 'renewal',
    date: 1_790_000_000 + id,
    description: `Renewal ${id}`,
    amount: { amount: 12.3, currency: 'CHF' },
    vat_rate: 8.1,
    vat: { amount: 1, currency: 'CHF' },
    paid_by: 'partner',
    ...overrides,
  }
}

/** Page `page` of a listing of `total` lines by `perPage`, holding `lines`. */
const body = (page: number, lines: unknown[], total = 4, perPage = 2) =>
  JSON.stringify({ result: 'success', data: lines, total, page, pages: Math.ceil(total / perPage), items_per_page: perPage })

const staged = () => db.prepare(`SELECT id, client_organization_id, invoice_id, history_type, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by FROM ${HISTORY_STAGE} ORDER BY id`).all()

describe.each([
  ['on its own thread', () => historyInThread(BUILT_HISTORY)],
  ['on the pull’s thread', () => historyInline],
] as Array<[string, () => HistoryStaging]>)('the history stager %s', (_where, staging) => {
  it('stages each page’s lines as rows and reports where the listing stands', async () => {
    // Pages longer than one INSERT statement's lines, and not a multiple of them.
    const ids = (page: number) => Array.from({ length: 60 }, (_, i) => (page - 1) * 60 + i + 1)
    const stager = staging()(path)
    await expect(stager.read(1, body(1, ids(1).map((id) => wireLine(id)), 120, 60))).resolves.toEqual({ ok: true, value: { page: 1, pages: 2, total: 120 } })
    await expect(stager.read(2, body(2, ids(2).map((id) => wireLine(id)), 120, 60))).resolves.toEqual({ ok: true, value: { page: 2, pages: 2, total: 120 } })
    await stager.close()
    expect(staged()).toEqual(
      [...ids(1), ...ids(2)].map((id) => ({
        id,
        client_organization_id: 7,
        invoice_id: 40 + id,
        history_type: 'renewal',
        amount_excl_vat_minor: 1230,
        vat_rate_bp: 810,
        vat_minor: 100,
        currency: 'CHF',
        paid_by: 'partner',
      })),
    )
  })

  it('refuses a page that breaks the schema or repeats an earlier page’s line, naming the field, and stages nothing of it', async () => {
    const stager = staging()(path)
    await stager.read(1, body(1, [wireLine(1), wireLine(2)]))
    await expect(stager.read(2, body(2, [wireLine(3), wireLine(4, { date: 1_790_000_000_000 })]))).resolves.toMatchObject({
      ok: false,
      failure: { kind: 'malformed', path: 'data[1].date' },
    })
    await expect(stager.read(2, body(2, [wireLine(3), wireLine(2)]))).resolves.toEqual({
      ok: false,
      failure: { kind: 'malformed', path: 'data[1].id', problem: 'id 2 already came on an earlier page' },
    })
    await expect(stager.read(2, body(2, [wireLine(3), wireLine(3)]))).resolves.toEqual({
      ok: false,
      failure: { kind: 'malformed', path: 'data[1].id', problem: 'id 3 already came on this page' },
    })
    await expect(stager.read(2, '{"result":"success","data":[')).resolves.toMatchObject({ ok: false, failure: { kind: 'malformed', path: '(body)' } })
    await stager.close()
    expect(staged().map((row) => (row as { id: number }).id)).toEqual([1, 2])
  })
})

describe('the history thread', () => {
  it('fails every read with the reason when it cannot start', async () => {
    const stager = historyInThread(join(tempDir('history-missing'), 'history.js'))(path)
    await expect(stager.read(1, body(1, [wireLine(1)]))).rejects.toThrow(/billing history thread (failed|ended)/)
    await expect(stager.read(2, body(2, [wireLine(2)]))).rejects.toThrow(/billing history thread/)
    await stager.close()
  })

  it('fails a page it could not store, saying which, and reads the next', async () => {
    // What a full disk would do to one page.
    db.exec(`CREATE TRIGGER full_disk BEFORE INSERT ON ${HISTORY_STAGE} WHEN NEW.id = 2 BEGIN SELECT RAISE(ABORT, 'no room for line 2'); END`)
    const stager = historyInThread(BUILT_HISTORY)(path)
    await expect(stager.read(1, body(1, [wireLine(1), wireLine(2)]))).rejects.toThrow('billing history page 1 could not be staged: no room for line 2')
    await expect(stager.read(2, body(2, [wireLine(3), wireLine(4)]))).resolves.toMatchObject({ ok: true })
    await stager.close()
    expect(staged().map((row) => (row as { id: number }).id)).toEqual([3, 4])
  })

  it('fails every read when the staging table is missing', async () => {
    db.exec(`DROP TABLE ${HISTORY_STAGE}`)
    const stager = historyInThread(BUILT_HISTORY)(path)
    await expect(stager.read(1, body(1, [wireLine(1)], 1))).rejects.toThrow('the billing history thread failed: no such table: sync_billing_lines')
    await stager.close()
  })
})

describe('the staging connection skips the CHECK constraints', () => {
  it('because the schema allows no less: its edge values pass the constraints of a connection that checks them', async () => {
    // Every history type, currency and payer, and the VAT rates at both ends.
    const lines = HISTORY_TYPES.flatMap((type, t) =>
      CURRENCIES.flatMap((currency, c) =>
        PAYMENT_MODES.map((paid_by, p) =>
          wireLine(1 + t * 100 + c * 10 + p, {
            type,
            paid_by,
            amount: { amount: -0.01, currency },
            vat: { amount: 0, currency },
            vat_rate: (t + c + p) % 2 === 0 ? 0 : 100,
          }),
        ),
      ),
    )
    const stager = historyInline(path)
    await expect(stager.read(1, body(1, lines, lines.length, lines.length))).resolves.toMatchObject({ ok: true })
    await stager.close()
    const checking = new Database(path)
    checking.pragma('foreign_keys = OFF')
    expect(checking.pragma('ignore_check_constraints', { simple: true })).toBe(0)
    checking.exec(`INSERT INTO billing_lines SELECT * FROM ${HISTORY_STAGE}`)
    expect(checking.prepare('SELECT count(*) FROM billing_lines').pluck().get()).toBe(lines.length)
    checking.close()
  })
})
