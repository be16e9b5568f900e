// Reads a Manager export from disk: its encoding, delimiter and line ending,
// then its rows in chunks through papaparse's own chunk parser (the one its
// streamers use), synchronously, so the import can run inside one SQLite
// transaction with nothing else writing in between, in constant memory.
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'
import Papa from 'papaparse'
import type { ImportDelimiter, ImportEncoding } from '../../../../shared/billing-import'

const CHUNK = 1 << 20
const HEAD = 64 * 1024
const DELIMITERS: ImportDelimiter[] = [',', ';', '\t']

export type Newline = '\r\n' | '\n' | '\r'

export interface Shape {
  encoding: ImportEncoding
  delimiter: ImportDelimiter
  newline: Newline
}

/** The file is not text at all (a spreadsheet, an image): said before any parsing. */
export class NotText extends Error {}
/** A byte sequence UTF-8 does not allow, met after the head: the file is read again as Windows-1252. */
export class NotUtf8 extends Error {}

const hasBom = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf

function utf8Valid(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(HEAD)
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD, 0))
  } finally {
    closeSync(fd)
  }
}

/** The encoding, delimiter and line ending, from the file's first 64 KiB. */
export function sniff(path: string): Shape & { head: string } {
  const bytes = readHead(path)
  // NUL never occurs in a text CSV; zip-based spreadsheets and images are full of them.
  if (bytes.includes(0)) throw new NotText('the file holds binary data')
  const encoding: ImportEncoding = hasBom(bytes) ? 'utf-8-bom' : utf8Valid(bytes) ? 'utf-8' : 'windows-1252'
  const head = decoderFor(encoding).decode(bytes, { stream: true })
  const firstBreak = head.search(/\r\n|\n|\r/)
  const newline: Newline = firstBreak < 0 ? '\n' : head.startsWith('\r\n', firstBreak) ? '\r\n' : (head[firstBreak] as Newline)
  return { encoding, delimiter: guessDelimiter(head, newline), newline, head }
}

/**
 * The delimiter that splits the first rows into as many cells as the header,
 * the header having more than one. papaparse's own guess takes the comma of
 * "1 234,50" in a semicolon file for the delimiter; here the header decides.
 */
function guessDelimiter(head: string, newline: Newline): ImportDelimiter {
  let best: { delimiter: ImportDelimiter; score: number } = { delimiter: ',', score: -1 }
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(head, { delimiter, newline, preview: 20 }).data.filter((row) => row.length > 1 || row[0] !== '')
    const width = rows[0]?.length ?? 0
    if (width < 2) continue
    // The last row of the head may be cut short.
    const fitting = rows.slice(1, -1).filter((row) => row.length === width).length
    const score = fitting * 1000 + width
    if (score > best.score) best = { delimiter, score }
  }
  return best.delimiter
}

const decoderFor = (encoding: ImportEncoding) =>
  encoding === 'windows-1252' ? new TextDecoder('windows-1252') : new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export interface RowSink {
  /** A row's cells and the file line it starts on (the header is line 1). */
  row(cells: string[], line: number): void
  /** papaparse found a quote it could not close or place. */
  quoteError(line: number): void
  progress(done: number, total: number): void
}

/**
 * Every row of the file, the header first, in chunks of 1 MiB; returns the
 * file's SHA-256. Throws NotUtf8 when a file whose head was UTF-8 is not in
 * its body: the caller undoes what it did and reads it as Windows-1252.
 */
export function readRows(path: string, shape: Shape, size: number, sink: RowSink): string {
  const hash = createHash('sha256')
  const decoder = decoderFor(shape.encoding)
  const parser = new Papa.Parser({ delimiter: shape.delimiter, newline: shape.newline })
  const buffer = Buffer.alloc(CHUNK)
  const fd = openSync(path, 'r')
  let partial = ''
  let base = 0
  let line = 1
  let done = 0
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null)
      const finished = read === 0
      const bytes = buffer.subarray(0, read)
      hash.update(bytes)
      done += read
      let text: string
      try {
        text = decoder.decode(bytes, { stream: !finished })
      } catch {
        throw new NotUtf8()
      }
      const aggregate = partial + text
      const results = parser.parse(aggregate, base, !finished) as Papa.ParseResult<string[]>
      const rows = results.data
      const quoteRows = new Set(results.errors.filter((error) => error.type === 'Quotes').map((error) => error.row))
      for (let i = 0; i < rows.length; i++) {
        const cells = rows[i]
        if (quoteRows.has(i)) sink.quoteError(line)
        // A blank line (the file's last newline, say) is no row.
        else if (cells.length > 1 || cells[0] !== '') sink.row(cells, line)
        line += 1 + linesInside(cells, shape.newline)
      }
      if (finished) break
      partial = aggregate.substring(results.meta.cursor - base)
      base = results.meta.cursor
      sink.progress(done, size)
    }
  } finally {
    closeSync(fd)
  }
  sink.progress(done, size)
  return hash.digest('hex')
}

/** Line breaks inside quoted cells, so the next row's line number is the file's. */
function linesInside(cells: string[], newline: Newline): number {
  const mark = newline === '\r' ? '\r' : '\n'
  let count = 0
  for (const cell of cells) {
    if (cell.length === 0 || !cell.includes(mark)) continue
    for (let i = cell.indexOf(mark); i >= 0; i = cell.indexOf(mark, i + 1)) count++
  }
  return count
}

/** The file's SHA-256, read in chunks. */
export function sha256Of(path: string): string {
  const hash = createHash('sha256')
  const buffer = Buffer.alloc(CHUNK)
  const fd = openSync(path, 'r')
  try {
    for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0; read = readSync(fd, buffer, 0, CHUNK, null)) hash.update(buffer.subarray(0, read))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}
