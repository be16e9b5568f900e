// The billing history is the bulk of a pull (a million lines at bench size).
// Its pages are staged by a connection of their own (see stager.ts) into a
// table of the cache file shaped exactly like billing_lines, so that a full
// pull can make that table the new billing_lines instead of copying a million
// rows into an indexed table a second time.
import type BetterSqlite3 from 'better-sqlite3'

/** The staged history, in the cache file: left behind only by a crash, and dropped when the core next opens the file. */
export const HISTORY_STAGE = 'sync_billing_lines'

/** billing_lines' columns, in the order rows.ts's billingLineRow gives them. */
export const HISTORY_COLUMNS =
  'id, client_organization_id, product_id, invoice_id, history_type, occurred_at, description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by'

const ddlOf = (db: BetterSqlite3.Database, type: 'table' | 'index'): string[] =>
  db.prepare("SELECT sql FROM sqlite_master WHERE type = ? AND tbl_name = 'billing_lines' AND sql IS NOT NULL ORDER BY name").pluck().all(type) as string[]

/** An empty staging table with billing_lines' own columns and checks (its indexes come after the rows, if at all). */
export function createHistoryStage(db: BetterSqlite3.Database): void {
  const [table] = ddlOf(db, 'table')
  // A renamed table's DDL names it quoted (`CREATE TABLE "billing_lines"`): both spellings are the table.
  const staged = table.replace(/^CREATE TABLE\s+"?billing_lines"?/i, `CREATE TABLE ${HISTORY_STAGE}`)
  if (staged === table) throw new Error(`billing_lines is declared in an unexpected way: ${table.slice(0, 60)}`)
  db.exec(`DROP TABLE IF EXISTS main.${HISTORY_STAGE}`)
  db.exec(staged)
}

export function dropHistoryStage(db: BetterSqlite3.Database): void {
  db.exec(`DROP TABLE IF EXISTS main.${HISTORY_STAGE}`)
}

/**
 * What a line may name that the cache does not hold (a product or invoice
 * deleted since, a client no longer managed): the line is kept without the
 * link, or left out with its client. Run on the staged rows, in the merge.
 */
const UNLINK = `
DELETE FROM ${HISTORY_STAGE} WHERE client_organization_id NOT IN (SELECT id FROM main.organizations);
UPDATE ${HISTORY_STAGE} SET
    product_id = CASE WHEN product_id IN (SELECT id FROM main.products) THEN product_id END,
    invoice_id = CASE WHEN invoice_id IN (SELECT id FROM main.invoices) THEN invoice_id END
  WHERE product_id NOT IN (SELECT id FROM main.products) OR invoice_id NOT IN (SELECT id FROM main.invoices);`

export function unlinkStagedHistory(db: BetterSqlite3.Database): void {
  db.exec(UNLINK)
}

/**
 * A full pull read the whole window `[from, now]`: the staged table becomes
 * billing_lines (lines older than the window, and imported ones, are carried over), and the
 * indexes are built once over the finished table, which at a million rows is
 * far cheaper than keeping four indexes up to date row by row. Runs inside
 * the merge's transaction, so a failure leaves the old table in place.
 */
export function replaceHistory(db: BetterSqlite3.Database, from: number): void {
  const indexes = ddlOf(db, 'index')
  // Lines imported from the Manager's CSV are the user's: no pull replaces them (their negative ids never meet the server's).
  db.prepare(`INSERT OR IGNORE INTO ${HISTORY_STAGE} SELECT * FROM billing_lines WHERE occurred_at < ? OR import_id IS NOT NULL`).run(from)
  unlinkStagedHistory(db)
  db.exec(`DROP TABLE billing_lines; ALTER TABLE ${HISTORY_STAGE} RENAME TO billing_lines;`)
  for (const index of indexes) db.exec(index)
  // The staging connection does not enforce foreign keys; UNLINK must have left none broken.
  const broken = db.prepare('SELECT count(*) FROM pragma_foreign_key_check(?)').pluck().get('billing_lines') as number
  if (broken > 0) throw new Error(`the billing history would hold ${broken} lines naming rows the cache does not have`)
}
