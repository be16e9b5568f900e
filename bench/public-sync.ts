// A full pull against Infomaniak's published API alone (the local server's
// `public` profile, bench size): the calls it makes by endpoint, checked
// against what it should make (3 per account, the /1/products pages at the
// server's page size, the b2b pages, one probe per partner family), the
// least wall time that takes under 60 calls a minute, and its ingest against
// a raw insert of the same rows.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { CAPABILITY_FAMILIES } from '../src/shared/domain'
import { INFOMANIAK_RATE_LIMIT } from '../src/main/core/remote/http'
import { PUBLIC_PER_PAGE } from '../tests/fixtures/api-server/public-routes'
import { ms, report } from './measure'
import { openReady, rawInsert, readRows } from './raw-baseline'
import { count, type LocalApi, profiledPull, startLocalApi } from './sync'

/** Profile, accounts, the user's staff invitation. */
const PER_ACCOUNT_CALLS = 3

export async function benchPublicSync(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-desk-bench-public-'))
  let api: LocalApi | undefined
  try {
    const started = performance.now()
    api = await startLocalApi('public')
    report('Public-only sync: local API server, public profile, bench size, rate limit off', [['start (not in the ratios)', ms(performance.now() - started)]])

    // As bench/sync.ts: a first pull while the server renders its answers on the same two cores, then one with them ready (a
    // remote server costs this machine nothing); the raw insert of the rows between them.
    const now = Math.floor(Date.now() / 1000)
    const db = openReady(join(dir, 'public.sqlite'))
    const cold = await profiledPull(db, api.url, now)
    const rows = readRows(db)
    const rowCount = rows.reduce((sum, { values }) => sum + values.length, 0)
    db.close()
    const rawMs = rawInsert(join(dir, 'raw.sqlite'), rows)
    const warmDb = openReady(join(dir, 'warm.sqlite'))
    const pull = await profiledPull(warmDb, api.url, now)
    warmDb.close()

    const calls = [...pull.calls.values()].reduce((sum, entry) => sum + entry.calls, 0)
    const callsTo = (route: string) => pull.calls.get(route)?.calls ?? 0
    const productPages = Math.max(1, Math.ceil((pull.totals.get('products') ?? 0) / PUBLIC_PER_PAGE))
    const b2bPages = callsTo('GET /1/accounts/{account}/invitations/{invitation}/b2b')
    const expected = PER_ACCOUNT_CALLS + productPages + b2bPages + CAPABILITY_FAMILIES.length
    report('Public-only sync: calls of one full pull, per endpoint (never one per client)', [
      ...[...pull.calls].map(([endpoint, entry]): [string, string] => [endpoint, `${count(entry.calls)}  (${entry.params.size} distinct path parameters)`]),
      ['all calls', count(calls)],
      [
        `expected: ${PER_ACCOUNT_CALLS} per account + /1/products pages at the server's ${PUBLIC_PER_PAGE} + b2b pages + ${CAPABILITY_FAMILIES.length} partner probes`,
        `${count(expected)}  (${productPages} + ${b2bPages})`,
      ],
    ])
    const { limit, windowMs } = INFOMANIAK_RATE_LIMIT
    report(`Public-only sync: under the real limit (${limit} per ${windowMs / 1000} s)`, [
      ['minimum wall time of a full pull', `${(((Math.ceil(calls / limit) - 1) * windowMs) / 60_000).toFixed(0)} min (${calls} calls, ${limit} pass at once)`],
    ])
    report('Public-only sync: ingest vs raw insert of the same rows', [
      ['rows written', count(rowCount)],
      ['raw prepared-statement insert (baseline)', ms(rawMs)],
      ['full public pull over HTTP, the server rendering its answers meanwhile', `${ms(cold.totalMs)}  (${(rawMs / cold.totalMs).toFixed(2)}×)`],
      ['full public pull over HTTP, the server’s answers ready (as remote)', ms(pull.totalMs)],
      ['  ingest throughput vs baseline', `${(rawMs / pull.totalMs).toFixed(2)}×`],
      ['  this thread idle: waiting for the server', ms(pull.idleMs)],
      ['  merge: one transaction into the cache', ms(pull.mergeMs)],
    ])
  } finally {
    await api?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
