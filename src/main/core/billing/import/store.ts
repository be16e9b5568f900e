// The imports' tables: lines of known clients into billing_lines, the others
// beside them; the history of imports, its undo, and the saved mappings.
import type BetterSqlite3 from 'better-sqlite3'
import type { Selectable } from 'kysely'
import type { CurrencyTotals, ImportKind, ImportMapping, ImportRecord, UnmatchedLine } from '../../../../shared/billing-import'
import type { HistoryType, PaymentMode } from '../../../../shared/domain'
import type { BillingImportsTable, BillingImportUnmatchedTable } from '../../db/schema'
import { normalize, normalized } from './aliases'
import type { ReadLine } from './rows'
import { linesRange, refreshBillingRollup, widen } from '../rollup'

interface Known {
  /** Who pays by default: the partner under complete access with the wallet entrusted, the customer otherwise. */
  payer: PaymentMode
}

/** The clients the cache knows, by id and by name (a name two organizations share names neither). */
export class Clients {
  private readonly byId = new Map<number, Known>()
  private readonly byName = new Map<string, number | null>()
  private readonly own: number | null

  constructor(raw: BetterSqlite3.Database) {
    const rows = raw
      .prepare(
        `SELECT o.id, o.name, o.role, (SELECT max(p.payment_mode = 'partner') FROM partnerships p WHERE p.client_organization_id = o.id AND p.status = 'active') AS entrusted
           FROM organizations o`,
      )
      .all() as Array<{ id: number; name: string; role: 'own' | 'client'; entrusted: number | null }>
    let own: number | null = null
    for (const row of rows) {
      this.byId.set(row.id, { payer: row.role === 'own' || row.entrusted === 1 ? 'partner' : 'customer' })
      const name = normalize(row.name)
      this.byName.set(name, this.byName.has(name) ? null : row.id)
      if (row.role === 'own') own ??= row.id
    }
    this.own = own
  }

  /** The organization a line belongs to; null: not in the cache. */
  resolve(line: Pick<ReadLine, 'clientRefId' | 'clientName'>, kind: ImportKind): number | null {
    if (line.clientRefId !== null && this.byId.has(line.clientRefId)) return line.clientRefId
    if (line.clientName !== '') return this.byName.get(normalized(line.clientName)) ?? null
    // The invoice history is the partner's own.
    return kind === 'invoices' && line.clientRefId === null ? this.own : null
  }

  payer(id: number, kind: ImportKind): PaymentMode {
    return kind === 'invoices' ? 'partner' : (this.byId.get(id)?.payer ?? 'customer')
  }
}

/** A known client by its id; an unknown one as the file names it (attachUnmatched rewrites it to the id). */
const clientKey = (client: number | null, line: Pick<ReadLine, 'clientRefId' | 'clientName'>): string =>
  client !== null ? String(client) : `?${line.clientRefId ?? ''}/${normalized(line.clientName)}`

/** Room for one import's lines below every id already used (2^32 each: two million imports before ids leave 2^53). */
const ID_BLOCK = 2 ** 32

/**
 * The first id of an import's block: below every line there is, the server's
 * ids being positive. Its lines then take ascending ids, which SQLite appends
 * to its B-tree far faster than descending ones (measured: 1M lines, ~15 %).
 */
function firstId(raw: BetterSqlite3.Database): number {
  const lowest = (raw.prepare('SELECT min(id) FROM billing_lines').pluck().get() as number | null) ?? 0
  return Math.min(0, lowest) - ID_BLOCK
}

const LINE_COLUMNS = `id, client_organization_id, product_id, invoice_id, history_type, occurred_at, description, amount_excl_vat_minor,
  vat_rate_bp, vat_minor, currency, paid_by, import_id, import_key, import_seq, document_number`

/** Writes one import's lines; every write of it runs inside the caller's transaction. */
export class LineWriter {
  added = 0
  unmatched = 0
  duplicates = 0
  private nextId: number
  /** Occurrences met so far of keys that met a conflict: the nth same line of a file is its own line. */
  private readonly occurrences = new Map<string, number>()
  private readonly insertKnown: BetterSqlite3.Statement
  private readonly insertUnknown: BetterSqlite3.Statement
  private readonly ownerKnown: BetterSqlite3.Statement
  private readonly ownerUnknown: BetterSqlite3.Statement

  constructor(
    raw: BetterSqlite3.Database,
    private readonly importId: number,
    private readonly kind: ImportKind,
    private readonly clients: Clients,
  ) {
    this.nextId = firstId(raw)
    this.insertKnown = raw.prepare(
      `INSERT INTO billing_lines (${LINE_COLUMNS}) VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (import_key, import_seq) WHERE import_key IS NOT NULL DO NOTHING`,
    )
    this.insertUnknown = raw.prepare(
      `INSERT INTO billing_import_unmatched (import_id, line, client_ref_id, client_name, history_type, occurred_at, description,
         amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by, document_number, import_key, import_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (import_key, import_seq) DO NOTHING`,
    )
    this.ownerKnown = raw.prepare('SELECT import_id FROM billing_lines WHERE import_key = ? AND import_seq = ?').pluck()
    this.ownerUnknown = raw.prepare('SELECT import_id FROM billing_import_unmatched WHERE import_key = ? AND import_seq = ?').pluck()
  }

