// Sums of billing lines over a period, read from the rollup for the whole
// years and months inside the period and from the lines themselves only for
// the days at its edges.
import type BetterSqlite3 from 'better-sqlite3'
import { HISTORY_FILTER_TYPES, type BillingQuery } from '../../../shared/billing'
import type { Currency, HistoryType } from '../../../shared/domain'
import { periodSeconds } from '../../../shared/period'
import { monthCode, monthStartSeconds } from './rollup'

export interface Sum {
  client: number
  /** yyyymm, or 0 when not asked by month. */
  month: number
  type: HistoryType
  currency: Currency
  lines: number
  net: number
  vat: number
}

interface Segments {
  periods: number[]
  /** [from, to) Unix seconds read from the lines. */
  raw: Array<[number, number]>
}

const nextMonth = (code: number): number => (code % 100 === 12 ? code + 89 : code + 1)

/** Splits [from, to) into whole years (yyyy00, unless `byMonth`), whole months and the days left over. */
export function segments(from: number, to: number, byMonth: boolean): Segments {
  const out: Segments = { periods: [], raw: [] }
  let cursor = from
  while (cursor < to) {
    const month = monthCode(cursor)
    const monthStart = monthStartSeconds(month)
    const monthEnd = monthStartSeconds(nextMonth(month))
    if (cursor !== monthStart || monthEnd > to) {
      const end = Math.min(monthEnd, to)
      out.raw.push([cursor, end])
      cursor = end
      continue
    }
    const yearEnd = monthStartSeconds((Math.floor(month / 100) + 1) * 100 + 1)
    if (!byMonth && month % 100 === 1 && yearEnd <= to) {
      out.periods.push(month - 1)
      cursor = yearEnd
    } else {
      out.periods.push(month)
      cursor = monthEnd
    }
  }
  return out
}

const MONTH = "CAST(strftime('%Y%m', occurred_at, 'unixepoch') AS INTEGER)"
const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>()

function prepared(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}

export function aggregate(db: BetterSqlite3.Database, query: BillingQuery, { byClient, byMonth }: { byClient: boolean; byMonth: boolean }): Sum[] {
  const { from, to } = periodSeconds(query)
  const { periods, raw } = segments(from, to, byMonth)
  const params: Record<string, unknown> = { types: JSON.stringify(HISTORY_FILTER_TYPES[query.type]) }
  if (query.clients) params.clients = JSON.stringify(query.clients)
  if (query.currency) params.currency = query.currency
  const currency = query.currency ? 'AND currency = :currency' : ''
  const clientOf = byClient ? 'client_organization_id' : '0'
  const selected = 'client_organization_id IN (SELECT value FROM json_each(:clients))'
  const sums = new Map<string, Sum>()
  const add = (rows: Sum[]) => {
    for (const row of rows) {
      const key = `${row.client}|${row.month}|${row.type}|${row.currency}`
      const known = sums.get(key)
      if (known) {
        known.lines += row.lines
        known.net += row.net
        known.vat += row.vat
      } else sums.set(key, row)
    }
  }
  if (periods.length > 0) {
    const clients = query.clients ? selected : byClient ? 'client_organization_id > 0' : 'client_organization_id = 0'
    const sql = `SELECT ${clientOf} AS client, ${byMonth ? 'period' : '0'} AS month, history_type AS type, currency,
        sum(lines) AS lines, sum(net_minor) AS net, sum(vat_minor) AS vat
      FROM billing_rollup WHERE period IN (SELECT value FROM json_each(:periods)) AND ${clients}
        AND history_type IN (SELECT value FROM json_each(:types)) ${currency}
      GROUP BY 1, 2, 3, 4`
    add(prepared(db, sql).all({ ...params, periods: JSON.stringify(periods) }) as Sum[])
  }
  const rawSql = `SELECT ${clientOf} AS client, ${byMonth ? MONTH : '0'} AS month, history_type AS type, currency,
      count(*) AS lines, sum(amount_excl_vat_minor) AS net, sum(vat_minor) AS vat
    FROM billing_lines WHERE occurred_at >= :from AND occurred_at < :to ${query.clients ? `AND ${selected}` : ''}
      AND history_type IN (SELECT value FROM json_each(:types)) ${currency}
    GROUP BY 1, 2, 3, 4`
  for (const [start, end] of raw) add(prepared(db, rawSql).all({ ...params, from: start, to: end }) as Sum[])
  return [...sums.values()]
}

