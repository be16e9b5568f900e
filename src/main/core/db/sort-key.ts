/**
 * The key a name sorts by: accents and case folded, so "Électricité" files
 * under E and "Über" under U, as a Swiss or French reader expects. SQLite's
 * NOCASE folds ASCII only, and better-sqlite3 cannot register a collation,
 * so the key is computed where names are written and stored beside them.
 */
export function sortKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
}
