// Preview and import of one file: the preview reads the head and writes
// nothing; the import reads the whole file inside one transaction, so a
// problem anywhere (or a kill) leaves the cache as it was.
import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import Papa from 'papaparse'
import type {
  CurrencyTotals,
  ImportMapping,
  ImportOutcome,
  ImportPreview,
  ImportProblem,
  ImportProgress,
  ImportRecord,
} from '../../../../shared/billing-import'
import type { HistoryType } from '../../../../shared/domain'
import { detectMapping, normalize } from './aliases'
import { isProblem, layout, type Layout } from './rows'
import { NotText, NotUtf8, readRows, sha256Of, sniff, type Shape } from './source'
import { Clients, completeImport, importedBefore, LineWriter, openImport, readImport, savedMapping } from './store'
import { refreshBillingRollup } from '../rollup'

export interface ImportFile {
  path: string
  name: string
}

export interface ImportChoice {
  mapping?: ImportMapping | undefined
  fixedType?: HistoryType | null | undefined
}

const PREVIEW_ROWS = 20
/** Problems an import names before it stops looking: enough to fix a file, not a wall of text. */
const PROBLEMS_MAX = 20

const wholeFile = (code: ImportProblem['code'], value = ''): ImportProblem => ({ code, line: 0, column: '', value })

/** The shape of a file: its headers, whatever their order of appearance in other files of the same shape. */
export const signatureOf = (headers: string[]): string =>
  createHash('sha256').update(headers.map(normalize).join('\u001f')).digest('hex').slice(0, 16)

/** A BOM read as Windows-1252 (a file whose body turned out not to be UTF-8) is no part of the first header. */
const headerCells = (cells: string[]): string[] => cells.map((cell, i) => (i === 0 ? cell.replace(/^(\ufeff|ï»¿)/, '') : cell).trim())

/** The mapping a file is read with: the caller's, else the one saved for its shape, else recognised from its headers. */
function chooseMapping(raw: BetterSqlite3.Database, headers: string[], choice: ImportChoice) {
  const signature = signatureOf(headers)
  const saved = savedMapping(raw, signature)
  if (choice.mapping) return { signature, mapping: choice.mapping, fixedType: choice.fixedType ?? saved?.fixedType ?? null, source: 'given' as const }
  if (saved) return { signature, mapping: saved.mapping, fixedType: choice.fixedType ?? saved.fixedType, source: 'saved' as const }
  return { signature, mapping: detectMapping(headers), fixedType: choice.fixedType ?? null, source: 'detected' as const }
}

export function previewImport(raw: BetterSqlite3.Database, file: ImportFile, choice: ImportChoice): ImportPreview {
  const size = statSync(file.path).size
  const base = { fileName: file.name, size, sha256: '', encoding: 'utf-8' as const, delimiter: ',' as const, headers: [], signature: '', mapping: {} }
  let shape: ReturnType<typeof sniff>
  try {
    shape = sniff(file.path)
  } catch (error) {
    if (!(error instanceof NotText)) throw error
    return { ...base, mappingSource: 'detected', kind: 'clients', fixedType: null, rows: [], problems: [wholeFile('not_csv')], importedBefore: null }
  }
  const rows: string[][] = []
  const lines: number[] = []
  const quoteLines: number[] = []
  // Rows from the head only; the hash below reads the rest without parsing it.
  collectHead(shape, { rows, lines, quoteLines })
  const headers = headerCells(rows[0] ?? [])
  const chosen = chooseMapping(raw, headers, choice)
  const sha256 = sha256Of(file.path)
  const preview: ImportPreview = {
    fileName: file.name,
    size,
    sha256,
    encoding: shape.encoding,
    delimiter: shape.delimiter,
    headers,
    signature: chosen.signature,
    mapping: chosen.mapping,
    mappingSource: chosen.source,
    kind: 'clients',
    fixedType: chosen.fixedType,
    rows: [],
    problems: [],
    importedBefore: importedBefore(raw, sha256),
  }
  if (headers.length === 0 || (headers.length === 1 && rows.length <= 1)) return { ...preview, problems: [wholeFile('not_csv')] }
  const read = layout(headers, chosen.mapping, chosen.fixedType)
  const clients = new Clients(raw)
  const fileRows = rows.slice(1, PREVIEW_ROWS + 1)
  if (fileRows.length === 0) preview.problems.push(wholeFile('no_rows'))
  if (Array.isArray(read)) {
    preview.problems.push(...read)
    preview.rows = fileRows.map((cells, i) => ({ line: lines[i + 1], cells, parsed: null, problem: null }))
    return preview
  }
  preview.kind = read.kind
  for (const line of quoteLines) preview.problems.push({ code: 'bad_quotes', line, column: '', value: '' })
  preview.rows = fileRows.map((cells, i) => {
    const result = read.read(cells, lines[i + 1])
    if (isProblem(result)) {
      preview.problems.push(result)
      return { line: lines[i + 1], cells, parsed: null, problem: result }
    }
    const { key: _key, paidBy: _paidBy, clientRefId: _ref, ...shown } = result
    return { line: result.line, cells, parsed: { ...shown, clientId: clients.resolve(result, read.kind) }, problem: null }
  })
  return preview
}

