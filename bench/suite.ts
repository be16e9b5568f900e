// The benchmarks of the foundation, at the `bench` size (5,000 clients,
// 50,000 products, 1,000,000 billing lines, 20,000 tenders). Each figure is
// printed as a ratio against a raw better-sqlite3 baseline run on the same
// data in the same process.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { DEMO_SEED } from '../src/main/core/cache/seed-demo'
import { listClients } from '../src/main/core/clients/list'
import { CoreHost } from '../src/main/core/host'
import { createKysely } from '../src/main/core/db/kysely'
import { generateDemo } from '../src/main/core/demo/generate'
import { clearDomainData, insertDemo } from '../src/main/core/demo/insert'
import { rebuildSearchIndex } from '../src/main/core/search/index'
import { ms, percentile, report, time, timeAsync } from './measure'
import { openReady, rawInsert, readRows } from './raw-baseline'
import { benchPublicSync } from './public-sync'
import { benchSync } from './sync'
import { benchFirstRender } from './first-render'
import { benchBilling } from './billing'
import { benchBillingImport } from './billing-import'
import { benchTenders } from './tenders'
import { benchClients } from './clients'

const NOW = 1_795_000_000
async function benchFoundation(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-desk-bench-'))

  let data!: ReturnType<typeof generateDemo>
  const generation = time(() => {
    data = generateDemo('bench', { seed: DEMO_SEED, now: NOW })
  })
  report('Demo data, bench size', [['generate (not part of the ratios below)', ms(generation)]])

  // 1. Loading: the app's bulk path against raw prepared inserts of the very same rows.
  const appPath = (round: number) => join(dir, `app-${round}.sqlite`)
  const rawPath = (round: number) => join(dir, `raw-${round}.sqlite`)
  const appLoad = (round: number) => {
    const db = openReady(appPath(round))
    const insert = time(() =>
      db.transaction(() => {
        clearDomainData(db)
        insertDemo(db, data)
      })(),
    )
    const index = time(() => db.transaction(() => rebuildSearchIndex(db))())
    db.close()
    return { insert, index }
  }
  // The rows as the app stored them, read back before any timing starts.
  const first = appLoad(0)
  const source = new Database(appPath(0), { readonly: true })
  const rows = readRows(source)
  source.close()
  const rawLoad = (round: number) => rawInsert(rawPath(round), rows)
  const rawTimes = [rawLoad(1), rawLoad(2)]
  const appTimes = [first, appLoad(3), appLoad(4)]
  const raw = Math.min(...rawTimes)
  const app = Math.min(...appTimes.map((t) => t.insert))
  const appWithIndex = Math.min(...appTimes.map((t) => t.insert + t.index))
  report('Load the bench dataset (best of runs; one transaction each)', [
    ['raw prepared-statement insert (baseline)', ms(raw)],
    ['app bulk path (insertDemo)', ms(app)],
    ['  throughput vs baseline (target ≥ 0.80×)', `${(raw / app).toFixed(2)}×`],
    ['app bulk path + FTS5 index rebuild', ms(appWithIndex)],
    ['  throughput vs baseline', `${(raw / appWithIndex).toFixed(2)}×`],
  ])
  for (const file of [rawPath(1), rawPath(2), appPath(3), appPath(4)]) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  }

  // 2. Cold open plus the first clients page.
  const path = appPath(0)
  const appOpen: number[] = []
  const rawOpen: number[] = []
  for (let i = 0; i < 15; i++) {
    rawOpen.push(
      time(() => {
        const db = new Database(path)
        db.prepare("SELECT id, name FROM organizations WHERE role = 'client' ORDER BY sort_key LIMIT 100").all()
        db.close()
      }),
    )
    appOpen.push(
      await timeAsync(async () => {
        const db = openReady(path)
        await listClients(createKysely(db), { query: '', sort: 'name', direction: 'asc', offset: 0, limit: 100, filters: {} }, NOW)
        db.close()
      }),
    )
  }
  const workerOpen: number[] = []
  for (let i = 0; i < 5; i++) {
    let host!: CoreHost
    workerOpen.push(
      await timeAsync(async () => {
        host = new CoreHost({ workerPath: resolve('out/main/worker.js'), dbPath: path })
        const page = await host.call('clients:list', { query: '', sort: 'name', direction: 'asc', offset: 0, limit: 100, filters: {} })
        if (!page.ok) throw new Error(page.error.message)
      }),
    )
    await host.close()
  }
  const median = (values: number[]) => percentile(values, 50)
  report('Cold open + first clients page (median of 15)', [
    ['raw: open + one indexed SELECT (baseline)', ms(median(rawOpen))],
    ['app: openCache + listClients (target ≤ 50 ms)', ms(median(appOpen))],
    ['  vs baseline', `${(median(appOpen) / median(rawOpen)).toFixed(1)}× the time`],
    ['app: new worker thread + open + first page', ms(median(workerOpen))],
  ])

  // 3. Search as you type, top 50, against a naive ranked FTS5 query over one
  // flat index of every client, product and tender (75,000 documents).
  const db = openReady(path)
  db.exec(`CREATE VIRTUAL TABLE bench_flat USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO bench_flat (text) SELECT name || ' ' || coalesce(vat_number, '') FROM organizations;
    INSERT INTO bench_flat (text) SELECT coalesce(fqdn, '') || ' ' || customer_name || ' ' || internal_name || ' ' || replace(service_name, '_', ' ') FROM products;
    INSERT INTO bench_flat (text) SELECT title || ' ' || excerpt FROM tenders;`)
  const documents = db.prepare('SELECT count(*) FROM bench_flat').pluck().get() as number
  const sampleName = db.prepare("SELECT name FROM organizations WHERE role = 'client' ORDER BY id LIMIT 1 OFFSET 1234").pluck().get() as string
  const sampleVat = db.prepare("SELECT vat_number FROM organizations WHERE vat_number LIKE 'CHE%' LIMIT 1").pluck().get() as string
  const typed = (word: string) => Array.from({ length: word.length - 1 }, (_, i) => word.slice(0, i + 2))
  const queries = [...typed('hosting'), ...typed(sampleName.split(/\s+/)[0].toLowerCase()), ...typed(sampleVat.replace(/[^A-Z0-9]/gi, '').slice(0, 8))]
  const kysely = createKysely(db)
  const naive = db.prepare('SELECT rowid FROM bench_flat WHERE bench_flat MATCH ? ORDER BY rank LIMIT 50')
  const naiveTimes: number[] = []
  const appTimes2: number[] = []
  for (let round = 0; round < 10; round++) {
    for (const query of queries) {
      naiveTimes.push(time(() => naive.all(`"${query}"*`)))
      appTimes2.push(await timeAsync(() => listClients(kysely, { query, sort: 'name', direction: 'asc', offset: 0, limit: 50, filters: {} }, NOW)))
    }
  }
  db.close()
  report(`Search as you type, top 50 (${queries.length} prefixes × 10, e.g. ${queries.slice(0, 3).join(', ')})`, [
    [`naive ranked FTS5 over ${documents.toLocaleString('en-US')} documents, p95`, ms(percentile(naiveTimes, 95))],
    ['app clients search (page + total), p95 (target ≤ 10 ms)', ms(percentile(appTimes2, 95))],
    ['  vs baseline', `${(percentile(appTimes2, 95) / percentile(naiveTimes, 95)).toFixed(2)}× the time`],
  ])
  if (runs('clients')) await benchClients(path, NOW)
  rmSync(dir, { recursive: true, force: true })
}

