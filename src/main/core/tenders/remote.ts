import type BetterSqlite3 from 'better-sqlite3'
import { fail, type Result } from '../../../shared/result'
import { ENDPOINTS } from '../remote/endpoints'
import { RemoteError, type RemoteClient } from '../remote/http'
import { notConsultable, recordReveal } from './consult'
import { TenderRefused } from './statements'

/** The account's server, for a feature's own calls; null on the demo data. */
export type WithClient = <T>(run: (client: RemoteClient, partnerId: number | null) => Promise<T>) => Promise<T>

/**
 * Consults a tender through the partner endpoint (where the server offers
 * it): the server reveals the full text and the contact, recorded with when.
 */
export async function consultRemotely(db: BetterSqlite3.Database, withClient: WithClient, id: number, now: number): Promise<void> {
  const refusal = notConsultable(db, id, now)
  if (refusal) throw new TenderRefused(refusal)
  const reveal = await withClient((client, partnerId) => {
    if (partnerId === null) throw new TenderRefused('the partner organization is not known yet: sync once before consulting')
    return client.send('POST', { path: ENDPOINTS.tenderConsult.template, params: { partner_id: partnerId, tender_id: id } }, {
      body: {},
      schema: ENDPOINTS.tenderConsult.answer.shape.data,
    })
  })
  recordReveal(
    db,
    id,
    { fullText: reveal.full_text, contactName: reveal.contact.name, contactEmail: reveal.contact.email, contactPhone: reveal.contact.phone },
    Math.min(reveal.consulted_at, now),
    now,
  )
}

/** A failed call to the server, as the partner reads it. */
export function remoteFailure(error: unknown): Result<never> | null {
  if (!(error instanceof RemoteError)) return null
  const kind = error.failure.kind
  if (kind === 'network' || kind === 'timeout') return fail('offline', `${error.message}: consult the tender again once online`)
  if (kind === 'token_invalid') return fail('token_invalid', error.message)
  if (kind === 'not_found' || kind === 'conflict') return fail('remote', `${error.message}: the client may have withdrawn the tender; the next sync will tell`)
  return fail('remote', error.message)
}