/** The first rows of the file, from the head sniff() decoded. */
function collectHead(shape: ReturnType<typeof sniff>, into: { rows: string[][]; lines: number[]; quoteLines: number[] }): void {
  let line = 1
  const parsed = parseHead(shape.head, shape)
  for (const cells of parsed.rows) {
    if (cells.length > 1 || cells[0] !== '') {
      into.rows.push(cells)
      into.lines.push(line)
    }
    line += 1 + cells.reduce((n, cell) => n + (cell.split(shape.newline === '\r' ? '\r' : '\n').length - 1), 0)
    if (into.rows.length > PREVIEW_ROWS) break
  }
  into.quoteLines.push(...parsed.quoteRows.map((row) => into.lines[row] ?? 0).filter((line) => line > 0))
}

/** The head is cut anywhere: only the rows before its last are taken (PREVIEW_ROWS + 2 stops well before it). */
function parseHead(text: string, shape: Shape): { rows: string[][]; quoteRows: number[] } {
  const result = Papa.parse<string[]>(text, { delimiter: shape.delimiter, newline: shape.newline, preview: PREVIEW_ROWS + 2 })
  return { rows: result.data, quoteRows: result.errors.filter((error) => error.type === 'Quotes').map((error) => error.row ?? 0) }
}

/** billing_lines' indexes an import may build after its rows, not row by row; the natural key's stays (it finds duplicates). */
const DEFERRABLE = ['billing_lines_occurred', 'billing_lines_client_occurred', 'billing_lines_client_amounts', 'billing_lines_import']
/** Bytes of a Manager export line, roughly: how many lines a file brings, before it is read. */
const BYTES_PER_LINE = 100

/**
 * A file bringing more lines than the history holds is written faster with
 * those indexes built once over the finished table (as a full pull does):
 * dropped here, inside the import's transaction, and made again by the
 * function returned; a rollback or a kill brings them back untouched.
 * A small file into a large history keeps them (rebuilding would cost more).
 */
