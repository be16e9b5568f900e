// Sends queued changes, oldest first and one client's changes in order,
// each with its idempotency key: a change whose answer was lost is sent
// again with the same key and the server applies it once.
import type BetterSqlite3 from 'better-sqlite3'
import type { Change } from '../../../shared/changes'
import { ENDPOINTS } from '../remote/endpoints'
import { RemoteError, type RemoteClient } from '../remote/http'
import { temporaryTagId } from './local'
import { due, renameTag, setState, type Queued } from './store'

/** After this many failed attempts a change waits for the user (retry or discard). */
export const MAX_ATTEMPTS = 8
const BACKOFF_BASE_SECONDS = 30
const BACKOFF_CAP_SECONDS = 3_600

export interface PushOptions {
  partnerId: number | null
  now: () => number
  random: () => number
  signal?: AbortSignal
}

export interface PushSummary {
  sent: number
  conflicts: number
  waiting: number
}

/** Full jitter: spreads retries of many changes (and many installs) over the window. */
export const backoffSeconds = (attempts: number, random: () => number): number =>
  Math.ceil(random() * Math.min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** attempts))

async function send(client: RemoteClient, partnerId: number | null, queued: Queued, remoteId: (partnershipId: number) => number, signal?: AbortSignal): Promise<unknown> {
  const { change, key: idempotencyKey } = queued
  const partner = () => {
    if (partnerId === null) throw new Error('the partner organization is not known yet: sync once before sending changes')
    return partnerId
  }
  const common = { idempotencyKey, signal }
  switch (change.kind) {
    case 'tag.create':
      return client.send('POST', { path: ENDPOINTS.tagCreate.template, params: { account_id: change.organizationId } }, {
        ...common,
        body: { name: change.name, color: change.color },
        schema: ENDPOINTS.tagCreate.answer.shape.data,
      })
    case 'tag.update':
      return client.send('PATCH', { path: ENDPOINTS.tagUpdate.template, params: { account_id: change.organizationId, tag_id: change.tagId } }, {
        ...common,
        body: { ...(change.name !== undefined ? { name: change.name } : {}), ...(change.color !== undefined ? { color: change.color } : {}), expected: queued.base },
        schema: ENDPOINTS.tagUpdate.answer.shape.data,
      })
    case 'tag.delete':
      return client.send('DELETE', { path: ENDPOINTS.tagDelete.template, params: { account_id: change.organizationId, tag_id: change.tagId } }, {
        ...common,
        schema: ENDPOINTS.tagDelete.answer.shape.data,
      })
    case 'tag.assign':
      return client.send('POST', { path: ENDPOINTS.tagAssign.template, params: { account_id: change.organizationId, tag_id: change.tagId } }, {
        ...common,
        body: { product_ids: change.productIds },
        schema: ENDPOINTS.tagAssign.answer.shape.data,
      })
    case 'tag.unassign':
      return client.send(
        'DELETE',
        { path: ENDPOINTS.tagUnassign.template, params: { account_id: change.organizationId, tag_id: change.tagId, product_id: change.productId } },
        { ...common, schema: ENDPOINTS.tagUnassign.answer.shape.data },
      )
    case 'invitation.accept':
    case 'invitation.decline': {
      const endpoint = change.kind === 'invitation.accept' ? ENDPOINTS.invitationAccept : ENDPOINTS.invitationDecline
      return client.send('POST', { path: endpoint.template, params: { partner_id: partner(), partnership_id: change.partnershipId } }, {
        ...common,
        schema: endpoint.answer.shape.data,
      })
    }
    case 'partnership.stop':
      return client.send('POST', { path: ENDPOINTS.partnershipStop.template, params: { partner_id: partner(), partnership_id: change.partnershipId } }, {
        ...common,
        body: { confirm: true },
        schema: ENDPOINTS.partnershipStop.answer.shape.data,
      })
    case 'tender.propose':
      return client.send('POST', { path: ENDPOINTS.tenderPropose.template, params: { partner_id: partner(), tender_id: change.tenderId } }, {
        ...common,
        body: { text: change.text },
        schema: ENDPOINTS.tenderPropose.answer.shape.data,
      })
    case 'staff.assign':
      return client.send('POST', { path: ENDPOINTS.staffAssign.template, params: { account: partner(), invitation: change.invitationId } }, {
        ...common,
        body: { partnership_ids: change.partnershipIds.map(remoteId) },
        schema: ENDPOINTS.staffAssign.answer.shape.data,
      })
    case 'client.request':
      return client.send('POST', { path: ENDPOINTS.clientRequest.template, params: { partner_id: partner() } }, {
        ...common,
        body: { email: change.email, access_type: change.accessType, message: change.message },
        schema: ENDPOINTS.clientRequest.answer.shape.data,
      })
    case 'staff.unassign':
      return client.send(
        'DELETE',
        { path: ENDPOINTS.staffUnassign.template, params: { account: partner(), invitation: change.invitationId, partnership_id: remoteId(change.partnershipId) } },
        { ...common, schema: ENDPOINTS.staffUnassign.answer.shape.data },
      )
  }
}

