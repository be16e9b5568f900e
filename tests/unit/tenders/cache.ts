import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { openCache } from '../../../src/main/core/db/open'
import { seedDemo } from '../../../src/main/core/cache/seed-demo'
import { tenderHandlers } from '../../../src/main/core/tenders/handlers'
import type { Channel, Input, Output } from '../../../src/shared/contract'
import { contract } from '../../../src/shared/contract'
import type { TenderChannel } from '../../../src/shared/channels'
import type { Result } from '../../../src/shared/result'
import { tempDir } from '../../paths'

/** 15 January 2026, 09:30 UTC. */
export const NOW = Date.UTC(2026, 0, 15, 9, 30) / 1000

export interface TenderCache {
  db: BetterSqlite3.Database
  clock: { now: number }
  /** The channel as the dispatcher calls it: input parsed by the contract's schema first. */
  call<C extends TenderChannel>(channel: C, input: Input<C>): Promise<Output<C>>
  attempt<C extends TenderChannel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>
}

/** A cache file with the small demo (300 tenders) or nothing in it. */
export function tenderCache(demo: boolean = true): TenderCache {
  const outcome = openCache(join(tempDir('tenders'), 'cache.sqlite'))
  if (outcome.state !== 'ready') throw new Error(`cache not ready: ${outcome.state}`)
  const db = outcome.db
  if (demo) seedDemo(db, 'small', NOW, () => undefined)
  const clock = { now: NOW }
  const handlers = tenderHandlers({ db: () => db, now: () => clock.now, remote: () => null })
  const attempt = async <C extends TenderChannel>(channel: C, input: Input<C>) => {
    const parsed = (contract[channel as Channel].input as { safeParse(value: unknown): { success: boolean; data?: unknown; error?: Error } }).safeParse(input)
    if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: String(parsed.error?.message) } } as Result<Output<C>>
    return (handlers[channel] as (input: unknown) => Promise<Result<Output<C>>>)(parsed.data)
  }
  const call = async <C extends TenderChannel>(channel: C, input: Input<C>) => {
    const result = await attempt(channel, input)
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`)
    return result.value
  }
  return { db, clock, call, attempt }
}
