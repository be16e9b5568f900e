import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxEntry, OutboxOverview } from '../../../../shared/contract'
import type { OutboxState } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/result'
import { useApi } from '../../api/ApiContext'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { holdBusy } from '../../app/readiness'
import { useCoreLoad } from '../../app/useCoreLoad'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { InlineError } from '../../components/InlineError'
import { Notice } from '../../components/Notice'
import { useFormatters } from '../../i18n/useFormatters'
import { useCounts } from '../../session/CountsContext'
import { actionsFor, changeSentence, colorHex, conflictRows, isKnownField, refusalOf, type ConflictRow } from './describeChange'

type Act = 'retry' | 'discard' | 'keepMine' | 'takeTheirs'

interface ActFailure {
  entryId: number | null
  error: AppError
  retry(): void
}

/** Changes made here and not yet accepted by Infomaniak: their state, and what the user can do about each. */
export function OutboxScreen() {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  // The outbox's own generation: its changes come with `outbox:changed`, which a push sends too.
  const { outboxGeneration } = useCacheInfo()
  const { setOutbox } = useCounts()
  const [includeDone, setIncludeDone] = useState(false)
  const [busyId, setBusyId] = useState<number | 'push' | null>(null)
  const [failure, setFailure] = useState<ActFailure | null>(null)
  const [pushNote, setPushNote] = useState<'started' | 'nothing' | null>(null)
  const [discarding, setDiscarding] = useState<OutboxEntry | null>(null)
  const includeId = useId()

  const list = useCoreLoad(() => api.call('outbox:list', { includeDone }), `${outboxGeneration}:${includeDone}`)
  const { reload } = list
  const overview = list.value
  useEffect(() => {
    if (overview !== null) setOutbox({ pending: overview.pending, conflicts: overview.conflicts, failed: overview.failed })
  }, [overview, setOutbox])

  const act = async (entry: OutboxEntry, what: Act): Promise<void> => {
    setBusyId(entry.id)
    setFailure(null)
    const release = holdBusy()
    const result =
      what === 'retry'
        ? await api.call('outbox:retry', { id: entry.id })
        : what === 'discard'
          ? await api.call('outbox:discard', { id: entry.id })
          : await api.call('outbox:resolve', { id: entry.id, keep: what === 'keepMine' ? 'mine' : 'theirs' })
    setBusyId(null)
    // Done: the core announces the change, which reads the list (and the others) again.
    if (result.ok) {
      list.set((value) => value && replaceEntry(value, result.value, includeDone))
    } else {
      setFailure({ entryId: entry.id, error: result.error, retry: () => void act(entry, what) })
      reload()
    }
    release()
  }

  const push = async (): Promise<void> => {
    setBusyId('push')
    setFailure(null)
    setPushNote(null)
    const release = holdBusy()
    const result = await api.call('outbox:push', {})
    setBusyId(null)
    if (result.ok) setPushNote(result.value.started ? 'started' : 'nothing')
    else setFailure({ entryId: null, error: result.error, retry: () => void push() })
    reload()
    release()
  }

  const waiting = overview === null ? 0 : overview.pending + overview.failed
  return (
    <section className="screen screen-narrow" aria-labelledby="outbox-title" data-testid="screen-outbox">
      <div className="screen-head">
        <h1 id="outbox-title" className="screen-title" tabIndex={-1}>
          {t('outbox.title')}
        </h1>
        {overview !== null && (
          <p className="count-line" aria-live="polite" data-testid="outbox-count">
            {t('outbox.summary', {
              pending: format.number(overview.pending),
              conflicts: format.number(overview.conflicts),
              failed: format.number(overview.failed),
            })}
          </p>
        )}
      </div>
      <p className="muted">{t('outbox.intro')}</p>
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          disabled={busyId !== null || overview === null || waiting === 0}
          onClick={() => void push()}
          data-testid="outbox-push"
        >
          {busyId === 'push' ? t('outbox.pushing') : t('outbox.push')}
        </button>
        <label className="checkbox" htmlFor={includeId}>
          <input
            id={includeId}
            type="checkbox"
            checked={includeDone}
            onChange={(event) => setIncludeDone(event.target.checked)}
            data-testid="outbox-include-done"
          />
          {t('outbox.includeDone')}
        </label>
      </div>
      {pushNote !== null && (
        <Notice
          message={pushNote === 'started' ? t('outbox.pushStarted') : t('outbox.pushNothing')}
          onDismiss={() => setPushNote(null)}
          testId="outbox-push-note"
        />
      )}
      {failure !== null && failure.entryId === null && (
        <InlineError message={t('outbox.pushFailed', { message: failure.error.message })} onRetry={failure.retry} onDismiss={() => setFailure(null)} />
      )}
      {list.error && <InlineError message={t('outbox.loadError', { message: list.error.message })} onRetry={reload} />}
      {overview === null ? (
        list.loading && (
          <p role="status" className="muted">
            {t('outbox.loading')}
          </p>
        )
      ) : overview.entries.length === 0 ? (
        <div className="empty-state" data-testid="outbox-empty">
          <p className="empty-title">{t('outbox.emptyTitle')}</p>
          <p className="muted">{t('outbox.emptyHint')}</p>
        </div>
      ) : (
        <ol className="outbox-list" aria-labelledby="outbox-title" data-testid="outbox-list">
          {overview.entries.map((entry) => (
            <EntryItem
              key={entry.id}
              entry={entry}
              busy={busyId === entry.id}
              disabled={busyId !== null}
              failure={failure?.entryId === entry.id ? failure : null}
              onDismissFailure={() => setFailure(null)}
              onAct={(what) => (what === 'discard' ? setDiscarding(entry) : void act(entry, what))}
            />
          ))}
        </ol>
      )}
      {discarding !== null && (
        <ConfirmDialog
          title={t('outbox.discardTitle')}
          body={t('outbox.discardBody', { change: changeSentence(t, discarding.change, discarding.clientName) })}
          confirmLabel={t('outbox.discardAccept')}
          onCancel={() => setDiscarding(null)}
          onConfirm={() => {
            const entry = discarding
            setDiscarding(null)
            void act(entry, 'discard')
          }}
        />
      )}
    </section>
  )
}

