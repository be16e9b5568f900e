// Every channel of the contract, and names that are none, fuzzed through the
// two routings untrusted callers reach: the app session's (what Electron's IPC
// and the session bridge dispatch to) and the CLI's (a dispatcher straight
// over a core host, as cli.ts's startCore builds it). Inputs come from each
// channel's own zod schema (zod-arbitrary.ts), so a new channel is fuzzed the
// day it is added, plus adversarial values anywhere inside (adversarial.ts).
//
// What every answer must be is in fuzz-oracle.ts; on top, a refusal must
// leave the cache (SQLite's data_version, and a hash of every table around a
// batch of refusals) and the app's files untouched, and no call may hang.
//
// Replay a failure with the seed and path it prints (FUZZ_RUNS sets the count):
//   FUZZ_SEED=… FUZZ_PATH=… npx vitest run tests/unit/ipc/contract-fuzz.test.ts
// (the cache carries the writes of earlier runs, so replaying the whole seed
// from the start, without FUZZ_PATH, is the faithful replay).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountRegistry } from '../../../src/main/accounts/registry'
import { CoreHost } from '../../../src/main/core/host'
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher'
import { AppSession } from '../../../src/main/session/app-session'
import { CHANNELS, type Channel } from '../../../src/shared/channels'
import { contract, type CacheStatus } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/result'
import { BUILT_WORKER, tempDir } from '../../paths'
import { fakeCipher } from '../accounts/fake-cipher'
import { adversarialValue, nastyString } from './adversarial'
import { CacheWatch } from './cache-watch'
import { faultOf, isChannel, preview, schemaAccepts } from './fuzz-oracle'
import { walk } from './zod-arbitrary'

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_118)
const PATH = process.env.FUZZ_PATH
/** Calls per routing: some 12 s each on this project's two-core machine, 30 s for the file with both. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 15_000)
/** Calls the schema refuses, with the cache hashed before and after them all. */
const REFUSAL_RUNS = 300
/** No call may take longer: a hang fails the run instead of the whole test timing out silently. */
const CALL_TIMEOUT_MS = 20_000
const NOW = 1_795_000_000

interface Call {
  channel: unknown
  input: unknown
}

interface Route {
  dispatch: Dispatch
  cachePath: string
  /** The files beside the cache a call may write (settings, accounts, tokens), read whole. */
  appFiles(): string
  /** Channels whose valid input is not sent, and why; their invalid input still is. */
  notSentWhenValid: Partial<Record<Channel, string>>
  close(): Promise<void>
}

const NOT_SENT_WHEN_VALID: Partial<Record<Channel, string>> = {
  'demo:generate': 'rebuilds the whole cache (bench size: a million billing lines); cli.test.ts and the demo tests run it',
  'files:chooseToSave': 'opens the native save dialog; the export session tests answer it with a fake',
  'exports:rerun': 'writes a file where an earlier export went; the export session tests run it',
}

const UNKNOWN_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'demo:progress', 'cache:changed', 'CLIENTS:LIST', ' clients:list', 'clients:list\u0000', 'clients:', '']

function unknownChannel(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constantFrom(...UNKNOWN_NAMES), nastyString(), fc.string(), adversarialValue()).filter((name) => !isChannel(name))
}

/** Any channel with input from its schema (as is, with mischief inside, or anything at all), or a name that is no channel. */
function callArbitrary(strings: readonly string[]): fc.Arbitrary<Call> {
  const perChannel = CHANNELS.map((channel) => {
    const schema = contract[channel].input
    const input = fc.oneof(
      { weight: 4, arbitrary: walk(schema, { mischief: false, strings }) },
      { weight: 3, arbitrary: walk(schema, { mischief: true, strings }) },
      { weight: 1, arbitrary: adversarialValue() },
    )
    return fc.record({ channel: fc.constant<unknown>(channel), input })
  })
  return fc.oneof(...perChannel, fc.record({ channel: unknownChannel(), input: fc.oneof(fc.constant({}), adversarialValue()) }))
}

const accepted = ({ channel, input }: Call): boolean => isChannel(channel) && schemaAccepts(channel, input)

function withTimeout(answer: Promise<Result<unknown>>, call: Call): Promise<Result<unknown>> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms: ${preview(call)}`)), CALL_TIMEOUT_MS)
  })
  return Promise.race([answer, late]).finally(() => clearTimeout(timer))
}

/** Sends `numRuns` calls; every answer must pass the oracle, and a refusal must leave the cache and the app's files untouched. */
async function fuzz(route: Route, watch: CacheWatch, calls: fc.Arbitrary<Call>, numRuns: number): Promise<void> {
  let version = watch.version()
  let files = route.appFiles()
  const property = fc.asyncProperty(calls, async (call) => {
    const { channel, input } = call
    if (isChannel(channel) && route.notSentWhenValid[channel] !== undefined && accepted(call)) return
    const answer = await withTimeout(route.dispatch(channel, input), call)
    const fault = faultOf(channel, input, answer)
    if (fault !== null) throw new Error(fault)
    const nowVersion = watch.version()
    const nowFiles = route.appFiles()
    const wrote = nowVersion !== version ? 'the cache' : nowFiles !== files ? "the app's files" : null
    version = nowVersion
    files = nowFiles
    if (wrote !== null && !answer.ok) throw new Error(`refused (${answer.error.code}: ${preview(answer.error.message)}) yet wrote to ${wrote}`)
  })
  const details = await fc.check(property, { seed: SEED, numRuns, ...(PATH ? { path: PATH } : {}) })
  if (details.failed) {
    throw new Error(
      `fuzzing failed after ${details.numRuns} runs; replay with FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath}\n` +
        `call: ${preview(details.counterexample?.[0], 600)}\n${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
    )
  }
}

