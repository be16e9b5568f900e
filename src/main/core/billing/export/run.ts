// One export: lines read in chunks, written with papaparse's unparse to a
// temporary file beside the target, read back and checked (rows and totals
// per currency), then renamed into place. Cancelled or failed, it leaves no
// file; stopped by force, the next open removes the temporary one
// (records.ts, recoverInterrupted).
import { createHash } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import Papa from 'papaparse'
import type { ExportColumn, ExportSpec, MoneyTotals } from '../../../../shared/billing'
import type { Currency } from '../../../../shared/domain'
import { amountText, BANANA_HEADER, dateText, fileFormat, HEADERS, isBanana, parseAmount, rateText, type FileFormat } from './format'
import { guardText } from './guard'
import { clientsWithLines, countLines, L, lineChunks, type LineRow } from './lines'

/** Rows per chunk: large enough that unparse and the query run at full speed, small enough for constant memory. */
export const CHUNK_ROWS = 5_000

export class ExportCancelled extends Error {
  constructor() {
    super('the export was cancelled')
  }
}

export class ExportCheckFailed extends Error {}

export interface ExportJob {
  spec: ExportSpec
  /** The file the user chose; per client, the files go beside it, named after it. */
  target: string
  onProgress: (done: number, total: number) => void
  isCancelled: () => boolean
  /** Lets other calls in between chunks (the core's queue); absent in the CLI's direct use. */
  pause?: () => Promise<void>
}

export interface ExportResult {
  files: string[]
  rows: number
  totals: MoneyTotals[]
  sha256: string[]
}

type Cell = (row: LineRow) => string

function cells(spec: ExportSpec, format: FileFormat): Cell[] {
  const d = format.decimal
  let lastDay = -1
  let lastDate = ''
  const date: Cell = (row) => {
    const day = Math.floor(row[L.at] / 86_400)
    if (day !== lastDay) {
      lastDay = day
      lastDate = dateText(row[L.at], format.date)
    }
    return lastDate
  }
  const text = (value: string | null) => (value === null ? '' : guardText(value))
  if (isBanana(spec.preset)) {
    const accounts = spec.banana ?? { debit: '', credit: '', vatCode: '' }
    return [
      date,
      (row) => text(row[L.document]),
      (row) => text(row[L.description]),
      () => text(accounts.debit),
      () => text(accounts.credit),
      (row) => amountText(row[L.net] + row[L.vat], '.'),
      () => text(accounts.vatCode),
    ]
  }
  const byColumn: Record<ExportColumn, Cell> = {
    date,
    type: (row) => row[L.type],
    document: (row) => text(row[L.document]),
    client: (row) => text(row[L.client]),
    clientId: (row) => String(row[L.clientId]),
    product: (row) => text(row[L.product]),
    category: (row) => text(row[L.category]),
    description: (row) => text(row[L.description]),
    net: (row) => amountText(row[L.net], d),
    vatRate: (row) => rateText(row[L.vatRateBp], d),
    vat: (row) => amountText(row[L.vat], d),
    gross: (row) => amountText(row[L.net] + row[L.vat], d),
    currency: (row) => row[L.currency],
    paymentMode: (row) => row[L.paidBy],
    status: (row) => row[L.status] ?? '',
    servicePeriod: () => '',
  }
  return spec.columns.map((column) => byColumn[column])
}

function header(spec: ExportSpec, format: FileFormat): string[] {
  return isBanana(spec.preset) ? [...BANANA_HEADER] : spec.columns.map((column) => HEADERS[format.language][column])
}

/** Which column the check reads back for the amount and the currency (Banana: gross, one currency). */
function checkColumns(spec: ExportSpec): { amount: number; currency: number | null; gross: boolean } | null {
  if (isBanana(spec.preset)) return { amount: BANANA_HEADER.indexOf('Amount'), currency: null, gross: true }
  const net = spec.columns.indexOf('net')
  const gross = spec.columns.indexOf('gross')
  const currency = spec.columns.indexOf('currency')
  if (net < 0 && gross < 0) return null
  if (currency < 0 && !spec.query.currency) return null
  return { amount: net >= 0 ? net : gross, currency: currency >= 0 ? currency : null, gross: net < 0 }
}

const safeName = (name: string) => name.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'client'

