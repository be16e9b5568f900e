import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DemoProgress } from '../../../src/shared/contract'
import { m001Domain } from '../../../src/main/core/db/migrations/001-domain'
import { demoRowCounts, DEMO_TABLES_IN_INSERT_ORDER } from '../../../src/main/core/demo/dataset'
import { clearDomainData, DEMO_TABLES_IN_DELETE_ORDER, insertDemo } from '../../../src/main/core/demo/insert'
import { smallDemo } from './fixture'

let dir: string
let db: Database.Database

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'partner-desk-demo-'))
  db = new Database(join(dir, 'cache.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.exec(m001Domain.sql)
})

afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n

describe('insertDemo', () => {
  it('writes the small demo inside the caller’s transaction, with foreign keys and CHECKs on', () => {
    const data = smallDemo()
    db.transaction(() => insertDemo(db, data))()
    for (const [table, rows] of Object.entries(demoRowCounts(data))) {
      expect(count(`SELECT count(*) AS n FROM ${table}`), table).toBe(rows)
    }
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('opens no transaction of its own: a failing caller rolls everything back', () => {
    expect(() =>
      db.transaction(() => {
        insertDemo(db, smallDemo())
        throw new Error('caller failed')
      })(),
    ).toThrow('caller failed')
    for (const table of DEMO_TABLES_IN_INSERT_ORDER) expect(count(`SELECT count(*) AS n FROM ${table}`), table).toBe(0)
  })

  it('reports progress by phase, in order, every 10,000 rows or so and at each phase’s end', () => {
    const reports: DemoProgress[] = []
    db.transaction(() => insertDemo(db, smallDemo(), (p) => reports.push(p)))()
    const phases = [...new Set(reports.map((r) => r.phase))]
    expect(phases).toEqual(['organizations', 'products', 'billing', 'tenders'])
    for (const phase of phases) {
      const own = reports.filter((r) => r.phase === phase)
      expect(own[0].done).toBe(0)
      expect(own[own.length - 1].done).toBe(own[0].total)
      for (let i = 1; i < own.length; i++) expect(own[i].done).toBeGreaterThan(own[i - 1].done)
    }
    const counts = demoRowCounts(smallDemo())
    const rows = Object.values(counts).reduce((a, b) => a + b, 0)
    expect(reports.length).toBeLessThanOrEqual(rows / 10_000 + 2 * phases.length)
  })

  it('stores rows that keep the domain’s rules', () => {
    db.transaction(() => insertDemo(db, smallDemo()))()
    // Exactly one invoice address, and at least one legal representative, per organization.
    expect(count(`SELECT count(*) AS n FROM organizations o WHERE (SELECT count(*) FROM organization_addresses a WHERE a.organization_id = o.id AND a.for_invoice = 1) <> 1`)).toBe(0)
    expect(count(`SELECT count(*) AS n FROM organizations o WHERE NOT EXISTS (SELECT 1 FROM legal_representatives r WHERE r.organization_id = o.id)`)).toBe(0)
    // The invoice address's country sets the currency.
    expect(
      count(`SELECT count(*) AS n FROM organizations o JOIN organization_addresses a ON a.organization_id = o.id AND a.for_invoice = 1
             WHERE o.currency <> CASE a.country WHEN 'CH' THEN 'CHF' ELSE 'EUR' END`),
    ).toBe(0)
    // A payment mode exactly under complete access; the wallet is entrusted when the partner pays.
    expect(count(`SELECT count(*) AS n FROM partnerships WHERE (payment_mode IS NULL) <> (access_type = 'limited')`)).toBe(0)
    expect(count(`SELECT count(*) AS n FROM partnerships WHERE wallet_entrusted = 1`)).toBe(
      count(`SELECT count(*) AS n FROM partnerships WHERE payment_mode = 'partner'`),
    )
    // Invoice totals are the sums of their lines.
    expect(
      count(`SELECT count(*) AS n FROM invoices i
             LEFT JOIN (SELECT invoice_id, sum(amount_excl_vat_minor) AS total, sum(vat_minor) AS vat
                        FROM billing_lines WHERE invoice_id IS NOT NULL GROUP BY invoice_id) s ON s.invoice_id = i.id
             WHERE s.total IS NOT i.total_excl_vat_minor OR s.vat IS NOT i.vat_minor`),
    ).toBe(0)
    // Money stays integer.
    expect(count(`SELECT count(*) AS n FROM billing_lines WHERE typeof(amount_excl_vat_minor) <> 'integer' OR typeof(vat_minor) <> 'integer'`)).toBe(0)
  })

  it('lists every domain table for clearing, and clearing empties them but keeps settings and metadata', () => {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[])
      .map((t) => t.name)
      .filter((name) => !name.startsWith('sqlite_') && !/_fts($|_)/.test(name))
    expect([...DEMO_TABLES_IN_DELETE_ORDER].sort()).toEqual(tables.filter((t) => !['cache_meta', 'settings'].includes(t)).sort())

    db.prepare(`INSERT INTO settings (key, value_json) VALUES ('theme', '"dark"')`).run()
    db.prepare(`INSERT INTO cache_meta (key, value) VALUES ('dataset', 'demo')`).run()
    db.transaction(() => insertDemo(db, smallDemo()))()
    db.transaction(() => clearDomainData(db))()
    for (const table of DEMO_TABLES_IN_DELETE_ORDER) expect(count(`SELECT count(*) AS n FROM ${table}`), table).toBe(0)
    expect(count(`SELECT count(*) AS n FROM settings`)).toBe(1)
    expect(count(`SELECT count(*) AS n FROM cache_meta`)).toBe(1)
    // And the demo goes in again, as when the user regenerates it.
    db.transaction(() => insertDemo(db, smallDemo()))()
    expect(count(`SELECT count(*) AS n FROM billing_lines`)).toBe(smallDemo().billingLines.count)
  })
})
