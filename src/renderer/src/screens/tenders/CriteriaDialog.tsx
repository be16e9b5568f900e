import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CLIENT_SIZES, SCORE_CRITERIA, TENDER_LANGUAGES, type TenderPrefs } from '../../../../shared/tenders'
import { useApi } from '../../api/ApiContext'
import { Dialog } from '../../components/Dialog'
import { InlineError } from '../../components/InlineError'

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
/** Whole currency units typed, minor units stored; empty: no minimum. */
const minor = (text: string): number | null => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Math.max(0, Math.round(Number(text) * 100)))

/** The partner's bid/no-bid criteria, desktop notices and the contacts' retention period. */
export function CriteriaDialog({ onSaved, onCancel }: { onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [prefs, setPrefs] = useState<TenderPrefs | null>(null)
  const [text, setText] = useState({ skills: '', regions: '', chf: '', eur: '' })
  const [error, setError] = useState<string | null>(null)
  const [purged, setPurged] = useState<number | null>(null)
  useEffect(() => {
    void api.call('tenders:getPrefs', {}).then((result) => {
      if (!result.ok) return setError(result.error.message)
      const p = result.value
      setPrefs(p)
      const units = (value: number | null) => (value === null ? '' : String(value / 100))
      setText({ skills: p.skills.join(', '), regions: p.regions.join(', '), chf: units(p.minBudget.CHF), eur: units(p.minBudget.EUR) })
    })
  }, [api])
  if (prefs === null) return error ? <InlineError message={error} /> : null
  const toggle = <T,>(items: readonly T[], item: T) => (items.includes(item) ? items.filter((i) => i !== item) : [...items, item])
  const { views: _views, ...criteria } = prefs
  return (
    <Dialog title={t('tenders.criteria.title')} onCancel={onCancel} testId="tender-criteria" className="dialog-wide">
      {error && <InlineError message={error} />}
      <form
        className="stack-form"
        onSubmit={(event) => {
          event.preventDefault()
          const change = { ...criteria, skills: list(text.skills), regions: list(text.regions), minBudget: { CHF: minor(text.chf), EUR: minor(text.eur) } }
          void api.call('tenders:setPrefs', change).then((result) => (result.ok ? onSaved() : setError(result.error.message)))
        }}
      >
        <fieldset>
          <legend>{t('tenders.criteria.weights')}</legend>
          {SCORE_CRITERIA.map((criterion) => (
            <label key={criterion}>
              {t(`tenders.criterion.${criterion}`)}
              <input
                type="number"
                min={0}
                max={10}
                value={prefs.weights[criterion]}
                onChange={(e) => setPrefs({ ...prefs, weights: { ...prefs.weights, [criterion]: Math.min(10, Math.max(0, Math.round(Number(e.target.value) || 0))) } })}
              />
            </label>
          ))}
        </fieldset>
        <label>
          {t('tenders.criteria.skills')}
          <input value={text.skills} onChange={(e) => setText({ ...text, skills: e.target.value })} />
        </label>
        <label>
          {t('tenders.criteria.regions')}
          <input value={text.regions} onChange={(e) => setText({ ...text, regions: e.target.value })} />
        </label>
        <fieldset>
          <legend>{t('tenders.criteria.languages')}</legend>
          {TENDER_LANGUAGES.map((code) => (
            <label key={code} className="check">
              <input type="checkbox" checked={prefs.languages.includes(code)} onChange={() => setPrefs({ ...prefs, languages: toggle(prefs.languages, code) })} />
              {t(`tenders.language.${code}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('tenders.criteria.clientSizes')}</legend>
          {CLIENT_SIZES.map((size) => (
            <label key={size} className="check">
              <input type="checkbox" checked={prefs.clientSizes.includes(size)} onChange={() => setPrefs({ ...prefs, clientSizes: toggle(prefs.clientSizes, size) })} />
              {t(`tenders.size.${size}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('tenders.criteria.minBudget', { currency: 'CHF' })}
          <input type="number" min={0} value={text.chf} onChange={(e) => setText({ ...text, chf: e.target.value })} />
        </label>
        <label>
          {t('tenders.criteria.minBudget', { currency: 'EUR' })}
          <input type="number" min={0} value={text.eur} onChange={(e) => setText({ ...text, eur: e.target.value })} />
        </label>
        <fieldset>
          <legend>{t('tenders.criteria.vetoes')}</legend>
          {(['category', 'region', 'language', 'budget'] as const).map((veto) => (
            <label key={veto} className="check">
              <input type="checkbox" checked={prefs.vetoes[veto]} onChange={() => setPrefs({ ...prefs, vetoes: { ...prefs.vetoes, [veto]: !prefs.vetoes[veto] } })} />
              {t(`tenders.criteria.veto.${veto}`)}
            </label>
          ))}
          <label>
            {t('tenders.criteria.veto.minDaysLeft')}
            <input
              type="number"
              min={0}
              max={365}
              value={prefs.vetoes.minDaysLeft ?? ''}
              onChange={(e) => setPrefs({ ...prefs, vetoes: { ...prefs.vetoes, minDaysLeft: e.target.value === '' ? null : Math.min(365, Math.max(0, Math.round(Number(e.target.value)))) } })}
            />
          </label>
        </fieldset>
        <label>
          {t('tenders.criteria.notify')}
          <input
            type="number"
            min={0}
            max={100}
            value={prefs.notifyMinScore ?? ''}
            onChange={(e) => setPrefs({ ...prefs, notifyMinScore: e.target.value === '' ? null : Math.min(100, Math.max(0, Math.round(Number(e.target.value)))) })}
          />
        </label>
        <label>
          {t('tenders.criteria.retention')}
          <input
            type="number"
            min={1}
            max={3650}
            value={prefs.retentionDays}
            onChange={(e) => setPrefs({ ...prefs, retentionDays: Math.min(3650, Math.max(1, Math.round(Number(e.target.value) || 1))) })}
          />
        </label>
        <p>
          <button className="button" type="button" onClick={() => void api.call('tenders:purgeContacts', {}).then((r) => r.ok && setPurged(r.value.purged))}>
            {t('tenders.criteria.purgeNow')}
          </button>{' '}
          {purged !== null && <span role="status">{t('tenders.criteria.purged', { count: purged })}</span>}
        </p>
        <div className="dialog-actions">
          <button className="button" type="button" onClick={onCancel}>
            {t('tenders.cancel')}
          </button>
          <button className="button button-primary" type="submit" data-testid="tender-criteria-save">
            {t('tenders.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
