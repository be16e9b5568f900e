import type BetterSqlite3 from 'better-sqlite3'
import type { CacheInfo } from '../../../shared/contract'

export function countRows(db: BetterSqlite3.Database): CacheInfo['counts'] {
  return db
    .prepare(
      `SELECT
        (SELECT count(*) FROM organizations WHERE role = 'client') AS clients,
        (SELECT count(*) FROM partnerships) AS partnerships,
        (SELECT count(*) FROM products) AS products,
        (SELECT count(*) FROM billing_lines) AS billingLines,
        (SELECT count(*) FROM invoices) AS invoices,
        (SELECT count(*) FROM tenders) AS tenders,
        (SELECT count(*) FROM tags) AS tags,
        (SELECT count(*) FROM outbox) AS outbox`,
    )
    .get() as CacheInfo['counts']
}
