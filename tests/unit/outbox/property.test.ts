// Random sequences of offline changes, server faults, pushes and restarts:
// whatever happens, no change is lost, none is applied twice, and each
// client's changes reach the server in the order they were made.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChangeRefused } from '../../../src/main/core/outbox/local'
import { push } from '../../../src/main/core/outbox/push'
import { enqueue, overview } from '../../../src/main/core/outbox/store'
import { startApiServer, type ApiServer, type FaultKind } from '../../fixtures/api-server'
import { tempDir } from '../../paths'
import { clientFor, NOW, openAccountCache, partnerIdOf, someClients, syncOnce } from './helpers'

const ROUTES = ['POST /1/accounts/{account_id}/tags', 'PATCH /1/accounts/{account_id}/tags/{tag_id}'] as const
const FAULTS: FaultKind[] = ['reset', 'lost_response', 'server_error', 'unavailable', 'rate_limit']
/** Far enough ahead that every backoff has run out. */
const LATER = NOW + 10_000_000

type Op =
  | { op: 'create'; client: number }
  | { op: 'rename'; client: number; nth: number }
  | { op: 'fault'; route: number; kind: FaultKind; times: number }
  | { op: 'push' }
  | { op: 'restart' }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), client: fc.nat(2) }),
  fc.record({ op: fc.constant('rename' as const), client: fc.nat(2), nth: fc.nat(3) }),
  fc.record({ op: fc.constant('fault' as const), route: fc.nat(ROUTES.length - 1), kind: fc.constantFrom(...FAULTS), times: fc.integer({ min: 1, max: 3 }) }),
  fc.constant({ op: 'push' as const }),
  fc.constant({ op: 'restart' as const }),
)

let server: ApiServer
let pristine: string
let clients: Array<{ organizationId: number }>

beforeAll(async () => {
  server = await startApiServer({ size: 'small', now: NOW, rateLimit: false })
  pristine = join(tempDir('outbox-property'), 'pristine.sqlite')
  const db = openAccountCache(pristine)
  await syncOnce(db, clientFor(server))
  clients = someClients(db, 3)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}, 60_000)
afterAll(async () => {
  await server.close()
})

describe('the outbox under faults and restarts', () => {
  it('loses nothing, applies nothing twice, keeps each client’s order', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 24 }), async (ops) => {
        run++
        const path = join(tempDir('outbox-run'), 'account.sqlite')
        copyFileSync(pristine, path)
        let db: BetterSqlite3.Database = openAccountCache(path)
        const client = clientFor(server)
        const firstRequest = server.requests.length
        const pushNow = (now: number) => push(db, client, { partnerId: partnerIdOf(db), now: () => now, random: () => 0.5 }).catch(() => undefined)
        let made = 0

        for (const step of ops) {
          if (step.op === 'create') {
            const { organizationId } = clients[step.client]
            enqueue(db, { kind: 'tag.create', organizationId, name: `run${run}-t${made++}`, color: made }, NOW)
          } else if (step.op === 'rename') {
            const { organizationId } = clients[step.client]
            const mine = db
              .prepare("SELECT id FROM tags WHERE organization_id = ? AND name LIKE ? ORDER BY name LIMIT 1 OFFSET ?")
              .pluck()
              .get(organizationId, `run${run}-%`, step.nth) as number | undefined
            if (mine === undefined) continue
            try {
              enqueue(db, { kind: 'tag.update', organizationId, tagId: mine, name: `run${run}-t${made++}` }, NOW)
            } catch (error) {
              if (!(error instanceof ChangeRefused)) throw error
            }
          } else if (step.op === 'fault') {
            server.faults.add({ route: ROUTES[step.route], kind: step.kind, times: step.times })
          } else if (step.op === 'push') {
            await pushNow(NOW)
          } else {
            db.close()
            db = openAccountCache(path)
          }
        }

        server.faults.clear()
        for (let round = 0; round < 10 && overview(db, false).entries.length > 0; round++) await pushNow(LATER + round)
        const entries = overview(db, true).entries
        db.close()

        // Nothing lost: every change reached the server.
        expect(entries.filter((entry) => entry.state !== 'done')).toEqual([])
        // Nothing twice, order kept: per client, the changes the server applied (not replayed)
        // are exactly the outbox's, in the outbox's order.
        const applied = server.requests
          .slice(firstRequest)
          .filter((r) => r.idempotencyKey !== null && !r.replayed && r.status !== null && r.status < 300)
        for (const { organizationId } of clients) {
          const keys = entries.filter((entry) => entry.clientId === organizationId).map((entry) => entry.id)
          const byKey = new Map(overviewKeys(path).map((row) => [row.key, row.id]))
          const order = applied.filter((r) => r.path.includes(`/accounts/${organizationId}/`)).map((r) => byKey.get(r.idempotencyKey!))
          expect(order).toEqual(keys)
        }
        // And the server holds each tag made in this run once.
        for (const { organizationId } of clients) {
          const names = server.state.tagsOfOrganization(organizationId).map((tag) => tag.name).filter((name) => name.startsWith(`run${run}-`))
          expect(new Set(names).size).toBe(names.length)
        }
      }),
      { numRuns: 12, seed: 20261128, endOnFailure: true },
    )
  }, 240_000)
})

function overviewKeys(path: string): Array<{ id: number; key: string }> {
  const db = openAccountCache(path)
  try {
    return db.prepare('SELECT id, idempotency_key AS key FROM outbox').all() as Array<{ id: number; key: string }>
  } finally {
    db.close()
  }
}
