// partner-desk: the headless entry to the same core the app uses, for
// scripted work and checks. Plain Node; never imports electron.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEMO_SIZES, type CacheInfo, type CacheStatus, type DemoSize, type EventPayload, type SyncProgress } from '../shared/contract'
import { BASE_URL_PROBLEMS, baseUrlProblem } from '../shared/base-url'
import type { Result } from '../shared/result'
import { AccountRegistry } from './accounts/registry'
import { defaultDataDir } from './accounts/data-dir'
import { CoreHost } from './core/host'
import { INFOMANIAK_RATE_LIMIT } from './core/remote/http'
import { createDispatcher } from './ipc/dispatcher'
import { EXPORT_OPTIONS, exportHistory, ExportUsageError } from './cli-export'
import { IMPORT_USAGE_LINE, ImportUsageError, importCommand } from './cli/import-command'

const USAGE = `Usage:
  partner-desk demo --size small|bench --db PATH   fill PATH with the demo partner's data
  partner-desk info --db PATH [--json]              counts, schema version and integrity of PATH
  partner-desk sync --account NAME [--full] [--data-dir DIR] [--base-url URL]
                                                    sync an Infomaniak account into its cache; the token
                                                    comes from PARTNER_DESK_TOKEN or standard input; the
                                                    API is the account's own address unless --base-url
                                                    (https://; http:// only to 127.0.0.1, localhost, [::1])
  partner-desk export (--account NAME | --db PATH) --type all|invoices|orders|renewals|earnings|refunds
                    --from YYYY-MM-DD --to YYYY-MM-DD [--clients ID,...]
                    --preset excel-ch|excel-de|excel-fr|excel-it|excel-es|rfc4180|banana --out FILE
                    [--columns date,client,...] [--per-client] [--currency CHF|EUR] [--decimal-comma]
                    [--banana-accounts DEBIT,CREDIT,VATCODE] [--data-dir DIR]
                                                    export the billing history (UTC days, both included);
                                                    checked by reading it back, then moved to FILE
${IMPORT_USAGE_LINE}
  partner-desk help                                  this text

Exit codes: 0 done; 1 failed; 2 usage error; 3 the cache is damaged, cannot be opened or is
from a newer version (info); 4 the token was refused (sync); 5 another program is writing the
cache (info, import): try again once it has finished; 6 the file was refused (import); for export: 1 also
when the file written did not read back as written (no file is left)`

class UsageError extends Error {}

function expectValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

function startCore(db: string): { host: CoreHost; dispatch: ReturnType<typeof createDispatcher> } {
  const host = new CoreHost({ workerPath: join(__dirname, 'worker.js'), dbPath: db })
  return { host, dispatch: createDispatcher(host) }
}

