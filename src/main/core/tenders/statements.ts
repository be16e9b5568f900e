import type BetterSqlite3 from 'better-sqlite3'

// The inbox's queries run on every keystroke and every triage key: each is
// prepared once per connection (preparing costs as much as running it here).
const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>()

export function prepared(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = cache.get(db)
  if (!statements) cache.set(db, (statements = new Map()))
  let statement = statements.get(sql)
  if (!statement) statements.set(sql, (statement = db.prepare(sql)))
  return statement
}

/** A refusal the user can act on (answered as invalid input, never as a fault). */
export class TenderRefused extends Error {}
