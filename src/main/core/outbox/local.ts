// What an offline change does to the cache right away, so the partner sees
// it before the server does. The same functions re-apply pending changes on
// top of freshly pulled data (a rebase), so a sync never hides them.
import type BetterSqlite3 from 'better-sqlite3'
import type { Change } from '../../../shared/changes'
import { reindexClients } from '../search/index'

export class ChangeRefused extends Error {}

/** The tag id a change created offline carries until the server names it. */
export const temporaryTagId = (entryId: number): number => -entryId

/** The client organization a change concerns: changes of one client are pushed in order. */
export function clientOf(db: BetterSqlite3.Database, change: Change): number | null {
  switch (change.kind) {
    case 'tag.create':
    case 'tag.update':
    case 'tag.delete':
    case 'tag.assign':
    case 'tag.unassign':
      if (!db.prepare('SELECT 1 FROM organizations WHERE id = ?').get(change.organizationId)) {
        throw new ChangeRefused(`organization ${change.organizationId} is not in the cache`)
      }
      return change.organizationId
    case 'invitation.accept':
    case 'invitation.decline':
    case 'partnership.stop':
    case 'staff.unassign':
      return (db.prepare('SELECT client_organization_id FROM partnerships WHERE id = ?').pluck().get(change.partnershipId) as number | undefined) ?? null
    // A tender's client is no organization of the cache yet.
    case 'tender.propose':
      return null
    case 'client.request':
      // Not a client yet.
      return null
    case 'staff.assign':
      // One change for many clients: it waits behind no client's changes.
      return change.partnershipIds.length === 1
        ? ((db.prepare('SELECT client_organization_id FROM partnerships WHERE id = ?').pluck().get(change.partnershipIds[0]) as number | undefined) ?? null)
        : null
  }
}

function alreadyThere(db: BetterSqlite3.Database, entryId: number, change: Change): boolean {
  const status = (id: number) => db.prepare('SELECT status FROM partnerships WHERE id = ?').pluck().get(id) as string | undefined
  switch (change.kind) {
    case 'tag.create':
      // A create whose answer was lost may already be on the server, and so in the pulled data.
      return db.prepare('SELECT 1 FROM tags WHERE id = ? OR (organization_id = ? AND name = ?)').get(temporaryTagId(entryId), change.organizationId, change.name) !== undefined
    case 'tag.delete':
      return db.prepare('SELECT 1 FROM tags WHERE id = ?').get(change.tagId) === undefined
    case 'invitation.accept':
      return status(change.partnershipId) === 'active'
    case 'invitation.decline':
    case 'partnership.stop':
      return status(change.partnershipId) === 'ended'
    default:
      return false
  }
}

function requireTag(db: BetterSqlite3.Database, organizationId: number, tagId: number): { name: string; color: number } {
  const tag = db.prepare('SELECT name, color FROM tags WHERE id = ? AND organization_id = ?').get(tagId, organizationId) as { name: string; color: number } | undefined
  if (!tag) throw new ChangeRefused(`tag ${tagId} does not exist for organization ${organizationId}`)
  return tag
}

function requirePartnership(db: BetterSqlite3.Database, id: number, statuses: readonly string[]): void {
  const status = db.prepare('SELECT status FROM partnerships WHERE id = ?').pluck().get(id) as string | undefined
  if (status === undefined) throw new ChangeRefused(`partnership ${id} does not exist`)
  if (!statuses.includes(status)) throw new ChangeRefused(`partnership ${id} is ${status}`)
}

/**
 * Applies a change to the cache; call inside a transaction. Returns what the
 * server must be told the change was made against (a tag's values before an
 * edit), so a concurrent edit there is detected as a conflict.
 */