function deferIndexes(raw: BetterSqlite3.Database, size: number): () => void {
  const lines = raw.prepare('SELECT count(*) FROM billing_lines').pluck().get() as number
  if (size / BYTES_PER_LINE <= Math.max(lines, 50_000)) return () => {}
  const ddl = raw
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'billing_lines' AND name IN (${DEFERRABLE.map(() => '?').join(', ')})`)
    .all(...DEFERRABLE) as Array<{ name: string; sql: string }>
  for (const { name } of ddl) raw.exec(`DROP INDEX main."${name}"`)
  return () => {
    for (const { sql } of ddl) raw.exec(sql)
  }
}

class Refused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('refused')
  }
}

class DryRun extends Error {
  constructor(readonly record: ImportRecord) {
    super('dry run')
  }
}

export interface CommitOptions extends ImportChoice {
  /** The SHA-256 the preview saw: a file changed since is refused. */
  sha256?: string | undefined
  dryRun: boolean
  now: number
  onProgress?: (progress: ImportProgress) => void
}

/** Imports the whole file in one transaction, or nothing at all. */
export function commitImport(raw: BetterSqlite3.Database, file: ImportFile, options: CommitOptions): ImportOutcome {
  let shape: Shape
  try {
    shape = sniff(file.path)
  } catch (error) {
    if (!(error instanceof NotText)) throw error
    return { outcome: 'refused', problems: [wholeFile('not_csv')] }
  }
  try {
    return attempt(raw, file, shape, options)
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error
    // The transaction rolled back: read it all again in the other encoding.
    return attempt(raw, file, { ...shape, encoding: 'windows-1252' }, options)
  }
}

function attempt(raw: BetterSqlite3.Database, file: ImportFile, shape: Shape, options: CommitOptions): ImportOutcome {
  const size = statSync(file.path).size
  try {
    return raw.transaction(() => {
      const clients = new Clients(raw)
      const problems: ImportProblem[] = []
      let read: Layout | null = null
      let writer: LineWriter | null = null
      let importId = 0
      let rows = 0
      let periodFrom: number | null = null
      let periodTo: number | null = null
      const totals: CurrencyTotals = {}
      const note = (problem: ImportProblem) => {
        problems.push(problem)
        if (problems.length >= PROBLEMS_MAX) throw new Refused(problems)
      }
      const rebuild = deferIndexes(raw, size)
      const sha256 = readRows(file.path, shape, size, {
        row: (cells, line) => {
          if (read === null) {
            const chosen = chooseMapping(raw, headerCells(cells), options)
            const made = layout(headerCells(cells), chosen.mapping, chosen.fixedType)
            if (Array.isArray(made)) throw new Refused(made)
            read = made
            importId = openImport(raw, file.name, made.kind, options.now)
            writer = new LineWriter(raw, importId, made.kind, clients)
            return
          }
          rows++
          const result = read.read(cells, line)
          if (isProblem(result)) return note(result)
          if (problems.length > 0) return
          periodFrom = periodFrom === null ? result.occurredAt : Math.min(periodFrom, result.occurredAt)
          periodTo = periodTo === null ? result.occurredAt : Math.max(periodTo, result.occurredAt)
          totals[result.currency] = (totals[result.currency] ?? 0) + result.netMinor
          ;(writer as LineWriter).write(result)
        },
        quoteError: (line) => note({ code: 'bad_quotes', line, column: '', value: '' }),
        progress: (done, total) => options.onProgress?.({ done, total }),
      })
      if (read === null) throw new Refused([wholeFile('not_csv')])
      if (problems.length > 0) throw new Refused(problems)
      if (rows === 0) throw new Refused([wholeFile('no_rows')])
      if (options.sha256 !== undefined && options.sha256 !== sha256) throw new Refused([wholeFile('changed', file.name)])
      const done = writer as unknown as LineWriter
      rebuild()
      completeImport(raw, importId, {
        fileName: file.name,
        sha256,
        kind: (read as Layout).kind,
        rows,
        added: done.added,
        unmatched: done.unmatched,
        duplicates: done.duplicates,
        periodFrom,
        periodTo,
        totals,
        importedAt: options.now,
      })
      // The monthly totals the billing screen reads move in the same transaction as the lines.
      if (!options.dryRun && done.added > 0 && periodFrom !== null && periodTo !== null) refreshBillingRollup(raw, { from: periodFrom, to: periodTo })
      const record = readImport(raw, importId) as ImportRecord
      // A dry run does all of it, then takes it back: its counts are the real import's.
      if (options.dryRun) throw new DryRun(record)
      return { outcome: 'imported' as const, record, dryRun: false }
    })()
  } catch (error) {
    if (error instanceof Refused) return { outcome: 'refused', problems: error.problems }
    if (error instanceof DryRun) return { outcome: 'imported', record: error.record, dryRun: true }
    throw error
  }
}
