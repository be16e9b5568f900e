import { useTranslation } from 'react-i18next'
import type { ExportRecord } from '../../../../shared/billing'
import { useApi } from '../../api/ApiContext'
import type { CoreLoad } from '../../app/useCoreLoad'
import { InlineError } from '../../components/InlineError'
import { useFormatters } from '../../i18n/useFormatters'
import { useMoney } from './money'

/** Every export made from this cache: when, what, where, its fingerprint; show it or make it again. */
export function ExportHistory({ list }: { list: CoreLoad<ExportRecord[]> }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const money = useMoney()
  const records = list.value ?? []
  return (
    <section aria-labelledby="export-history-title" className="billing-section" data-testid="export-history">
      <h2 id="export-history-title" className="section-title">
        {t('exports.history')}
      </h2>
      {list.error && <InlineError message={list.error.message} onRetry={list.reload} />}
      {records.length === 0 ? (
        <p className="muted">{t('exports.none')}</p>
      ) : (
        <ul className="export-records">
          {records.map((record) => (
            <li key={record.id} data-testid="export-record" data-state={record.state}>
              <div>
                <strong>{t(`exports.presets.${record.spec.preset}`)}</strong> · {t(`billing.types.${record.spec.query.type}`)} · {record.spec.query.from} – {record.spec.query.to} ·{' '}
                <time dateTime={format.iso(record.startedAt)}>{format.dateTime(record.startedAt)}</time> · {t(`exports.states.${record.state}`)}
              </div>
              {record.state === 'done' && (
                <div className="muted">
                  {t('exports.recordFacts', { rows: format.number(record.rows), files: record.files.map((f) => f.split(/[\\/]/).pop()).join(', ') })}{' '}
                  {record.totals.map((total) => money(total.netMinor, total.currency)).join(' · ')}
                  {record.dataAsOf !== null && <> · {t('exports.dataAsOf', { when: format.dateTime(record.dataAsOf) })}</>}
                  <br />
                  <code className="export-hash">SHA-256 {record.sha256[0]}</code>
                </div>
              )}
              {record.error && <div className="muted">{record.error}</div>}
              <div>
                {record.state === 'done' && (
                  <button type="button" className="button button-quiet" onClick={() => void api.call('files:showInFolder', { exportId: record.id })}>
                    {t('exports.showInFolder')}
                  </button>
                )}
                <button type="button" className="button button-quiet" data-testid="export-rerun" onClick={() => void api.call('exports:rerun', { id: record.id }).then(list.reload)}>
                  {t('exports.rerun')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
