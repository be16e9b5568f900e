// Import of a 1,000,000-line Manager export (German, semicolons, Swiss amounts)
// against a raw prepared insert of the very rows the import stored, into the
// same table with the same indexes, in one transaction, in the same run.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { commitImport } from '../src/main/core/billing/import/run'
import { ms, report } from './measure'
import { openReady } from './raw-baseline'

// BENCH_IMPORT_LINES: a smaller file while working on the import; the target is for a million.
const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 1_000_000)
const CLIENTS = 5_000
const NOW = 1_795_000_000
const TYPES = ['Rechnung', 'Bestellung', 'Verlängerung', 'Rückerstattung']

function cache(path: string): Database.Database {
  const db = openReady(path)
  const org = db.prepare(
    `INSERT INTO organizations VALUES (?, ?, ?, ?, 'company', NULL, 'CHF', 'de_CH', 'Europe/Zurich', 0, 0, NULL)`,
  )
  db.transaction(() => {
    org.run(1, 'Partner AG', 'partner ag', 'own')
    for (let i = 1; i <= CLIENTS; i++) org.run(1000 + i, `Kunde ${i} AG`, `kunde ${i} ag`, 'client')
  })()
  return db
}

async function writeExport(path: string): Promise<void> {
  const out = createWriteStream(path)
  out.write('\ufeffDatum;Rechnungsnummer;Kunde;Typ;Produkt;Beschreibung;Betrag exkl. MWST;MWST-Satz;MWST;Währung\r\n')
  for (let i = 0; i < LINES; i++) {
    const net = ((i * 7919) % 250_000) + 100
    const vat = Math.round((net * 81) / 1000)
    const franc = (minor: number) => `${Math.floor(minor / 100).toLocaleString('de-CH')}.${String(minor % 100).padStart(2, '0')}`
    const line = `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.${2020 + (i % 5)};R-${i};Kunde ${(i % CLIENTS) + 1} AG;${TYPES[i % 4]};Webhosting;"Webhosting, Zeile ${i}";${franc(net)};8.1;${franc(vat)};${i % 3 === 0 ? 'EUR' : 'CHF'}\r\n`
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve) => out.end(() => resolve()))
}

const LINE_COLUMNS = [
  'id', 'client_organization_id', 'product_id', 'invoice_id', 'history_type', 'occurred_at', 'description', 'amount_excl_vat_minor',
  'vat_rate_bp', 'vat_minor', 'currency', 'paid_by', 'import_id', 'import_key', 'import_seq', 'document_number',
]

/**
 * Wall time and the process's CPU time (user + system) of a synchronous run:
 * everything here runs on this one thread, so CPU time is the work done,
 * whatever else the machine (shared by several builds) is doing meanwhile.
 */
function time(run: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  run()
  const used = process.cpuUsage(cpu)
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000 }
}

const drop = (path: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
}

export async function benchBillingImport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-desk-bench-import-'))
  const file = join(dir, 'export.csv')
  await writeExport(file)
  const size = statSync(file).size

  const appRun = (round: number) => {
    const db = cache(join(dir, `app-${round}.sqlite`))
    let added = 0
    const elapsed = time(() => {
      const outcome = commitImport(db, { path: file, name: 'export.csv' }, { dryRun: false, now: NOW })
      if (outcome.outcome !== 'imported') throw new Error(`bench: the import was refused: ${JSON.stringify(outcome.problems[0])}`)
      added = outcome.record.added
    })
    return { db, elapsed, added }
  }
  const first = appRun(0)
  if (first.added !== LINES) throw new Error(`bench: ${first.added} lines imported, not ${LINES}`)
  // The rows as the import stored them, read back before the baseline is timed.
  const rows = first.db.prepare(`SELECT ${LINE_COLUMNS.join(', ')} FROM billing_lines WHERE import_id IS NOT NULL`).raw().all() as unknown[][]
  const importRow = first.db.prepare('SELECT * FROM billing_imports').raw().get() as unknown[]
  first.db.close()
  drop(join(dir, 'app-0.sqlite'))

  const rawRun = (round: number) => {
    const db = cache(join(dir, `raw-${round}.sqlite`))
    const elapsed = time(() =>
      db.transaction(() => {
        db.prepare(`INSERT INTO billing_imports VALUES (${importRow.map(() => '?').join(', ')})`).run(importRow)
        const insert = db.prepare(`INSERT INTO billing_lines (${LINE_COLUMNS.join(', ')}) VALUES (${LINE_COLUMNS.map(() => '?').join(', ')})`)
        for (const row of rows) insert.run(row)
      })(),
    )
    db.close()
    drop(join(dir, `raw-${round}.sqlite`))
    return elapsed
  }
  // Interleaved, best of three each: this machine's load changes from one minute to the next.
  const rawTimes: Array<{ wall: number; cpu: number }> = []
  const appTimes = [first.elapsed]
  for (let round = 1; round <= 3; round++) {
    rawTimes.push(rawRun(round))
    if (round === 3) break
    const again = appRun(round + 3)
    again.db.close()
    drop(join(dir, `app-${round + 3}.sqlite`))
    appTimes.push(again.elapsed)
  }
  const best = (times: Array<{ wall: number; cpu: number }>, of: 'wall' | 'cpu') => Math.min(...times.map((t) => t[of]))
  report(`Import of a ${LINES.toLocaleString('en-US')}-line Manager export (${(size / 1e6).toFixed(0)} MB; best of 3, interleaved, one transaction each)`, [
    ['raw prepared insert of the same rows (baseline)', `${ms(best(rawTimes, 'wall'))} wall, ${ms(best(rawTimes, 'cpu'))} CPU`],
    ['app import: read, parse, check, write', `${ms(best(appTimes, 'wall'))} wall, ${ms(best(appTimes, 'cpu'))} CPU`],
    ['  throughput vs baseline, CPU time (target ≥ 0.70×)', `${(best(rawTimes, 'cpu') / best(appTimes, 'cpu')).toFixed(2)}×`],
    ['  throughput vs baseline, wall time', `${(best(rawTimes, 'wall') / best(appTimes, 'wall')).toFixed(2)}×`],
  ])
  rmSync(dir, { recursive: true, force: true })
}
