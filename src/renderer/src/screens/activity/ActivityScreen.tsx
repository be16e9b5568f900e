import { useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartnershipEventPage, PartnershipEventRow } from '../../../../shared/contract'
import type { AppError } from '../../../../shared/result'
import { useApi } from '../../api/ApiContext'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { holdBusy } from '../../app/readiness'
import { useCoreLoad } from '../../app/useCoreLoad'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { InlineError } from '../../components/InlineError'
import { ManagerLink } from '../../components/ManagerLink'
import { useFormatters } from '../../i18n/useFormatters'
import { useCounts } from '../../session/CountsContext'
import { useSync } from '../../session/SyncContext'
import { useCapability } from '../../session/useCapability'
import { eventMeaning, eventSentence } from './describeEvent'
import { invitationAnswers, type AnsweredInvitation, type InvitationAnswer } from './invitationAnswers'

const PAGE = 100
/** The contract's largest page: the inbox shows at most this many of the newest changes. */
const MAX_SHOWN = 500

interface MarkFailure {
  error: AppError
  retry(): void
}

interface AnswerFailure extends MarkFailure {
  partnershipId: number
}

/** An invitation the user may still answer here: its row, and whether a later change already settled it. */
type Answerable = { kind: 'open' } | { kind: 'answered'; answered: AnsweredInvitation } | { kind: 'settled' }

