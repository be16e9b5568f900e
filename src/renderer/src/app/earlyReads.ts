import type { Channel, Input, Output } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { createApiClient, findBridge, type ApiClient } from '../api/bridge'
import { firstPageRequest } from '../screens/clients/firstPage'
import { afterFirstReady } from './readiness'

type Read = { [C in Channel]: [C, Input<C>] }[Channel]

/**
 * What the first screen reads, in the order the core should answer: the
 * cache's state, the settings (the host's, not the core's) and the first page
 * of clients; then, asked a task later (each call costs the page a little,
 * and the bundle's own run is a long task already), what the shell around
 * them shows: header, navigation, filter labels. Each with the very input its
 * component asks, or it is not reused.
 */
const firstReads = (): Read[] => [
  ['cache:status', {}],
  ['settings:get', {}],
  ['clients:list', firstPageRequest()],
]
const shellReads = (): Read[] => [
  ['accounts:list', {}],
  ['updates:state', {}],
  ['sync:status', {}],
  ['outbox:counts', {}],
  ['events:list', { offset: 0, limit: 1, unseenOnly: true }],
  ['views:list', {}],
  ['staff:list', {}],
]

const keyOf = (channel: Channel, input: unknown): string => `${channel} ${JSON.stringify(input)}`

interface EarlyRead {
  answer: Promise<Result<unknown>>
  /** Set once answered: the first render can then draw it rather than wait a render more. */
  settled?: Result<unknown>
}

/** Answers asked at start and not yet taken, by channel and input. */
const early = new Map<string, EarlyRead>()
/** The first screen's reads (status, settings, first page), answered. */
let firstAnswered: Promise<unknown> = Promise.resolve()

/**
 * Asks the start reads as the bundle starts running: they no longer wait for
 * one another, nor for i18n, React and the first render (each was asked by
 * its component once mounted, the page only once the status and settings had
 * answered). The core answers one call at a time, in order, so the first page
 * still comes right after the status.
 */
function askStartReads(api: ApiClient): void {
  const ask = (reads: Read[]): Array<Promise<unknown>> =>
    reads.map(([channel, input]) => {
      const read: EarlyRead = { answer: api.call(channel, input) }
      early.set(keyOf(channel, input), read)
      return read.answer.then((result) => {
        read.settled = result
      })
    })
  firstAnswered = Promise.all(ask(firstReads()))
  setTimeout(() => ask(shellReads()), 0)
}

/**
 * The client the app uses: the first call of a start read takes the answer
 * asked early (once; later calls ask afresh). What no one took by the first
 * `ready`, or by a change to the cache, is dropped: it could be stale.
 */
function takingEarlyAnswers(api: ApiClient): ApiClient {
  afterFirstReady(forgetEarlyAnswers)
  api.subscribe('cache:changed', forgetEarlyAnswers)
  return {
    call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
      const key = keyOf(channel, input)
      const read = early.get(key)
      if (read === undefined) return api.call(channel, input)
      early.delete(key)
      return read.answer as Promise<Result<Output<C>>>
    },
    subscribe: api.subscribe,
  }
}

/**
 * The answer to a start read, if it has come and no one took it yet (taken
 * once): a component's first render draws it, with no render spent waiting.
 */
export function takeAnswered<C extends Channel>(channel: C, input: Input<C>): Result<Output<C>> | undefined {
  const key = keyOf(channel, input)
  const settled = early.get(key)?.settled
  if (settled === undefined) return undefined
  early.delete(key)
  return settled as Result<Output<C>>
}

/**
 * Settles once the first screen's start reads have answered (at once when
 * none were asked): the shell then mounts with its first page of clients
 * drawn, in one render, rather than a shell first and its rows renders later.
 */
export function firstReadsAnswered(): Promise<unknown> {
  return firstAnswered
}

/** The cache turned out unusable (damaged, too new): nothing read at start may show. */
export function forgetEarlyAnswers(): void {
  early.clear()
}

/**
 * The window's API client, null without a bridge. Made, and the start reads
 * asked, as this module is evaluated: the window's small entry (boot.ts)
 * imports it, so that the calls leave while the app's bundle is still on its
 * way.
 */
const bridge = findBridge(window)
const client = bridge === null ? null : createApiClient(bridge)
if (client !== null) askStartReads(client)
export const startApi: ApiClient | null = client === null ? null : takingEarlyAnswers(client)