export function applyLocally(
  db: BetterSqlite3.Database,
  entryId: number,
  change: Change,
  now: number,
  /** `rebase`: re-applying over pulled data, where an effect already there is no error. */
  mode: 'new' | 'rebase' = 'new',
): Record<string, unknown> | null {
  let before: Record<string, unknown> | null = null
  if (mode === 'rebase' && alreadyThere(db, entryId, change)) return null
  switch (change.kind) {
    case 'tag.create': {
      const taken = db.prepare('SELECT 1 FROM tags WHERE organization_id = ? AND name = ?').get(change.organizationId, change.name)
      if (taken) throw new ChangeRefused(`a tag named "${change.name}" already exists`)
      db.prepare('INSERT INTO tags (id, organization_id, name, color) VALUES (?, ?, ?, ?)').run(temporaryTagId(entryId), change.organizationId, change.name, change.color)
      break
    }
    case 'tag.update': {
      before = requireTag(db, change.organizationId, change.tagId)
      // Refused as a create is, rather than by the table's UNIQUE constraint as a fault.
      const taken = change.name !== undefined && db.prepare('SELECT 1 FROM tags WHERE organization_id = ? AND name = ? AND id <> ?').get(change.organizationId, change.name, change.tagId)
      if (taken) throw new ChangeRefused(`a tag named "${change.name}" already exists`)
      db.prepare('UPDATE tags SET name = coalesce(?, name), color = coalesce(?, color) WHERE id = ?').run(change.name ?? null, change.color ?? null, change.tagId)
      break
    }
    case 'tag.delete':
      requireTag(db, change.organizationId, change.tagId)
      db.prepare('DELETE FROM tags WHERE id = ?').run(change.tagId)
      break
    case 'tag.assign': {
      requireTag(db, change.organizationId, change.tagId)
      const link = db.prepare('INSERT OR IGNORE INTO product_tags (product_id, tag_id) SELECT id, ? FROM products WHERE id = ? AND owner_organization_id = ?')
      for (const productId of change.productIds) link.run(change.tagId, productId, change.organizationId)
      break
    }
    case 'tag.unassign':
      db.prepare('DELETE FROM product_tags WHERE product_id = ? AND tag_id = ?').run(change.productId, change.tagId)
      break
    case 'invitation.accept':
      requirePartnership(db, change.partnershipId, ['invited', 'pending'])
      db.prepare("UPDATE partnerships SET status = 'active', updated_at = ? WHERE id = ?").run(now, change.partnershipId)
      break
    case 'invitation.decline':
    case 'partnership.stop':
      requirePartnership(db, change.partnershipId, change.kind === 'partnership.stop' ? ['active'] : ['invited', 'pending'])
      db.prepare("UPDATE partnerships SET status = 'ended', until = ?, updated_at = ? WHERE id = ?").run(now, now, change.partnershipId)
      break
    case 'tender.propose': {
      const tender = db.prepare('SELECT revealed_at FROM tenders WHERE id = ?').get(change.tenderId) as { revealed_at: number | null } | undefined
      if (!tender) throw new ChangeRefused(`tender ${change.tenderId} is not in the cache`)
      if (tender.revealed_at === null) throw new ChangeRefused(`tender ${change.tenderId}: consult the tender before sending a proposal`)
      db.prepare("UPDATE tenders SET proposal = ?, proposal_sent_at = coalesce(proposal_sent_at, ?), triage_state = 'proposal_sent', triaged_at = ? WHERE id = ?").run(
        change.text,
        now,
        now,
        change.tenderId,
      )
      break
    }
    case 'staff.assign': {
      for (const partnershipId of change.partnershipIds) requirePartnership(db, partnershipId, ['active'])
      const assign = db.prepare('INSERT OR IGNORE INTO staff_assignments (invitation_id, partnership_id) VALUES (?, ?)')
      for (const partnershipId of change.partnershipIds) assign.run(change.invitationId, partnershipId)
      break
    }
    case 'staff.unassign':
      db.prepare('DELETE FROM staff_assignments WHERE invitation_id = ? AND partnership_id = ?').run(change.invitationId, change.partnershipId)
      break
    case 'client.request':
      // Nothing in the cache changes: the collaboration appears once the client answers (the request stays in the outbox's record).
      break
  }
  const client = clientOf(db, change)
  if (client !== null) reindexClients(db, [client])
  return before
}
