// Import of the Manager's exports: each language, delimiter and encoding reads
// into the same lines; bad files are refused whole; a second import of the same
// lines adds nothing; undo takes an import out again.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeImportProblem } from '../../../src/shared/billing-import'
import { commitImport, previewImport } from '../../../src/main/core/billing/import/run'
import { attachUnmatched, listImports, listUnmatched, saveMapping, undoImport } from '../../../src/main/core/billing/import/store'
import { tempDir } from '../../paths'
import { fixture, importCache, snapshot } from './cache'

const NOW = 1_733_000_000
const commit = (db: ReturnType<typeof importCache>['db'], name: string, options: Partial<Parameters<typeof commitImport>[2]> = {}) =>
  commitImport(db, fixture(name), { dryRun: false, now: NOW, ...options })

const imported = (db: ReturnType<typeof importCache>['db']) =>
  db
    .prepare(
      `SELECT client_organization_id AS client, history_type AS type, occurred_at AS at, amount_excl_vat_minor AS net, vat_rate_bp AS rate,
         vat_minor AS vat, currency, paid_by AS paidBy, document_number AS document FROM billing_lines WHERE import_id IS NOT NULL ORDER BY occurred_at`,
    )
    .all()

const EXPECTED = [
  { client: 101, type: 'invoice', at: Date.UTC(2024, 0, 15) / 1000, net: 123_450, rate: 810, vat: 10_000, currency: 'CHF', paidBy: 'partner', document: 'INV-1001' },
  { client: 102, type: 'order', at: Date.UTC(2024, 0, 20) / 1000, net: 1_500, rate: 810, vat: 122, currency: 'CHF', paidBy: 'customer', document: 'ORD-2001' },
  { client: 103, type: 'renewal', at: Date.UTC(2024, 1, 29) / 1000, net: -4_210, rate: 810, vat: -341, currency: 'EUR', paidBy: 'customer', document: 'REN-3001' },
]

