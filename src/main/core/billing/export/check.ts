// The export's check: the temporary file read back from disk and parsed
// with papaparse, as many rows as were written and the same totals per
// currency, and the very bytes that were written (SHA-256). It follows the
// writer: each part written is read and parsed while the next is made, in a
// thread of its own in the app (check-thread.ts), so checking costs the
// export little more than its last part.
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import Papa from 'papaparse'
import type { ExportSpec } from '../../../../shared/billing'
import type { Currency } from '../../../../shared/domain'
import { BANANA_HEADER, isBanana, parseAmount, type FileFormat } from './format'

export class ExportCheckFailed extends Error {}

/** What the check reads of each row: the amount's column, the currency's (or the one currency asked), whether that amount is gross. */
export interface CheckPlan {
  format: Pick<FileFormat, 'delimiter' | 'newline' | 'decimal' | 'bom'>
  columns: { amount: number; currency: number | null; gross: boolean } | null
  /** The currency every row has when the file has no currency column. */
  currency: Currency | null
}

/** What the writer handed to the file. */
export interface Written {
  rows: number
  /** Per currency, the sum of the amounts as the check reads them (net, or gross where the file has only gross). */
  totals: Array<[Currency, number]>
  sha256: string
}

export function checkPlan(spec: ExportSpec, format: FileFormat): CheckPlan {
  const plan = { format: { delimiter: format.delimiter, newline: format.newline, decimal: format.decimal, bom: format.bom }, currency: spec.query.currency ?? null }
  if (isBanana(spec.preset)) return { ...plan, columns: { amount: BANANA_HEADER.indexOf('Amount'), currency: null, gross: true } }
  const net = spec.columns.indexOf('net')
  const gross = spec.columns.indexOf('gross')
  const currency = spec.columns.indexOf('currency')
  // Without an amount, or without a currency to sum it in, only the rows and the bytes are checked.
  if ((net < 0 && gross < 0) || (currency < 0 && !spec.query.currency)) return { ...plan, columns: null }
  return { ...plan, columns: { amount: net >= 0 ? net : gross, currency: currency >= 0 ? currency : null, gross: net < 0 } }
}

/** Reads the file from where it stopped up to a size the writer reached, parsing whole records only. */
export class FileCheck {
  private readonly fd: number
  private readonly buffer = Buffer.alloc(4 << 20)
  private readonly hash = createHash('sha256')
  private readonly found = new Map<Currency, number>()
  private offset = 0
  /** The bytes of a record cut by the end of a part, kept for the next. */
  private carry: Buffer = Buffer.alloc(0)
  private rows = -1 // the header
  private problem: string | null = null
  private readonly newline: Buffer

  constructor(
    path: string,
    private readonly plan: CheckPlan,
  ) {
    this.fd = openSync(path, 'r')
    this.newline = Buffer.from(plan.format.newline)
  }

  /** Reads on up to `end` bytes (what the writer has written so far). */
  advance(end: number): void {
    while (this.offset < end) {
      const read = readSync(this.fd, this.buffer, 0, Math.min(this.buffer.length, end - this.offset), this.offset)
      if (read === 0) break
      const part = this.buffer.subarray(0, read)
      this.hash.update(part)
      this.offset += read
      // Records are cut on bytes: a line end and a quote are ASCII, never inside a character of several bytes.
      const bytes = this.carry.length === 0 ? part : Buffer.concat([this.carry, part])
      const cut = lastRecordEnd(bytes, this.newline)
      this.carry = Buffer.from(bytes.subarray(cut))
      this.parse(bytes.toString('utf8', 0, cut))
    }
  }

  /** Reads to the end of the file and compares what it found with what was written; throws ExportCheckFailed. */
  finish(written: Written): void {
    try {
      const readAhead = this.offset > 0
      this.advance(Number.MAX_SAFE_INTEGER)
      this.parse(this.carry.toString('utf8'))
      this.compare(written)
      // What was parsed is what was written; parts read while the file was written may have changed since: the file, whole, must still be those bytes.
      if (readAhead && this.sha256FromStart() !== written.sha256) throw new ExportCheckFailed('the file written changed while it was checked (SHA-256 differs)')
    } finally {
      closeSync(this.fd)
    }
  }

  private compare(written: Written): void {
    if (this.problem) throw new ExportCheckFailed(`the file written does not read back: ${this.problem}`)
    if (this.rows !== written.rows) throw new ExportCheckFailed(`the file written reads back as ${this.rows} rows, not ${written.rows}`)
    if (this.plan.columns) {
      const expected = new Map(written.totals)
      for (const currency of new Set([...expected.keys(), ...this.found.keys()])) {
        if ((expected.get(currency) ?? 0) !== (this.found.get(currency) ?? 0)) {
          throw new ExportCheckFailed(`the file written reads back with ${currency} totals of ${this.found.get(currency) ?? 0} instead of ${expected.get(currency) ?? 0} (minor units)`)
        }
      }
    }
    // Rows and totals can hold while a letter changed: what was read must be the very bytes written.
    if (this.hash.digest('hex') !== written.sha256) throw new ExportCheckFailed('the file written does not hold the bytes that were written (SHA-256 differs)')
  }

