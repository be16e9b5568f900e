import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Result } from '../../../../shared/result'
import type { TenderDetail } from '../../../../shared/tenders'
import { useApi } from '../../api/ApiContext'

/** The score, which criteria gave what, and a manual override that keeps its reason. */
export function ScoreSection({ detail, onChanged }: { detail: TenderDetail; onChanged(result: Result<TenderDetail>): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [score, setScore] = useState('')
  const [reason, setReason] = useState('')
  const { explanation } = detail
  return (
    <section className="tender-section" aria-labelledby="tender-score-title">
      <h3 id="tender-score-title">{t('tenders.score.title', { score: detail.score ?? explanation.computed })}</h3>
      {detail.scoreOverridden && <p data-testid="tender-override">{t('tenders.score.overridden', { computed: explanation.computed, reason: detail.overrideReason ?? '' })}</p>}
      {explanation.vetoes.length > 0 && <p className="warning">{t('tenders.score.vetoed', { criteria: explanation.vetoes.map((c) => t(`tenders.criterion.${c}`)).join(', ') })}</p>}
      <table className="score-table">
        <thead>
          <tr>
            <th scope="col">{t('tenders.score.criterion')}</th>
            <th scope="col">{t('tenders.score.weight')}</th>
            <th scope="col">{t('tenders.score.fit')}</th>
            <th scope="col">{t('tenders.score.points')}</th>
          </tr>
        </thead>
        <tbody>
          {explanation.parts.map((part) => (
            <tr key={part.criterion}>
              <th scope="row">{t(`tenders.criterion.${part.criterion}`)}</th>
              <td>{part.weight}</td>
              <td>{part.fit === null ? t('tenders.score.unknown') : `${Math.round(part.fit * 100)} %`}</td>
              <td>{part.points.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          const value = Number(score)
          if (!Number.isInteger(value) || value < 0 || value > 100 || reason.trim() === '') return
          void api.call('tenders:overrideScore', { id: detail.id, score: value, reason: reason.trim() }).then(onChanged)
        }}
      >
        <label>
          {t('tenders.score.override')}
          <input type="number" min={0} max={100} value={score} onChange={(e) => setScore(e.target.value)} />
        </label>
        <label>
          {t('tenders.score.reason')}
          <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button className="button" type="submit">{t('tenders.score.apply')}</button>
        {detail.scoreOverridden && (
          <button className="button" type="button" onClick={() => void api.call('tenders:overrideScore', { id: detail.id, score: null }).then(onChanged)}>
            {t('tenders.score.clear')}
          </button>
        )}
      </form>
    </section>
  )
}
