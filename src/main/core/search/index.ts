import type BetterSqlite3 from 'better-sqlite3'

// One search document per client: its name, its VAT number (as printed and
// compacted, so "CHE123" and "CHE-123" both find it), the names, domains and
// service of its products, and its tags. Service names are snake_case, so
// "web_hosting" is indexed as the words "web hosting".
const CLIENT_DOCUMENTS = `
SELECT o.id,
  o.name,
  coalesce(o.vat_number || ' ' || replace(replace(replace(o.vat_number, '-', ''), '.', ''), ' ', ''), ''),
  coalesce((SELECT group_concat(coalesce(p.fqdn, '') || ' ' || p.customer_name || ' ' || p.internal_name || ' ' || replace(p.service_name, '_', ' '), ' ')
            FROM products p WHERE p.owner_organization_id = o.id AND p.deleted_at IS NULL), ''),
  coalesce((SELECT group_concat(t.name, ' ') FROM tags t WHERE t.organization_id = o.id), '')
FROM organizations o WHERE o.role = 'client'`

const TENDER_DOCUMENTS = `SELECT id, title, excerpt || ' ' || coalesce(full_text, '') FROM tenders`

/** Rebuilds the clients' index; call inside the write path's transaction. */
export function rebuildClientIndex(db: BetterSqlite3.Database): void {
  db.exec(`DELETE FROM clients_fts;
    INSERT INTO clients_fts (rowid, name, vat_number, products, tags) ${CLIENT_DOCUMENTS};
    INSERT INTO clients_fts (clients_fts) VALUES ('optimize');`)
}

/** Rebuilds the tenders' index; call inside the write path's transaction. */
export function rebuildTenderIndex(db: BetterSqlite3.Database): void {
  db.exec(`DELETE FROM tenders_fts;
    INSERT INTO tenders_fts (rowid, title, text) ${TENDER_DOCUMENTS};
    INSERT INTO tenders_fts (tenders_fts) VALUES ('optimize');`)
}

/** Rebuilds both indexes; call inside the write path's transaction. */
export function rebuildSearchIndex(db: BetterSqlite3.Database): void {
  rebuildClientIndex(db)
  rebuildTenderIndex(db)
}

/** Re-indexes some clients after their tags or products changed; call inside the write's transaction. */
export function reindexClients(db: BetterSqlite3.Database, ids: readonly number[]): void {
  const list = JSON.stringify(ids)
  db.prepare('DELETE FROM clients_fts WHERE rowid IN (SELECT value FROM json_each(?))').run(list)
  db.prepare(
    `INSERT INTO clients_fts (rowid, name, vat_number, products, tags) ${CLIENT_DOCUMENTS} AND o.id IN (SELECT value FROM json_each(?))`,
  ).run(list)
}