  private sha256FromStart(): string {
    const hash = createHash('sha256')
    for (let at = 0, read = -1; read !== 0; at += read) {
      read = readSync(this.fd, this.buffer, 0, this.buffer.length, at)
      hash.update(this.buffer.subarray(0, read))
    }
    return hash.digest('hex')
  }

  /** Closes the file without a verdict (the export was cancelled or failed). */
  abandon(): void {
    closeSync(this.fd)
  }

  private parse(part: string): void {
    const text = this.rows === -1 && this.plan.format.bom ? part.replace(/^\ufeff/, '') : part
    if (text === '') return
    const { format, columns } = this.plan
    const parsed = Papa.parse<string[]>(text, { delimiter: format.delimiter, newline: format.newline, skipEmptyLines: true })
    const [error] = parsed.errors
    if (error) this.problem ??= `row ${this.rows + (error.row ?? 0) + 1}: ${error.message}`
    for (const record of parsed.data) {
      this.rows++
      if (this.rows === 0 || !columns) continue
      const amount = parseAmount(record[columns.amount] ?? '', format.decimal)
      const currency = (columns.currency === null ? this.plan.currency : record[columns.currency]) as Currency
      if (amount === null) this.problem ??= `row ${this.rows}: the amount ${JSON.stringify(record[columns.amount])} does not read back as written`
      else this.found.set(currency, (this.found.get(currency) ?? 0) + amount)
    }
  }
}

/**
 * The end of the last complete record in `bytes`: the last line end with an
 * even count of quotes before it. Walks back from the end, so a part costs
 * one count of its quotes and a step or two back, never a walk over each line.
 */
function lastRecordEnd(bytes: Buffer, newline: Buffer): number {
  const QUOTE = 0x22
  let quotes = 0
  for (let i = bytes.indexOf(QUOTE); i >= 0; i = bytes.indexOf(QUOTE, i + 1)) quotes++
  let counted = bytes.length
  for (let nl = bytes.lastIndexOf(newline); nl >= 0; nl = nl === 0 ? -1 : bytes.lastIndexOf(newline, nl - 1)) {
    for (let i = bytes.lastIndexOf(QUOTE, counted - 1); i >= nl; i = i === 0 ? -1 : bytes.lastIndexOf(QUOTE, i - 1)) quotes--
    counted = nl
    if (quotes % 2 === 0) return nl + newline.length
  }
  return 0
}

/** The check of one file as the writer sees it: told how far it wrote, then asked for the verdict. */
export interface FileChecker {
  written(end: number): void
  finish(written: Written): Promise<void>
  abandon(): void
}

/** The checks of one export's files, one after another. */
export interface ExportCheck {
  /** Starts the check of a file the writer has just created. */
  file(path: string, plan: CheckPlan): FileChecker
  close(): Promise<void>
}

export type ExportChecking = () => ExportCheck

/** In the writer's own thread, after the writing (the CLI, the tests): the same check, no overlap. */
export const checkInline: ExportChecking = () => ({
  file: (path, plan) => ({
    written: () => undefined,
    finish: async (written) => new FileCheck(path, plan).finish(written),
    abandon: () => undefined,
  }),
  close: async () => undefined,
})

export type ToCheckThread =
  | { type: 'open'; path: string; plan: CheckPlan }
  | { type: 'written'; end: number }
  | { type: 'finish'; written: Written }
  | { type: 'abandon' }
  | { type: 'close' }
export type FromCheckThread = { ok: true } | { ok: false; message: string; failed: boolean }

/** In a thread of its own (built as export-check.js), one per export: it reads each part while the writer makes the next. */
export function checkInThread(workerPath: string): ExportChecking {
  return () => {
    let worker: Worker | null = null
    let stopped: string | null = null
    let waiting: ((answer: FromCheckThread) => void) | null = null
    const started = (): Worker => {
      if (worker) return worker
      const thread = new Worker(workerPath)
      const stop = (message: string) => {
        stopped ??= message
        waiting?.({ ok: false, message: stopped, failed: false })
        waiting = null
      }
      thread.on('message', (answer: FromCheckThread) => {
        waiting?.(answer)
        waiting = null
      })
      thread.once('error', (error) => stop(`the export's check stopped: ${error.message}`))
      thread.once('exit', (code) => stop(`the export's check ended (exit code ${code})`))
      return (worker = thread)
    }
    const post = (message: ToCheckThread) => started().postMessage(message)
    return {
      file: (path, plan) => {
        post({ type: 'open', path, plan })
        return {
          written: (end) => post({ type: 'written', end }),
          finish: async (written) => {
            const answer = await new Promise<FromCheckThread>((resolve) => {
              if (stopped) return resolve({ ok: false, message: stopped, failed: false })
              waiting = resolve
              post({ type: 'finish', written })
            })
            if (!answer.ok) throw answer.failed ? new ExportCheckFailed(answer.message) : new Error(answer.message)
          },
          abandon: () => post({ type: 'abandon' }),
        }
      },
      close: async () => {
        if (!worker) return
        const exited = new Promise<void>((resolve) => worker!.once('exit', () => resolve()))
        if (!stopped) post({ type: 'close' })
        await exited
      },
    }
  }
}
