// The clients workspace at the bench size (5,000 clients, 50,000 products,
// 1,000,000 billing lines): a filtered page (three filters + search), a page
// with its 12-month billing totals, and the access matrix of every client.
// Each against a raw better-sqlite3 query of the same answer, in the same run.
import Database from 'better-sqlite3'
import { refreshBillingRollup } from '../src/main/core/billing/rollup'
import { billingSince } from '../src/main/core/clients/billing-totals'
import { listClients } from '../src/main/core/clients/list'
import { accessMatrix } from '../src/main/core/clients/matrix'
import { createKysely } from '../src/main/core/db/kysely'
import { ms, percentile, report, time, timeAsync } from './measure'

const DAY = 86_400
const ROUNDS = 40

export async function benchClients(path: string, now: number): Promise<void> {
  const db = new Database(path)
  const kysely = createKysely(db)
  const p95 = (values: number[]) => percentile(values, 95)
  const ratio = (app: number, raw: number) => `${(app / raw).toFixed(2)}× the time`
  // The cache as the app keeps it: every path that writes billing lines refreshes their monthly totals.
  const rollup = time(() => refreshBillingRollup(db))
  report('Clients workspace cache', [['monthly billing totals of every line (not part of the ratios below)', ms(rollup)]])

  // 1. Three filters and a search, one page of 100 and the total.
  const word = (db.prepare("SELECT name FROM organizations WHERE role = 'client' ORDER BY id LIMIT 1 OFFSET 321").pluck().get() as string).split(/\s+/)[0]!.slice(0, 3)
  const filters = { access: ['complete' as const], category: ['domain' as const], renewalWithin: 60 }
  const rawFiltered = db.prepare(
    `SELECT o.id, o.name FROM organizations o JOIN partnerships p ON p.client_organization_id = o.id
     WHERE o.role = 'client' AND p.access_type = 'complete'
       AND o.id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?)
       AND EXISTS (SELECT 1 FROM products pr WHERE pr.owner_organization_id = o.id AND pr.deleted_at IS NULL AND pr.service_name = 'domain')
       AND EXISTS (SELECT 1 FROM products pr WHERE pr.owner_organization_id = o.id AND pr.deleted_at IS NULL AND pr.expired_at BETWEEN ? AND ?)
     ORDER BY o.sort_key LIMIT 100`,
  )
  const rawTimes: number[] = []
  const appTimes: number[] = []
  let matched = 0
  for (let i = 0; i < ROUNDS; i++) {
    rawTimes.push(time(() => rawFiltered.all(`"${word}"*`, now, now + 60 * DAY)))
    appTimes.push(
      await timeAsync(async () => {
        matched = (await listClients(kysely, { query: word, sort: 'name', direction: 'asc', offset: 0, limit: 100, filters }, now)).total
      }),
    )
  }
  report(`Filtered clients page: access, service, renewal within 60 days + search "${word}" (${matched} clients, ${ROUNDS} rounds)`, [
    ['raw SELECT of the page (baseline), p95', ms(p95(rawTimes))],
    ['app page + total + billing totals, p95 (target ≤ 10 ms)', ms(p95(appTimes))],
    ['  vs baseline', ratio(p95(appTimes), p95(rawTimes))],
  ])

  // 2. A page of 100 clients with their 12-month billing: the app's query against a naive aggregate joined after.
  const naive = db.prepare(
    `SELECT o.id, o.name, t.currency, t.total FROM (SELECT id, name, sort_key FROM organizations WHERE role = 'client' ORDER BY sort_key LIMIT 100 OFFSET 2000) o
     LEFT JOIN (SELECT client_organization_id, currency, sum(amount_excl_vat_minor) AS total FROM billing_lines
                WHERE occurred_at >= ? AND history_type IN ('invoice', 'order', 'renewal', 'refund') GROUP BY client_organization_id, currency) t
       ON t.client_organization_id = o.id ORDER BY o.sort_key`,
  )
  const naiveTimes: number[] = []
  const pageTimes: number[] = []
  for (let i = 0; i < 15; i++) {
    naiveTimes.push(time(() => naive.all(billingSince(now))))
    pageTimes.push(await timeAsync(() => listClients(kysely, { query: '', sort: 'name', direction: 'asc', offset: 2000, limit: 100, filters: {} }, now)))
  }
  report('A page of 100 clients with their 12-month billing totals (15 rounds)', [
    ['naive aggregate over the billing lines, p95 (baseline)', ms(p95(naiveTimes))],
    ['app page with totals, p95 (target ≤ 8 ms)', ms(p95(pageTimes))],
    ['  vs baseline', ratio(p95(pageTimes), p95(naiveTimes))],
  ])

  // 3. The access matrix of every client against a raw read of the same facts.
  const rawMatrix = db.prepare(
    `SELECT o.id, o.name, p.access_type, p.status, (SELECT group_concat(DISTINCT pr.service_name) FROM products pr
       WHERE pr.owner_organization_id = o.id AND pr.deleted_at IS NULL AND pr.managed_by_partner = 1) AS delegated
     FROM organizations o JOIN partnerships p ON p.client_organization_id = o.id WHERE o.role = 'client' ORDER BY o.sort_key`,
  )
  const rawMatrixTimes: number[] = []
  const matrixTimes: number[] = []
  let clients = 0
  for (let i = 0; i < 15; i++) {
    rawMatrixTimes.push(time(() => rawMatrix.all()))
    matrixTimes.push(
      await timeAsync(async () => {
        clients = (await accessMatrix(kysely, '', {}, now)).rows.length
      }),
    )
  }
  report(`Access matrix, ${clients.toLocaleString('en-US')} clients × service categories (15 rounds)`, [
    ['raw SELECT of the same facts, p95 (baseline)', ms(p95(rawMatrixTimes))],
    ['app matrix, p95 (target ≤ 50 ms)', ms(p95(matrixTimes))],
    ['  vs baseline', ratio(p95(matrixTimes), p95(rawMatrixTimes))],
  ])
  db.close()
}
