// The workspace's changes against the local API server, in both profiles:
// staff assignment (published b2b endpoints, remote partnership ids) and a
// request to add a client (the partner profile's modeled endpoint).
import type BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { push } from '../../../src/main/core/outbox/push'
import { enqueue } from '../../../src/main/core/outbox/store'
import type { RemoteClient } from '../../../src/main/core/remote/http'
import { startApiServer, type ApiServer, type ServerProfile } from '../../fixtures/api-server'
import { STAFF_INVITATION_IDS } from '../../fixtures/api-server/remote-state'
import { tempDir } from '../../paths'
import { cachePath, clientFor, NOW, openAccountCache, partnerIdOf, syncOnce } from '../outbox/helpers'

let server: ApiServer | undefined
let db: BetterSqlite3.Database | undefined
afterEach(async () => {
  db?.close()
  await server?.close()
})

async function start(profile: ServerProfile): Promise<{ server: ApiServer; db: BetterSqlite3.Database; client: RemoteClient }> {
  server = await startApiServer({ profile, size: 'small', now: NOW, rateLimit: false })
  db = openAccountCache(cachePath(tempDir(`workspace-outbox-${profile}`)))
  const client = clientFor(server)
  await syncOnce(db, client)
  return { server, db, client }
}

describe.each(['partner', 'public'] as const)('staff assignment against the %s profile', (profile) => {
  it('assigns and unassigns collaborations of a staff member, by the b2b listing’s ids', async () => {
    const { server, db, client } = await start(profile)
    const staff = STAFF_INVITATION_IDS[2]
    const before = new Set(server.state.staffAssignments(staff))
    const local = db
      .prepare("SELECT id, client_organization_id AS clientId FROM partnerships WHERE status = 'active' ORDER BY id")
      .all() as Array<{ id: number; clientId: number }>
    const remoteOf = (clientId: number) => server.state.allPartnerships().find((p) => p.clientOrganizationId === clientId)!.id
    const picked = local.filter((p) => !before.has(remoteOf(p.clientId))).slice(0, 2)
    enqueue(db, { kind: 'staff.assign', invitationId: staff, partnershipIds: picked.map((p) => p.id) }, NOW)
    expect(db.prepare('SELECT count(*) FROM staff_assignments WHERE invitation_id = ?').pluck().get(staff)).toBe(2)
    const pushAll = () => push(db, client, { partnerId: partnerIdOf(db), now: () => NOW, random: () => 0 })
    expect(await pushAll()).toEqual({ sent: 1, conflicts: 0, waiting: 0 })
    for (const p of picked) expect(server.state.staffAssignments(staff)?.has(remoteOf(p.clientId))).toBe(true)

    enqueue(db, { kind: 'staff.unassign', invitationId: staff, partnershipId: picked[0]!.id }, NOW)
    expect(await pushAll()).toEqual({ sent: 1, conflicts: 0, waiting: 0 })
    expect(server.state.staffAssignments(staff)?.has(remoteOf(picked[0]!.clientId))).toBe(false)
    expect(server.state.staffAssignments(staff)?.has(remoteOf(picked[1]!.clientId))).toBe(true)
  })
})

describe('a request to add a client', () => {
  it('is sent to the partner endpoint, and refused as a conflict when one to that e-mail is open', async () => {
    const { server, db, client } = await start('partner')
    enqueue(db, { kind: 'client.request', email: 'owner@new-client.ch', accessType: 'limited', categories: ['domain'], message: 'Services: Domain.' }, NOW)
    const pushAll = () => push(db, client, { partnerId: partnerIdOf(db), now: () => NOW, random: () => 0 })
    expect(await pushAll()).toEqual({ sent: 1, conflicts: 0, waiting: 0 })
    expect(server.state.sentClientRequests().map((r) => [r.email, r.accessType, r.message])).toEqual([['owner@new-client.ch', 'limited', 'Services: Domain.']])
    enqueue(db, { kind: 'client.request', email: 'owner@new-client.ch', accessType: 'complete', categories: [], message: '' }, NOW)
    expect(await pushAll()).toEqual({ sent: 0, conflicts: 1, waiting: 0 })
  })
})
