// Named views of the clients table: a name and the filter route it opens.
import type BetterSqlite3 from 'better-sqlite3'
import type { SavedView } from '../../../shared/contract'

export const listViews = (db: BetterSqlite3.Database): SavedView[] =>
  db.prepare('SELECT id, name, route, created_at AS createdAt FROM saved_views ORDER BY name COLLATE NOCASE, id').all() as SavedView[]

/** Saving under a name already used replaces that view's filters. */
export function saveView(db: BetterSqlite3.Database, name: string, route: string, now: number): SavedView[] {
  db.prepare('INSERT INTO saved_views (name, route, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET route = excluded.route').run(name, route, now)
  return listViews(db)
}

export function deleteView(db: BetterSqlite3.Database, id: number): SavedView[] {
  db.prepare('DELETE FROM saved_views WHERE id = ?').run(id)
  return listViews(db)
}