/** The entry's new state in the list; one that leaves the view (done, discarded) goes unless settled ones are shown. */
function replaceEntry(overview: OutboxOverview, entry: OutboxEntry, includeDone: boolean): OutboxOverview {
  const settled = entry.state === 'done' || entry.state === 'discarded'
  const entries =
    settled && !includeDone
      ? overview.entries.filter((known) => known.id !== entry.id)
      : overview.entries.map((known) => (known.id === entry.id ? entry : known))
  return { ...overview, entries }
}

const STATE_CLASS: Record<OutboxState, string> = {
  pending: 'state-pending',
  in_flight: 'state-pending',
  done: 'state-done',
  conflict: 'state-conflict',
  failed: 'state-failed',
  discarded: 'state-done',
}

function EntryItem({
  entry,
  busy,
  disabled,
  failure,
  onDismissFailure,
  onAct,
}: {
  entry: OutboxEntry
  busy: boolean
  disabled: boolean
  failure: ActFailure | null
  onDismissFailure(): void
  onAct(what: Act): void
}) {
  const { t } = useTranslation()
  const format = useFormatters()
  const sentence = changeSentence(t, entry.change, entry.clientName)
  const actions = actionsFor(entry.state)
  return (
    <li className={`outbox-entry ${STATE_CLASS[entry.state]}`} data-testid="outbox-entry" data-entry-id={entry.id} data-state={entry.state}>
      <div className="outbox-entry-head">
        <p className="outbox-sentence" data-testid="outbox-sentence">
          {sentence}
        </p>
        <span className={`outbox-state ${STATE_CLASS[entry.state]}`} data-testid="outbox-state">
          {t(`outbox.states.${entry.state}`)}
        </span>
      </div>
      <p className="muted outbox-meta">
        <time dateTime={format.iso(entry.createdAt)}>{t('outbox.createdAt', { time: format.dateTime(entry.createdAt) })}</time>
        {entry.attempts > 0 && <> · {t('outbox.attempts', { count: entry.attempts, attempts: format.number(entry.attempts) })}</>}
        {entry.nextAttemptAt !== null && entry.state === 'pending' && (
          <> · {t('outbox.nextAttempt', { time: format.dateTime(entry.nextAttemptAt) })}</>
        )}
      </p>
      {entry.lastError !== null && (entry.state !== 'conflict' || refusalOf(entry.theirs).reason === null) && (
        <p className="outbox-error" data-testid="outbox-error">
          {t('outbox.lastError', { message: entry.lastError })}
        </p>
      )}
      {entry.state === 'conflict' && <ConflictView entry={entry} />}
      {failure && (
        <InlineError message={t('outbox.actFailed', { message: failure.error.message })} onRetry={failure.retry} onDismiss={onDismissFailure} />
      )}
      {actions.length > 0 && (
        <div className="outbox-actions">
          {actions.includes('keepMine') && (
            <button type="button" className="button button-primary" disabled={disabled} onClick={() => onAct('keepMine')} data-testid="outbox-keep-mine">
              {t('outbox.keepMine')}
            </button>
          )}
          {actions.includes('takeTheirs') && (
            <button type="button" className="button" disabled={disabled} onClick={() => onAct('takeTheirs')} data-testid="outbox-take-theirs">
              {t('outbox.takeTheirs')}
            </button>
          )}
          {actions.includes('retry') && (
            <button type="button" className="button button-primary" disabled={disabled} onClick={() => onAct('retry')} data-testid="outbox-retry">
              {t('outbox.retry')}
            </button>
          )}
          {actions.includes('discard') && (
            <button
              type="button"
              className="button button-danger-quiet"
              disabled={disabled}
              aria-label={t('outbox.discardLabel', { change: sentence })}
              onClick={() => onAct('discard')}
              data-testid="outbox-discard"
            >
              {t('outbox.discard')}
            </button>
          )}
          {busy && (
            <span role="status" className="muted">
              {t('outbox.working')}
            </span>
          )}
        </div>
      )}
    </li>
  )
}

