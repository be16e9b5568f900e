// The import of the Manager's CSV exports, as every host sees it: the fields a
// column can map to, what a preview and an import report, and the problems a
// file can have (named by line, column and value; the app translates them by
// code, the CLI prints describeImportProblem's English).
import type { Currency, HistoryType } from './domain'

/** What a column of a Manager export can hold. */
export const IMPORT_FIELDS = [
  'date',
  'document',
  'clientId',
  'client',
  'type',
  'product',
  'description',
  'net',
  'vatRate',
  'vat',
  'gross',
  'currency',
  'paidBy',
  'status',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** The field → header a file is read with; a field left out is not in the file. */
export type ImportMapping = Partial<Record<ImportField, string>>

/**
 * The history of clients under management names a client on every row; the
 * invoice history is the partner's own (its rows are the partner's organization's).
 */
export type ImportKind = 'clients' | 'invoices'

export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252'
export type ImportDelimiter = ',' | ';' | '\t'

export const IMPORT_PROBLEM_CODES = [
  /** The file holds binary data (NUL bytes) or no header and row at all. */
  'not_csv',
  /** The file is empty, or holds a header and no row. */
  'no_rows',
  'duplicate_header',
  /** A required field has no column; `column` is the field, `value` the headers found. */
  'missing_field',
  /** The mapping names a header the file does not have. */
  'unknown_header',
  'short_row',
  'long_row',
  /** A quoted field was never closed, or a quote stands in the middle of a field. */
  'bad_quotes',
  'bad_date',
  'empty_amount',
  'bad_amount',
  'bad_rate',
  'bad_currency',
  'no_currency',
  'bad_type',
  'no_type',
  'bad_paid_by',
  'changed',
] as const
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number]

export interface ImportProblem {
  code: ImportProblemCode
  /** 1-based line of the file (the header is line 1); 0: the file as a whole. */
  line: number
  /** The header of the column (or the field's name for `missing_field`). */
  column: string
  value: string
}

/** A row as the import would store it. */
export interface ImportedLinePreview {
  line: number
  occurredAt: number
  type: HistoryType
  clientName: string
  /** The client in the cache it belongs to; null: "client not in the cache" (kept, shown, never dropped). */
  clientId: number | null
  document: string | null
  description: string
  netMinor: number
  vatRateBp: number
  vatMinor: number
  currency: Currency
}

export type CurrencyTotals = Partial<Record<Currency, number>>

export interface ImportPreview {
  fileName: string
  size: number
  /** Given back to imports:commit: a file changed since its preview is refused. Empty for a file that is not text. */
  sha256: string
  encoding: ImportEncoding
  delimiter: ImportDelimiter
  headers: string[]
  /** Identifies the file's shape (its headers): a mapping saved for it is used again. */
  signature: string
  mapping: ImportMapping
  /** Where the mapping came from: saved for this shape, recognised from the headers, or the caller's. */
  mappingSource: 'saved' | 'detected' | 'given'
  kind: ImportKind
  /** The history type of every row when no column says it; null: none chosen. */
  fixedType: HistoryType | null
  /** The first rows as read (cells), then as they would be stored (or their problem). */
  rows: Array<{ line: number; cells: string[]; parsed: ImportedLinePreview | null; problem: ImportProblem | null }>
  /** Problems of the whole file (missing fields, duplicate headers) or of the first rows. */
  problems: ImportProblem[]
  /** This very file (same SHA-256) was imported before and not undone. */
  importedBefore: { id: number; at: number } | null
}

export interface ImportRecord {
  id: number
  fileName: string
  sha256: string
  kind: ImportKind
  /** Data rows in the file. */
  rows: number
  added: number
  /** Kept as "client not in the cache". */
  unmatched: number
  /** Already in the cache from an earlier import (same file or an overlapping period). */
  duplicates: number
  /** Unix seconds of the earliest and latest row; null for a file with no row. */
  periodFrom: number | null
  periodTo: number | null
  /** Of the rows added and kept, per currency (CHF and EUR never summed). */
  totals: CurrencyTotals
  importedAt: number
  undoneAt: number | null
}

export type ImportOutcome =
  | { outcome: 'imported'; record: ImportRecord; dryRun: boolean }
  /** Nothing was written; the first problems of the file. */
  | { outcome: 'refused'; problems: ImportProblem[] }

export interface UnmatchedLine {
  id: number
  importId: number
  line: number
  clientName: string
  clientRef: string
  occurredAt: number
  type: HistoryType
  description: string
  netMinor: number
  currency: Currency
}

export interface ImportProgress {
  /** Bytes read of the file. */
  done: number
  total: number
}

const WHAT: Record<ImportProblemCode, string> = {
  not_csv: 'is not a CSV file',
  no_rows: 'holds no row to import',
  duplicate_header: 'names this column twice',
  missing_field: '',
  unknown_header: '',
  short_row: 'has fewer cells than the header',
  long_row: 'has more cells than the header',
  bad_quotes: 'has a quote that is not closed or stands inside a field',
  bad_date: 'is not a date (dd.mm.yyyy, yyyy-mm-dd or Unix seconds)',
  empty_amount: 'is empty: an amount is required (never read as 0)',
  bad_amount: 'is not an amount',
  bad_rate: 'is not a VAT rate',
  bad_currency: 'is not CHF or EUR',
  no_currency: 'says no currency (no currency column, no CHF or EUR beside the amount)',
  bad_type: 'is not a history type',
  no_type: '',
  bad_paid_by: 'does not say customer or partner',
  changed: 'changed since it was previewed',
}

/** "line 4, column "Datum": "2024-02-30" is not a date (…)" — English, for the CLI and logs. */
export function describeImportProblem({ code, line, column, value }: ImportProblem): string {
  if (code === 'missing_field') return `no column for the field "${column}" (the file's headers: ${value})`
  if (code === 'unknown_header') return `the mapping of "${column}" names "${value}", which is no header of the file`
  if (code === 'no_type') return 'no column says the history type of the rows, and none was chosen for all of them'
  const where = line > 0 ? `line ${line}, column "${column}"` : column ? `"${column}"` : 'the file'
  return value ? `${where}: "${value}" ${WHAT[code]}` : `${where} ${WHAT[code]}`
}

/** A file chosen in the open dialog; the handle is all a channel ever gets. */
export interface ChosenFile {
  handle: string
  name: string
  size: number
}