describe('import of the Manager exports', () => {
  it.each([
    ['clients-en-comma-utf8.csv', 'utf-8', ','],
    ['clients-de-semicolon-bom.csv', 'utf-8-bom', ';'],
    ['clients-fr-semicolon-1252.csv', 'windows-1252', ';'],
    ['clients-it-tab-utf8.csv', 'utf-8', '\t'],
    ['clients-es-comma-crlf.csv', 'utf-8', ','],
  ])('%s: recognised by its headers, read into the same lines', (name, encoding, delimiter) => {
    const { db } = importCache()
    const preview = previewImport(db, fixture(name), {})
    expect(preview.problems).toEqual([])
    expect(preview.encoding).toBe(encoding)
    expect(preview.delimiter).toBe(delimiter)
    expect(preview.kind).toBe('clients')
    expect(preview.mappingSource).toBe('detected')
    expect(preview.rows[0].parsed).toMatchObject({ clientId: 101, netMinor: 123_450, currency: 'CHF', type: 'invoice' })
    const outcome = commit(db, name)
    expect(outcome.outcome).toBe('imported')
    expect(imported(db)).toEqual(EXPECTED)
    // The accented client name survives every encoding: its line is Boulangerie Dupont Sàrl's.
    expect(db.prepare("SELECT count(*) FROM billing_lines WHERE client_organization_id = 102 AND import_id IS NOT NULL").pluck().get()).toBe(1)
  })

  it('keeps a client the cache does not know, shown as such, and records the import', () => {
    const { db } = importCache()
    const outcome = commit(db, 'clients-en-comma-utf8.csv')
    if (outcome.outcome !== 'imported') throw new Error(JSON.stringify(outcome))
    expect(outcome.record).toMatchObject({ rows: 4, added: 3, unmatched: 1, duplicates: 0, kind: 'clients', fileName: 'clients-en-comma-utf8.csv' })
    expect(outcome.record.totals).toEqual({ CHF: 123_450 + 1_500 + 1_000, EUR: -4_210 })
    expect(outcome.record.periodFrom).toBe(Date.UTC(2024, 0, 15) / 1000)
    expect(outcome.record.periodTo).toBe(Date.UTC(2024, 2, 1) / 1000)
    expect(outcome.record.sha256).toMatch(/^[0-9a-f]{64}$/)
    const waiting = listUnmatched(db, null, 0, 10)
    expect(waiting.total).toBe(1)
    expect(waiting.lines[0]).toMatchObject({ clientName: 'Unknown Client GmbH', clientRef: '999', line: 5, type: 'cashback', netMinor: 1_000 })

    // A later sync brings the client: its line joins billing_lines.
    db.exec(`INSERT INTO organizations VALUES (999, 'Unknown Client GmbH', 'unknown client gmbh', 'client', 'company', NULL, 'CHF', 'de_CH', 'Europe/Zurich', 0, 0, NULL)`)
    expect(attachUnmatched(db)).toBe(1)
    expect(listUnmatched(db, null, 0, 10).total).toBe(0)
    expect(db.prepare('SELECT count(*) FROM billing_lines WHERE client_organization_id = 999').pluck().get()).toBe(1)
  })

  it('imports the partner invoice history into the partner organization, a refunded invoice as a refund', () => {
    const { db } = importCache()
    const outcome = commit(db, 'invoices-en.csv')
    expect(outcome).toMatchObject({ outcome: 'imported', record: { kind: 'invoices', added: 2 } })
    expect(imported(db)).toEqual([
      { client: 1, type: 'invoice', at: Date.UTC(2024, 0, 31) / 1000, net: 50_000, rate: 810, vat: 4_050, currency: 'CHF', paidBy: 'partner', document: 'F-2024-001' },
      { client: 1, type: 'refund', at: Date.UTC(2024, 1, 29) / 1000, net: 12_000, rate: 810, vat: 972, currency: 'CHF', paidBy: 'partner', document: 'F-2024-002' },
    ])
  })

  it('adds nothing on a second import of the same file, nor of an overlapping period in another language', () => {
    const { db } = importCache()
    commit(db, 'clients-en-comma-utf8.csv')
    const before = db.prepare('SELECT count(*) FROM billing_lines').pluck().get()
    const again = commit(db, 'clients-en-comma-utf8.csv')
    expect(again).toMatchObject({ outcome: 'imported', record: { added: 0, unmatched: 0, duplicates: 4 } })
    expect(previewImport(db, fixture('clients-en-comma-utf8.csv'), {}).importedBefore).not.toBeNull()
    const german = commit(db, 'clients-de-semicolon-bom.csv')
    expect(german).toMatchObject({ outcome: 'imported', record: { added: 0, duplicates: 3 } })
    expect(db.prepare('SELECT count(*) FROM billing_lines').pluck().get()).toBe(before)
  })

  it('keeps two identical lines of one file as two, and still adds nothing when the file comes again', () => {
    const { db } = importCache()
    const dir = tempDir('import-twice')
    const text = 'Date,Client,Type,Amount,Currency\n2024-05-01,Alpenblick AG,Order,10.00,CHF\n2024-05-01,Alpenblick AG,Order,10.00,CHF\n'
    writeFileSync(join(dir, 'twice.csv'), text)
    const file = { path: join(dir, 'twice.csv'), name: 'twice.csv' }
    expect(commitImport(db, file, { dryRun: false, now: NOW })).toMatchObject({ record: { added: 2 } })
    expect(commitImport(db, file, { dryRun: false, now: NOW })).toMatchObject({ record: { added: 0, duplicates: 2 } })
    // A longer period holding a third identical line: only that one is new.
    writeFileSync(join(dir, 'thrice.csv'), `${text}2024-05-01,Alpenblick AG,Order,10.00,CHF\n`)
    expect(commitImport(db, { path: join(dir, 'thrice.csv'), name: 'thrice.csv' }, { dryRun: false, now: NOW })).toMatchObject({ record: { added: 1, duplicates: 2 } })
  })

  it.each([
    ['bad-unknown-columns.csv', 'missing_field', 0, 'date'],
    ['bad-date.csv', 'bad_date', 3, 'Date', '2024-02-30'],
    ['bad-empty-amount.csv', 'empty_amount', 3, 'Amount', ''],
    ['bad-duplicate-headers.csv', 'duplicate_header', 1, 'Amount', 'Amount'],
    ['bad-short-row.csv', 'short_row', 3, 'Amount'],
    ['bad-not-csv.xlsx', 'not_csv', 0, ''],
  ])('%s: refused with a clear error, nothing imported', (name, code, line, column, value?: string) => {
    const { db } = importCache()
    const before = snapshot(db)
    const outcome = commit(db, name)
    if (outcome.outcome !== 'refused') throw new Error(`${name} was imported`)
    expect(outcome.problems[0]).toMatchObject({ code, line, column, ...(value === undefined ? {} : { value }) })
    expect(snapshot(db)).toEqual(before)
    expect(previewImport(db, fixture(name), {}).problems.map((problem) => problem.code)).toContain(code)
    const message = describeImportProblem(outcome.problems[0])
    if (line > 0) expect(message).toContain(`line ${line}, column "${column}"`)
  })

  it('names line, column and value in English for the CLI', () => {
    expect(describeImportProblem({ code: 'bad_date', line: 3, column: 'Date', value: '2024-02-30' })).toBe(
      'line 3, column "Date": "2024-02-30" is not a date (dd.mm.yyyy, yyyy-mm-dd or Unix seconds)',
    )
  })

  it('a dry run reports the real counts and writes nothing', () => {
    const { db } = importCache()
    const before = snapshot(db)
    const outcome = commit(db, 'clients-en-comma-utf8.csv', { dryRun: true })
    expect(outcome).toMatchObject({ outcome: 'imported', dryRun: true, record: { added: 3, unmatched: 1 } })
    expect(snapshot(db)).toEqual(before)
  })

  it('refuses a file changed since its preview', () => {
    const { db } = importCache()
    const outcome = commit(db, 'clients-en-comma-utf8.csv', { sha256: 'a'.repeat(64) })
    expect(outcome).toMatchObject({ outcome: 'refused', problems: [{ code: 'changed' }] })
  })

  it('undo takes the lines out, the record stays marked; the lines can be imported again', () => {
    const { db } = importCache()
    const before = db.prepare('SELECT * FROM billing_lines ORDER BY id').all()
    const outcome = commit(db, 'clients-en-comma-utf8.csv')
    if (outcome.outcome !== 'imported') throw new Error('refused')
    const undone = undoImport(db, outcome.record.id, NOW + 60)
    expect(undone.undoneAt).toBe(NOW + 60)
    expect(undone.unmatched).toBe(0)
    expect(db.prepare('SELECT * FROM billing_lines ORDER BY id').all()).toEqual(before)
    expect(() => undoImport(db, outcome.record.id, NOW + 61)).toThrow(/already undone/)
    expect(commit(db, 'clients-en-comma-utf8.csv')).toMatchObject({ record: { added: 3 } })
    expect(listImports(db).map((record) => record.undoneAt)).toEqual([null, NOW + 60])
  })

  it('uses the mapping the user corrected and saved for the file shape', () => {
    const { db } = importCache()
    const dir = tempDir('import-mapping')
    writeFileSync(join(dir, 'odd.csv'), 'When;Who;Money;Cur\n01.06.2024;Alpenblick AG;99.90;CHF\n')
    const file = { path: join(dir, 'odd.csv'), name: 'odd.csv' }
    const first = previewImport(db, file, {})
    expect(first.problems.map((problem) => problem.code)).toContain('missing_field')
    const mapping = { date: 'When', client: 'Who', net: 'Money', currency: 'Cur' }
    const corrected = previewImport(db, file, { mapping, fixedType: 'order' })
    expect(corrected.problems).toEqual([])
    expect(corrected.rows[0].parsed).toMatchObject({ clientId: 101, netMinor: 9_990, type: 'order' })
    saveMapping(db, corrected.signature, mapping, 'order', NOW)
    const again = previewImport(db, file, {})
    expect(again).toMatchObject({ mappingSource: 'saved', mapping, fixedType: 'order', problems: [] })
    expect(commitImport(db, file, { dryRun: false, now: NOW })).toMatchObject({ record: { added: 1 } })
  })
})

describe('encodings met late', () => {
  it('reads a file whose head is UTF-8 but whose body is Windows-1252 as Windows-1252, all of it', () => {
    const { db } = importCache()
    const dir = tempDir('import-late-1252')
    const head = 'Date;Client;Type;Amount;Currency\n' + '2024-05-01;Alpenblick AG;Order;10.00;CHF\n'.repeat(3000)
    const tail = Buffer.from('2024-05-02;Boulangerie Dupont S\xe0rl;Order;11.00;CHF\n', 'latin1')
    writeFileSync(join(dir, 'late.csv'), Buffer.concat([Buffer.from(head, 'utf8'), tail]))
    const file = { path: join(dir, 'late.csv'), name: 'late.csv' }
    expect(previewImport(db, file, {}).encoding).toBe('utf-8')
    const outcome = commitImport(db, file, { dryRun: false, now: NOW })
    expect(outcome).toMatchObject({ outcome: 'imported', record: { rows: 3001, added: 3001, unmatched: 0 } })
    expect(db.prepare('SELECT count(*) FROM billing_lines WHERE client_organization_id = 102').pluck().get()).toBe(1)
  })
})
