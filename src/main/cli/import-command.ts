// `partner-desk import`: the app's import of a Manager export, from a script.
// The same core, the same rules and messages; the file's problems are the
// app's, printed in English, and exit with their own code.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { describeImportProblem, IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportOutcome, type ImportPreview } from '../../shared/billing-import'
import { HISTORY_TYPES, type HistoryType } from '../../shared/domain'
import type { Result } from '../../shared/result'
import { AccountRegistry } from '../accounts/registry'
import { defaultDataDir } from '../accounts/data-dir'
import { FIELD_ALIASES } from '../core/billing/import/aliases'
import { CoreHost } from '../core/host'
import { createDispatcher } from '../ipc/dispatcher'

export class ImportUsageError extends Error {}

/** Exit code of a file the import refused (a problem named by line, column and value). */
export const EXIT_REFUSED = 6

export const IMPORT_USAGE_LINE = `  partner-desk import (--account NAME [--data-dir DIR] | --db PATH) FILE [--map field=Header,…] [--dry-run]
                                                    import a Manager export (clients under management or
                                                    invoice history CSV), all or nothing; fields and the
                                                    headers recognised: partner-desk import --help`

const FIELD_NOTES: Record<ImportField, string> = {
  date: 'required; dd.mm.yyyy, dd/mm/yyyy, yyyy-mm-dd (a time may follow) or Unix seconds',
  document: 'invoice or order number',
  clientId: 'the client organization id (a client history names the client by id or name)',
  client: 'the client organization name',
  type: `history type; without a column, --map type=TYPE for every row (${HISTORY_TYPES.join(', ')})`,
  product: 'product or service',
  description: 'text of the line',
  net: 'amount excluding VAT (this or gross is required); 1\'234.50, 1.234,50, 1 234,50, -12.50, (12.50)',
  vatRate: 'VAT rate in percent (8.1, 8,1 %)',
  vat: 'VAT amount',
  gross: 'amount including VAT',
  currency: 'CHF or EUR (or written beside the amounts)',
  paidBy: 'customer or partner; default: from the client\'s payment mode',
  status: 'invoice status; a refunded invoice is imported as a refund',
}

export function importHelp(): string {
  const fields = IMPORT_FIELDS.map((field) => `  ${field.padEnd(12)} ${FIELD_NOTES[field]}\n${wrap(FIELD_ALIASES[field].join(', '), '               headers: ')}`)
  return `Usage:
${IMPORT_USAGE_LINE}

Reads the file's encoding (UTF-8 with or without BOM, Windows-1252) and delimiter (, ; tab),
recognises its columns by their header in English, German, French, Italian or Spanish
(case, accents and punctuation ignored), and imports every row in one transaction: a problem
anywhere (named by line, column and value) and nothing is imported. Lines already in the cache
(the same file again, an overlapping period) are counted, not added. Rows naming a client the
cache does not know are kept as "client not in the cache". --map sets a field's column by its
exact header; a mapping saved in the app for the file's shape is used when --map is absent.

Fields:
${fields.join('\n')}

Exit codes: 0 imported (or checked, with --dry-run); 1 failed; 2 usage error; 6 the file was
refused (its problems are printed); 5 another program is writing the cache: try again later`
}

function wrap(text: string, prefix: string): string {
  const lines: string[] = []
  let line = prefix
  for (const word of text.split(' ')) {
    if (line.length + word.length > 100 && line.trim() !== prefix.trim()) {
      lines.push(line.trimEnd())
      line = ' '.repeat(prefix.length)
    }
    line += `${word} `
  }
  lines.push(line.trimEnd())
  return lines.join('\n')
}

/** "date=Datum,net=Betrag exkl. MWST" → field → header (a header may not hold a comma here). */
function parseMap(text: string): Map<ImportField, string> {
  const map = new Map<ImportField, string>()
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=')
    const field = pair.slice(0, at).trim() as ImportField
    if (at < 0 || !IMPORT_FIELDS.includes(field)) throw new ImportUsageError(`--map: "${pair}" is not field=Header (fields: ${IMPORT_FIELDS.join(', ')})`)
    const header = pair.slice(at + 1).trim()
    if (header === '') throw new ImportUsageError(`--map: ${field} names no header`)
    map.set(field, header)
  }
  return map
}

