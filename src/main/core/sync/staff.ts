// Which clients each staff member handles, as the server says. The published
// API lists no staff (the partner names each member by invitation id, see
// migration 6), but it lists the collaborations of a named member (the b2b
// listing): each pull reads it for every named member, so an assignment
// made or undone in the Manager reaches the cache, and the filter by staff
// member tells the truth.
import type BetterSqlite3 from 'better-sqlite3'
import { ENDPOINTS } from '../remote/endpoints'
import { type RemoteClient, RemoteError } from '../remote/http'

/** A staff member's collaborations by client organization (the cache's key for a collaboration's client). */
export type StaffAssignments = ReadonlyMap<number, readonly number[]>

/** Named members the server does not know (404) or lets us not see (403) are left out: the cache keeps what it knew of them. */
export async function readStaffAssignments(client: RemoteClient, partnerId: number, invitationIds: readonly number[], signal: AbortSignal): Promise<StaffAssignments> {
  const read = new Map<number, number[]>()
  for (const invitation of invitationIds) {
    const clients: number[] = []
    try {
      const pages = client.paged(
        { path: ENDPOINTS.staffPartnerships.template, params: { account: partnerId, invitation } },
        { itemSchema: ENDPOINTS.staffPartnerships.item, perPage: ENDPOINTS.staffPartnerships.perPage, query: { with: 'customer' }, signal },
      )
      for await (const page of pages) for (const item of page.items) if (item.customer) clients.push(item.customer.id)
    } catch (error) {
      if (error instanceof RemoteError && (error.failure.kind === 'forbidden' || error.failure.kind === 'not_found')) continue
      throw error
    }
    read.set(invitation, clients)
  }
  return read
}

/** The named members the cache knows, read at the start of a pull. */
export const namedStaff = (db: BetterSqlite3.Database): number[] =>
  db.prepare('SELECT invitation_id FROM staff_members ORDER BY invitation_id').pluck().all() as number[]

/**
 * Replaces each read member's assignments with the server's, inside the
 * merge's transaction; the changes not yet sent are re-applied after it. A
 * client with an ended collaboration and a newer one gets the newer.
 */
export function replaceStaffAssignments(db: BetterSqlite3.Database, partnerId: number, read: StaffAssignments): void {
  const forget = db.prepare('DELETE FROM staff_assignments WHERE invitation_id = ?')
  const assign = db.prepare(
    `INSERT OR IGNORE INTO staff_assignments (invitation_id, partnership_id)
     SELECT :invitation, id FROM (
       SELECT (SELECT p.id FROM partnerships p WHERE p.partner_organization_id = :partner AND p.client_organization_id = c.value
               ORDER BY p.status = 'active' DESC, p.since DESC LIMIT 1) AS id
       FROM json_each(:clients) c)
     WHERE id IS NOT NULL`,
  )
  for (const [invitation, clients] of read) {
    forget.run(invitation)
    assign.run({ invitation, partner: partnerId, clients: JSON.stringify(clients) })
  }
}
