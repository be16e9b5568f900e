import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CURRENCIES, HISTORY_TYPES, PAYMENT_MODES } from '../../../src/shared/domain'
import { m001Domain } from '../../../src/main/core/db/migrations/001-domain'
import { type DemoDataset, demoRowCounts } from '../../../src/main/core/demo/dataset'
import { generateDemo } from '../../../src/main/core/demo/generate'
import { insertDemo } from '../../../src/main/core/demo/insert'
import { DEMO_SIZE_SPECS } from '../../../src/main/core/demo/sizes'
import { NOW, SEED } from './fixture'

// The bench size takes a few tens of seconds and over half a gigabyte, so it
// runs on request only: DEMO_BENCH=1 npx vitest run tests/unit/demo/bench-size.test.ts
const dir = mkdtempSync(join(tmpdir(), 'partner-desk-demo-bench-'))

function open(name: string): Database.Database {
  const db = new Database(join(dir, name))
  // As the app opens its cache (core/db/open.ts).
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.exec(m001Domain.sql)
  return db
}

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.skipIf(!process.env.DEMO_BENCH)('the bench demo', () => {
  let data: DemoDataset
  let billingMs = 0

  it('generates the exact bench counts in seconds, compactly', () => {
    const start = performance.now()
    data = generateDemo('bench', { seed: SEED, now: NOW })
    const ms = performance.now() - start
    const spec = DEMO_SIZE_SPECS.bench
    expect(data.partnerships).toHaveLength(spec.clients)
    expect(data.products).toHaveLength(spec.products)
    expect(data.billingLines.count).toBe(spec.billingLines)
    expect(data.tenders).toHaveLength(spec.tenders)
    const heapMb = process.memoryUsage().heapUsed / 1e6
    console.log(`bench generation: ${ms.toFixed(0)} ms, heap after: ${heapMb.toFixed(0)} MB`)
    expect(ms).toBeLessThan(20_000)
    expect(heapMb).toBeLessThan(700)
  })

  it('inserts it in one transaction, with foreign keys on', () => {
    const db = open('demo.sqlite')
    const phaseStart = new Map<string, number>()
    const phaseMs = new Map<string, number>()
    const start = performance.now()
    db.transaction(() =>
      insertDemo(db, data, (p) => {
        if (p.done === 0) phaseStart.set(p.phase, performance.now())
        if (p.done === p.total) phaseMs.set(p.phase, performance.now() - phaseStart.get(p.phase)!)
      }),
    )()
    const ms = performance.now() - start
    billingMs = phaseMs.get('billing')!
    console.log(`bench insert: ${ms.toFixed(0)} ms`, Object.fromEntries([...phaseMs].map(([k, v]) => [k, Math.round(v)])))
    for (const [table, rows] of Object.entries(demoRowCounts(data))) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(rows)
    }
    db.close()
    expect(ms).toBeLessThan(60_000)
  })

  it('writes billing at least 0.8× as fast as a bare prepared-statement loop over ready rows', () => {
    const db = open('raw.sqlite')
    // Everything billing refers to, then the same invoices and lines from prebuilt tuples.
    db.transaction(() => insertDemo(db, { ...data, invoices: [], billingLines: { ...data.billingLines, count: 0 } }))()
    const l = data.billingLines
    const invoices = data.invoices.map((i) => [i.id, i.organizationId, i.number, i.issuedAt, i.status, i.totalExclVatMinor, i.vatMinor, i.currency])
    const lines = Array.from({ length: l.count }, (_, i) => [
      i + 1, l.clientOrganizationId[i], l.productId[i] || null, l.invoiceId[i] || null, HISTORY_TYPES[l.historyType[i]],
      l.occurredAt[i], l.descriptions[l.description[i]], l.amountExclVatMinor[i], l.vatRateBp[i], l.vatMinor[i],
      CURRENCIES[l.currency[i]], PAYMENT_MODES[l.paidBy[i]],
    ])
    const invoice = db.prepare(`INSERT INTO invoices (id, organization_id, number, issued_at, status, total_excl_vat_minor, vat_minor, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    const line = db.prepare(
      `INSERT INTO billing_lines (id, client_organization_id, product_id, invoice_id, history_type, occurred_at, description,
         amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const start = performance.now()
    db.transaction(() => {
      for (const row of invoices) invoice.run(...row)
      for (const row of lines) line.run(...row)
    })()
    const rawMs = performance.now() - start
    db.close()
    const ratio = rawMs / billingMs
    console.log(`billing: insertDemo ${billingMs.toFixed(0)} ms, raw loop ${rawMs.toFixed(0)} ms, speed ratio ${ratio.toFixed(2)}`)
    expect(ratio).toBeGreaterThanOrEqual(0.8)
  })
})
