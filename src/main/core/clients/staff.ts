// The partner's staff members (named by the partner: the published API lists
// none) and which collaborations each handles; assignments go through the
// outbox as staff.assign / staff.unassign (the published b2b endpoints).
import type BetterSqlite3 from 'better-sqlite3'
import type { StaffAssignPlan, StaffMember } from '../../../shared/contract'

export const listStaff = (db: BetterSqlite3.Database): StaffMember[] =>
  db
    .prepare(
      `SELECT m.invitation_id AS invitationId, m.label, (SELECT count(*) FROM staff_assignments a WHERE a.invitation_id = m.invitation_id) AS clients
       FROM staff_members m ORDER BY m.label COLLATE NOCASE, m.invitation_id`,
    )
    .all() as StaffMember[]

export function saveStaff(db: BetterSqlite3.Database, invitationId: number, label: string): StaffMember[] {
  db.prepare('INSERT INTO staff_members (invitation_id, label) VALUES (?, ?) ON CONFLICT (invitation_id) DO UPDATE SET label = excluded.label').run(invitationId, label)
  return listStaff(db)
}

/** Which of the selected clients' collaborations an assignment would add (only active ones can be assigned). */
export function staffAssignPlan(db: BetterSqlite3.Database, invitationId: number, clientIds: readonly number[]): StaffAssignPlan {
  const rows = db
    .prepare(
      `SELECT p.id, p.status, EXISTS (SELECT 1 FROM staff_assignments a WHERE a.invitation_id = ? AND a.partnership_id = p.id) AS assigned
       FROM partnerships p WHERE p.client_organization_id IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
    )
    .all(invitationId, JSON.stringify([...new Set(clientIds)])) as Array<{ id: number; status: string; assigned: 0 | 1 }>
  return {
    partnershipIds: rows.filter((r) => r.status === 'active' && r.assigned === 0).map((r) => r.id),
    already: rows.filter((r) => r.assigned === 1).length,
    notActive: rows.filter((r) => r.status !== 'active' && r.assigned === 0).length,
  }
}
