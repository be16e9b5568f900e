// kill -9 during `partner-desk sync`, over and over: the pull stages pages in
// TEMP tables (the billing history in a table of its own that the next start
// drops) and merges them, cursors included, in one transaction, so after
// any kill the cache must be intact and either exactly as before the run or
// wholly merged. Then a normal sync must converge.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYNCED_LISTS } from '../../../src/shared/contract'
import { startApiServer, type ApiServer } from '../../fixtures/api-server'
import { tempDir } from '../../paths'
import { cachePathOf, changedTables, readCache, type CacheState } from './cache-state'
import { runSync, type SyncArgs } from './cli-run'
import { billingWindowOf, expectedCounts, listTotals, unionOf, type HistoryWindow } from './server-view'

const ACCOUNT = 'Crash Partner'
const RUNS = 30
/** The kill loop stops early past this, so a slow machine bounds the file's time, not its verdict. */
const LOOP_BUDGET_MS = 55_000
/** Fewer runs, or fewer kills before the merge committed, would prove little. */
const MIN_RUNS = 10
const MIN_BEFORE_MERGE = 5

let server: ApiServer
let args: SyncArgs
const dirs: string[] = []
/** Every committed pull's history window: the cache holds their union. */
const committed: HistoryWindow[] = []

beforeAll(async () => {
  // The server's clock is the current time, as the CLI's is: no line it holds is later than a pull's window.
  server = await startApiServer({ size: 'small', rateLimit: false })
  dirs.push(tempDir('crash-pull'))
  args = { account: ACCOUNT, dataDir: dirs[0], baseUrl: server.url, token: server.token, full: true }
})
afterAll(async () => {
  await server.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** Runs the CLI; its billing window comes from the server's request log, as the CLI takes its own clock. */
async function sync(options: Partial<SyncArgs> = {}, killAfterMs?: number) {
  const first = server.requests.length
  const run = await runSync({ ...args, ...options }, killAfterMs)
  return { run, window: billingWindowOf(server.requests.slice(first)) }
}

/** A whole merge: all five cursors at the run's clock, every count the server's. */
function expectMerged(state: CacheState, window: HistoryWindow | null, where: string): void {
  expect(window, `${where}: the cache changed, but this run never read the billing history`).not.toBeNull()
  const at = (window as HistoryWindow).to
  committed.push(window as HistoryWindow)
  expect(state.cursors.map((row) => row.resource), where).toEqual([...SYNCED_LISTS].sort())
  for (const row of state.cursors) {
    expect({ resource: row.resource, cursor: row.cursor, lastFullAt: row.last_full_at }, where).toEqual({ resource: row.resource, cursor: String(at), lastFullAt: at })
  }
  const totals = listTotals(server.state)
  for (const row of state.cursors) if (row.resource in totals) expect(row.last_total, `${where}: ${row.resource}`).toBe(totals[row.resource as keyof typeof totals])
  const expected = expectedCounts(server.state, unionOf(committed))
  expect(Object.fromEntries(Object.keys(expected).map((table) => [table, state.counts[table as keyof typeof expected]])), where).toEqual(expected)
}

function expectIntact(state: CacheState, where: string): void {
  expect(state.integrity, where).toBe('ok')
  expect(state.foreignKeyViolations, where).toBe(0)
}

describe('kill -9 during a pull', () => {
  it(`leaves the cache intact and either untouched or wholly merged, ${RUNS} times`, { timeout: 120_000 }, async () => {
    // How long a full pull takes here, end to end, in a cache of its own: the
    // second run, as most of the loop's runs meet a cache already created and filled.
    dirs.push(tempDir('crash-measure'))
    let pullMs = 0
    for (let round = 0; round < 2; round++) {
      const measured = await sync({ dataDir: dirs[1] })
      expect(measured.run.code, measured.run.errors).toBe(0)
      pullMs = measured.run.elapsedMs
    }

    const tally = { untouched: 0, duringMerge: 0, merged: 0, finished: 0 }
    let before = readCache(null)
    const started = performance.now()
    let runs = 0
    for (; runs < RUNS && performance.now() - started < LOOP_BUDGET_MS; runs++) {
      const delay = Math.random() * pullMs
      const { run, window } = await sync({}, delay)
      const where = `run ${runs + 1}, SIGKILL at ${delay.toFixed(0)} ms of ${pullMs.toFixed(0)}, last step ${run.phase ?? 'none'}`
      if (!run.killed) {
        expect(run.code, `${where}: ${run.errors}`).toBe(0)
        // It beat its kill: a fresher measure of the pull on this shared, noisy machine.
        pullMs = run.elapsedMs
      }
      const after = readCache(cachePathOf(args.dataDir, ACCOUNT))
      expectIntact(after, where)
      if (changedTables(before, after).length === 0) {
        // A reported merge had committed (synchronous=FULL): it cannot be missing.
        expect(run.merged, `${where}: the merge was reported done but is not in the cache`).toBe(false)
        tally[run.phase === 'merge' ? 'duringMerge' : 'untouched']++
      } else {
        expectMerged(after, window, where)
        tally[run.killed ? 'merged' : 'finished']++
      }
      before = after
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.info(
      `${runs} runs in ${seconds} s (a full pull takes ${pullMs.toFixed(0)} ms): killed before the merge ${tally.untouched}, ` +
        `during it ${tally.duringMerge}, after it committed ${tally.merged}; finished first ${tally.finished}`,
    )
    expect(runs).toBeGreaterThanOrEqual(MIN_RUNS)
    // The case that must leave no trace: kills spread over the pull mostly land there.
    expect(tally.untouched + tally.duringMerge).toBeGreaterThanOrEqual(MIN_BEFORE_MERGE)
  })

  it('then converges with a normal sync, and an incremental one changes nothing', { timeout: 60_000 }, async () => {
    const full = await sync()
    expect(full.run.code, full.run.errors).toBe(0)
    const synced = readCache(cachePathOf(args.dataDir, ACCOUNT))
    expectIntact(synced, 'full sync')
    expect(synced.staged, 'a pull leaves no staged history behind').toBe(false)
    expectMerged(synced, full.window, 'full sync')

    const incremental = await sync({ full: false })
    expect(incremental.run.code, incremental.run.errors).toBe(0)
    expect(incremental.run.stdout).toMatch(/partnership changes detected: 0\n/)
    const after = readCache(cachePathOf(args.dataDir, ACCOUNT))
    expectIntact(after, 'incremental sync')
    // Its cursors move and organizations record when they were seen; the data itself stays.
    const data = ['partnerships', 'partnership_products', 'products', 'tags', 'product_tags', 'invoices', 'billing_lines', 'tenders', 'partnership_events'] as const
    expect(changedTables(synced, after, data)).toEqual([])
    expect(after.counts.organizations).toBe(synced.counts.organizations)
  })
})
