import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, EXPORT_PRESETS, NO_SOURCE_COLUMNS, type BillingQuery, type ExportColumn, type ExportPreset, type ExportFinished, type ExportRecord, type ExportSpec } from '../../../../shared/billing'
import { CURRENCIES, type Currency } from '../../../../shared/domain'
import { holdBusy } from '../../app/readiness'
import { useApi } from '../../api/ApiContext'
import { InlineError } from '../../components/InlineError'
import { useFormatters } from '../../i18n/useFormatters'

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; exportId: number | null; done: number; total: number }
  | { kind: 'done'; record: ExportRecord }
  | { kind: 'stopped'; cancelled: boolean; message: string }

/** What to export and how (what the Manager offers, then more), to a file chosen in the system's save dialog. */
export function ExportWizard({ query, onFinished }: { query: BillingQuery; onFinished(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const id = useId()
  const [preset, setPreset] = useState<ExportPreset>('excel-ch')
  const [columns, setColumns] = useState<ExportColumn[]>(DEFAULT_EXPORT_COLUMNS)
  const [split, setSplit] = useState<ExportSpec['split']>('one_file')
  const [decimalMark, setDecimalMark] = useState<'point' | 'comma'>('point')
  const [currency, setCurrency] = useState<Currency>('CHF')
  const [banana, setBanana] = useState({ debit: '1100', credit: '3400', vatCode: 'V81' })
  const [run, setRun] = useState<Run>({ kind: 'idle' })
  const [error, setError] = useState<string | null>(null)

  // Subscribed for the wizard's life, not per export: a short export may end before its start is even answered.
  const current = useRef<number | null>(null)
  const early = useRef(new Map<number, ExportFinished>())
  const busy = useRef<(() => void) | null>(null)
  const settle = useCallback(
    (f: ExportFinished) => {
      current.current = null
      setRun(f.ok ? { kind: 'done', record: f.record } : { kind: 'stopped', cancelled: f.state === 'cancelled', message: f.message })
      busy.current?.()
      busy.current = null
      onFinished()
    },
    [onFinished],
  )
  useEffect(() => {
    const offProgress = api.subscribe('exports:progress', (p) => {
      if (p.exportId === current.current) setRun({ kind: 'running', exportId: p.exportId, done: p.done, total: p.total })
    })
    const offFinished = api.subscribe('exports:finished', (f) => {
      if (f.exportId === current.current) settle(f)
      else early.current.set(f.exportId, f)
    })
    return () => {
      offProgress()
      offFinished()
    }
  }, [api, settle])
  useEffect(
    () => () => {
      busy.current?.()
      busy.current = null
    },
    [],
  )

  const banana_ = preset === 'banana'
  const spec: ExportSpec = {
    query: banana_ ? { ...query, currency } : query,
    preset,
    columns,
    split,
    ...(preset === 'excel-ch' ? { decimalMark } : {}),
    ...(banana_ ? { banana } : {}),
  }

  const start = async () => {
    setError(null)
    const release = holdBusy()
    const extension = banana_ ? 'txt' : 'csv'
    const chosen = await api.call('files:chooseToSave', { suggestedName: `billing-${query.from}-${query.to}.${extension}`, extension })
    if (!chosen.ok || chosen.value === null) {
      release()
      if (!chosen.ok) setError(chosen.error.message)
      return
    }
    // Busy until the export ends: the page is not settled while a file is being written.
    busy.current = release
    setRun({ kind: 'running', exportId: null, done: 0, total: 0 })
    const started = await api.call('exports:start', { spec, target: { handle: chosen.value.handle } })
    if (!started.ok) {
      busy.current = null
      release()
      setRun({ kind: 'idle' })
      setError(started.error.message)
      return
    }
    const { exportId } = started.value
    current.current = exportId
    setRun((r) => (r.kind === 'running' && r.exportId === null ? { ...r, exportId } : r))
    const ended = early.current.get(exportId)
    early.current.clear()
    if (ended) settle(ended)
  }

  const move = (column: ExportColumn, by: -1 | 1) => {
    const at = columns.indexOf(column)
    const to = at + by
    if (to < 0 || to >= columns.length) return
    const next = [...columns]
    ;[next[at], next[to]] = [next[to], next[at]]
    setColumns(next)
  }
  const toggle = (column: ExportColumn) => setColumns(columns.includes(column) ? columns.filter((c) => c !== column) : [...columns, column])
  const unchosen = EXPORT_COLUMNS.filter((c) => !columns.includes(c))
  const running = run.kind === 'running'

  return (
    <section aria-labelledby="exports-title" className="billing-section" data-testid="export-wizard">
      <h2 id="exports-title" className="section-title">
        {t('exports.title')}
      </h2>
      <p className="muted">{t('exports.what', { from: query.from, to: query.to, type: t(`billing.types.${query.type}`) })}</p>
      <div className="export-options">
        <label className="field" htmlFor={`${id}-preset`}>
          {t('exports.preset')}
          <select id={`${id}-preset`} className="select" value={preset} onChange={(e) => setPreset(e.target.value as ExportPreset)} data-testid="export-preset" disabled={running}>
            {EXPORT_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`exports.presets.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {preset === 'excel-ch' && (
          <label className="field" htmlFor={`${id}-decimal`}>
            {t('exports.decimalMark')}
            <select id={`${id}-decimal`} className="select" value={decimalMark} onChange={(e) => setDecimalMark(e.target.value as 'point' | 'comma')} disabled={running}>
              <option value="point">{t('exports.point')}</option>
              <option value="comma">{t('exports.comma')}</option>
            </select>
          </label>
        )}
        {banana_ && (
          <>
            <label className="field" htmlFor={`${id}-currency`}>
              {t('exports.currency')}
              <select id={`${id}-currency`} className="select" value={currency} onChange={(e) => setCurrency(e.target.value as Currency)} disabled={running}>
                {CURRENCIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            {(['debit', 'credit', 'vatCode'] as const).map((key) => (
              <label key={key} className="field" htmlFor={`${id}-${key}`}>
                {t(`exports.banana.${key}`)}
                <input id={`${id}-${key}`} value={banana[key]} maxLength={40} onChange={(e) => setBanana({ ...banana, [key]: e.target.value })} disabled={running} />
              </label>
            ))}
          </>
        )}
        <label className="field" htmlFor={`${id}-split`}>
          {t('exports.split')}
          <select id={`${id}-split`} className="select" value={split} onChange={(e) => setSplit(e.target.value as ExportSpec['split'])} data-testid="export-split" disabled={running}>
            <option value="one_file">{t('exports.oneFile')}</option>
            <option value="per_client">{t('exports.perClient')}</option>
          </select>
        </label>
      </div>
      {banana_ ? (
        <p className="muted">{t('exports.bananaColumns')}</p>
      ) : (
        <fieldset className="export-columns" disabled={running}>
          <legend>{t('exports.columns')}</legend>
          <ol data-testid="export-columns">
            {columns.map((column, i) => (
              <li key={column}>
                <label>
                  <input type="checkbox" checked onChange={() => toggle(column)} /> {t(`exports.column.${column}`)}
                </label>
                {NO_SOURCE_COLUMNS.includes(column) && <span className="muted"> {t('exports.noSource')}</span>}
                <button type="button" className="button button-quiet" onClick={() => move(column, -1)} disabled={i === 0} aria-label={t('exports.moveUp', { column: t(`exports.column.${column}`) })}>
                  ↑
                </button>
                <button type="button" className="button button-quiet" onClick={() => move(column, 1)} disabled={i === columns.length - 1} aria-label={t('exports.moveDown', { column: t(`exports.column.${column}`) })}>
                  ↓
                </button>
              </li>
            ))}
          </ol>
          <ul>
            {unchosen.map((column) => (
              <li key={column}>
                <label>
                  <input type="checkbox" checked={false} onChange={() => toggle(column)} /> {t(`exports.column.${column}`)}
                </label>
                {NO_SOURCE_COLUMNS.includes(column) && <span className="muted"> {t('exports.noSource')}</span>}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {error && <InlineError message={error} onDismiss={() => setError(null)} />}
      {run.kind === 'running' ? (
        <div className="export-progress" data-testid="export-progress">
          <progress max={Math.max(run.total, 1)} value={run.done} aria-label={t('exports.progress')} />
          <span>{t('exports.progressText', { done: format.number(run.done), total: format.number(run.total) })}</span>
          <button type="button" className="button" data-testid="export-cancel" disabled={run.exportId === null} onClick={() => run.exportId !== null && void api.call('exports:cancel', { exportId: run.exportId })}>
            {t('exports.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-primary" data-testid="export-start" onClick={() => void start()} disabled={columns.length === 0 && !banana_}>
          {t('exports.start')}
        </button>
      )}
      {run.kind === 'done' && (
        <p role="status" data-testid="export-done">
          {t('exports.done', { rows: format.number(run.record.rows), files: run.record.files.length })}
        </p>
      )}
      {run.kind === 'stopped' && (
        <p role="status" data-testid={run.cancelled ? 'export-cancelled' : 'export-failed'}>
          {run.cancelled ? t('exports.cancelled') : t('exports.failed', { message: run.message })}
        </p>
      )}
    </section>
  )
}
