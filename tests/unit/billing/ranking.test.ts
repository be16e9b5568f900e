// The billing page's ranked clients (read from billing_rollup_clients for
// every type, from billing_rollup for the others, plus edge days from the
// lines) must be exactly the page a naive ranking over the lines gives: the
// same clients in the same order, with the same sums and the same count,
// for periods cut anywhere, every type, both directions, a selection and a
// currency, and again after lines change and only their months are refreshed.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { HISTORY_FILTER_TYPES, HISTORY_FILTERS, type BillingQuery } from '../../../src/shared/billing'
import { periodSeconds } from '../../../src/shared/period'
import { rankedClients } from '../../../src/main/core/billing/aggregate'
import { refreshBillingRollup } from '../../../src/main/core/billing/rollup'
import { tempDir } from '../../paths'
import { DAY, openFixture, seedFixture, T0, type LineSeed } from './fixture'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const CLIENTS = Array.from({ length: 30 }, (_, i) => 300 + i)

/** Thirty clients, some billed in both currencies, and amounts drawn from few values so that ties (ranked by client id) occur. */
function spread(count: number): LineSeed[] {
  const types = HISTORY_FILTER_TYPES.all
  let x = 4242
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31)
  return Array.from({ length: count }, () => {
    const client = CLIENTS[next() % CLIENTS.length]!
    const eur = client % 3 === 0 || next() % 7 === 0
    return {
      client,
      type: types[next() % types.length],
      at: T0 - 800 * DAY + (next() % (1100 * DAY)),
      description: 'x',
      net: ((next() % 9) - 2) * 1_000,
      currency: eur ? 'EUR' : 'CHF',
      rateBp: eur ? 2_000 : 810,
    } as LineSeed
  })
}

function naive(db: BetterSqlite3.Database, query: BillingQuery, direction: 'ASC' | 'DESC', limit: number) {
  const { from, to } = periodSeconds(query)
  const where = `occurred_at >= :from AND occurred_at < :to AND history_type IN (SELECT value FROM json_each(:types))
    ${query.clients ? 'AND client_organization_id IN (SELECT value FROM json_each(:clients))' : ''} ${query.currency ? 'AND currency = :currency' : ''}`
  const params = {
    from,
    to,
    types: JSON.stringify(HISTORY_FILTER_TYPES[query.type]),
    ...(query.clients ? { clients: JSON.stringify(query.clients) } : {}),
    ...(query.currency ? { currency: query.currency } : {}),
  }
  const rows = db
    .prepare(
      `SELECT client_organization_id AS id, currency, count(*) AS lines, sum(amount_excl_vat_minor) AS net, sum(vat_minor) AS vat FROM billing_lines
       WHERE ${where} GROUP BY client_organization_id, currency ORDER BY currency, net ${direction}, id LIMIT :limit`,
    )
    .all({ ...params, limit })
  const total = db.prepare(`SELECT count(*) FROM (SELECT DISTINCT client_organization_id, currency FROM billing_lines WHERE ${where})`).pluck().get(params)
  return { total, rows }
}

const PERIODS: Array<[string, string]> = [
  ['2024-01-01', '2024-12-31'],
  ['2023-01-01', '2025-12-31'],
  ['2024-03-01', '2024-03-31'],
  ['2024-02-10', '2025-03-17'],
  ['2025-03-18', '2025-03-18'],
  ['2023-11-30', '2024-01-01'],
]

describe('clients ranked by amount', () => {
  const dir = tempDir('billing-ranking')
  dirs.push(dir)
  const db = openFixture(join(dir, 'cache.sqlite'))
  const org = db.prepare(
    `INSERT INTO organizations (id, name, sort_key, role, legal_entity_type, vat_number, currency, locale, timezone, created_at, synced_at)
     VALUES (?, ?, ?, 'client', 'company', NULL, 'CHF', 'de_CH', 'Europe/Zurich', 0, 0)`,
  )
  for (const id of CLIENTS) org.run(id, `Client ${id}`, `client ${id}`)
  seedFixture(db, spread(4_000))

  it.each(PERIODS)('%s to %s: the page and count of a naive ranking over the lines', (from, to) => {
    for (const type of HISTORY_FILTERS) {
      for (const clients of [null, [305, 306, 10, 20]]) {
        for (const currency of [undefined, 'EUR' as const]) {
          const query: BillingQuery = { type, from, to, clients, ...(currency ? { currency } : {}) }
          for (const direction of ['ASC', 'DESC'] as const) {
            expect(rankedClients(db, query, direction, 12), `${type} ${JSON.stringify(clients)} ${currency} ${direction}`).toEqual(naive(db, query, direction, 12))
          }
        }
      }
    }
  })

  it('ranks the same after lines change and only their months are refreshed', () => {
    const moved = db.prepare('SELECT id, occurred_at FROM billing_lines WHERE occurred_at BETWEEN ? AND ? LIMIT 1').get(Date.UTC(2024, 4, 1) / 1000, Date.UTC(2024, 4, 31) / 1000) as {
      id: number
      occurred_at: number
    }
    const later = Date.UTC(2025, 6, 4) / 1000
    db.prepare('UPDATE billing_lines SET occurred_at = ?, amount_excl_vat_minor = 99000 WHERE id = ?').run(later, moved.id)
    db.prepare(
      "INSERT INTO billing_lines (client_organization_id, history_type, occurred_at, description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by) VALUES (329, 'order', ?, 'new', 500000, 810, 40500, 'CHF', 'partner')",
    ).run(Date.UTC(2024, 8, 9) / 1000)
    refreshBillingRollup(db, { from: moved.occurred_at, to: later })
    for (const [from, to] of [['2024-01-01', '2024-12-31'], ['2025-01-01', '2025-12-31'], ['2024-09-01', '2024-09-30']]) {
      const query: BillingQuery = { type: 'all', from: from!, to: to!, clients: null }
      expect(rankedClients(db, query, 'DESC', 5)).toEqual(naive(db, query, 'DESC', 5))
    }
    expect(rankedClients(db, { type: 'all', from: '2024-01-01', to: '2024-12-31', clients: null }, 'DESC', 1).rows[0]?.id).toBe(329)
  })
})
