// What the UI reads while it browses, answered alike by the core (its own
// connection) and by the reader thread (a read-only one), so a long write on
// the core, such as a large sync's merge, does not hold them up.
import type BetterSqlite3 from 'better-sqlite3'
import type { Output, ParsedInput } from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/result'
import { listRecords } from './billing/export/records'
import { billingSummary } from './billing/browse'
import { earningsSummary } from './billing/earnings'
import { earningsOutlook } from './billing/outlook'
import { clientDetail, UnknownClient } from './clients/detail'
import { bulkTagPreview } from './clients/bulk'
import { facetCounts } from './clients/facets'
import { listClientIds } from './clients/ids'
import { stopImpact } from './clients/impact'
import { listClients } from './clients/list'
import { listStaff, staffAssignPlan } from './clients/staff'
import { accessMatrix } from './clients/matrix'
import { clientProfile } from './clients/profile'
import { listViews } from './clients/views'
import type { Db } from './db/kysely'
import { listEvents } from './events/list'
import { dueRenewals, renewalOverview } from './renewals/store'
import { outboxCounts, overview } from './outbox/store'
import type { ReadChannel } from './read-channels'

export interface ReadConnection {
  raw: BetterSqlite3.Database
  db: Db
  /** Unix seconds. */
  now: () => number
}

type ReadHandlers = { [C in ReadChannel]: (connection: ReadConnection, input: ParsedInput<C>) => Promise<Result<Output<C>>> }

export const READ_HANDLERS: ReadHandlers = {
  'clients:list': async ({ db, now }, input) => ok(await listClients(db, input, now())),
  'clients:get': async ({ raw, db, now }, { id }) => {
    try {
      return ok(await clientDetail(raw, db, id, now()))
    } catch (error) {
      if (error instanceof UnknownClient) return fail('invalid_input', `id: ${error.message}`)
      throw error
    }
  },
  'events:list': async ({ raw }, input) => ok(listEvents(raw, input)),
  'outbox:list': async ({ raw }, { includeDone }) => ok(overview(raw, includeDone)),
  'outbox:counts': async ({ raw }) => ok(outboxCounts(raw)),
  'billing:summary': async ({ raw }, input) => ok(billingSummary(raw, input)),
  'earnings:summary': async ({ raw }, { query, limit }) => ok(earningsSummary(raw, query, limit)),
  'earnings:outlook': async ({ raw, now }, { clients }) => ok(earningsOutlook(raw, now(), clients)),
  'exports:list': async ({ raw }, { limit }) => ok(listRecords(raw, limit)),
  // Clients workspace (issue 10)
  'clients:facets': async ({ db, now }, { query, filters }) => ok(await facetCounts(db, query, filters, now())),
  'clients:matrix': async ({ db, now }, { query, filters }) => ok(await accessMatrix(db, query, filters, now())),
  'clients:ids': async ({ db, now }, { query, filters }) => ok(await listClientIds(db, query, filters, now())),
  'clients:bulkTagPreview': async ({ raw }, { clientIds, name, on }) => ok(bulkTagPreview(raw, clientIds, name, on)),
  'clients:profile': async ({ raw, now }, { id }) => knownClient(() => clientProfile(raw, id, now())),
  'clients:impact': async ({ raw, now }, { id }) => knownClient(() => stopImpact(raw, id, now())),
  'views:list': async ({ raw }) => ok(listViews(raw)),
  'staff:list': async ({ raw }) => ok(listStaff(raw)),
  'staff:assignPreview': async ({ raw }, { invitationId, clientIds }) => ok(staffAssignPlan(raw, invitationId, clientIds)),
  'renewals:list': async ({ raw, now }, { days }) => ok(renewalOverview(raw, days, now())),
  'renewals:due': async ({ raw, now }) => ok(dueRenewals(raw, now())),
}

/** An unknown client id is the caller's mistake, said as such. */
function knownClient<T>(read: () => T): Result<T> {
  try {
    return ok(read())
  } catch (error) {
    if (error instanceof UnknownClient) return fail('invalid_input', `id: ${error.message}`)
    throw error
  }
}

export function answerRead<C extends ReadChannel>(connection: ReadConnection, channel: C, input: ParsedInput<C>): Promise<Result<Output<C>>> {
  const handler = READ_HANDLERS[channel] as (connection: ReadConnection, input: ParsedInput<C>) => Promise<Result<Output<C>>>
  return handler(connection, input)
}
