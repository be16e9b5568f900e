// The outbox: every offline change, in the order it was made, with the
// idempotency key that makes sending it twice harmless. Rows are never
// deleted: done and discarded ones stay as the record of what happened.
//
// Its transactions read, then write, while a pull's history thread may commit
// to the same file: each takes the write lock first (immediate), so it waits
// for the other writer instead of failing with SQLITE_BUSY_SNAPSHOT (a read
// made stale by the other's commit, which no busy timeout waits out).
import { randomUUID } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import type { Selectable } from 'kysely'
import { changeSchema, type Change } from '../../../shared/changes'
import type { OutboxCounts, OutboxEntry, OutboxOverview } from '../../../shared/contract'
import type { OutboxState } from '../../../shared/domain'
import type { OutboxTable } from '../db/schema'
import { applyLocally, clientOf } from './local'

/** A row of the outbox, with the name of the client it concerns. */
type OutboxRecord = Selectable<OutboxTable> & { client_name: string | null }

export interface Queued {
  id: number
  key: string
  change: Change
  /** What the change was made against (see applyLocally). */
  base: Record<string, unknown> | null
  clientId: number | null
}

const SELECT = `SELECT x.*, o.name AS client_name FROM outbox x LEFT JOIN organizations o ON o.id = x.client_organization_id`
/** Entries that still have an effect on the cache: rebased after every pull. */
const LIVE = "('pending', 'in_flight', 'conflict', 'failed')"

function toEntry(row: OutboxRecord): OutboxEntry {
  return {
    id: row.id,
    change: changeSchema.parse(JSON.parse(row.payload_json)),
    clientId: row.client_organization_id,
    clientName: row.client_name,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    theirs: row.conflict_json === null ? null : (JSON.parse(row.conflict_json) as Record<string, unknown>),
  }
}

export function entry(db: BetterSqlite3.Database, id: number): OutboxEntry | null {
  const row = db.prepare(`${SELECT} WHERE x.id = ?`).get(id) as OutboxRecord | undefined
  return row ? toEntry(row) : null
}

/** Records a change and applies it to the cache, in one transaction: both or neither. */
export function enqueue(db: BetterSqlite3.Database, change: Change, now: number): OutboxEntry {
  const id = db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare("INSERT INTO outbox (idempotency_key, client_organization_id, kind, payload_json, state, created_at) VALUES (?, ?, ?, ?, 'pending', ?)")
      .run(randomUUID(), clientOf(db, change), change.kind, JSON.stringify(change), now)
    const base = applyLocally(db, Number(lastInsertRowid), change, now)
    if (base) db.prepare('UPDATE outbox SET base_version = ? WHERE id = ?').run(JSON.stringify(base), lastInsertRowid)
    return Number(lastInsertRowid)
  }).immediate()
  return entry(db, id)!
}

export function overview(db: BetterSqlite3.Database, includeDone: boolean): OutboxOverview {
  const rows = db.prepare(`${SELECT} ${includeDone ? '' : `WHERE x.state IN ${LIVE}`} ORDER BY x.id`).all() as OutboxRecord[]
  return { entries: rows.map(toEntry), ...outboxCounts(db) }
}

export function outboxCounts(db: BetterSqlite3.Database): OutboxCounts {
  return db
    .prepare(
      `SELECT count(*) FILTER (WHERE state IN ('pending', 'in_flight')) AS pending, count(*) FILTER (WHERE state = 'conflict') AS conflicts,
         count(*) FILTER (WHERE state = 'failed') AS failed FROM outbox`,
    )
    .get() as OutboxCounts
}

/**
 * The next entry of each client that may be sent now: the oldest live entry
 * of that client, if it is pending and due. A conflict or a failure blocks
 * the client's later changes, which may depend on it.
 */
export function due(db: BetterSqlite3.Database, now: number): Queued[] {
  const rows = db
    .prepare(
      `SELECT x.* FROM outbox x
       WHERE x.id IN (SELECT min(id) FROM outbox WHERE state IN ${LIVE} GROUP BY coalesce(client_organization_id, -id))
         AND x.state = 'pending' AND coalesce(x.next_attempt_at, 0) <= ?
       ORDER BY x.id`,
    )
    .all(now) as OutboxRecord[]
  return rows.map((row) => ({
    id: row.id,
    key: row.idempotency_key,
    change: changeSchema.parse(JSON.parse(row.payload_json)),
    base: row.base_version === null ? null : (JSON.parse(row.base_version) as Record<string, unknown>),
    clientId: row.client_organization_id,
  }))
}

export function setState(
  db: BetterSqlite3.Database,
  id: number,
  state: OutboxState,
  details: { error?: string | null; nextAttemptAt?: number | null; attempt?: boolean; theirs?: Record<string, unknown> | null } = {},
): void {
  db.prepare(
    `UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = ?, attempts = attempts + ?, conflict_json = ? WHERE id = ?`,
  ).run(state, details.error ?? null, details.nextAttemptAt ?? null, details.attempt ? 1 : 0, details.theirs ? JSON.stringify(details.theirs) : null, id)
}