/** The b2b listing's id of a collaboration, when the cache's own id is the client organization's (see migration 2). */
function remoteIdOf(db: BetterSqlite3.Database): (partnershipId: number) => number {
  const read = db.prepare('SELECT coalesce(remote_id, id) FROM partnerships WHERE id = ?').pluck()
  return (partnershipId) => (read.get(partnershipId) as number | undefined) ?? partnershipId
}

/** The server's side of a refused change, for the user to compare with theirs. */
async function theirs(client: RemoteClient, change: Change, error: RemoteError, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const refusal = 'api' in error.failure && error.failure.api ? { code: error.failure.api.code, description: error.failure.api.description } : { kind: error.failure.kind }
  if (change.kind !== 'tag.update' && change.kind !== 'tag.delete') return refusal
  try {
    const tags = await client.get({ path: ENDPOINTS.tags.template, params: { account_id: change.organizationId } }, { schema: ENDPOINTS.tags.answer.shape.data, signal })
    const tag = tags.find((candidate) => candidate.id === change.tagId)
    return tag ? { ...refusal, name: tag.name, color: tag.color } : { ...refusal, gone: true }
  } catch {
    return refusal
  }
}

/** What a refusal means for the change. */
const REFUSALS = new Set(['conflict', 'not_found', 'validation', 'forbidden', 'rejected'])
/** No HTTP answer at all: the next changes would not get through either. */
const OFFLINE = new Set(['network', 'timeout'])

/**
 * Sends everything that is due. Stops at the first sign that nothing else
 * will get through (offline, token refused, cancelled) by rethrowing it.
 */
export async function push(db: BetterSqlite3.Database, client: RemoteClient, options: PushOptions): Promise<PushSummary> {
  const summary: PushSummary = { sent: 0, conflicts: 0, waiting: 0 }
  for (;;) {
    const batch = due(db, options.now())
    if (batch.length === 0) break
    let progressed = false
    for (const queued of batch) {
      setState(db, queued.id, 'in_flight')
      try {
        const answer = await send(client, options.partnerId, queued, remoteIdOf(db), options.signal)
        // Immediate, as store.ts's: a pull's history thread may be writing too.
        db.transaction(() => {
          setState(db, queued.id, 'done')
          if (queued.change.kind === 'tag.create') renameTag(db, temporaryTagId(queued.id), (answer as { id: number }).id)
        }).immediate()
        summary.sent++
        progressed = true
      } catch (error) {
        if (!(error instanceof RemoteError)) {
          setState(db, queued.id, 'pending', { error: (error as Error).message })
          throw error
        }
        const kind = error.failure.kind
        if (REFUSALS.has(kind)) {
          setState(db, queued.id, 'conflict', { error: error.message, theirs: await theirs(client, queued.change, error, options.signal) })
          summary.conflicts++
          progressed = true
          continue
        }
        if (kind === 'token_invalid' || kind === 'cancelled') {
          // Not the change's fault: it waits, uncounted, for a new token or the next push.
          setState(db, queued.id, 'pending', { error: error.message })
          throw error
        }
        const attempts = (db.prepare('SELECT attempts FROM outbox WHERE id = ?').pluck().get(queued.id) as number) + 1
        const state = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'
        setState(db, queued.id, state, { error: error.message, attempt: true, nextAttemptAt: options.now() + backoffSeconds(attempts, options.random) })
        summary.waiting++
        if (OFFLINE.has(kind)) throw error
      }
    }
    if (!progressed) break
  }
  return summary
}
