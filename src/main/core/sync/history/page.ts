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
 * Reads the pages of one listing of the history, each checked against the
 * pages before it, and stages each in its own transaction. The client
 * scrubs the token from what a failure quotes, so nothing is scrubbed here.
 */
export function historyPageReader(db: BetterSqlite3.Database): HistoryPageReader {
  const schema = pageEnvelope(ENDPOINTS.billingHistory.item)
  const checker = new PageChecker()
  const insert = db.prepare(`INSERT INTO ${HISTORY_STAGE} (${HISTORY_COLUMNS}) VALUES (${HISTORY_COLUMNS.split(', ').map(() => '?').join(', ')})`)
  const stage = db.transaction((lines: readonly BillingLine[]) => {
    for (const line of lines) insert.run(billingLineRow(line))
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
    stage(checked.value.data)
    return { ok: true, value: { page, pages: checked.value.pages, total: checked.value.total } }
  }
}
