// The billing benchmarks at bench size (1,000,000 lines): a billing page with
// per-client totals for a year against a naive aggregate over the lines, and
// an export of every line through the real worker (joined in chunks, guarded,
// hashed, the file parsed back and checked beside the writing, renamed into place) against a hand-joined raw
// writer of the same rows, with the export's peak RSS growth and the main
// thread's event-loop delay while it runs.
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { DEFAULT_EXPORT_COLUMNS, type ExportFinished, type ExportSpec } from '../src/shared/billing'
import type { CacheStatus } from '../src/shared/contract'
import { billingSummary } from '../src/main/core/billing/browse'
import { refreshBillingRollup } from '../src/main/core/billing/rollup'
import { DEMO_SEED } from '../src/main/core/cache/seed-demo'
import { CoreHost } from '../src/main/core/host'
import { generateDemo } from '../src/main/core/demo/generate'
import { clearDomainData, insertDemo } from '../src/main/core/demo/insert'
import { ms, percentile, report, rssSampler, time, timeAsync } from './measure'
import { openReady } from './raw-baseline'

const NOW = 1_795_000_000
const YEAR = { from: '2025-01-01', to: '2025-12-31' }
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`


/** The export's rows, joined by hand: no papaparse, no guard, no read-back; quotes only where a field needs them. */
function rawWriter(db: Database.Database, out: string): number {
  const rows = db
    .prepare(
      `SELECT l.occurred_at, l.history_type, i.number, o.name, l.client_organization_id, p.customer_name, l.description, l.amount_excl_vat_minor,
         l.vat_rate_bp, l.vat_minor, l.currency, i.status
       FROM billing_lines l LEFT JOIN organizations o ON o.id = l.client_organization_id LEFT JOIN invoices i ON i.id = l.invoice_id
         LEFT JOIN products p ON p.id = l.product_id ORDER BY l.occurred_at, l.id`,
    )
    .raw(true)
  const text = (value: unknown) => {
    const s = value === null ? '' : String(value)
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const amount = (minor: number) => `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)},${String(Math.abs(minor) % 100).padStart(2, '0')}`
  const fd = openSync(out, 'w')
  let buffer = '\ufeffDatum;Art;Beleg;Kunde;Kunden-ID;Produkt;Beschreibung;Netto;MWST-Satz %;MWST;Brutto;Währung;Status\r\n'
  let count = 0
  for (const r of rows.iterate() as Iterable<unknown[]>) {
    const iso = new Date((r[0] as number) * 1000).toISOString()
    const net = r[7] as number
    const vat = r[9] as number
    buffer += `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)};${r[1]};${text(r[2])};${text(r[3])};${r[4]};${text(r[5])};${text(r[6])};${amount(net)};${(r[8] as number) / 100};${amount(vat)};${amount(net + vat)};${r[10]};${r[11] ?? ''}\r\n`
    count++
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer)
      buffer = ''
    }
  }
  writeSync(fd, buffer)
  closeSync(fd)
  return count
}

async function openCore(path: string): Promise<CoreHost> {
  const host = new CoreHost({ workerPath: resolve('out/main/worker.js'), dbPath: path })
  // The integrity check that follows an open reads the whole file: it must be over before anything is timed.
  await new Promise<void>((done) => {
    const stop = host.onEvent((event, payload) => {
      if (event === 'cache:status' && (payload as CacheStatus).state === 'ready' && (payload as { integrity: string }).integrity !== 'checking') {
        stop()
        done()
      }
    })
    void host.call('cache:status', {})
  })
  return host
}

async function appExport(host: CoreHost, out: string): Promise<{ ms: number; rows: number; rssGrowth: number; p99: number; max: number }> {
  const spec: ExportSpec = { query: { type: 'all', from: '2000-01-01', to: '2099-12-31', clients: null }, preset: 'excel-de', columns: DEFAULT_EXPORT_COLUMNS, split: 'one_file' }
  const before = process.memoryUsage.rss()
  const sampler = rssSampler()
  const delay = monitorEventLoopDelay({ resolution: 10 })
  let finished!: ExportFinished
  const elapsed = await timeAsync(async () => {
    const done = new Promise<ExportFinished>((resolveDone) => {
      const stop = host.onEvent((event, payload) => {
        if (event === 'exports:finished') {
          stop()
          resolveDone(payload as ExportFinished)
        }
      })
    })
    delay.enable()
    const started = await host.startExport(spec, out)
    if (!started.ok) throw new Error(started.error.message)
    finished = await done
    delay.disable()
  })
  const peak = await sampler.peak()
  if (!finished.ok) throw new Error(finished.message)
  return { ms: elapsed, rows: finished.record.rows, rssGrowth: peak - before, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 }
}

export async function benchBilling(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-desk-bench-billing-'))
  const path = join(dir, 'cache.sqlite')
  const data = generateDemo('bench', { seed: DEMO_SEED, now: NOW })
  const db = openReady(path)
  const insert = time(() =>
    db.transaction(() => {
      clearDomainData(db)
      insertDemo(db, data)
    })(),
  )
  const rollup = time(() => refreshBillingRollup(db))
  const lines = db.prepare('SELECT count(*) FROM billing_lines').pluck().get() as number

  // 1. A billing page: totals per currency, the series per month and the clients ranked by amount, for a year.
  const naive = db.prepare(
    `SELECT client_organization_id, currency, count(*), sum(amount_excl_vat_minor), sum(vat_minor) FROM billing_lines
     WHERE occurred_at >= ? AND occurred_at < ? GROUP BY client_organization_id, currency`,
  )
  const [from, to] = [Date.UTC(2025, 0, 1) / 1000, Date.UTC(2026, 0, 1) / 1000]
  const query = { type: 'all' as const, ...YEAR, clients: null }
  for (let i = 0; i < 3; i++) {
    naive.all(from, to)
    billingSummary(db, { query, sort: 'amount_desc', limit: 100 })
  }
  const naiveTimes: number[] = []
  const pageTimes: number[] = []
  let clients = 0
  for (let i = 0; i < 30; i++) {
    naiveTimes.push(time(() => naive.all(from, to)))
    pageTimes.push(time(() => (clients = billingSummary(db, { query, sort: 'amount_desc', limit: 100 }).clients.total)))
  }
  report(`Billing page for a year (${lines.toLocaleString('en-US')} lines, ${clients.toLocaleString('en-US')} clients with lines in 2025; 30 runs)`, [
    ['demo insert of every table (for scale)', ms(insert)],
    ['rollup refresh of every line (demo, full sync)', ms(rollup)],
    ['naive per-client aggregate over the lines, median', ms(percentile(naiveTimes, 50))],
    ['app page (totals, months, clients ranked), median', ms(percentile(pageTimes, 50))],
    ['app page, p95 (target ≤ 8 ms)', ms(percentile(pageTimes, 95))],
    ['  vs naive (median)', `${(percentile(pageTimes, 50) / percentile(naiveTimes, 50)).toFixed(2)}× the time`],
  ])

  // 2. Export of every line: the app's worker against a hand-joined raw writer, alternated, best of two each.
  const raw: number[] = []
  const app: Array<Awaited<ReturnType<typeof appExport>>> = []
  const host = await openCore(path)
  try {
    for (let round = 0; round < 2; round++) {
      const rawOut = join(dir, `raw-${round}.csv`)
      raw.push(time(() => rawWriter(db, rawOut)))
      rmSync(rawOut)
      const appOut = join(dir, `app-${round}.csv`)
      app.push(await appExport(host, appOut))
      if (round === 0) console.log(`  (export file: ${mb(statSync(appOut).size)})`)
      rmSync(appOut)
    }
  } finally {
    await host.close()
    db.close()
  }
  const best = app.reduce((a, b) => (a.ms <= b.ms ? a : b))
  report(`Export of ${best.rows.toLocaleString('en-US')} billing lines, Excel Germany (best of 2 each)`, [
    ['hand-joined raw writer (baseline)', ms(Math.min(...raw))],
    ['app export in the worker (write, read back, check, rename)', ms(best.ms)],
    ['  throughput vs baseline (target ≥ 0.85×)', `${(Math.min(...raw) / best.ms).toFixed(2)}×`],
    ['peak RSS growth during the export (target ≤ 160 MB)', mb(Math.max(...app.map((a) => a.rssGrowth)))],
    ['main thread event-loop delay p99 (target ≤ 50 ms)', ms(Math.max(...app.map((a) => a.p99)))],
    ['main thread event-loop delay max', ms(Math.max(...app.map((a) => a.max)))],
  ])
  rmSync(dir, { recursive: true, force: true })
}
