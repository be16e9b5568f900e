// One export: lines read in chunks, joined into CSV text by hand (csv.ts),
// written to a temporary file beside the target, read back and checked
// (check.ts: parsed back, rows and totals per currency, and the bytes'
// SHA-256) while it is written, then renamed into place. Cancelled or
// failed, it leaves no file; stopped by force, the next open removes the
// temporary one (records.ts, recoverInterrupted).
import { createHash } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import type { ExportColumn, ExportSpec, MoneyTotals } from '../../../../shared/billing'
import type { Currency } from '../../../../shared/domain'
import { checkInline, checkPlan, type ExportChecking, type FileChecker } from './check'
import { csvField } from './csv'
import { amountText, BANANA_HEADER, dateText, fileFormat, HEADERS, isBanana, rateText, type FileFormat } from './format'
import { guardText } from './guard'
import { clientsWithLines, countLines, L, lineChunks, type LineRow } from './lines'

/** Rows per chunk: large enough that the query and the writes run at full speed, small enough for constant memory. */
export const CHUNK_ROWS = 5_000

export class ExportCancelled extends Error {
  constructor() {
    super('the export was cancelled')
  }
}

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
  // Only text cells can hold a delimiter, a quote or a line end, so only they are quoted: dates, amounts
  // and rates are digits, '-' and a decimal mark that is never the preset's delimiter, the others fixed words.
  const field = csvField(format.delimiter)
  const text = (value: string | null) => (value === null ? '' : field(guardText(value)))
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

function header(spec: ExportSpec, format: FileFormat): string {
  const words = isBanana(spec.preset) ? BANANA_HEADER : spec.columns.map((column) => HEADERS[format.language][column])
  return words.map(csvField(format.delimiter)).join(format.delimiter)
}

const safeName = (name: string) => name.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'client'

/** Writes the export; throws ExportCancelled or ExportCheckFailed, and leaves no file then. */
export async function runExport(
  db: BetterSqlite3.Database,
  job: ExportJob,
  noteTemporary: (files: string[]) => void,
  checking: ExportChecking = checkInline,
): Promise<ExportResult> {
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
  const plan = checkPlan(spec, format)
  const checks = checking()
  let checker: FileChecker | null = null
  try {
    let done = 0
    for (let f = 0; f < plans.length; f++) {
      const hash = createHash('sha256')
      let rows = 0
      let end = 0
      /** Per currency, the amounts as the check reads them back. */
      const expected = new Map<Currency, number>()
      const fd = openSync(temporary[f], 'w', 0o644)
      checker = checks.file(temporary[f], plan)
      try {
        const write = (text: string) => {
          const bytes = Buffer.from(text, 'utf8')
          hash.update(bytes)
          writeSync(fd, bytes)
          end += bytes.length
          checker!.written(end)
        }
        const { delimiter, newline } = format
        write(`${format.bom ? '\ufeff' : ''}${header(spec, format)}${newline}`)
        const toCells = cells(spec, format)
        let sums: MoneyTotals | undefined
        for (const chunk of lineChunks(db, spec.query, CHUNK_ROWS, plans[f].client)) {
          if (job.isCancelled()) throw new ExportCancelled()
          let text = ''
          for (const row of chunk) {
            let line = toCells[0](row)
            for (let c = 1; c < toCells.length; c++) line += delimiter + toCells[c](row)
            text += line + newline
            const currency = row[L.currency] as Currency
            if (sums?.currency !== currency) {
              sums = totals.get(currency)
              if (!sums) totals.set(currency, (sums = { currency, lines: 0, netMinor: 0, vatMinor: 0 }))
            }
            sums.lines++
            sums.netMinor += row[L.net]
            sums.vatMinor += row[L.vat]
            if (plan.columns) expected.set(currency, (expected.get(currency) ?? 0) + row[L.net] + (plan.columns.gross ? row[L.vat] : 0))
          }
          write(text)
          rows += chunk.length
          done += chunk.length
          job.onProgress(done, total)
          await job.pause?.()
        }
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      if (job.isCancelled()) throw new ExportCancelled()
      const sha256 = hash.digest('hex')
      const finished = checker
      checker = null
      await finished.finish({ rows, totals: [...expected], sha256 })
      result.sha256.push(sha256)
      result.rows += rows
    }
    for (let f = 0; f < plans.length; f++) renameSync(temporary[f], plans[f].file)
    syncFolder(dirname(target))
  } catch (error) {
    checker?.abandon()
    for (const file of temporary) rmSync(file, { force: true })
    throw error
  } finally {
    await checks.close()
  }
  result.totals = [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency))
  return result
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
