import type BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './schema'

export type Db = Kysely<Database>

export function createKysely(db: BetterSqlite3.Database): Db {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) })
}