/** A change the server never answered may or may not have landed: send it again, same key, after a restart. */
export function recoverInFlight(db: BetterSqlite3.Database): void {
  db.prepare("UPDATE outbox SET state = 'pending' WHERE state = 'in_flight'").run()
}

/** Replaces a temporary tag id everywhere once the server has named the tag. */
export function renameTag(db: BetterSqlite3.Database, temporary: number, real: number): void {
  db.transaction(() => {
    // The tag and its links change key together; the foreign keys are checked at commit.
    db.pragma('defer_foreign_keys = ON')
    db.prepare('UPDATE tags SET id = ? WHERE id = ?').run(real, temporary)
    db.prepare('UPDATE product_tags SET tag_id = ? WHERE tag_id = ?').run(real, temporary)
    const live = db.prepare(`SELECT id, payload_json FROM outbox WHERE state IN ${LIVE}`).all() as Array<{ id: number; payload_json: string }>
    const update = db.prepare('UPDATE outbox SET payload_json = ? WHERE id = ?')
    for (const row of live) {
      const change = JSON.parse(row.payload_json) as { tagId?: number }
      if (change.tagId === temporary) update.run(JSON.stringify({ ...change, tagId: real }), row.id)
    }
  }).immediate()
}

/**
 * After a pull: the cache holds the server's data, without the changes not
 * yet sent. Re-apply them in order; one that no longer applies (its tag was
 * deleted on the server, say) becomes a conflict for the user to decide.
 */
export function rebase(db: BetterSqlite3.Database, now: number): void {
  const live = db.prepare(`SELECT id, payload_json FROM outbox WHERE state IN ${LIVE} ORDER BY id`).all() as Array<{ id: number; payload_json: string }>
  for (const row of live) {
    const change = changeSchema.parse(JSON.parse(row.payload_json))
    try {
      db.transaction(() => applyLocally(db, row.id, change, now, 'rebase'))()
    } catch (error) {
      setState(db, row.id, 'conflict', { error: `no longer applies to the server's data: ${(error as Error).message}`, theirs: { gone: true } })
    }
  }
}

export class NotActionable extends Error {}

function live(db: BetterSqlite3.Database, id: number, states: readonly OutboxState[]): OutboxRecord {
  const row = db.prepare(`${SELECT} WHERE x.id = ?`).get(id) as OutboxRecord | undefined
  if (!row) throw new NotActionable(`no change ${id} in the outbox`)
  if (!states.includes(row.state)) throw new NotActionable(`change ${id} is ${row.state}`)
  return row
}

/** Sends a waiting or failed change again at the next push, its attempts counted afresh. */
export function retry(db: BetterSqlite3.Database, id: number): OutboxEntry {
  live(db, id, ['pending', 'failed'])
  db.prepare("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = NULL, last_error = NULL WHERE id = ?").run(id)
  return entry(db, id)!
}

/** Drops a change; the cache shows the server's data again at the next sync. */
export function discard(db: BetterSqlite3.Database, id: number): OutboxEntry {
  live(db, id, ['pending', 'conflict', 'failed'])
  db.prepare("UPDATE outbox SET state = 'discarded', next_attempt_at = NULL WHERE id = ?").run(id)
  return entry(db, id)!
}

/**
 * A conflict, decided: `mine` sends the change again, now made against the
 * server's version (a new request, so a new idempotency key); `theirs` drops
 * it and shows the server's version of a tag at once.
 */
export function resolve(db: BetterSqlite3.Database, id: number, keep: 'mine' | 'theirs', now: number): OutboxEntry {
  const row = live(db, id, ['conflict'])
  const change = changeSchema.parse(JSON.parse(row.payload_json))
  const server = row.conflict_json === null ? {} : (JSON.parse(row.conflict_json) as { gone?: boolean; name?: string; color?: number })
  db.transaction(() => {
    if (keep === 'mine') {
      const base = typeof server.name === 'string' && typeof server.color === 'number' ? JSON.stringify({ name: server.name, color: server.color }) : row.base_version
      db.prepare(
        "UPDATE outbox SET state = 'pending', idempotency_key = ?, base_version = ?, attempts = 0, next_attempt_at = NULL, last_error = NULL, conflict_json = NULL WHERE id = ?",
      ).run(randomUUID(), base, id)
      applyLocally(db, id, change, now, 'rebase')
      return
    }
    db.prepare("UPDATE outbox SET state = 'discarded' WHERE id = ?").run(id)
    if (change.kind === 'tag.update' || change.kind === 'tag.delete') {
      if (server.gone) db.prepare('DELETE FROM tags WHERE id = ?').run(change.tagId)
      else if (typeof server.name === 'string' && typeof server.color === 'number') {
        db.prepare('INSERT INTO tags (id, organization_id, name, color) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color').run(
          change.tagId,
          change.organizationId,
          server.name,
          server.color,
        )
      }
    }
  }).immediate()
  return entry(db, id)!
}
