// Offline changes against the local API server: applied at once, sent with
// idempotency keys, conflicts kept for the user.
import type BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChangeRefused } from '../../../src/main/core/outbox/local'
import { push } from '../../../src/main/core/outbox/push'
import { enqueue, overview, resolve } from '../../../src/main/core/outbox/store'
import type { RemoteClient } from '../../../src/main/core/remote/http'
import { startApiServer, type ApiServer } from '../../fixtures/api-server'
import { tempDir } from '../../paths'
import { cachePath, clientFor, NOW, openAccountCache, partnerIdOf, someClients, syncOnce } from './helpers'

let server: ApiServer
let db: BetterSqlite3.Database
let client: RemoteClient

beforeEach(async () => {
  server = await startApiServer({ size: 'small', now: NOW, rateLimit: false })
  db = openAccountCache(cachePath(tempDir('outbox')))
  client = clientFor(server)
  await syncOnce(db, client)
})
afterEach(async () => {
  db.close()
  await server.close()
})

const pushAll = () => push(db, client, { partnerId: partnerIdOf(db), now: () => NOW, random: () => 0 })
const localTag = (id: number) => db.prepare('SELECT id, name, color FROM tags WHERE id = ?').get(id)

describe('the outbox', () => {
  it('shows a change at once, then sends it and takes the server’s id', async () => {
    const [{ organizationId, productIds }] = someClients(db, 1)
    const created = enqueue(db, { kind: 'tag.create', organizationId, name: 'Renewal 2031', color: 0x33aa55 }, NOW)
    expect(localTag(-created.id)).toEqual({ id: -created.id, name: 'Renewal 2031', color: 0x33aa55 })
    enqueue(db, { kind: 'tag.assign', organizationId, tagId: -created.id, productIds }, NOW)
    // Searchable offline already.
    expect(db.prepare("SELECT rowid FROM clients_fts WHERE clients_fts MATCH '\"renewal\" \"2031\"'").pluck().all()).toContain(organizationId)

    expect(await pushAll()).toEqual({ sent: 2, conflicts: 0, waiting: 0 })
    const remote = server.state.tagsOfOrganization(organizationId).find((tag) => tag.name === 'Renewal 2031')!
    expect(localTag(remote.id)).toEqual({ id: remote.id, name: 'Renewal 2031', color: 0x33aa55 })
    expect(localTag(-created.id)).toBeUndefined()
    for (const productId of productIds) expect(server.state.isTagged(remote.id, productId)).toBe(true)
    expect(overview(db, false)).toMatchObject({ pending: 0, conflicts: 0, failed: 0, entries: [] })
  })

  it('applies a change once when its answer was lost, by sending the same key again', async () => {
    const [{ organizationId }] = someClients(db, 1)
    enqueue(db, { kind: 'tag.create', organizationId, name: 'Lost answer', color: 1 }, NOW)
    server.faults.add({ route: 'POST /1/accounts/{account_id}/tags', kind: 'lost_response' })
    expect(await pushAll()).toEqual({ sent: 1, conflicts: 0, waiting: 0 })
    const posts = server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/tags'))
    expect(new Set(posts.map((r) => r.idempotencyKey)).size).toBe(1)
    expect(posts.length).toBeGreaterThanOrEqual(2)
    expect(server.state.tagsOfOrganization(organizationId).filter((tag) => tag.name === 'Lost answer')).toHaveLength(1)
  })

  it('keeps a change the server refused as a conflict, with both versions, until the user decides', async () => {
    const tag = db.prepare('SELECT id, organization_id AS organizationId, name, color FROM tags WHERE id > 0 ORDER BY id LIMIT 1').get() as {
      id: number
      organizationId: number
      name: string
      color: number
    }
    const mine = enqueue(db, { kind: 'tag.update', organizationId: tag.organizationId, tagId: tag.id, name: 'Mine' }, NOW)
    // Meanwhile, someone renamed it in the Manager.
    server.state.renameTag(tag.id, 'Theirs')
    expect(await pushAll()).toEqual({ sent: 0, conflicts: 1, waiting: 0 })
    const [conflict] = overview(db, false).entries
    expect(conflict).toMatchObject({ id: mine.id, state: 'conflict', theirs: { name: 'Theirs', color: tag.color } })
    // A later change of the same client waits behind the conflict.
    enqueue(db, { kind: 'tag.create', organizationId: tag.organizationId, name: 'Behind', color: 2 }, NOW)
    expect(await pushAll()).toEqual({ sent: 0, conflicts: 0, waiting: 0 })

    resolve(db, mine.id, 'mine', NOW)
    expect(await pushAll()).toEqual({ sent: 2, conflicts: 0, waiting: 0 })
    expect(server.state.tag(tag.id)?.name).toBe('Mine')
  })

  it('takes theirs: drops mine and shows the server’s version', async () => {
    const tag = db.prepare('SELECT id, organization_id AS organizationId, color FROM tags WHERE id > 0 ORDER BY id LIMIT 1').get() as { id: number; organizationId: number; color: number }
    const mine = enqueue(db, { kind: 'tag.update', organizationId: tag.organizationId, tagId: tag.id, color: 0x111111 }, NOW)
    server.state.recolorTag(tag.id, 0x222222)
    await pushAll()
    expect(resolve(db, mine.id, 'theirs', NOW).state).toBe('discarded')
    expect(localTag(tag.id)).toMatchObject({ color: 0x222222 })
  })

  it('survives a sync: changes not yet sent are re-applied on top of the server’s data', async () => {
    const [{ organizationId }] = someClients(db, 1)
    const created = enqueue(db, { kind: 'tag.create', organizationId, name: 'Not sent yet', color: 3 }, NOW)
    await syncOnce(db, client)
    expect(localTag(-created.id)).toMatchObject({ name: 'Not sent yet' })
  })

  it('refuses a change that cannot apply, recording nothing', () => {
    const before = overview(db, true).entries.length
    expect(() => enqueue(db, { kind: 'tag.delete', organizationId: 1, tagId: 999_999 }, NOW)).toThrow(ChangeRefused)
    expect(overview(db, true).entries).toHaveLength(before)
  })
})