  write(line: ReadLine): void {
    const client = this.clients.resolve(line, this.kind)
    const key = `${clientKey(client, line)}\u001f${line.key}`
    let seq = this.occurrences.get(key) ?? 0
    for (;;) {
      const inserted = client === null ? this.unknown(line, key, seq) : this.known(line, key, client, seq)
      if (inserted) {
        // Only keys met before are remembered: a million distinct lines would otherwise fill the map.
        if (seq > 0 || this.occurrences.has(key)) this.occurrences.set(key, seq + 1)
        return
      }
      const owner = (client === null ? this.ownerUnknown : this.ownerKnown).get(key, seq)
      if (owner === this.importId) {
        // The same line twice in this file: the second is a line of its own.
        seq++
        continue
      }
      this.duplicates++
      this.occurrences.set(key, seq + 1)
      return
    }
  }

  private known(line: ReadLine, key: string, client: number, seq: number): boolean {
    const { changes } = this.insertKnown.run(
      this.nextId, client, line.type, line.occurredAt, line.description, line.netMinor, line.vatRateBp, line.vatMinor, line.currency,
      line.paidBy ?? this.clients.payer(client, this.kind), this.importId, key, seq, line.document,
    )
    if (changes === 0) return false
    this.nextId++
    this.added++
    return true
  }

  private unknown(line: ReadLine, key: string, seq: number): boolean {
    const { changes } = this.insertUnknown.run(
      this.importId, line.line, line.clientRefId, line.clientName, line.type, line.occurredAt, line.description, line.netMinor,
      line.vatRateBp, line.vatMinor, line.currency, line.paidBy, line.document, key, seq,
    )
    if (changes === 0) return false
    this.unmatched++
    return true
  }
}

/** An import's record as written when it completes (its id is known, it is not undone). */
export type NewImport = Omit<ImportRecord, 'id' | 'undoneAt'>

/** The import's row, written first so its lines can name it; completed once they are in. */
export function openImport(raw: BetterSqlite3.Database, fileName: string, kind: ImportKind, now: number): number {
  const id = raw
    .prepare(
      `INSERT INTO billing_imports (file_name, sha256, kind, rows, added, unmatched, duplicates, totals_json, imported_at)
       VALUES (?, ?, ?, 0, 0, 0, 0, '{}', ?) RETURNING id`,
    )
    .pluck()
    .get(fileName, '0'.repeat(64), kind, now) as number
  return id
}

export function completeImport(raw: BetterSqlite3.Database, id: number, done: NewImport): void {
  raw
    .prepare(
      `UPDATE billing_imports SET file_name = ?, sha256 = ?, kind = ?, rows = ?, added = ?, unmatched = ?, duplicates = ?,
         period_from = ?, period_to = ?, totals_json = ?, imported_at = ? WHERE id = ?`,
    )
    .run(done.fileName, done.sha256, done.kind, done.rows, done.added, done.unmatched, done.duplicates, done.periodFrom, done.periodTo,
      JSON.stringify(done.totals), done.importedAt, id)
}

/** An import as RECORD reads it: its row, with the lines still waiting for their client counted now. */
type ImportRow = Omit<Selectable<BillingImportsTable>, 'unmatched'> & { waiting: number }

const RECORD = `SELECT i.id, i.file_name, i.sha256, i.kind, i.rows, i.added, i.duplicates, i.period_from, i.period_to, i.totals_json,
    i.imported_at, i.undone_at, (SELECT count(*) FROM billing_import_unmatched u WHERE u.import_id = i.id) AS waiting
  FROM billing_imports i`

const record = (row: ImportRow): ImportRecord => ({
  id: row.id,
  fileName: row.file_name,
  sha256: row.sha256,
  kind: row.kind,
  rows: row.rows,
  added: row.added,
  unmatched: row.waiting,
  duplicates: row.duplicates,
  periodFrom: row.period_from,
  periodTo: row.period_to,
  totals: JSON.parse(row.totals_json) as CurrencyTotals,
  importedAt: row.imported_at,
  undoneAt: row.undone_at,
})

export function readImport(raw: BetterSqlite3.Database, id: number): ImportRecord | null {
  const row = raw.prepare(`${RECORD} WHERE i.id = ?`).get(id) as ImportRow | undefined
  return row ? record(row) : null
}

/** Newest first. */
export function listImports(raw: BetterSqlite3.Database, limit = 200): ImportRecord[] {
  return (raw.prepare(`${RECORD} ORDER BY i.id DESC LIMIT ?`).all(limit) as ImportRow[]).map(record)
}

/** The same file imported before and not undone, if any. */
export function importedBefore(raw: BetterSqlite3.Database, sha256: string): { id: number; at: number } | null {
  const row = raw.prepare('SELECT id, imported_at AS at FROM billing_imports WHERE sha256 = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1').get(sha256)
  return (row as { id: number; at: number } | undefined) ?? null
}

