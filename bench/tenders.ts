// The tender inbox at the bench size (20,000 tenders): the first page, a
// search as the partner types, a triage key (a state change, then the next
// tender ready), each against a raw better-sqlite3 query of the same rows in
// the same run. Targets (issue 9): first page ≤ 30 ms, search p95 ≤ 10 ms,
// triage ≤ 5 ms, all in the core.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_SEED } from '../src/main/core/cache/seed-demo'
import { Random } from '../src/main/core/demo/random'
import { DEMO_SIZE_SPECS } from '../src/main/core/demo/sizes'
import { generateTenders } from '../src/main/core/demo/tenders'
import { rebuildTenderIndex } from '../src/main/core/search/index'
import { tenderHandlers } from '../src/main/core/tenders/handlers'
import type { TenderPage } from '../src/shared/tenders'
import { ms, percentile, report, time, timeAsync } from './measure'
import { openReady } from './raw-baseline'

const NOW = 1_795_000_000

export async function benchTenders(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-desk-bench-tenders-'))
  const db = openReady(join(dir, 'cache.sqlite'))
  const tenders = generateTenders(new Random(DEMO_SEED).fork('tenders'), DEMO_SIZE_SPECS.bench.tenders, NOW)
  db.transaction(() => {
    const insert = db.prepare(
      `INSERT INTO tenders (id, title, category, excerpt, full_text, contact_name, contact_email, contact_phone,
         posted_at, revealed_at, valid_until, budget_minor, currency, remote_state, triage_state, score, notes, proposal)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const t of tenders) {
      const r = t.reveal
      insert.run(t.id, t.title, t.category, t.excerpt, r?.fullText ?? null, r?.contactName ?? null, r?.contactEmail ?? null, r?.contactPhone ?? null,
        t.postedAt, r?.revealedAt ?? null, t.validUntil, t.budgetMinor, t.currency, t.remoteState, t.triageState, t.score, t.notes, t.proposal)
    }
    rebuildTenderIndex(db)
  })()
  const handlers = tenderHandlers({ db: () => db, now: () => NOW, remote: () => null })
  const list = async (input: Parameters<(typeof handlers)['tenders:list']>[0]): Promise<TenderPage> => {
    const result = await handlers['tenders:list'](input)
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }
  const inbox = { query: '', states: ['new', 'shortlisted', 'consulted', 'proposal_sent'] as const, category: null, region: null, language: null,
    source: null, showSnoozed: false, conflictsOnly: false, sort: 'posted' as const, direction: 'desc' as const, offset: 0, limit: 50 }
  // The first read brings the inbox up to date (expiry, withdrawals, scores): once per cache, timed apart.
  const sweepTime = await timeAsync(() => list({ ...inbox, states: [...inbox.states] }))

  // 1. The first page (50 rows, its total, the new-since-visit count) against the same page and total written by hand.
  const rawRows = db.prepare(
    `SELECT id, title, category, excerpt, budget_minor, currency, posted_at, valid_until, triage_state, remote_state, score FROM tenders
      WHERE +triage_state IN ('new', 'shortlisted', 'consulted', 'proposal_sent') AND (snoozed_until IS NULL OR snoozed_until <= ?)
      ORDER BY posted_at DESC, id DESC LIMIT 50`,
  )
  const rawTotal = db.prepare(
    `SELECT count(*) FROM tenders WHERE triage_state IN ('new', 'shortlisted', 'consulted', 'proposal_sent') AND (snoozed_until IS NULL OR snoozed_until <= ?)`,
  )
  const raw = { all: (now: number) => [rawRows.all(now), rawTotal.get(now)] }
  const firstPage: number[] = []
  const rawPage: number[] = []
  for (let i = 0; i < 40; i++) {
    rawPage.push(time(() => raw.all(NOW)))
    firstPage.push(await timeAsync(() => list({ ...inbox, states: [...inbox.states] })))
  }

  // 2. Search as the partner types, in the inbox's view: every prefix of a few words from the titles.
  const words = ['website', 'migration', 'hosting', 'mailboxes', 'security', 'newsletter', 'Lausanne', 'Zürich']
  // The raw baseline: the same page of the same search, written by hand (matches, newest first, 50 of them, and how many).
  const rawSearchPage = db.prepare(
    `SELECT id, title, category, excerpt, budget_minor, currency, posted_at, valid_until, triage_state, remote_state, score FROM tenders
      WHERE id IN (SELECT rowid FROM tenders_fts WHERE tenders_fts MATCH ?) AND triage_state IN ('new', 'shortlisted', 'consulted', 'proposal_sent')
      ORDER BY posted_at DESC, id DESC LIMIT 50`,
  )
  const rawSearchCount = db.prepare(
    `SELECT count(*) FROM tenders WHERE id IN (SELECT rowid FROM tenders_fts WHERE tenders_fts MATCH ?)
      AND triage_state IN ('new', 'shortlisted', 'consulted', 'proposal_sent')`,
  )
  const rawSearch = { all: (match: string) => [rawSearchPage.all(match), rawSearchCount.get(match)] }
  const search: number[] = []
  const rawSearchTimes: number[] = []
  for (let round = 0; round < 3; round++) {
    for (const word of words) {
      for (let n = 2; n <= word.length; n++) {
        const query = word.slice(0, n)
        rawSearchTimes.push(time(() => rawSearch.all(`"${query}"*`)))
        search.push(await timeAsync(() => list({ ...inbox, states: [...inbox.states], query })))
      }
    }
  }

  // 3. Triage keys: shortlist the selected tender, then the next one is ready (its detail read); raw: the same UPDATE and SELECT.
  const ids = (await list({ ...inbox, states: ['new'], limit: 200 })).rows.map((r) => r.id)
  const triage: number[] = []
  const rawTriage: number[] = []
  const rawUpdate = db.prepare('UPDATE tenders SET triage_state = ?, triaged_at = ? WHERE id = ?')
  const rawNext = db.prepare('SELECT * FROM tenders WHERE id = ?')
  for (let i = 0; i + 1 < ids.length; i += 2) {
    rawTriage.push(
      time(() => {
        db.transaction(() => rawUpdate.run('shortlisted', NOW, ids[i]))()
        rawNext.get(ids[i + 1])
      }),
    )
    triage.push(
      await timeAsync(async () => {
        await handlers['tenders:move']({ id: ids[i], to: 'shortlisted' })
        await handlers['tenders:get']({ id: ids[i + 1] })
      }),
    )
  }
  db.close()
  rmSync(dir, { recursive: true, force: true })

  const median = (samples: number[]) => percentile(samples, 50)
  report(`Tender inbox, ${tenders.length.toLocaleString('en')} tenders (core, in-process; median unless said)`, [
    ['first read, bringing the inbox up to date (once)', ms(sweepTime)],
    ['raw page of 50 + total (baseline)', ms(median(rawPage))],
    ['inbox first page (target ≤ 30 ms)', ms(median(firstPage))],
    ['  ratio vs raw', `${(median(firstPage) / median(rawPage)).toFixed(1)}×`],
    ['raw search page + count p95 (baseline)', ms(percentile(rawSearchTimes, 95))],
    [`search as you type p95, ${search.length} queries (target ≤ 10 ms)`, ms(percentile(search, 95))],
    ['  ratio vs raw (p95)', `${(percentile(search, 95) / percentile(rawSearchTimes, 95)).toFixed(1)}×`],
    ['raw update + next row (baseline)', ms(median(rawTriage))],
    ['triage: move + next tender ready (target ≤ 5 ms)', ms(median(triage))],
    ['  p95', ms(percentile(triage, 95))],
    ['  ratio vs raw', `${(median(triage) / median(rawTriage)).toFixed(1)}×`],
  ])
}
