import { forwardRef, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Result } from '../../../../shared/result'
import type { TenderDetail } from '../../../../shared/tenders'
import { useApi } from '../../api/ApiContext'
import { InlineError } from '../../components/InlineError'
import { useFormatters } from '../../i18n/useFormatters'
import { Budget, Countdown } from './bits'
import { ConsultSection } from './ConsultSection'
import { ProposalSection } from './ProposalSection'
import { ScoreSection } from './ScoreSection'
import { useTender } from './useTender'
import { WonSection } from './WonSection'

/** The selected tender in full: facts, pipeline, conflict, score, consulting, proposal, owner and notes. */
export const TenderPanel = forwardRef<HTMLElement, { id: number; version: number; now: number; onChanged(): void }>(function TenderPanel({ id, version, now, onChanged }, ref) {
  const { t } = useTranslation()
  const format = useFormatters()
  const api = useApi()
  const { detail, error, settle } = useTender(id, version)
  const [owner, setOwner] = useState('')
  const [notes, setNotes] = useState('')
  useEffect(() => {
    setOwner(detail?.owner ?? '')
    setNotes(detail?.notes ?? '')
  }, [detail?.id, detail?.owner, detail?.notes])
  const changed = (result: Result<TenderDetail>) => {
    if (settle(result)) onChanged()
  }
  if (!detail) return error ? <InlineError message={error.message} /> : null
  return (
    <article ref={ref} className="tender-panel" aria-labelledby="tender-panel-title" tabIndex={-1} data-testid="tender-panel">
      <h2 id="tender-panel-title">{detail.title}</h2>
      {error && <InlineError message={error.message} />}
      <dl className="facts">
        <dt>{t('tenders.field.state')}</dt>
        <dd data-testid="tender-panel-state">{t(`tenders.state.${detail.state}`)}</dd>
        {detail.declineReason && (
          <>
            <dt>{t('tenders.field.reason')}</dt>
            <dd>{detail.declineReason}</dd>
          </>
        )}
        <dt>{t('tenders.field.budget')}</dt>
        <dd>
          <Budget budget={detail.budget} />
        </dd>
        <dt>{t('tenders.field.validUntil')}</dt>
        <dd>
          {format.date(detail.validUntil)} (<Countdown validUntil={detail.validUntil} now={now} />)
        </dd>
        <dt>{t('tenders.field.source')}</dt>
        <dd>{t(`tenders.source.${detail.source}`)}</dd>
      </dl>
      <p className="tender-excerpt">{detail.excerpt}</p>
      {detail.conflict && (
        <div className="notice notice-warning" role="alert" data-testid="tender-conflict">
          <p>{t('tenders.conflict.body', { state: t(`tenders.state.${detail.state}`) })}</p>
          <button className="button" type="button" onClick={() => void api.call('tenders:resolveConflict', { id, keep: 'withdrawn' }).then(changed)}>
            {t('tenders.conflict.takeWithdrawal')}
          </button>{' '}
          <button className="button" type="button" onClick={() => void api.call('tenders:resolveConflict', { id, keep: 'mine' }).then(changed)}>
            {t('tenders.conflict.keepMine')}
          </button>
        </div>
      )}
      {detail.state === 'proposal_sent' && (
        <p>
          <button className="button" type="button" onClick={() => void api.call('tenders:move', { id, to: 'won' }).then(changed)}>
            {t('tenders.markWon')}
          </button>{' '}
          <button className="button" type="button" onClick={() => void api.call('tenders:move', { id, to: 'lost' }).then(changed)}>
            {t('tenders.markLost')}
          </button>
        </p>
      )}
      <WonSection detail={detail} />
      <ScoreSection detail={detail} onChanged={changed} />
      <ConsultSection detail={detail} onChanged={changed} />
      <ProposalSection detail={detail} onSent={onChanged} />
      <form
        className="stack-form tender-section"
        onSubmit={(event) => {
          event.preventDefault()
          void api.call('tenders:update', { id, owner: owner.trim(), notes }).then(changed)
        }}
      >
        <label>
          {t('tenders.field.owner')}
          <input value={owner} maxLength={120} onChange={(e) => setOwner(e.target.value)} />
        </label>
        <label>
          {t('tenders.field.notes')}
          <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <button className="button" type="submit">{t('tenders.save')}</button>
      </form>
      {detail.moves.length > 0 && (
        <section className="tender-section" aria-labelledby="tender-history-title">
          <h3 id="tender-history-title">{t('tenders.history')}</h3>
          <ol>
            {detail.moves.map((move, i) => (
              <li key={i}>
                {format.dateTime(move.at)}: {t(`tenders.state.${move.from}`)} → {t(`tenders.state.${move.to}`)}
                {move.reason ? ` (${move.reason})` : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  )
})