function cachePath(values: { account?: string | undefined; db?: string | undefined; 'data-dir'?: string | undefined }): string {
  if ((values.account === undefined) === (values.db === undefined)) throw new ImportUsageError('give either --account NAME or --db PATH')
  if (values.db !== undefined) return resolve(values.db)
  const registry = new AccountRegistry(resolve(values['data-dir'] ?? defaultDataDir()))
  const account = registry.findByLabel(values.account as string)
  if (!account) throw new ImportUsageError(`no account named "${values.account}"`)
  return registry.cachePath(account.id)
}

const money = (minor: number) => `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`
const day = (seconds: number | null) => (seconds === null ? '-' : new Date(seconds * 1000).toISOString().slice(0, 10))

export async function importCommand(args: string[], workerDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      account: { type: 'string' },
      db: { type: 'string' },
      'data-dir': { type: 'string' },
      map: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(importHelp())
    return 0
  }
  if (positionals.length !== 1) throw new ImportUsageError('give exactly one FILE to import')
  const db = cachePath(values)
  const given = values.map === undefined ? new Map<ImportField, string>() : parseMap(values.map)
  const file = resolve(positionals[0])
  if (!existsSync(file)) throw new ImportUsageError(`no file at ${file}`)
  if (values.db !== undefined && !existsSync(db)) throw new ImportUsageError(`no cache at ${db}`)

  const host = new CoreHost({ workerPath: join(workerDir, 'worker.js'), dbPath: db })
  const dispatch = createDispatcher(host)
  try {
    const chosen = await host.registerFile(file)
    if (!chosen.ok) return failed(chosen)
    const handle = chosen.value.handle
    const previewed = (await dispatch('imports:preview', { handle })) as Result<ImportPreview>
    if (!previewed.ok) return failed(previewed)
    const preview = previewed.value
    const mapping: ImportMapping = given.size > 0 ? {} : { ...preview.mapping }
    let fixedType: HistoryType | null = preview.fixedType
    for (const [field, header] of given) {
      // No type column: --map type=order gives every row's type.
      const constant = HISTORY_TYPES.find((type) => type === header)
      if (field === 'type' && constant && !preview.headers.includes(header)) fixedType = constant
      else mapping[field] = header
    }
    host.onEvent((event, payload) => {
      if (event !== 'imports:progress') return
      const { done, total } = payload as { done: number; total: number }
      process.stderr.write(`\rimporting ${total > 0 ? Math.floor((done * 100) / total) : 100} %   `)
    })
    const answer = (await dispatch('imports:commit', { handle, mapping, fixedType, dryRun: values['dry-run'] })) as Result<ImportOutcome>
    process.stderr.write('\n')
    if (!answer.ok) return failed(answer)
    const outcome = answer.value
    if (outcome.outcome === 'refused') {
      console.error(`partner-desk: ${chosen.value.name} was not imported (nothing was written):`)
      for (const problem of outcome.problems) console.error(`  ${describeImportProblem(problem)}`)
      return EXIT_REFUSED
    }
    const { record } = outcome
    console.log(`${outcome.dryRun ? 'checked (dry run, nothing written)' : 'imported'}: ${record.fileName} (${preview.encoding}, "${preview.delimiter === '\t' ? 'tab' : preview.delimiter}")`)
    console.log(`sha256:      ${record.sha256}`)
    console.log(`kind:        ${record.kind === 'clients' ? 'clients under management' : 'invoice history'}`)
    console.log(`rows:        ${record.rows}`)
    console.log(`added:       ${record.added}`)
    console.log(`already in the cache: ${record.duplicates}`)
    console.log(`client not in the cache (kept): ${record.unmatched}`)
    console.log(`period:      ${day(record.periodFrom)} to ${day(record.periodTo)}`)
    for (const [currency, total] of Object.entries(record.totals)) console.log(`total ${currency}:   ${money(total)} (excl. VAT)`)
    return 0
  } finally {
    await host.close()
  }
}

function failed(result: Result<unknown> & { ok: false }): number {
  console.error(`partner-desk: ${result.error.message}`)
  return result.error.code === 'busy' ? 5 : 1
}