/** Writes the export; throws ExportCancelled or ExportCheckFailed, and leaves no file then. */
export async function runExport(db: BetterSqlite3.Database, job: ExportJob, noteTemporary: (files: string[]) => void): Promise<ExportResult> {
  const { spec, target } = job
  const format = fileFormat(spec)
  const total = countLines(db, spec.query)
  const plans: Array<{ file: string; client?: number }> =
    spec.split === 'one_file'
      ? [{ file: target }]
      : clientsWithLines(db, spec.query).map(({ id, name }) => {
          const ext = extname(target)
          return { file: join(dirname(target), `${basename(target, ext)}-${id}-${safeName(name)}${ext || `.${format.extension}`}`), client: id }
        })
  const temporary = plans.map(({ file }) => join(dirname(file), `.${basename(file)}.${process.pid}.partial`))
  noteTemporary(temporary)
  const result: ExportResult = { files: plans.map((plan) => plan.file), rows: 0, totals: [], sha256: [] }
  const totals = new Map<Currency, MoneyTotals>()
  try {
    let done = 0
    for (let f = 0; f < plans.length; f++) {
      const hash = createHash('sha256')
      const expected = new Map<Currency, number>()
      let rows = 0
      const fd = openSync(temporary[f], 'w', 0o644)
      try {
        const write = (text: string) => {
          const bytes = Buffer.from(text, 'utf8')
          hash.update(bytes)
          writeSync(fd, bytes)
        }
        write(`${format.bom ? '\ufeff' : ''}${Papa.unparse([header(spec, format)], { delimiter: format.delimiter, newline: format.newline })}`)
        const toCells = cells(spec, format)
        const withVat = checkColumns(spec)?.gross === true
        for (const chunk of lineChunks(db, spec.query, CHUNK_ROWS, plans[f].client)) {
          if (job.isCancelled()) throw new ExportCancelled()
          const out = new Array<string[]>(chunk.length)
          for (let r = 0; r < chunk.length; r++) {
            const row = chunk[r]
            const line = new Array<string>(toCells.length)
            for (let c = 0; c < toCells.length; c++) line[c] = toCells[c](row)
            out[r] = line
            const currency = row[L.currency] as Currency
            let sums = totals.get(currency)
            if (!sums) totals.set(currency, (sums = { currency, lines: 0, netMinor: 0, vatMinor: 0 }))
            sums.lines++
            sums.netMinor += row[L.net]
            sums.vatMinor += row[L.vat]
            expected.set(currency, (expected.get(currency) ?? 0) + row[L.net] + (withVat ? row[L.vat] : 0))
          }
          write(format.newline + Papa.unparse(out, { delimiter: format.delimiter, newline: format.newline, escapeFormulae: false }))
          rows += chunk.length
          done += chunk.length
          job.onProgress(done, total)
          await job.pause?.()
        }
        write(format.newline)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      if (job.isCancelled()) throw new ExportCancelled()
      await verify(temporary[f], spec, format, rows, expected, job)
      result.sha256.push(hash.digest('hex'))
      result.rows += rows
    }
    for (let f = 0; f < plans.length; f++) renameSync(temporary[f], plans[f].file)
    syncFolder(dirname(target))
  } catch (error) {
    for (const file of temporary) rmSync(file, { force: true })
    throw error
  }
  result.totals = [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency))
  return result
}

/** Reads the written file back with papaparse: as many rows as written, and the same totals per currency. */
async function verify(path: string, spec: ExportSpec, format: FileFormat, rows: number, expected: Map<Currency, number>, job: ExportJob): Promise<void> {
  const check = checkColumns(spec)
  const found = new Map<Currency, number>()
  let count = -1 // the header
  let problem: string | null = null
  const fd = openSync(path, 'r')
  const buffer = Buffer.alloc(4 << 20)
  let carry = ''
  let first = true
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null)
      let text = carry + buffer.toString('utf8', 0, read)
      if (first && format.bom) text = text.replace(/^\ufeff/, '')
      first = false
      // Parse whole records only: cut at the last line end outside quotes.
      const cut = read === 0 ? text.length : lastRecordEnd(text, format.newline)
      carry = text.slice(cut)
      const parsed = Papa.parse<string[]>(text.slice(0, cut), { delimiter: format.delimiter, newline: format.newline, skipEmptyLines: true })
      const [error] = parsed.errors
      if (error) problem ??= `row ${count + (error.row ?? 0) + 1}: ${error.message}`
      for (const record of parsed.data) {
        count++
        if (count === 0 || !check) continue
        const amount = parseAmount(record[check.amount] ?? '', format.decimal)
        const currency = (check.currency === null ? spec.query.currency : record[check.currency]) as Currency
        if (amount === null) problem ??= `row ${count}: the amount ${JSON.stringify(record[check.amount])} does not read back as written`
        else found.set(currency, (found.get(currency) ?? 0) + amount)
      }
      if (read === 0) break
      if (job.isCancelled()) throw new ExportCancelled()
      await job.pause?.()
    }
  } finally {
    closeSync(fd)
  }
  if (problem) throw new ExportCheckFailed(`the file written does not read back: ${problem}`)
  if (count !== rows) throw new ExportCheckFailed(`the file written reads back as ${count} rows, not ${rows}`)
  if (check) {
    for (const currency of new Set([...expected.keys(), ...found.keys()])) {
      if ((expected.get(currency) ?? 0) !== (found.get(currency) ?? 0)) {
        throw new ExportCheckFailed(`the file written reads back with ${currency} totals of ${found.get(currency) ?? 0} instead of ${expected.get(currency) ?? 0} (minor units)`)
      }
    }
  }
}

/** The end of the last complete record in `text`: the last newline with an even count of quotes before it. */
function lastRecordEnd(text: string, newline: string): number {
  let quotes = 0
  let end = 0
  let i = text.indexOf('"')
  let nl = text.indexOf(newline)
  while (nl >= 0) {
    while (i >= 0 && i < nl) {
      quotes++
      i = text.indexOf('"', i + 1)
    }
    if (quotes % 2 === 0) end = nl + newline.length
    nl = text.indexOf(newline, nl + newline.length)
  }
  return end
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Windows cannot open a folder to flush it: the step does not exist there.
  }
}