export class UndoRefused extends Error {}

/** Takes the import's lines out again; the record stays, marked undone. */
export function undoImport(raw: BetterSqlite3.Database, id: number, now: number): ImportRecord {
  return raw.transaction(() => {
    const found = readImport(raw, id)
    if (!found) throw new UndoRefused(`id: no import with id ${id}`)
    if (found.undoneAt !== null) throw new UndoRefused(`id: import ${id} (${found.fileName}) was already undone`)
    const range = linesRange(raw, 'billing_lines', `import_id = ${id}`)
    raw.prepare('DELETE FROM billing_lines WHERE import_id = ?').run(id)
    if (range) refreshBillingRollup(raw, range)
    raw.prepare('DELETE FROM billing_import_unmatched WHERE import_id = ?').run(id)
    raw.prepare('UPDATE billing_imports SET undone_at = ? WHERE id = ?').run(now, id)
    return readImport(raw, id) as ImportRecord
  })()
}

export function savedMapping(raw: BetterSqlite3.Database, signature: string): { mapping: ImportMapping; fixedType: HistoryType | null } | null {
  const row = raw.prepare('SELECT mapping_json, fixed_type FROM billing_import_mappings WHERE signature = ?').get(signature) as
    | { mapping_json: string; fixed_type: HistoryType | null }
    | undefined
  return row ? { mapping: JSON.parse(row.mapping_json) as ImportMapping, fixedType: row.fixed_type } : null
}

export function saveMapping(raw: BetterSqlite3.Database, signature: string, mapping: ImportMapping, fixedType: HistoryType | null, now: number): void {
  raw
    .prepare(
      `INSERT INTO billing_import_mappings (signature, mapping_json, fixed_type, saved_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (signature) DO UPDATE SET mapping_json = excluded.mapping_json, fixed_type = excluded.fixed_type, saved_at = excluded.saved_at`,
    )
    .run(signature, JSON.stringify(mapping), fixedType, now)
}

type UnmatchedRow = Selectable<BillingImportUnmatchedTable> & { kind: ImportKind }

export function listUnmatched(raw: BetterSqlite3.Database, importId: number | null, offset: number, limit: number): { total: number; lines: UnmatchedLine[] } {
  const where = importId === null ? '' : 'WHERE import_id = ?'
  const args = importId === null ? [] : [importId]
  const total = raw.prepare(`SELECT count(*) FROM billing_import_unmatched ${where}`).pluck().get(...args) as number
  const rows = raw.prepare(`SELECT * FROM billing_import_unmatched ${where} ORDER BY import_id, line LIMIT ? OFFSET ?`).all(...args, limit, offset) as UnmatchedRow[]
  return {
    total,
    lines: rows.map((row) => ({
      id: row.id,
      importId: row.import_id,
      line: row.line,
      clientName: row.client_name,
      clientRef: row.client_ref_id === null ? '' : String(row.client_ref_id),
      occurredAt: row.occurred_at,
      type: row.history_type,
      description: row.description,
      netMinor: row.amount_excl_vat_minor,
      currency: row.currency,
    })),
  }
}

/**
 * Lines kept as "client not in the cache" whose client a sync has since
 * brought: they move into billing_lines. Returns how many moved.
 */
export function attachUnmatched(raw: BetterSqlite3.Database): number {
  const waiting = raw
    .prepare('SELECT u.*, i.kind FROM billing_import_unmatched u JOIN billing_imports i ON i.id = u.import_id ORDER BY u.id')
    .all() as UnmatchedRow[]
  if (waiting.length === 0) return 0
  const clients = new Clients(raw)
  let moved = 0
  let attached: { from: number; to: number } | null = null
  raw.transaction(() => {
    let nextId = firstId(raw)
    const insert = raw.prepare(`INSERT INTO billing_lines (${LINE_COLUMNS}) VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (import_key, import_seq) WHERE import_key IS NOT NULL DO NOTHING`)
    const remove = raw.prepare('DELETE FROM billing_import_unmatched WHERE id = ?')
    for (const row of waiting) {
      const client = clients.resolve({ clientRefId: row.client_ref_id, clientName: row.client_name }, row.kind)
      if (client === null) continue
      // Keyed by the client's id now, as the same line imported from now on will be (already there: it is that line).
      const key = `${client}${row.import_key.slice(row.import_key.indexOf('\u001f'))}`
      insert.run(nextId++, client, row.history_type, row.occurred_at, row.description, row.amount_excl_vat_minor, row.vat_rate_bp, row.vat_minor,
        row.currency, row.paid_by ?? clients.payer(client, row.kind), row.import_id, key, row.import_seq, row.document_number)
      remove.run(row.id)
      moved++
      attached = widen(attached, { from: row.occurred_at, to: row.occurred_at })
    }
    if (attached) refreshBillingRollup(raw, attached)
  })()
  return moved
}
