// What stopping a collaboration costs, computed from the cache before the
// partner confirms: the products it loses (and which renew soon), the
// earnings of the last 12 months that stop, who keeps the invoices, and the
// unsent changes of this client that will never be sent.
import type BetterSqlite3 from 'better-sqlite3'
import type { StopImpact } from '../../../shared/contract'
import type { Currency } from '../../../shared/domain'
import { partnershipTerms } from '../../../shared/partnership'
import { billingSince, BILLING_12M_BY_CURRENCY } from './billing-totals'
import { UnknownClient } from './detail'
import { UNSENT_STATES } from './filters'

const DAY = 86_400
export const IMPACT_RENEWAL_DAYS = 90

export function stopImpact(db: BetterSqlite3.Database, clientId: number, now: number): StopImpact {
  const partnership = db
    .prepare('SELECT id, status, access_type, payment_mode FROM partnerships WHERE client_organization_id = ?')
    .get(clientId) as { id: number; status: StopImpact['status']; access_type: 'limited' | 'complete'; payment_mode: 'customer' | 'partner' | null } | undefined
  if (!partnership) throw new UnknownClient(`no client ${clientId} in the cache`)
  const products = db.prepare('SELECT count(*) FROM products WHERE owner_organization_id = ? AND deleted_at IS NULL').pluck().get(clientId) as number
  const renewals = db
    .prepare(
      `SELECT id, customer_name AS name, service_name AS service, expired_at AS expiredAt, renewal_preference AS renewal FROM products
       WHERE owner_organization_id = ? AND deleted_at IS NULL AND expired_at >= ? AND expired_at <= ? ORDER BY expired_at, id`,
    )
    .all(clientId, now, now + IMPACT_RENEWAL_DAYS * DAY) as StopImpact['renewals']
  const earnings = db.prepare(BILLING_12M_BY_CURRENCY('earnings')).all(clientId, billingSince(now)) as Array<{ currency: Currency; amountMinor: number }>
  const pending = db
    .prepare(`SELECT kind, count(*) AS count FROM outbox WHERE client_organization_id = ? AND state IN (${UNSENT_STATES.map((s) => `'${s}'`).join(', ')}) GROUP BY kind ORDER BY kind`)
    .all(clientId) as StopImpact['pendingChanges']
  return {
    partnershipId: partnership.id,
    status: partnership.status,
    products,
    renewals,
    renewalDays: IMPACT_RENEWAL_DAYS,
    earnings12m: earnings.map((e) => ({ minor: e.amountMinor, currency: e.currency })),
    invoicesHeldBy: partnershipTerms(partnership.access_type, partnership.payment_mode).invoicesHeldBy,
    pendingChanges: pending,
  }
}

/**
 * Stopping makes the client's unsent changes pointless (the partner loses
 * access): they are discarded when the stop is queued, as the preview said.
 * A change already on its way (in flight) is left to finish.
 */
export function discardChangesBeforeStop(db: BetterSqlite3.Database, clientId: number, stopEntryId: number): number {
  return db
    .prepare(
      `UPDATE outbox SET state = 'discarded', next_attempt_at = NULL
       WHERE client_organization_id = ? AND id <> ? AND state IN ('pending', 'conflict', 'failed')`,
    )
    .run(clientId, stopEntryId).changes
}