async function demo(db: string, size: DemoSize): Promise<void> {
  const { host, dispatch } = startCore(db)
  try {
    host.onEvent((event, payload) => {
      if (event !== 'demo:progress') return
      const { phase, done, total } = payload as { phase: string; done: number; total: number }
      process.stderr.write(`\r${phase.padEnd(14)} ${done}/${total}        `)
    })
    const started = Date.now()
    const info = expectValue((await dispatch('demo:generate', { size })) as Result<CacheInfo>)
    process.stderr.write('\n')
    console.log(`demo data (${size}) written to ${db} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    printCounts(info)
  } finally {
    await host.close()
  }
}

/** Waits for the background integrity check, so `info` reports its verdict; a cache that cannot be read at all answers why. */
function settledStatus(host: CoreHost, dispatch: ReturnType<typeof createDispatcher>): Promise<Result<CacheStatus>> {
  return new Promise((resolvePromise) => {
    const stop = host.onEvent((event, payload) => {
      if (event === 'cache:status') {
        stop()
        resolvePromise({ ok: true, value: payload as CacheStatus })
      }
    })
    // The dispatcher answers failures as data; it never rejects.
    void dispatch('cache:status', {}).then((answer) => {
      const result = answer as Result<CacheStatus>
      if (!result.ok || result.value.state !== 'ready' || result.value.integrity !== 'checking') {
        stop()
        resolvePromise(result)
      }
    })
  })
}

function describeProblem(status: Exclude<CacheStatus, { state: 'ready' }>): string {
  switch (status.state) {
    case 'corrupt':
      return `damaged: ${status.message}`
    case 'unopenable':
      return `cannot be opened: ${status.message}`
    case 'too_new':
      return `written by a newer version (schema ${status.fileVersion}; this one knows ${status.appVersion})`
  }
}

async function info(db: string, json: boolean): Promise<number> {
  if (!existsSync(db)) throw new UsageError(`no cache at ${db}`)
  const { host, dispatch } = startCore(db)
  try {
    const answer = await settledStatus(host, dispatch)
    if (!answer.ok) {
      console.error(`partner-desk: ${answer.error.message}`)
      return answer.error.code === 'busy' ? 5 : 1
    }
    const status = answer.value
    if (status.state !== 'ready') {
      if (json) console.log(JSON.stringify({ status }))
      else console.error(`${db}: ${describeProblem(status)}`)
      return 3
    }
    const details = expectValue((await dispatch('cache:info', {})) as Result<CacheInfo>)
    if (json) {
      console.log(JSON.stringify(details, null, 2))
    } else {
      console.log(`cache:          ${db}`)
      console.log(`dataset:        ${details.dataset.kind === 'demo' ? `demo (${details.dataset.size})` : 'empty'}`)
      console.log(`schema version: ${details.schemaVersion}`)
      console.log(`integrity:      ${details.integrity}`)
      printCounts(details)
    }
    return 0
  } finally {
    await host.close()
  }
}

/** Never from argv (it would sit in the shell history and the process list). */
async function readToken(): Promise<string> {
  const fromEnv = process.env.PARTNER_DESK_TOKEN?.trim()
  if (fromEnv) return fromEnv
  if (process.stdin.isTTY) throw new UsageError('no token: set PARTNER_DESK_TOKEN, or pipe the token on standard input')
  let text = ''
  for await (const chunk of process.stdin) text += String(chunk)
  const token = text.trim()
  if (!token) throw new UsageError('no token on standard input')
  return token
}

/** `--base-url` overrides the account's address for this run; a new account keeps it. */
async function sync(label: string, options: { full: boolean; dataDir: string; baseUrl: string | undefined; rateLimit: boolean }): Promise<number> {
  const token = await readToken()
  const registry = new AccountRegistry(options.dataDir)
  const account =
    registry.findByLabel(label) ?? registry.add(label, Math.floor(Date.now() / 1000), options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl })
  const host = new CoreHost({
    workerPath: join(__dirname, 'worker.js'),
    dbPath: registry.cachePath(account.id),
    remote: { baseUrl: options.baseUrl ?? account.baseUrl, rateLimit: options.rateLimit ? INFOMANIAK_RATE_LIMIT : 'off' },
    token: async () => token,
  })
  const dispatch = createDispatcher(host)
  try {
    const finished = new Promise<EventPayload<'sync:finished'>>((resolveFinished) => {
      host.onEvent((event, payload) => {
        if (event === 'sync:progress') {
          const { resource, done, total } = payload as SyncProgress
          process.stderr.write(`\r${resource.padEnd(14)} ${done}/${total}        `)
        }
        if (event === 'sync:finished') resolveFinished(payload as EventPayload<'sync:finished'>)
      })
    })
    const started = Date.now()
    expectValue(await dispatch('sync:start', { mode: options.full ? 'full' : 'incremental' }))
    const outcome = await finished
    process.stderr.write('\n')
    if (!outcome.ok) {
      console.error(`partner-desk: sync of "${account.label}" failed: ${outcome.error.message}`)
      return outcome.error.code === 'token_invalid' ? 4 : 1
    }
    const { summary } = outcome
    console.log(`synced "${account.label}" (${summary.mode}) in ${((Date.now() - started) / 1000).toFixed(1)} s with ${summary.requests} requests`)
    console.log(`partnership changes detected: ${summary.events}`)
    if (summary.unchanged.length > 0) console.log(`unchanged, not read again:    ${summary.unchanged.join(', ')}`)
    if (summary.skippedProducts > 0) console.log(`products not stored:          ${summary.skippedProducts} (unknown service or owner)`)
    printCounts(expectValue((await dispatch('cache:info', {})) as Result<CacheInfo>))
    return 0
  } finally {
    await host.close()
  }
}

function printCounts({ counts }: CacheInfo): void {
  for (const [name, count] of Object.entries(counts)) console.log(`${name.padEnd(15)} ${count.toLocaleString('en-US')}`)
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE)
    return command === undefined ? 2 : 0
  }
  if (command === 'import') return importCommand(rest, __dirname)
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      db: { type: 'string' },
      size: { type: 'string' },
      json: { type: 'boolean', default: false },
      account: { type: 'string' },
      full: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'base-url': { type: 'string' },
      // Only for a local test server: the real API allows 60 requests a minute.
      'no-rate-limit': { type: 'boolean', default: false },
      ...EXPORT_OPTIONS,
    },
  })
  if (command === 'export') return exportHistory(values)
  if (command === 'sync') {
    if (!values.account) throw new UsageError('--account NAME is required')
    const baseUrl = values['base-url']?.trim()
    const problem = baseUrl === undefined ? null : baseUrlProblem(baseUrl)
    if (problem !== null) throw new UsageError(`--base-url: ${BASE_URL_PROBLEMS[problem]}`)
    return sync(values.account, {
      full: values.full,
      dataDir: resolve(values['data-dir'] ?? defaultDataDir()),
      baseUrl,
      rateLimit: !values['no-rate-limit'],
    })
  }
  if (!values.db) throw new UsageError('--db PATH is required')
  const db = resolve(values.db)
  switch (command) {
    case 'demo': {
      const size = DEMO_SIZES.find((known) => known === values.size)
      if (!size) throw new UsageError(`--size must be one of ${DEMO_SIZES.join(', ')} (got ${values.size ?? 'nothing'})`)
      await demo(db, size)
      return 0
    }
    case 'info':
      return info(db, values.json)
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || error instanceof ExportUsageError || error instanceof ImportUsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    console.error(`partner-desk: ${error instanceof Error ? error.message : String(error)}`)
    if (usage) console.error(USAGE)
    process.exitCode = usage ? 2 : 1
  },
)
