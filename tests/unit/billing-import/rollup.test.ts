// The monthly totals the billing screen reads follow the imports: an import,
// its undo and a line joining its client later leave the rollup (by type and
// per client over every type) equal to one computed from scratch, and the
// client's month shows the imported amount.
import type Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { commitImport } from '../../../src/main/core/billing/import/run'
import { attachUnmatched, undoImport } from '../../../src/main/core/billing/import/store'
import { refreshBillingRollup } from '../../../src/main/core/billing/rollup'
import { fixture, importCache } from './cache'

const NOW = 1_733_000_000
/** Both tables: the totals by type and their sums over types, per client. */
const rollup = (db: Database.Database) => ({
  byType: db.prepare('SELECT * FROM billing_rollup ORDER BY period, client_organization_id, history_type, currency').all(),
  clients: db.prepare('SELECT * FROM billing_rollup_clients ORDER BY period, client_organization_id, currency').all(),
  charges: db.prepare('SELECT * FROM billing_client_charges ORDER BY client_organization_id, period, currency').all(),
})
/** Every month and year of the rollup as a full recomputation gives it. */
function fromScratch(db: Database.Database): ReturnType<typeof rollup> {
  const copy = db.prepare('SELECT count(*) FROM billing_rollup').pluck().get()
  db.exec('SAVEPOINT scratch')
  refreshBillingRollup(db)
  const fresh = rollup(db)
  db.exec('ROLLBACK TO scratch; RELEASE scratch')
  expect(db.prepare('SELECT count(*) FROM billing_rollup').pluck().get()).toBe(copy)
  return fresh
}
const januaryNet = (db: Database.Database, client: number) =>
  db.prepare("SELECT coalesce(sum(net_minor), 0) FROM billing_rollup WHERE period = 202401 AND client_organization_id = ? AND currency = 'CHF'").pluck().get(client)

describe('the billing rollup after imports', () => {
  it('moves with an import, its undo, and a line whose client arrives later', () => {
    const { db } = importCache()
    refreshBillingRollup(db)
    expect(januaryNet(db, 101)).toBe(0)

    const outcome = commitImport(db, fixture('clients-en-comma-utf8.csv'), { dryRun: false, now: NOW })
    if (outcome.outcome !== 'imported') throw new Error(JSON.stringify(outcome))
    expect(januaryNet(db, 101)).toBe(123_450)
    expect(rollup(db).clients).toContainEqual(expect.objectContaining({ period: 202401, client_organization_id: 101, currency: 'CHF', net_minor: 123_450 }))
    expect(rollup(db).charges).toContainEqual({ client_organization_id: 101, period: 202401, currency: 'CHF', net_minor: 123_450 })
    expect(rollup(db)).toEqual(fromScratch(db))

    db.exec(`INSERT INTO organizations VALUES (999, 'Unknown Client GmbH', 'unknown client gmbh', 'client', 'company', NULL, 'CHF', 'de_CH', 'Europe/Zurich', 0, 0, NULL)`)
    expect(attachUnmatched(db)).toBe(1)
    expect(rollup(db)).toEqual(fromScratch(db))

    undoImport(db, outcome.record.id, NOW + 60)
    expect(januaryNet(db, 101)).toBe(0)
    expect(rollup(db)).toEqual(fromScratch(db))
  })

  it('leaves the rollup alone on a dry run', () => {
    const { db } = importCache()
    refreshBillingRollup(db)
    const before = rollup(db)
    commitImport(db, fixture('clients-en-comma-utf8.csv'), { dryRun: true, now: NOW })
    expect(rollup(db)).toEqual(before)
  })
})
