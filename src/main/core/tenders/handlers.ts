import type BetterSqlite3 from 'better-sqlite3'
import type { Output, ParsedInput } from '../../../shared/contract'
import type { TenderChannel } from '../../../shared/channels'
import { fail, ok, type Result } from '../../../shared/result'
import { notConsultable, recordReveal } from './consult'
import { requireTender, tenderDetail } from './detail'
import { addDrafts, readMessages } from './email/import'
import { listTenders } from './list'
import { takeNotices } from './notices'
import { readPrefs, recordVisit, writePrefs } from './prefs'
import { draftProposal, sendProposal } from './proposals'
import { TenderRefused } from './statements'
import { keepSwept, purgeContacts, sweep, sweepIfDue } from './sweep'
import { consultRemotely, remoteFailure, type WithClient } from './remote'
import { moveTender, overrideScore, resolveConflict, snoozeTender, undoLastMove, updateTender } from './triage'

// The inbox's channels, answered by the core (the one writer): reading the
// inbox first brings it up to date (sweep.ts), so it is no reader-thread read.

export interface TenderContext {
  /** The open cache, or the refusal to answer with. */
  db(): BetterSqlite3.Database | Result<never>
  now(): number
  /** The account's server where it offers the tenders endpoint; null on the demo, or where it is not offered. */
  remote(): WithClient | null
}

type TenderHandlers = { [C in TenderChannel]: (input: ParsedInput<C>) => Promise<Result<Output<C>>> }

export function tenderHandlers(context: TenderContext): TenderHandlers {
  /** Runs against the open cache; a refusal the partner can act on is invalid input, with its reason. */
  /** `fresh`: brings the inbox up to date first, after the check given (if any) accepted the call. */
  const run = async <T>(action: (db: BetterSqlite3.Database, now: number) => T | Promise<T>, fresh: boolean | ((db: BetterSqlite3.Database) => void) = false): Promise<Result<T>> => {
    const db = context.db()
    if (!('prepare' in db)) return db
    const now = context.now()
    try {
      if (typeof fresh === 'function') fresh(db)
      if (fresh) sweepIfDue(db, now)
      const value = await action(db, now)
      keepSwept(db)
      return ok(value)
    } catch (error) {
      if (error instanceof TenderRefused) return fail('invalid_input', error.message)
      const remote = remoteFailure(error)
      if (remote) return remote
      throw error
    }
  }
  const detail = (db: BetterSqlite3.Database, id: number, now: number) => tenderDetail(db, id, now)
  return {
    'tenders:list': (input) => run((db, now) => listTenders(db, input, now), true),
    'tenders:get': ({ id }) => run((db, now) => detail(db, id, now), (db) => requireTender(db, id)),
    'tenders:move': ({ id, to, reason }) =>
      run((db, now) => {
        moveTender(db, id, to, reason, now)
        return detail(db, id, now)
      }),
    'tenders:snooze': ({ id, until }) =>
      run((db, now) => {
        snoozeTender(db, id, until, now)
        return detail(db, id, now)
      }),
    'tenders:undo': () => run((db, now) => detail(db, undoLastMove(db), now)),
    'tenders:update': ({ id, ...change }) =>
      run((db, now) => {
        updateTender(db, id, change)
        return detail(db, id, now)
      }),
    'tenders:visit': () => run((db, now) => ({ lastVisitAt: recordVisit(db, now).last ?? now })),
    'tenders:getPrefs': () => run((db) => readPrefs(db)),
    'tenders:setPrefs': (change) =>
      run((db, now) => {
        const prefs = writePrefs(db, change)
        // Scores and the purge follow the new criteria at once.
        sweep(db, now)
        return prefs
      }),
    'tenders:overrideScore': ({ id, score, reason }) =>
      run((db, now) => {
        overrideScore(db, id, score, reason)
        return detail(db, id, now)
      }),
    'tenders:readEmail': ({ messages }) => run((db, now) => readMessages(db, messages, now)),
    'tenders:addFromEmail': ({ drafts }) =>
      run((db, now) => {
        const outcome = addDrafts(db, drafts, now)
        sweep(db, now)
        return outcome
      }),
    'tenders:consult': ({ id, copied }) =>
      run(async (db, now) => {
        if (copied !== undefined) recordReveal(db, id, copied, now, now)
        else {
          // Without the partner endpoint the full tender is only in the Manager: the partner records what it showed.
          const remote = context.remote()
          if (remote === null) {
            const refusal = notConsultable(db, id, now)
            throw new TenderRefused(refusal ?? `tender ${id}: this account's server offers no tenders endpoint; consult it in the Infomaniak Manager and record what you saw`)
          }
          await consultRemotely(db, remote, id, now)
        }
        return detail(db, id, now)
      }),
    'tenders:purgeContacts': () => run((db, now) => ({ purged: purgeContacts(db, now) })),
    'tenders:draftProposal': ({ id, language }) => run((db) => ({ text: draftProposal(db, id, language) })),
    'tenders:sendProposal': ({ id, text }) => run((db, now) => sendProposal(db, id, text, now)),
    'tenders:resolveConflict': ({ id, keep }) =>
      run((db, now) => {
        resolveConflict(db, id, keep, now)
        return detail(db, id, now)
      }),
    'tenders:takeNotices': () => run((db, now) => takeNotices(db, now), true),
  }
}