// `npm run bench -- sync` runs one part (foundation: load, open, search; sync; public: a sync from the published API alone;
// render: the first clients page in Chromium, the bundle, the core's memory; billing: the billing page and the export;
// import: a Manager CSV export; tenders: the inbox; clients: the clients workspace, on the foundation's cache, so after it);
// no argument runs all.
const SECTIONS = ['foundation', 'sync', 'public', 'render', 'billing', 'import', 'tenders', 'clients'] as const
const chosen = process.argv.slice(2)
const unknown = chosen.filter((name) => !(SECTIONS as readonly string[]).includes(name))
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`)
  process.exit(2)
}
const runs = (section: (typeof SECTIONS)[number]) => chosen.length === 0 || chosen.includes(section)
console.log(`Partner Desk benchmarks (Node ${process.version})`)
// 6. The clients workspace (filters, billing totals, access matrix) runs on the foundation's bench cache.
if (runs('foundation') || runs('clients')) await benchFoundation()
// 4. Sync: a full pull over HTTP from the local API server, against a raw insert of the rows it wrote.
if (runs('sync')) await benchSync()
// 5. The same against Infomaniak's published API alone: calls by endpoint, wall time under the rate limit.
if (runs('public')) await benchPublicSync()
// 6. The first rendered clients page in Chromium, the renderer bundle, the idle core's memory.
if (runs('render')) await benchFirstRender()
// 7. Billing: a page of per-client totals for a year; an export of every line against a hand-joined raw writer.
if (runs('billing')) await benchBilling()
// 8. Import of a million-line Manager CSV export against a raw insert of the rows it stored.
if (runs('import')) await benchBillingImport()
// 9. The tender inbox: first page, search as you type, a triage key.
if (runs('tenders')) await benchTenders()
