// An AppSession on a temporary data dir with the real worker, and a record of
// every answer and event, so tests can wait on events and search them all.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Channel, EventName, EventPayload, Input, Output } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/result'
import type { Protection } from '../../../src/main/accounts/secret-store'
import { AppSession, type AppSessionOptions } from '../../../src/main/session/app-session'
import { BUILT_WORKER, tempDir } from '../../paths'
import { fakeCipher } from '../accounts/fake-cipher'

export const NOW = 1_795_000_000
export const CANARY = 'canary-5b1e9d3a7c2f4e6b8a0d1c3e5f7a9b2d-token'

export interface Recorded {
  event: EventName
  payload: unknown
}

export interface Harness {
  session: AppSession
  dataDir: string
  /** Every event the session relayed, in order. */
  events: Recorded[]
  /** Every answer the session gave through `call`. */
  answers: Result<unknown>[]
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>
  /** The value, or a thrown error naming the failure. */
  value<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>
  /** The first event named `event` at or after position `since` in `events`, waiting for it if need be. */
  waitFor<E extends EventName>(event: E, since: number, timeoutMs?: number): Promise<EventPayload<E>>
  /** Events from position `since` on. */
  eventsSince(since: number): Recorded[]
}

const open: AppSession[] = []

/** Closes every session a test started (an afterEach hook). */
export async function closeSessions(): Promise<void> {
  await Promise.all(open.splice(0).map((session) => session.close()))
}

export function startSession(
  options: { dataDir?: string; protection?: Protection } & Partial<Omit<AppSessionOptions, 'dataDir' | 'cipher' | 'workerPath'>> = {},
): Harness {
  const { dataDir = tempDir('session'), protection = 'os_keystore', ...rest } = options
  const session = AppSession.start({ dataDir, cipher: fakeCipher(protection), workerPath: BUILT_WORKER, now: NOW, rateLimit: 'off', ...rest })
  open.push(session)
  const events: Recorded[] = []
  const answers: Result<unknown>[] = []
  const waiters = new Set<() => void>()
  session.onEvent((event, payload) => {
    events.push({ event, payload })
    for (const wake of waiters) wake()
  })

  const call = async <C extends Channel>(channel: C, input: Input<C>) => {
    const answer = await session.dispatch(channel, input)
    answers.push(answer)
    return answer as Result<Output<C>>
  }
  return {
    session,
    dataDir,
    events,
    answers,
    call,
    async value(channel, input) {
      const answer = await call(channel, input)
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.code}: ${answer.error.message}`)
      return answer.value
    },
    waitFor(event, since, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.slice(since).find((recorded) => recorded.event === event)
          if (!found) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found.payload as never)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no ${event} within ${timeoutMs} ms; saw ${events.slice(since).map((recorded) => recorded.event).join(', ') || 'nothing'}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    eventsSince: (since) => events.slice(since),
  }
}

/** Every file under dir that holds `needle`, read whole. */
export function filesContaining(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && readFileSync(path).includes(needle))
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until `ready` holds: for server-side facts no event announces. */
export async function until(ready: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await pause(20)
  }
}
