// Keeps billing_rollup (migration 4), its sum over history types,
// billing_rollup_clients (migration 7), and each client's monthly charges,
// billing_client_charges (migration 8), in step with billing_lines. Called by
// every path that changes the lines (demo, sync merge, import) inside its own
// transaction, for the time range it touched; never by a trigger, which
// would cost a sync's ingest on every row.
import type BetterSqlite3 from 'better-sqlite3'
import { CHARGE_TYPES } from '../../../shared/billing'

const MONTH = "CAST(strftime('%Y%m', occurred_at, 'unixepoch') AS INTEGER)"
/** Seconds in about a quarter. */
const WIDE_RANGE = 92 * 86_400

/** yyyymm of a Unix time, in UTC. */
export function monthCode(seconds: number): number {
  const date = new Date(seconds * 1000)
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1
}

/** The month after yyyymm. */
export const nextMonthCode = (code: number): number => (code % 100 === 12 ? code + 89 : code + 1)

/** Unix seconds at the start of the month yyyymm (UTC). */
export function monthStartSeconds(code: number): number {
  return Date.UTC(Math.floor(code / 100), (code % 100) - 1, 1) / 1000
}

/**
 * Recomputes the totals of the months that `range` (Unix seconds, both ends
 * included) touches, and of their years; without a range, of everything.
 */
export function refreshBillingRollup(db: BetterSqlite3.Database, range?: { from: number; to: number }): void {
  db.transaction(() => {
    let first: number
    let last: number
    if (range) {
      first = monthCode(range.from)
      last = monthCode(range.to)
    } else {
      const bounds = db.prepare('SELECT min(occurred_at) AS lo, max(occurred_at) AS hi FROM billing_lines').get() as { lo: number | null; hi: number | null }
      db.prepare('DELETE FROM billing_rollup').run()
      db.prepare('DELETE FROM billing_rollup_clients').run()
      db.prepare('DELETE FROM billing_client_charges').run()
      if (bounds.lo === null || bounds.hi === null) return
      first = monthCode(bounds.lo)
      last = monthCode(bounds.hi)
    }
    const from = monthStartSeconds(first)
    const to = monthStartSeconds(nextMonthCode(last))
    const [y1, y2] = [Math.floor(first / 100), Math.floor(last / 100)]
    const months = { m1: first, m2: last }
    db.prepare('DELETE FROM billing_rollup WHERE period BETWEEN :m1 AND :m2 AND period % 100 <> 0').run(months)
    // Over more than a few months, one pass over the table beats a million lookups through the date index.
    const scan = to - from > WIDE_RANGE ? 'NOT INDEXED' : ''
    db.prepare(
      `INSERT INTO billing_rollup (period, client_organization_id, history_type, currency, lines, net_minor, vat_minor)
       SELECT ${MONTH} AS p, client_organization_id, history_type, currency, count(*), sum(amount_excl_vat_minor), sum(vat_minor)
       FROM billing_lines ${scan} WHERE occurred_at >= :from AND occurred_at < :to
       GROUP BY p, client_organization_id, history_type, currency`,
    ).run({ from, to })
    db.prepare(
      `INSERT INTO billing_rollup (period, client_organization_id, history_type, currency, lines, net_minor, vat_minor)
       SELECT period, 0, history_type, currency, sum(lines), sum(net_minor), sum(vat_minor) FROM billing_rollup
       WHERE period BETWEEN :m1 AND :m2 AND period % 100 <> 0 AND client_organization_id > 0
       GROUP BY period, history_type, currency`,
    ).run(months)
    db.prepare('DELETE FROM billing_rollup WHERE period BETWEEN :p1 AND :p2 AND period % 100 = 0').run({ p1: y1 * 100, p2: y2 * 100 })
    db.prepare(
      `INSERT INTO billing_rollup (period, client_organization_id, history_type, currency, lines, net_minor, vat_minor)
       SELECT (period / 100) * 100, client_organization_id, history_type, currency, sum(lines), sum(net_minor), sum(vat_minor)
       FROM billing_rollup WHERE period BETWEEN :p1 AND :p2 + 12 AND period % 100 <> 0
       GROUP BY period / 100, client_organization_id, history_type, currency`,
    ).run({ p1: y1 * 100, p2: y2 * 100 })
    const touched = '(period BETWEEN :m1 AND :m2 AND period % 100 <> 0) OR (period BETWEEN :p1 AND :p2 AND period % 100 = 0)'
    const periods = { ...months, p1: y1 * 100, p2: y2 * 100 }
    db.prepare(`DELETE FROM billing_rollup_clients WHERE ${touched}`).run(periods)
    db.prepare(
      `INSERT INTO billing_rollup_clients (period, client_organization_id, currency, lines, net_minor, vat_minor)
       SELECT period, client_organization_id, currency, sum(lines), sum(net_minor), sum(vat_minor) FROM billing_rollup
       WHERE (${touched}) AND client_organization_id > 0
       GROUP BY period, client_organization_id, currency`,
    ).run(periods)
    db.prepare('DELETE FROM billing_client_charges WHERE period BETWEEN :m1 AND :m2').run(months)
    db.prepare(
      `INSERT INTO billing_client_charges (client_organization_id, period, currency, net_minor)
       SELECT client_organization_id, period, currency, sum(net_minor) FROM billing_rollup
       WHERE period BETWEEN :m1 AND :m2 AND period % 100 <> 0 AND client_organization_id > 0
         AND history_type IN (${CHARGE_TYPES.map((type) => `'${type}'`).join(', ')})
       GROUP BY client_organization_id, period, currency`,
    ).run(months)
  })()
}

/** The time range of lines about to be replaced or merged, to refresh afterwards with the staged ones'. */
export function linesRange(db: BetterSqlite3.Database, table: string, where = 'true'): { from: number; to: number } | null {
  const row = db.prepare(`SELECT min(occurred_at) AS lo, max(occurred_at) AS hi FROM ${table} WHERE ${where}`).get() as { lo: number | null; hi: number | null }
  return row.lo === null || row.hi === null ? null : { from: row.lo, to: row.hi }
}

export function widen(a: { from: number; to: number } | null, b: { from: number; to: number } | null): { from: number; to: number } | null {
  if (!a) return b
  if (!b) return a
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) }
}