/** `202501` → `2025-01`. */
export const monthText = (code: number): string => `${Math.floor(code / 100)}-${String(code % 100).padStart(2, '0')}`

/**
 * The clients ranked by amount, summed, ordered and cut in SQL: at bench size a
 * year holds some twenty thousand rollup rows, too many to carry into
 * JavaScript for a page of a hundred. Every type together is read from
 * billing_rollup_clients, already summed over types; a single period is
 * compared with `=`, which lets SQLite sum each client as it reads the key
 * order instead of through a temporary b-tree; the edge days' lines join in
 * only when there are some; the count of ranked clients is a query of its
 * own (a window count would keep every group for one number).
 */
export function rankedClients(
  db: BetterSqlite3.Database,
  query: BillingQuery,
  direction: 'ASC' | 'DESC',
  limit: number,
): { total: number; rows: Array<{ id: number; currency: Currency; lines: number; net: number; vat: number }> } {
  const { from, to } = periodSeconds(query)
  const { periods, raw } = segments(from, to, false)
  const selected = query.clients ? 'AND client_organization_id IN (SELECT value FROM json_each(:clients))' : ''
  const currency = query.currency ? 'AND currency = :currency' : ''
  const types = 'AND history_type IN (SELECT value FROM json_each(:types))'
  const sources: string[] = []
  if (periods.length > 0) {
    const period = periods.length === 1 ? 'period = :period' : 'period IN (SELECT value FROM json_each(:periods))'
    sources.push(
      query.type === 'all'
        ? `SELECT client_organization_id AS client, currency, lines, net_minor AS net, vat_minor AS vat FROM billing_rollup_clients
           WHERE ${period} ${selected} ${currency}`
        : `SELECT client_organization_id AS client, currency, lines, net_minor AS net, vat_minor AS vat FROM billing_rollup
           WHERE ${period} AND client_organization_id > 0 ${selected} ${types} ${currency}`,
    )
  }
  if (raw.length > 0) {
    sources.push(`SELECT client_organization_id AS client, currency, 1 AS lines, amount_excl_vat_minor AS net, vat_minor AS vat FROM billing_lines
      WHERE ((occurred_at >= :f1 AND occurred_at < :t1) OR (occurred_at >= :f2 AND occurred_at < :t2)) ${selected} ${types} ${currency}`)
  }
  if (sources.length === 0) return { total: 0, rows: [] }
  const parts = `WITH parts AS (${sources.join(' UNION ALL ')})`
  // segments() leaves at most the two edge months to the lines; an empty range stands for a missing one.
  const [first = [0, 0], second = [0, 0]] = raw
  const params = {
    ...(periods.length === 1 ? { period: periods[0] } : { periods: JSON.stringify(periods) }),
    ...(raw.length > 0 ? { f1: first[0], t1: first[1], f2: second[0], t2: second[1] } : {}),
    ...(query.type !== 'all' || raw.length > 0 ? { types: JSON.stringify(HISTORY_FILTER_TYPES[query.type]) } : {}),
    ...(query.clients ? { clients: JSON.stringify(query.clients) } : {}),
    ...(query.currency ? { currency: query.currency } : {}),
  }
  const rows = prepared(
    db,
    `${parts} SELECT client AS id, currency, sum(lines) AS lines, sum(net) AS net, sum(vat) AS vat
    FROM parts GROUP BY client, currency ORDER BY currency, sum(net) ${direction}, client LIMIT :limit`,
  ).all({ ...params, limit }) as Array<{ id: number; currency: Currency; lines: number; net: number; vat: number }>
  const total = prepared(db, `${parts} SELECT count(*) FROM (SELECT DISTINCT client, currency FROM parts)`).pluck().get(params) as number
  return { total, rows }
}