function readAll(paths: string[]): string {
  return paths.map((path) => (existsSync(path) ? `${path}\u0000${readFileSync(path, 'utf8')}` : '')).join('\u0001')
}

/** Tag names already in the cache: worth trying where a new name goes. */
function tagNames(watch: CacheWatch): string[] {
  return watch.query<string>('SELECT DISTINCT name FROM tags ORDER BY name LIMIT 40')
}

async function settled(dispatch: Dispatch): Promise<void> {
  // Seeds the demo on first open; the integrity check that follows only reads.
  const status = await dispatch('cache:status', {})
  expect(status).toMatchObject({ ok: true, value: { state: 'ready' } })
}

async function sessionRoute(): Promise<Route> {
  const dataDir = tempDir('fuzz-session')
  const session = AppSession.start({ dataDir, cipher: fakeCipher('os_keystore'), workerPath: BUILT_WORKER, now: NOW, rateLimit: 'off', demoOnFirstOpen: 'small' })
  await settled(session.dispatch)
  const tokens = join(dataDir, 'tokens')
  return {
    dispatch: session.dispatch,
    cachePath: new AccountRegistry(dataDir).cachePath(null),
    appFiles: () => readAll([join(dataDir, 'accounts.json'), join(dataDir, 'settings.json'), ...(existsSync(tokens) ? readdirSync(tokens).map((name) => join(tokens, name)) : [])]),
    notSentWhenValid: {
      ...NOT_SENT_WHEN_VALID,
      'accounts:add': 'opens a new account and starts a full sync against the URL given, or Infomaniak’s; session.test.ts runs it against the local server',
      'accounts:test': 'sends the token to the URL given, or Infomaniak’s; account-connection.test.ts runs it against the local server',
      'updates:check': 'asks the update server; tests/unit/updates run it against a local one',
      'updates:download': 'downloads an installer; tests/unit/updates run it against a local update server',
      'updates:install': 'quits the app into the installer; tests/unit/updates run it on a scripted engine',
    },
    close: () => session.close(),
  }
}

async function cliRoute(): Promise<Route> {
  const cachePath = join(tempDir('fuzz-cli'), 'cache.sqlite')
  // The clock fixed, so a seed replays on the same data any day.
  const host = new CoreHost({ workerPath: BUILT_WORKER, dbPath: cachePath, now: NOW })
  const dispatch = createDispatcher(host)
  // As `partner-desk demo` fills a cache: through the same routing.
  expect(await dispatch('demo:generate', { size: 'small' })).toMatchObject({ ok: true })
  await settled(dispatch)
  return { dispatch, cachePath, appFiles: () => '', notSentWhenValid: NOT_SENT_WHEN_VALID, close: () => host.close() }
}

describe.each([
  ['the app session', sessionRoute],
  ['the CLI', cliRoute],
])('every channel through %s’s routing, fuzzed', (_name, start) => {
  let route: Route
  let watch: CacheWatch
  let calls: fc.Arbitrary<Call>
  beforeAll(async () => {
    route = await start()
    watch = new CacheWatch(route.cachePath)
    calls = callArbitrary(tagNames(watch))
  })
  afterAll(async () => {
    watch?.close()
    await route?.close()
  })

  it('sees a write when one is made: the checks below are not blind', async () => {
    const [before, hash] = [watch.version(), watch.hash()]
    const change = { kind: 'tag.create', organizationId: 1, name: 'Seen by the watch', color: 0 }
    expect(await route.dispatch('changes:submit', { change })).toMatchObject({ ok: true })
    expect(watch.version()).not.toBe(before)
    expect(watch.hash()).not.toBe(hash)
  })

  it('leaves every table as it was after input the schema refuses', async () => {
    const before = watch.hash()
    await fuzz(route, watch, calls.filter((call) => !accepted(call)), REFUSAL_RUNS)
    expect(watch.hash()).toBe(before)
  }, 60_000)

  it('answers any input with a Result: refusals as invalid_input that write nothing, never internal for valid input', async () => {
    await fuzz(route, watch, calls, RUNS)
    // Still alive and answering.
    const status = await route.dispatch('cache:status', {})
    expect(status.ok && (status.value as CacheStatus).state).toBe('ready')
    expect(await route.dispatch('clients:list', {})).toMatchObject({ ok: true })
    // About 2 ms a call alone here; the bound leaves room for a machine busy with other work (npm run fuzz raises RUNS).
  }, Math.max(300_000, RUNS * 20))
})