function ConflictView({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation()
  const rows = conflictRows(entry)
  const refusal = refusalOf(entry.theirs)
  return (
    <div className="conflict" data-testid="outbox-conflict">
      <p>{t('outbox.conflictIntro')}</p>
      {refusal.reason !== null && <p data-testid="outbox-conflict-reason">{t('outbox.conflictReason', { reason: refusal.reason })}</p>}
      {refusal.gone ? (
        <p data-testid="outbox-conflict-gone">{t('outbox.conflictGone')}</p>
      ) : rows.length > 0 ? (
        <table className="conflict-table">
          <thead>
            <tr>
              <th scope="col">{t('outbox.field')}</th>
              <th scope="col">{t('outbox.mine')}</th>
              <th scope="col">{t('outbox.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={sameValue(row) ? undefined : 'is-different'}>
                <th scope="row">{isKnownField(row.field) ? t(`outbox.fields.${row.field}`) : row.field}</th>
                <td data-testid="outbox-mine">
                  {row.mine === undefined ? <span className="muted">{t('outbox.notChangedByYou')}</span> : <FieldValue field={row.field} value={row.mine} />}
                </td>
                <td data-testid="outbox-theirs">
                  <FieldValue field={row.field} value={row.theirs} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('outbox.conflictNoDetails')}</p>
      )}
    </div>
  )
}

const sameValue = (row: ConflictRow): boolean => JSON.stringify(row.mine) === JSON.stringify(row.theirs)

function FieldValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation()
  const format = useFormatters()
  if (value === undefined || value === null) return <span className="muted">{t('common.none')}</span>
  if (field === 'color' && typeof value === 'number') {
    const hex = colorHex(value)
    return (
      <span className="color-value">
        <span className="swatch" style={{ background: hex }} aria-hidden="true" />
        {hex}
      </span>
    )
  }
  if (field === 'status' && typeof value === 'string' && ['invited', 'pending', 'active', 'ended'].includes(value)) {
    return <>{t(`clients.status.${value as 'invited' | 'pending' | 'active' | 'ended'}`)}</>
  }
  if (typeof value === 'number') return <>{format.number(value)}</>
  if (typeof value === 'string') return <>{value}</>
  return <>{JSON.stringify(value)}</>
}