/** The partnership changes sync detected, newest first: what clients changed on their side. */
export function ActivityScreen({ onOpenOutbox }: { onOpenOutbox(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const { generation, outboxGeneration } = useCacheInfo()
  const { setUnseenEvents } = useCounts()
  const [unseenOnly, setUnseenOnly] = useState(false)
  const [shown, setShown] = useState(PAGE)
  const [marking, setMarking] = useState(false)
  const [markFailure, setMarkFailure] = useState<MarkFailure | null>(null)
  const filterId = useId()
  const titleRef = useRef<HTMLHeadingElement>(null)
  const listRef = useRef<HTMLOListElement>(null)

  const list = useCoreLoad(
    () => api.call('events:list', { offset: 0, limit: Math.min(shown, MAX_SHOWN), unseenOnly }),
    `${generation}:${unseenOnly}:${shown}`,
  )
  const page = list.value

  // The user's answers to invitations, sent or waiting: the outbox keeps them all.
  const outbox = useCoreLoad(() => api.call('outbox:list', { includeDone: true }), outboxGeneration)
  const answers = useMemo(() => invitationAnswers(outbox.value?.entries ?? []), [outbox.value])
  const [answering, setAnswering] = useState<number | null>(null)
  const [answerFailure, setAnswerFailure] = useState<AnswerFailure | null>(null)
  const [declining, setDeclining] = useState<PartnershipEventRow | null>(null)

  const answer = async (row: PartnershipEventRow, how: InvitationAnswer): Promise<void> => {
    setAnswering(row.partnershipId)
    setAnswerFailure(null)
    const release = holdBusy()
    const kind = how === 'accept' ? 'invitation.accept' : 'invitation.decline'
    const result = await api.call('changes:submit', { change: { kind, partnershipId: row.partnershipId } })
    setAnswering(null)
    // Applied to the local data at once, which the core announces: the lists show it before Infomaniak has it.
    if (result.ok) {
      outbox.set((value) => value && { ...value, entries: [...value.entries, result.value] })
    } else {
      setAnswerFailure({ partnershipId: row.partnershipId, error: result.error, retry: () => void answer(row, how) })
    }
    release()
  }

  /** Invitations later settled by another change (answered elsewhere, withdrawn) are not offered again. */
  const answerable = (row: PartnershipEventRow, index: number): Answerable | null => {
    const meaning = eventMeaning(row)
    if (meaning.kind !== 'invitation' || meaning.status !== 'invited') return null
    const answered = answers.get(row.partnershipId)
    if (answered) return { kind: 'answered', answered }
    const settled = page?.rows.slice(0, index).some((newer) => newer.partnershipId === row.partnershipId && newer.kind === 'status')
    return settled ? { kind: 'settled' } : { kind: 'open' }
  }

  const markSeen = async (ids: number[] | 'all', focusAfter: number | null): Promise<void> => {
    setMarking(true)
    setMarkFailure(null)
    const release = holdBusy()
    // Shown as seen at once; the answer (and the reload) confirm it.
    list.set((value) => value && markRows(value, ids))
    const result = await api.call('events:markSeen', { ids })
    setMarking(false)
    if (result.ok) {
      setUnseenEvents(result.value.unseen)
    } else {
      setMarkFailure({ error: result.error, retry: () => void markSeen(ids, null) })
    }
    list.reload()
    release()
    // The button that had focus is gone: keep the user's place in the list.
    if (focusAfter !== null) {
      const items = listRef.current?.querySelectorAll<HTMLElement>('[data-testid="activity-event"]')
      const item = items?.[Math.min(focusAfter, items.length - 1)]
      ;(item ?? titleRef.current)?.focus()
    }
  }

  return (
    <section className="screen screen-narrow" aria-labelledby="activity-title" data-testid="screen-activity">
      <div className="screen-head">
        <h1 id="activity-title" ref={titleRef} className="screen-title" tabIndex={-1}>
          {t('activity.title')}
        </h1>
        {page !== null && <SummaryLine page={page} unseenOnly={unseenOnly} />}
      </div>
      <p className="muted">{t('activity.intro')}</p>
      <div className="toolbar">
        <label className="checkbox" htmlFor={filterId}>
          <input
            id={filterId}
            type="checkbox"
            checked={unseenOnly}
            onChange={(event) => {
              setUnseenOnly(event.target.checked)
              setShown(PAGE)
            }}
            data-testid="activity-unseen-only"
          />
          {t('activity.unseenOnly')}
        </label>
        <button
          type="button"
          className="button"
          disabled={marking || page === null || page.unseen === 0}
          onClick={() => void markSeen('all', null)}
          data-testid="activity-mark-all"
        >
          {t('activity.markAllSeen')}
        </button>
      </div>
      {markFailure && (
        <InlineError
          message={t('activity.markFailed', { message: markFailure.error.message })}
          onRetry={markFailure.retry}
          onDismiss={() => setMarkFailure(null)}
        />
      )}
      {list.error && <InlineError message={t('activity.loadError', { message: list.error.message })} onRetry={list.reload} />}
      {page === null ? (
        list.loading && (
          <p role="status" className="muted">
            {t('activity.loading')}
          </p>
        )
      ) : page.rows.length === 0 ? (
        <EmptyActivity unseenOnly={unseenOnly} />
      ) : (
        <>
          <ol className="event-list" ref={listRef} aria-labelledby="activity-title" data-testid="activity-list">
            {page.rows.map((row, index) => (
              <EventItem
                key={row.id}
                row={row}
                sentence={eventSentence(t, row)}
                time={format.dateTime(row.detectedAt)}
                iso={format.iso(row.detectedAt)}
                disabled={marking}
                onMarkSeen={() => void markSeen([row.id], index)}
                invitation={
                  <InvitationActions
                    row={row}
                    state={answerable(row, index)}
                    busy={answering === row.partnershipId}
                    disabled={answering !== null}
                    failure={answerFailure?.partnershipId === row.partnershipId ? answerFailure : null}
                    onDismissFailure={() => setAnswerFailure(null)}
                    onAccept={() => void answer(row, 'accept')}
                    onDecline={() => setDeclining(row)}
                    onOpenOutbox={onOpenOutbox}
                  />
                }
              />
            ))}
          </ol>
          {page.rows.length < page.total &&
            (shown < MAX_SHOWN ? (
              <button
                type="button"
                className="button load-more"
                disabled={list.loading}
                onClick={() => setShown((n) => n + PAGE)}
                data-testid="activity-load-more"
              >
                {t('activity.loadMore')}
              </button>
            ) : (
              <p className="muted">{t('activity.newestOnly', { shown: format.number(MAX_SHOWN) })}</p>
            ))}
        </>
      )}
      {declining !== null && (
        <ConfirmDialog
          title={t('activity.declineTitle', { client: declining.clientName })}
          body={t('activity.declineBody', { client: declining.clientName })}
          confirmLabel={t('activity.declineAccept')}
          onCancel={() => setDeclining(null)}
          onConfirm={() => {
            const row = declining
            setDeclining(null)
            void answer(row, 'decline')
          }}
        />
      )}
    </section>
  )
}

function InvitationActions({
  row,
  state,
  busy,
  disabled,
  failure,
  onDismissFailure,
  onAccept,
  onDecline,
  onOpenOutbox,
}: {
  row: PartnershipEventRow
  state: Answerable | null
  busy: boolean
  disabled: boolean
  failure: MarkFailure | null
  onDismissFailure(): void
  onAccept(): void
  onDecline(): void
  onOpenOutbox(): void
}) {
  const { t } = useTranslation()
  const answering = useCapability('partnerships')
  if (state === null || state.kind === 'settled') return null
  if (state.kind === 'open' && answering === 'not_offered') {
    return (
      <p className="event-actions muted" data-testid="activity-answer-not-offered">
        {t('manager.answerThere')} <ManagerLink />
      </p>
    )
  }
  if (state.kind === 'answered') {
    const { answer, entry } = state.answered
    const needsYou = entry.state === 'conflict' || entry.state === 'failed'
    return (
      <div className="event-actions">
        <span className={needsYou ? 'event-answer is-problem' : 'event-answer'} data-testid="activity-answer" data-state={entry.state}>
          {t(answer === 'accept' ? 'activity.accepted' : 'activity.declined', { state: t(`outbox.states.${entry.state}`) })}
        </span>
        {needsYou && (
          <button type="button" className="button button-quiet" onClick={onOpenOutbox} data-testid="activity-open-outbox">
            {t('activity.openOutbox')}
          </button>
        )}
      </div>
    )
  }
  return (
    <>
      <div className="event-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={disabled}
          aria-label={t('activity.acceptLabel', { client: row.clientName })}
          onClick={onAccept}
          data-testid="activity-accept"
        >
          {t('activity.accept')}
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled}
          aria-label={t('activity.declineLabel', { client: row.clientName })}
          onClick={onDecline}
          data-testid="activity-decline"
        >
          {t('activity.decline')}
        </button>
        {busy && (
          <span role="status" className="muted">
            {t('outbox.working')}
          </span>
        )}
      </div>
      {failure && (
        <InlineError message={t('activity.answerFailed', { message: failure.error.message })} onRetry={failure.retry} onDismiss={onDismissFailure} />
      )}
    </>
  )
}

function markRows(page: PartnershipEventPage, ids: number[] | 'all'): PartnershipEventPage {
  const chosen = ids === 'all' ? null : new Set(ids)
  let newlySeen = 0
  const rows = page.rows.map((row) => {
    if (row.seen || (chosen !== null && !chosen.has(row.id))) return row
    newlySeen++
    return { ...row, seen: true }
  })
  return { ...page, rows, unseen: ids === 'all' ? 0 : Math.max(0, page.unseen - newlySeen) }
}

function SummaryLine({ page, unseenOnly }: { page: PartnershipEventPage; unseenOnly: boolean }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const unseen = t('activity.unseenCount', { count: page.unseen, unseen: format.number(page.unseen) })
  const text = unseenOnly ? unseen : `${t('activity.count', { count: page.total, total: format.number(page.total) })} · ${unseen}`
  return (
    <p className="count-line" aria-live="polite" data-testid="activity-count">
      {text}
    </p>
  )
}

function EventItem({
  row,
  sentence,
  time,
  iso,
  disabled,
  onMarkSeen,
  invitation,
}: {
  row: PartnershipEventRow
  sentence: string
  time: string
  iso: string
  disabled: boolean
  onMarkSeen(): void
  /** Accept / Decline for a new invitation, or how it was answered. */
  invitation: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <li
      className={row.seen ? 'event' : 'event is-unseen'}
      tabIndex={-1}
      data-testid="activity-event"
      data-event-id={row.id}
      data-partnership-id={row.partnershipId}
      data-seen={String(row.seen)}
    >
      <div className="event-body">
        <p className="event-sentence">
          {!row.seen && <span className="badge badge-new">{t('activity.new')}</span>}
          <span data-testid="activity-sentence">{sentence}</span>
        </p>
        <time className="event-time muted" dateTime={iso}>
          {t('activity.detectedAt', { time })}
        </time>
        {invitation}
      </div>
      {!row.seen && (
        <button
          type="button"
          className="button"
          disabled={disabled}
          aria-label={t('activity.markSeenLabel', { sentence })}
          onClick={onMarkSeen}
          data-testid="activity-mark-seen"
        >
          {t('activity.markSeen')}
        </button>
      )}
    </li>
  )
}

function EmptyActivity({ unseenOnly }: { unseenOnly: boolean }) {
  const { t } = useTranslation()
  const { availability } = useSync()
  const hint = unseenOnly
    ? t('activity.emptyUnseenHint')
    : availability.kind === 'noAccount'
      ? t('activity.emptyDemoHint')
      : t('activity.emptyHint')
  return (
    <div className="empty-state" data-testid="activity-empty">
      <p className="empty-title">{unseenOnly ? t('activity.emptyUnseenTitle') : t('activity.emptyTitle')}</p>
      <p className="muted">{hint}</p>
    </div>
  )
}
