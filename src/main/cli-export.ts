// `partner-desk export`: the app's export (same spec schema, same checks,
// same file) for scripted monthly exports.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DEFAULT_EXPORT_COLUMNS, type ExportFinished, type ExportProgress, type ExportSpec } from '../shared/billing'
import { exportSpecSchema } from '../shared/billing-schema'
import type { CacheStatus } from '../shared/contract'
import type { Result } from '../shared/result'
import { AccountRegistry } from './accounts/registry'
import { defaultDataDir } from './accounts/data-dir'
import { CoreHost } from './core/host'

export const EXPORT_OPTIONS = {
  type: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  clients: { type: 'string' },
  preset: { type: 'string' },
  out: { type: 'string' },
  columns: { type: 'string' },
  'per-client': { type: 'boolean', default: false },
  currency: { type: 'string' },
  'decimal-comma': { type: 'boolean', default: false },
  'banana-accounts': { type: 'string' },
} as const

type Values = { [K in keyof typeof EXPORT_OPTIONS]?: (typeof EXPORT_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string } & {
  account?: string
  db?: string
  'data-dir'?: string
}

export class ExportUsageError extends Error {}

const list = (text: string | undefined) => (text === undefined ? undefined : text.split(',').map((part) => part.trim()).filter(Boolean))

/** The spec from the options, checked by the contract's own schema; the message names the option. */
export function exportSpecFrom(values: Values): ExportSpec {
  const banana = list(values['banana-accounts'])
  const raw = {
    query: {
      type: values.type,
      from: values.from,
      to: values.to,
      clients: values.clients === undefined ? null : list(values.clients)?.map((id) => (/^\d+$/.test(id) ? Number(id) : id)),
      ...(values.currency === undefined ? {} : { currency: values.currency }),
    },
    preset: values.preset,
    columns: list(values.columns) ?? DEFAULT_EXPORT_COLUMNS,
    split: values['per-client'] ? 'per_client' : 'one_file',
    ...(values['decimal-comma'] ? { decimalMark: 'comma' } : {}),
    ...(banana ? { banana: { debit: banana[0] ?? '', credit: banana[1] ?? '', vatCode: banana[2] ?? '' } } : {}),
  }
  const parsed = exportSpecSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const option: Record<string, string> = { 'query.type': '--type', 'query.from': '--from', 'query.to': '--to', 'query.clients': '--clients', 'query.currency': '--currency', preset: '--preset', columns: '--columns' }
  const path = issue.path.slice(0, 2).join('.')
  throw new ExportUsageError(`${option[path] ?? option[issue.path.join('.')] ?? path}: ${issue.message}`)
}

export async function exportHistory(values: Values): Promise<number> {
  if ((values.account === undefined) === (values.db === undefined)) throw new ExportUsageError('give either --account NAME or --db PATH')
  if (!values.out) throw new ExportUsageError('--out FILE is required')
  const spec = exportSpecFrom(values)
  let dbPath: string
  if (values.db !== undefined) {
    dbPath = resolve(values.db)
  } else {
    const registry = new AccountRegistry(resolve(values['data-dir'] ?? defaultDataDir()))
    const account = registry.findByLabel(values.account ?? '')
    if (!account) throw new ExportUsageError(`--account: no account named "${values.account}"`)
    dbPath = registry.cachePath(account.id)
  }
  if (!existsSync(dbPath)) throw new ExportUsageError(`no cache at ${dbPath}`)
  const host = new CoreHost({ workerPath: join(__dirname, 'worker.js'), dbPath })
  try {
    const status = (await host.call('cache:status', {})) as Result<CacheStatus>
    if (!status.ok || status.value.state !== 'ready') {
      console.error(`partner-desk: ${dbPath}: ${status.ok ? `the cache is ${status.value.state}` : status.error.message}`)
      return status.ok ? 3 : status.error.code === 'busy' ? 5 : 3
    }
    const finished = new Promise<ExportFinished>((resolveFinished) => {
      host.onEvent((event, payload) => {
        if (event === 'exports:progress') {
          const { done, total } = payload as ExportProgress
          process.stderr.write(`\rexport ${done}/${total}        `)
        }
        if (event === 'exports:finished') resolveFinished(payload as ExportFinished)
      })
    })
    const started = await host.startExport(spec, resolve(values.out))
    if (!started.ok) {
      console.error(`partner-desk: ${started.error.message}`)
      return 1
    }
    const outcome = await finished
    process.stderr.write('\n')
    if (!outcome.ok) {
      console.error(`partner-desk: ${outcome.message}`)
      return 1
    }
    const { record } = outcome
    record.files.forEach((file, i) => console.log(`${file}  sha256 ${record.sha256[i]}`))
    console.log(`rows: ${record.rows}`)
    for (const total of record.totals) {
      console.log(`${total.currency}: ${total.lines} lines, net ${(total.netMinor / 100).toFixed(2)}, VAT ${(total.vatMinor / 100).toFixed(2)}`)
    }
    return 0
  } finally {
    await host.close()
  }
}
