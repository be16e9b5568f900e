// kill -9 while `partner-desk sync` sends the outbox (it pushes before it
// pulls). Every change carries an idempotency key and is marked done only
// after the server's answer, so after any kill each change must show in the
// cache exactly once, be on the server at most once, and end up there
// exactly once when a later sync finishes.
import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCache } from '../../../src/main/core/db/open'
import { enqueue } from '../../../src/main/core/outbox/store'
import { ENDPOINTS } from '../../../src/main/core/remote/endpoints'
import { startApiServer, type ApiServer } from '../../fixtures/api-server'
import { tempDir } from '../../paths'
import { cachePathOf } from './cache-state'
import { runSync, type SyncArgs } from './cli-run'

const ACCOUNT = 'Crash Outbox'
const ROUNDS = 12
/** Changes queued before each run: enough for the push to last a while. */
const BATCH = 100
/** The loop stops early past this, so a slow machine bounds the file's time, not its verdict. */
const LOOP_BUDGET_MS = 40_000
/** Fewer would prove little. */
const MIN_ROUNDS = 5
const MIN_KILLED_WHILE_SENDING = 3

interface Queued {
  entryId: number
  organizationId: number
  name: string
}

let server: ApiServer
let args: SyncArgs
let dir: string
const queued: Queued[] = []

beforeAll(async () => {
  server = await startApiServer({ size: 'small', rateLimit: false })
  dir = tempDir('crash-push')
  args = { account: ACCOUNT, dataDir: dir, baseUrl: server.url, token: server.token, full: false }
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

const cachePath = () => cachePathOf(dir, ACCOUNT) as string

/** Tag creations on the active clients, made offline through the app's own outbox code. */
function queueBatch(round: number): void {
  const outcome = openCache(cachePath())
  if (outcome.state !== 'ready') throw new Error(`cache not ready: ${outcome.state}`)
  const db = outcome.db
  try {
    const clients = db
      .prepare("SELECT client_organization_id FROM partnerships WHERE status = 'active' ORDER BY client_organization_id LIMIT 40")
      .pluck()
      .all() as number[]
    for (let j = 0; j < BATCH; j++) {
      const organizationId = clients[j % clients.length]
      const name = `Crash ${round}.${j}`
      queued.push({ entryId: enqueue(db, { kind: 'tag.create', organizationId, name, color: j }, Math.floor(Date.now() / 1000)).id, organizationId, name })
    }
  } finally {
    db.close()
  }
}

/**
 * What the cache and the server say of each queued change, as problems.
 * A change not marked done was never followed by a pull (the pull comes
 * after the whole push), so the cache still shows it under its temporary id.
 */
function problems(): { problems: string[]; done: number } {
  const db = new Database(cachePath())
  try {
    const found: string[] = []
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') found.push(`integrity_check: ${String(integrity)}`)
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0) found.push('foreign key violations')
    const stateOf = db.prepare('SELECT state FROM outbox WHERE id = ?').pluck()
    const localIds = db.prepare('SELECT id FROM tags WHERE organization_id = ? AND name = ?').pluck()
    let done = 0
    for (const change of queued) {
      const state = stateOf.get(change.entryId) as string
      const local = localIds.all(change.organizationId, change.name) as number[]
      const remote = server.state.tagsOfOrganization(change.organizationId).filter((tag) => tag.name === change.name).map((tag) => tag.id)
      const expectedLocal = state === 'done' ? remote : [-change.entryId]
      if (!['pending', 'in_flight', 'done'].includes(state)) found.push(`${change.name}: ${state}`)
      if (remote.length > 1) found.push(`${change.name}: ${remote.length} times on the server`)
      if (state === 'done' && remote.length !== 1) found.push(`${change.name}: done but not on the server`)
      if (JSON.stringify(local) !== JSON.stringify(expectedLocal)) found.push(`${change.name} (${state}): cache ids ${local.join(', ')}, expected ${expectedLocal.join(', ')}`)
      if (state === 'done') done++
    }
    return { problems: found, done }
  } finally {
    db.close()
  }
}

describe('kill -9 while the outbox is sent', () => {
  it('never loses, doubles or hides a change, and sends each exactly once in the end', { timeout: 90_000 }, async () => {
    const first = await runSync({ ...args, full: true })
    expect(first.code, first.errors).toBe(0)

    // How long a run takes to send one batch here: until its pull's first progress line.
    queueBatch(0)
    const measured = await runSync(args)
    expect(measured.code, measured.errors).toBe(0)
    expect(problems()).toEqual({ problems: [], done: BATCH })

    let pushMs = measured.firstProgressMs as number
    const started = performance.now()
    let rounds = 0
    let killedWhileSending = 0
    for (; rounds < ROUNDS && performance.now() - started < LOOP_BUDGET_MS; rounds++) {
      queueBatch(rounds + 1)
      const delay = Math.random() * pushMs
      const run = await runSync(args, delay)
      const where = `round ${rounds + 1}, SIGKILL at ${delay.toFixed(0)} ms of ${pushMs.toFixed(0)}`
      if (!run.killed) expect(run.code, `${where}: ${run.errors}`).toBe(0)
      if (run.firstProgressMs === null) killedWhileSending++
      // It got past its push before the kill: a fresher measure on this shared, noisy machine.
      else pushMs = run.firstProgressMs
      expect(problems().problems, where).toEqual([])
    }
    const sentBeforeConverging = problems().done

    const last = await runSync(args)
    expect(last.code, last.errors).toBe(0)
    expect(problems()).toEqual({ problems: [], done: queued.length })
    // Each key created at most one tag; a kill between the server's answer and "done" shows as a replay.
    const creates = server.requests.filter((request) => request.route === ENDPOINTS.tagCreate.route)
    const applied = new Map<string, number>()
    for (const request of creates) {
      if (request.status === 201 && !request.replayed) applied.set(request.idempotencyKey as string, (applied.get(request.idempotencyKey as string) ?? 0) + 1)
    }
    expect([...applied.values()].every((times) => times === 1)).toBe(true)
    expect(applied.size).toBe(queued.length)
    console.info(
      `${rounds} rounds, ${killedWhileSending} killed before their pull began (sending a batch of ${BATCH} takes ${pushMs.toFixed(0)} ms): ` +
        `${sentBeforeConverging} of ${queued.length} changes sent before the last sync; ` +
        `${creates.filter((request) => request.replayed).length} answered from the idempotency store after a kill`,
    )
    expect(rounds).toBeGreaterThanOrEqual(MIN_ROUNDS)
    expect(killedWhileSending).toBeGreaterThanOrEqual(MIN_KILLED_WHILE_SENDING)
  })
})
