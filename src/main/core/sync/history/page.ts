// One page of the billing history, from the answer's text to staged rows:
// what the pull's own thread would do with it, done by the connection that
// stages the history (on a thread of its own when the core runs in a worker).
import type BetterSqlite3 from 'better-sqlite3'
import { ENDPOINTS } from '../../remote/endpoints'
import { type Checked, checkShape, PageChecker, pageEnvelope, type PageMeta, readAnswer } from '../../remote/http'
import type { BillingLine } from '../../remote/schemas'
import { billingLineRow } from '../rows'
import { HISTORY_COLUMNS, HISTORY_STAGE } from './table'

export type HistoryPageReader = (page: number, body: string) => Checked<PageMeta>

/**
 * Lines per INSERT: one statement binding many rows costs a fraction of as
 * many one-row statements (a million lines: 2.4 s → 1.8 s). Its 600
 * parameters are far below SQLite's limit.
 */
const LINES_PER_INSERT = 50

/**
 * Reads the pages of one listing of the history, each checked against the
 * pages before it, and stages each in its own transaction. A line that
 * repeats one already staged is refused by the table's primary key (no
 * set of a million ids kept beside it). The client scrubs the token from
 * what a failure quotes, so nothing is scrubbed here.
 */
export function historyPageReader(db: BetterSqlite3.Database): HistoryPageReader {
  const schema = pageEnvelope(ENDPOINTS.billingHistory.item)
  const checker = new PageChecker({ trackIds: false })
  const row = `(${HISTORY_COLUMNS.split(', ').map(() => '?').join(', ')})`
  const insert = (lines: number) => db.prepare(`INSERT INTO ${HISTORY_STAGE} (${HISTORY_COLUMNS}) VALUES ${Array(lines).fill(row).join(', ')}`)
  const insertMany = insert(LINES_PER_INSERT)
  const insertOne = insert(1)
  const stage = db.transaction((lines: readonly BillingLine[]) => {
    let next = 0
    const values: unknown[] = []
    for (; next + LINES_PER_INSERT <= lines.length; next += LINES_PER_INSERT) {
      values.length = 0
      for (let i = next; i < next + LINES_PER_INSERT; i++) values.push(...billingLineRow(lines[i]))
      insertMany.run(values)
    }
    for (; next < lines.length; next++) insertOne.run(billingLineRow(lines[next]))
  })
  const asIs = (text: string) => text
  return (page, body) => {
    // Only successful answers come here: the client reads refusals itself.
    const answer = readAnswer(200, body, null, asIs)
    if (!answer.ok) return answer
    const checked = checkShape(schema, answer.envelope, asIs)
    if (!checked.ok) return checked
    const fault = checker.check(page, checked.value)
    if (fault !== null) return { ok: false, failure: { kind: 'malformed', ...fault } }
    try {
      stage.immediate(checked.value.data)
    } catch (error) {
      const repeated = isRepeatedKey(error) ? repeatedId(checked.value.data, db) : null
      if (repeated === null) throw error
      return { ok: false, failure: { kind: 'malformed', path: `data[${repeated.index}].id`, problem: `id ${repeated.id} already came on ${repeated.where}` } }
    }
    return { ok: true, value: { page, pages: checked.value.pages, total: checked.value.total } }
  }
}

const isRepeatedKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'

/** After the page's transaction was refused: the first line whose id is on the page twice, or staged already. */
function repeatedId(lines: readonly BillingLine[], db: BetterSqlite3.Database): { index: number; id: number; where: string } | null {
  const staged = db.prepare(`SELECT 1 FROM ${HISTORY_STAGE} WHERE id = ?`)
  const onPage = new Set<number>()
  for (const [index, { id }] of lines.entries()) {
    if (onPage.has(id)) return { index, id, where: 'this page' }
    if (staged.get(id) !== undefined) return { index, id, where: 'an earlier page' }
    onPage.add(id)
  }
  return null
}
